// What licences give (license_rules.h) and the assignLicense rules short of seats
// (license_change.h), as pure functions over the real catalogue.

#include "engine/license_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "engine/license_change.h"
#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr UnixSeconds kT0 = 1'767'225'600;
const std::string kE3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";             // ENTERPRISEPACK
const std::string kFlowFree = "f30db892-07e9-47e9-837c-80727f46fd3d";       // FLOW_FREE
const std::string kExchangePlan2 = "efb87545-963c-4e0d-99df-69c6916d9eb0";  // in E3
const std::string kSway = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";           // in E3
const std::string kFoundation = "113feb6c-3fe4-4440-bddc-54d774bf0318";     // in FLOW_FREE

const SkuCatalog& Catalog() { return **SkuCatalog::BuiltIn(); }

LicenseAssignmentState State(const std::string& sku, std::vector<std::string> disabled = {},
                             const std::string& group = "", const std::string& state = "Active") {
  return {.sku_id = sku,
          .disabled_plans = std::move(disabled),
          .assigned_by_group = group,
          .state = state,
          .error = state == "Active" ? "None" : "CountViolation",
          .last_updated_date_time = kT0};
}

const AssignedPlan* PlanOf(const std::vector<AssignedPlan>& plans, const std::string& id) {
  const auto it = std::find_if(plans.begin(), plans.end(), [&](const AssignedPlan& plan) {
    return plan.service_plan_id == id;
  });
  return it == plans.end() ? nullptr : &*it;
}

TEST(LicenseRulesTest, MailboxPlansAreExchangeOnlinePlansButFoundationAndArchiving) {
  EXPECT_TRUE(IsMailboxPlan("EXCHANGE_S_ENTERPRISE"));
  EXPECT_TRUE(IsMailboxPlan("EXCHANGE_S_STANDARD"));
  EXPECT_TRUE(IsMailboxPlan("EXCHANGE_S_DESKLESS"));
  EXPECT_FALSE(IsMailboxPlan("EXCHANGE_S_FOUNDATION"));
  EXPECT_FALSE(IsMailboxPlan("EXCHANGE_S_FOUNDATION_GOV"));
  EXPECT_FALSE(IsMailboxPlan("EXCHANGE_S_ARCHIVE_ADDON"));
  EXPECT_FALSE(IsMailboxPlan("EXCHANGE_ANALYTICS"));
  EXPECT_FALSE(IsMailboxPlan("MIP_S_Exchange"));
}

TEST(LicenseRulesTest, ServiceNamesFollowThePlanFamily) {
  EXPECT_EQ(ServiceOfPlan("EXCHANGE_S_ENTERPRISE"), "exchange");
  EXPECT_EQ(ServiceOfPlan("EXCHANGE_S_FOUNDATION"), "exchange");
  EXPECT_EQ(ServiceOfPlan("SHAREPOINTWAC"), "SharePoint");
  EXPECT_EQ(ServiceOfPlan("TEAMS1"), "TeamspaceAPI");
  EXPECT_EQ(ServiceOfPlan("MCOSTANDARD"), "MicrosoftCommunicationsOnline");
  EXPECT_EQ(ServiceOfPlan("PROJECTWORKMANAGEMENT"), "ProjectWorkManagement");
  EXPECT_EQ(ServiceOfPlan("PROJECT_O365_P2"), "ProjectProgramsAndPortfolios");
  EXPECT_EQ(ServiceOfPlan("Deskless"), "Deskless");
  EXPECT_EQ(ServiceOfPlan("CDS_O365_P2"), "CDS");
  EXPECT_EQ(ServiceOfPlan("Nucleus"), "Nucleus");
}

TEST(LicenseRulesTest, EffectiveLicensesMergeAssignmentsOfOneSkuAndSkipErrors) {
  const std::vector<AssignedLicense> licenses =
      EffectiveLicenses({State(kE3, {kSway, kExchangePlan2}), State(kFlowFree, {}, "", "Error"),
                         State(kE3, {kSway}, "5c3a0000-0000-0000-0000-000000000001")});
  EXPECT_THAT(licenses, ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kSway}}));
}

