// LocalDirectory: contact information and naming attributes (M365 Manager Plus's "contact
// info" and "naming attributes", §3.9) through UpdateUser, with Graph's limits (§3.1).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

struct Limit {
  std::string property;
  std::size_t max;
};

// Graph's limits (entra-graph-facts.md §3.1); faxNumber has none published and takes
// Active Directory's 64.
const std::vector<Limit> kLimits = {
    {"givenName", 64},   {"surname", 64},    {"displayName", 256},    {"mailNickname", 64},
    {"mobilePhone", 64}, {"faxNumber", 64},  {"streetAddress", 1024}, {"city", 128},
    {"state", 128},      {"postalCode", 40}, {"country", 128},        {"officeLocation", 128},
};

TEST_F(LocalDirectoryTest, ContactAndNamingPropertiesTakeExactlyTheirLimit) {
  const User adele = Create("adele", "Adele Vance");
  for (const Limit& limit : kLimits) {
    SCOPED_TRACE(limit.property);
    auto updated =
        directory_->UpdateUser(kActor, adele.id, {{limit.property, std::string(limit.max, 'x')}});
    ASSERT_THAT(updated, Succeeds());
    const User before = Get(adele.id);
    const std::size_t events = EventCount();
    EXPECT_THAT(directory_->UpdateUser(kActor, adele.id,
                                       {{limit.property, std::string(limit.max + 1, 'x')}}),
                FailsWith(expected::InvalidValue(limit.property)));
    EXPECT_EQ(Get(adele.id), before);
    EXPECT_EQ(EventCount(), events);
  }
}

TEST_F(LocalDirectoryTest, ContactCollectionsFollowGraphsRules) {
  const User adele = Create("adele", "Adele Vance");
  ASSERT_THAT(
      directory_->UpdateUser(
          kActor, adele.id,
          {{"businessPhones", std::vector<std::string>{"+1 425 555 0109"}},
           {"otherMails", std::vector<std::string>{"adele@fabrikam.com", "av@outlook.com"}}}),
      Succeeds());
  const User before = Get(adele.id);
  EXPECT_THAT(
      directory_->UpdateUser(
          kActor, adele.id,
          {{"businessPhones", std::vector<std::string>{"+1 425 555 0109", "+1 425 555 0110"}}}),
      FailsWith(expected::InvalidValue("businessPhones")));
  EXPECT_THAT(directory_->UpdateUser(
                  kActor, adele.id,
                  {{"otherMails", std::vector<std::string>{"ad\xC3\xA8le@fabrikam.com"}}}),
              FailsWith(expected::InvalidValue("otherMails")));
  // One bad property fails the whole patch.
  EXPECT_THAT(directory_->UpdateUser(
                  kActor, adele.id,
                  {{"city", std::string("Redmond")}, {"postalCode", std::string(41, '9')}}),
              FailsWith(expected::InvalidValue("postalCode")));
  EXPECT_EQ(Get(adele.id), before);
}

}  // namespace
}  // namespace admin365::engine_test
