// LocalDirectory::ActivateUser (Enable-MSOnlineUser, §6.1): enable, password and usage
// location in one transaction.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <functional>
#include <string>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;

class ActivationTest : public LocalDirectoryTest {
 protected:
  // Add-MSOnlineUser: a disabled user without usage location.
  User AddDisabled(const std::string& alias, const std::string& name) {
    NewUser request = MakeNewUser(alias, name);
    request.properties["accountEnabled"] = false;
    return Create(request);
  }

  // Records `user`, its password hash and the audit trail's length now; the function
  // returned expects all three as they were (what a failed activation must leave).
  std::function<void()> ExpectsUnchanged(const User& user) {
    const std::string hash = PasswordHashOf(user.id);
    const std::size_t events = EventCount();
    return [this, user, hash, events] {
      EXPECT_EQ(Get(user.id), user);
      EXPECT_EQ(PasswordHashOf(user.id), hash);
      EXPECT_EQ(EventCount(), events);
    };
  }

  User SyncDisabled() {
    NewUser request = MakeNewUser("adele", "Adele Vance");
    request.password_profile.reset();
    request.properties["accountEnabled"] = false;
    auto synced = directory_->SyncUser(kActor, request, {.immutable_id = "Anchor=="});
    EXPECT_THAT(synced, Succeeds());
    return synced ? *synced : User{};
  }
};

TEST_F(ActivationTest, ActivationEnablesSetsThePasswordAndUsageLocation) {
  const User adele = AddDisabled("adele", "Adele Vance");
  clock_.Advance(100);
  auto activated = directory_->ActivateUser(
      kActor, adele.id,
      {.password = {.password = "Zx9!kTq4wLm2", .force_change_password_next_sign_in = false},
       .usage_location = "us"});
  ASSERT_THAT(activated, Succeeds());
  EXPECT_EQ(activated->generated_password, "");
  User expected = adele;
  expected.account_enabled = true;
  expected.usage_location = "US";
  expected.last_password_change_date_time = kStart + 100;
  expected.force_change_password_next_sign_in = false;
  EXPECT_EQ(activated->user, expected);
  EXPECT_EQ(Get(adele.id), expected);
  EXPECT_TRUE(*directory_->CheckPassword(adele.id, "Zx9!kTq4wLm2"));

  const std::vector<AuditEvent> events = Events(adele.id);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[0].action, "Reset user password");
  EXPECT_THAT(events[0].changes,
              ElementsAre(PropertyChange{"passwordProfile", "[redacted]", "[redacted]"}));
  EXPECT_EQ(events[1].action, "Update user");
  EXPECT_THAT(events[1].changes, ElementsAre(PropertyChange{"accountEnabled", "false", "true"},
                                             PropertyChange{"usageLocation", std::nullopt, "US"}));
  EXPECT_EQ(events[2].action, "Add user");
}

TEST_F(ActivationTest, ActivationCanGenerateThePassword) {
  const User adele = AddDisabled("adele", "Adele Vance");
  auto activated = directory_->ActivateUser(kActor, adele.id, {.password = {.generate = true}});
  ASSERT_THAT(activated, Succeeds());
  EXPECT_GE(activated->generated_password.size(), 8u);
  EXPECT_TRUE(activated->user.account_enabled);
  EXPECT_TRUE(activated->user.force_change_password_next_sign_in);
  EXPECT_TRUE(*directory_->CheckPassword(adele.id, activated->generated_password));
  EXPECT_EQ(activated->user.usage_location, std::nullopt);
  // Every event is free of the password.
  for (const AuditEvent& event : Events()) {
    for (const PropertyChange& change : event.changes) {
      EXPECT_NE(change.new_value, activated->generated_password);
    }
  }
}

TEST_F(ActivationTest, AnActiveUserIsActivatedAgainWithoutAnUpdateEvent) {
  const User adele = Create("adele", "Adele Vance");
  const std::size_t events = EventCount();
  ASSERT_THAT(
      directory_->ActivateUser(kActor, adele.id, {.password = {.password = "Zx9!kTq4wLm2"}}),
      Succeeds());
  EXPECT_EQ(EventCount(), events + 1);
  EXPECT_EQ(Events().front().action, "Reset user password");
}