TEST(LicenseRulesTest, RemovedPlansStayAsDeletedAndComeBackEnabled) {
  std::vector<AssignedPlan> plans =
      NextAssignedPlans({}, {{.sku_id = kE3, .disabled_plans = {kSway}}}, Catalog(), kT0);
  EXPECT_THAT(plans, SizeIs(35));
  EXPECT_EQ(PlanOf(plans, kSway), nullptr);
  EXPECT_EQ(*PlanOf(plans, kExchangePlan2), (AssignedPlan{.assigned_date_time = kT0,
                                                          .capability_status = "Enabled",
                                                          .service = "exchange",
                                                          .service_plan_id = kExchangePlan2}));

  // E3 replaced by FLOW_FREE (3 plans, none of them E3's).
  plans = NextAssignedPlans(plans, {{.sku_id = kFlowFree}}, Catalog(), kT0 + 10);
  EXPECT_THAT(plans, SizeIs(38));
  EXPECT_EQ(PlanOf(plans, kExchangePlan2)->capability_status, "Deleted");
  EXPECT_EQ(PlanOf(plans, kExchangePlan2)->assigned_date_time, kT0);
  EXPECT_EQ(*PlanOf(plans, kFoundation), (AssignedPlan{.assigned_date_time = kT0 + 10,
                                                       .capability_status = "Enabled",
                                                       .service = "exchange",
                                                       .service_plan_id = kFoundation}));

  plans = NextAssignedPlans(plans, {{.sku_id = kE3}}, Catalog(), kT0 + 20);
  EXPECT_EQ(PlanOf(plans, kExchangePlan2)->capability_status, "Enabled");
  EXPECT_EQ(PlanOf(plans, kExchangePlan2)->assigned_date_time, kT0 + 20);
  EXPECT_EQ(PlanOf(plans, kSway)->assigned_date_time, kT0 + 20);
}

TEST(LicenseRulesTest, AMailboxPlanGivesMailAndThePrimaryAddressOnce) {
  User user{.user_principal_name = "adele@contoso.com"};
  user.license_assignment_states = {State(kFlowFree)};
  ApplyLicenseStates(user, Catalog(), kT0);
  EXPECT_EQ(user.mail, std::nullopt);
  EXPECT_THAT(user.proxy_addresses, IsEmpty());

  user.license_assignment_states.push_back(State(kE3));
  ApplyLicenseStates(user, Catalog(), kT0);
  EXPECT_EQ(user.mail, "adele@contoso.com");
  EXPECT_THAT(user.proxy_addresses, ElementsAre("SMTP:adele@contoso.com"));

  // A user with mail keeps it.
  User named{.user_principal_name = "bob@contoso.com", .mail = "robert@contoso.com"};
  named.proxy_addresses = {"SMTP:robert@contoso.com"};
  named.license_assignment_states = {State(kE3)};
  ApplyLicenseStates(named, Catalog(), kT0);
  EXPECT_EQ(named.mail, "robert@contoso.com");
  EXPECT_THAT(named.proxy_addresses, ElementsAre("SMTP:robert@contoso.com"));

  // Exchange disabled: no mailbox.
  User disabled{.user_principal_name = "carol@contoso.com"};
  disabled.license_assignment_states = {State(kE3, {kExchangePlan2})};
  ApplyLicenseStates(disabled, Catalog(), kT0);
  EXPECT_EQ(disabled.mail, std::nullopt);
}

// --- PlanLicenseChange ---

const std::set<std::string> kSubscribed = {kE3, kFlowFree};
const std::string kGroup = "5c3a0000-0000-0000-0000-000000000001";

User LicensedUser(std::vector<LicenseAssignmentState> states) {
  User user{.user_principal_name = "adele@contoso.com", .usage_location = "US"};
  user.license_assignment_states = std::move(states);
  return user;
}

TEST(PlanLicenseChangeTest, ReplacesInOneStepAndNeedsASeatOnlyForTheNewSku) {
  auto planned = PlanLicenseChange(
      LicensedUser({State(kFlowFree)}),
      {.add_licenses = {{.sku_id = "6FD2C87F-B296-42F0-B197-1E91E994B900",
                         .disabled_plans = {"A23B959C-7CE8-4E57-9140-B90EB88A9E97", kSway}}},
       .remove_licenses = {kFlowFree}},
      kSubscribed, Catalog(), kT0 + 5);
  ASSERT_THAT(planned, Succeeds());
  EXPECT_THAT(planned->states,
              ElementsAre(LicenseAssignmentState{.sku_id = kE3,
                                                 .disabled_plans = {kSway},
                                                 .state = "Active",
                                                 .error = "None",
                                                 .last_updated_date_time = kT0 + 5}));
  EXPECT_THAT(planned->seats_needed, ElementsAre(kE3));
}

