// Mailboxes: an Exchange Online plan gives the user its mail address and primary proxy
// address; later renames keep old addresses; losing the plan disables the mailbox visibly.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "engine/license_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class MailboxTest : public LicensingTest {
 protected:
  void SetUp() override {
    LicensingTest::SetUp();
    AddVerifiedDomain("contoso.com");
    Subscribe("ENTERPRISEPACK", 10);
    Subscribe("FLOW_FREE", 10);
    Subscribe("EXCHANGESTANDARD", 10);
  }

  User CreateAt(const std::string& alias, const PropertyMap& extra = {}) {
    NewUser request = MakeNewUser(alias, alias, "contoso.com");
    request.properties["usageLocation"] = std::string("US");
    for (const auto& [name, value] : extra) request.properties[name] = value;
    return Create(request);
  }
};

TEST_F(MailboxTest, AnExchangePlanGivesTheUpnAsMailAndPrimaryAddress) {
  const User user = CreateAt("adele");
  auto licensed = Assign(user.id, {{.sku_id = kExchangeOnline1}});
  ASSERT_THAT(licensed, Succeeds());
  EXPECT_EQ(licensed->mail, "adele@contoso.com");
  EXPECT_THAT(licensed->proxy_addresses, ElementsAre("SMTP:adele@contoso.com"));
  EXPECT_EQ(Get(user.id), *licensed);
}

TEST_F(MailboxTest, ExchangeFoundationAloneGivesNoMailbox) {
  const User user = CreateAt("adele");
  auto licensed = Assign(user.id, {{.sku_id = kFlowFree}});
  ASSERT_THAT(licensed, Succeeds());
  EXPECT_EQ(licensed->mail, std::nullopt);
  EXPECT_THAT(licensed->proxy_addresses, IsEmpty());
  EXPECT_EQ(FindPlan(*licensed, kFoundation)->service, "exchange");
}

TEST_F(MailboxTest, AUserWithAMailAddressKeepsIt) {
  const User user = CreateAt("adele", {{"mail", std::string("Adele.Vance@contoso.com")}});
  auto licensed = Assign(user.id, {{.sku_id = kE3}});
  ASSERT_THAT(licensed, Succeeds());
  EXPECT_EQ(licensed->mail, "Adele.Vance@contoso.com");
  EXPECT_THAT(licensed->proxy_addresses, ElementsAre("SMTP:Adele.Vance@contoso.com"));
}

TEST_F(MailboxTest, RenamesKeepTheOldAddressesAsSecondary) {
  const User user = CreateAt("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  auto renamed = directory_->UpdateUser(
      kActor, user.id, {{"userPrincipalName", std::string("adele.vance@contoso.com")}});
  ASSERT_THAT(renamed, Succeeds());
  EXPECT_THAT(renamed->proxy_addresses, ElementsAre("SMTP:adele@contoso.com"));
  auto remailed =
      directory_->UpdateUser(kActor, user.id, {{"mail", std::string("adele.vance@contoso.com")}});
  ASSERT_THAT(remailed, Succeeds());
  EXPECT_THAT(remailed->proxy_addresses,
              ElementsAre("SMTP:adele.vance@contoso.com", "smtp:adele@contoso.com"));
  auto moved = directory_->UpdateUser(
      kActor, user.id, {{"userPrincipalName", std::string("adele@contoso.onmicrosoft.com")}});
  ASSERT_THAT(moved, Succeeds());
  EXPECT_THAT(moved->proxy_addresses,
              ElementsAre("SMTP:adele.vance@contoso.com", "smtp:adele@contoso.com"));
  // The old addresses stay this user's: nobody else may take them.
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", "Other", "contoso.com"), false),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
}

TEST_F(MailboxTest, AMailboxAddressHeldByAnotherUserRefusesTheLicence) {
  const User adele = CreateAt("adele");
  CreateAt("other", {{"mail", std::string("adele@contoso.com")}});
  const std::size_t events = EventCount();
  EXPECT_THAT(Assign(adele.id, {{.sku_id = kE3}}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_EQ(Get(adele.id), adele);
  EXPECT_EQ(Consumed(kE3), 0);
  EXPECT_EQ(EventCount(), events);
  // A licence without a mailbox is fine.
  EXPECT_THAT(Assign(adele.id, {{.sku_id = kFlowFree}}), Succeeds());
}

TEST_F(MailboxTest, DisablingTheExchangePlanDisablesTheMailboxButKeepsItsAddresses) {
  const User user = CreateAt("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  clock_.Advance(10);
  auto disabled = Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kExchangeE3}}});
  ASSERT_THAT(disabled, Succeeds());
  EXPECT_EQ(FindPlan(*disabled, kExchangeE3)->capability_status, "Deleted");
  EXPECT_EQ(FindPlan(*disabled, kExchangeE3)->assigned_date_time, kStart);
  EXPECT_EQ(disabled->mail, "adele@contoso.com");
  EXPECT_THAT(disabled->proxy_addresses, ElementsAre("SMTP:adele@contoso.com"));

  clock_.Advance(10);
  auto enabled = Assign(user.id, {{.sku_id = kE3}});
  ASSERT_THAT(enabled, Succeeds());
  EXPECT_EQ(FindPlan(*enabled, kExchangeE3)->capability_status, "Enabled");
  EXPECT_EQ(FindPlan(*enabled, kExchangeE3)->assigned_date_time, kStart + 20);
}

TEST_F(MailboxTest, RemovingTheLicenceMarksEveryPlanDeleted) {
  const User user = CreateAt("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  auto removed = Assign(user.id, {}, {kE3});
  ASSERT_THAT(removed, Succeeds());
  EXPECT_THAT(removed->assigned_licenses, IsEmpty());
  EXPECT_THAT(removed->license_assignment_states, IsEmpty());
  ASSERT_EQ(removed->assigned_plans.size(), 36u);
  for (const AssignedPlan& plan : removed->assigned_plans) {
    EXPECT_EQ(plan.capability_status, "Deleted") << plan.service_plan_id;
  }
  EXPECT_EQ(removed->mail, "adele@contoso.com");
  EXPECT_EQ(Get(user.id), *removed);
  EXPECT_EQ(Consumed(kE3), 0);
}

}  // namespace
}  // namespace admin365::engine_test