TEST_F(ActivationTest, ASynchronizedUserKeepsItsAccountEnabled) {
  const User adele = SyncDisabled();
  auto activated = directory_->ActivateUser(
      kActor, adele.id, {.password = {.password = "Zx9!kTq4wLm2"}, .usage_location = "GB"});
  ASSERT_THAT(activated, Succeeds());
  // accountEnabled is on-premises AD's; the password and usage location are set.
  EXPECT_FALSE(activated->user.account_enabled);
  EXPECT_EQ(activated->user.usage_location, "GB");
  EXPECT_TRUE(*directory_->CheckPassword(adele.id, "Zx9!kTq4wLm2"));
  EXPECT_THAT(Events()[1].changes,
              ElementsAre(PropertyChange{"usageLocation", std::nullopt, "GB"}));
}

TEST_F(ActivationTest, AFailedActivationChangesNothing) {
  const User adele = AddDisabled("adele", "Adele Vance");
  const auto unchanged = ExpectsUnchanged(adele);
  EXPECT_THAT(directory_->ActivateUser(
                  kActor, adele.id, {.password = {.password = "password"}, .usage_location = "US"}),
              FailsWith(expected::PasswordComplexity()));
  unchanged();
  EXPECT_THAT(
      directory_->ActivateUser(kActor, adele.id,
                               {.password = {.password = "Zx9!kTq4wLm2"}, .usage_location = "XX"}),
      FailsWith(expected::InvalidValue("usageLocation")));
  unchanged();
  EXPECT_THAT(directory_->ActivateUser(kActor, adele.id, {.usage_location = "US"}),
              FailsWith(expected::RequiredProperty("passwordProfile")));
  unchanged();
  EXPECT_THAT(directory_->ActivateUser(kActor, "nobody@contoso.onmicrosoft.com",
                                       {.password = {.generate = true}}),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
  unchanged();
}

// --- Licences ---

constexpr std::string_view kE3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";

TEST_F(ActivationTest, ActivationAssignsLicencesInTheSameStep) {
  ASSERT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 1), Succeeds());
  const User adele = AddDisabled("adele", "Adele Vance");
  auto activated =
      directory_->ActivateUser(kActor, adele.id,
                               {.password = {.generate = true},
                                .usage_location = "US",
                                .add_licenses = {AssignedLicense{.sku_id = std::string(kE3)}}});
  ASSERT_THAT(activated, Succeeds());
  EXPECT_TRUE(activated->user.account_enabled);
  EXPECT_THAT(activated->user.assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = std::string(kE3)}));
  EXPECT_EQ(Get(adele.id), activated->user);
  const std::vector<AuditEvent> events = Events(adele.id);
  EXPECT_EQ(events[0].action, "Change user license");
  EXPECT_EQ(events[1].action, "Reset user password");
  EXPECT_EQ(events[2].action, "Update user");
}

TEST_F(ActivationTest, FailingAtTheLicenceStepChangesNothing) {
  ASSERT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 1), Succeeds());
  const User megan = Create("megan", "Megan Bowen");
  ASSERT_THAT(directory_->UpdateUser(kActor, megan.id, {{"usageLocation", std::string("US")}}),
              Succeeds());
  ASSERT_THAT(
      directory_->AssignLicense(kActor, megan.id, {.add_licenses = {{.sku_id = std::string(kE3)}}}),
      Succeeds());
  const User adele = AddDisabled("adele", "Adele Vance");
  const auto unchanged = ExpectsUnchanged(adele);
  const ActivateRequest with_e3{.password = {.password = "Zx9!kTq4wLm2"},
                                .usage_location = "US",
                                .add_licenses = {{.sku_id = std::string(kE3)}}};
  // The last seat is Megan's.
  EXPECT_THAT(directory_->ActivateUser(kActor, adele.id, with_e3),
              FailsWith(expected::NoAvailableLicenses(std::string(kE3))));
  unchanged();
  // A licence needs a usage location.
  ActivateRequest no_location = with_e3;
  no_location.usage_location.reset();
  EXPECT_THAT(directory_->ActivateUser(kActor, adele.id, no_location),
              FailsWith(expected::InvalidUsageLocationForLicense()));
  unchanged();
  // A product the tenant did not buy.
  const std::string e5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
  ActivateRequest not_bought = with_e3;
  not_bought.add_licenses = {{.sku_id = e5}};
  EXPECT_THAT(directory_->ActivateUser(kActor, adele.id, not_bought),
              FailsWith(expected::InvalidCompanyLicense(e5)));
  unchanged();
}

}  // namespace
}  // namespace admin365::engine_test