TEST(PlanLicenseChangeTest, AddingAHeldLicenceUpdatesItsDisabledPlansWithoutASeat) {
  auto planned =
      PlanLicenseChange(LicensedUser({State(kE3, {kSway})}), {.add_licenses = {{.sku_id = kE3}}},
                        kSubscribed, Catalog(), kT0 + 5);
  ASSERT_THAT(planned, Succeeds());
  EXPECT_THAT(
      planned->states,
      ElementsAre(LicenseAssignmentState{
          .sku_id = kE3, .state = "Active", .error = "None", .last_updated_date_time = kT0 + 5}));
  EXPECT_THAT(planned->seats_needed, IsEmpty());
}

TEST(PlanLicenseChangeTest, ADirectLicenceNextToAGroupOneSharesItsSeat) {
  auto planned =
      PlanLicenseChange(LicensedUser({State(kE3, {}, kGroup)}), {.add_licenses = {{.sku_id = kE3}}},
                        kSubscribed, Catalog(), kT0);
  ASSERT_THAT(planned, Succeeds());
  EXPECT_THAT(planned->states, SizeIs(2));
  EXPECT_THAT(planned->seats_needed, IsEmpty());
}

TEST(PlanLicenseChangeTest, ALicenceInErrorAddedAgainNeedsASeat) {
  auto planned =
      PlanLicenseChange(LicensedUser({State(kE3, {}, "", "Error")}),
                        {.add_licenses = {{.sku_id = kE3}}}, kSubscribed, Catalog(), kT0 + 1);
  ASSERT_THAT(planned, Succeeds());
  EXPECT_EQ(planned->states[0].state, "Active");
  EXPECT_EQ(planned->states[0].error, "None");
  EXPECT_THAT(planned->seats_needed, ElementsAre(kE3));
}

TEST(PlanLicenseChangeTest, ReportsErrorsInGraphsOrder) {
  const User unlocated{.user_principal_name = "adele@contoso.com"};
  EXPECT_THAT(PlanLicenseChange(unlocated, {.add_licenses = {{.sku_id = "not-subscribed"}}},
                                kSubscribed, Catalog(), kT0),
              FailsWith(expected::InvalidUsageLocationForLicense()));
  // Removing needs no usage location.
  EXPECT_THAT(PlanLicenseChange(unlocated, {.remove_licenses = {kE3}}, kSubscribed, Catalog(), kT0),
              FailsWith(expected::LicenseNotAssigned()));
  const User user = LicensedUser({State(kE3, {}, kGroup)});
  EXPECT_THAT(
      PlanLicenseChange(user,
                        {.add_licenses = {{.sku_id = "c7df2760-2c81-4ef7-b578-5b5392b571df"}},
                         .remove_licenses = {kFlowFree}},
                        kSubscribed, Catalog(), kT0),
      FailsWith(expected::InvalidCompanyLicense("c7df2760-2c81-4ef7-b578-5b5392b571df")));
  EXPECT_THAT(
      PlanLicenseChange(user, {.add_licenses = {{.sku_id = kFlowFree, .disabled_plans = {kSway}}}},
                        kSubscribed, Catalog(), kT0),
      FailsWith(expected::InvalidDisabledPlan(kFlowFree, kSway)));
  EXPECT_THAT(
      PlanLicenseChange(user, {.add_licenses = {{.sku_id = kE3, .disabled_plans = {"SWAY"}}}},
                        kSubscribed, Catalog(), kT0),
      FailsWith(expected::InvalidDisabledPlan(kE3, "SWAY")));
  EXPECT_THAT(PlanLicenseChange(user, {.remove_licenses = {"c7df2760-2c81-4ef7-b578-5b5392b571df"}},
                                kSubscribed, Catalog(), kT0),
              FailsWith(expected::InvalidCompanyLicense("c7df2760-2c81-4ef7-b578-5b5392b571df")));
  EXPECT_THAT(PlanLicenseChange(user, {.remove_licenses = {kE3}}, kSubscribed, Catalog(), kT0),
              FailsWith(expected::LicenseInheritedFromGroup()));
  EXPECT_THAT(
      PlanLicenseChange(user, {.remove_licenses = {kFlowFree}}, kSubscribed, Catalog(), kT0),
      FailsWith(expected::LicenseNotAssigned()));
}

TEST(PlanLicenseChangeTest, RemovingADirectLicenceKeepsTheGroupOne) {
  auto planned = PlanLicenseChange(LicensedUser({State(kE3), State(kE3, {}, kGroup)}),
                                   {.remove_licenses = {kE3}}, kSubscribed, Catalog(), kT0);
  ASSERT_THAT(planned, Succeeds());
  EXPECT_THAT(planned->states, ElementsAre(State(kE3, {}, kGroup)));
}

}  // namespace
}  // namespace admin365::engine
