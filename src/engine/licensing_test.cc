// LocalDirectory::AssignLicense: Entra's licence rules and errors, atomic replacement, exact
// seat counts under concurrency, and what a soft delete and a restore do to seats.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "domain/license_details.h"
#include "engine/license_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const std::string kGroup = "5c3a0000-0000-4000-8000-000000000001";

TEST_F(LicensingTest, AssignGivesTheLicenceItsStateAndItsPlans) {
  Subscribe("ENTERPRISEPACK", 25);
  const User user = CreateLicensable("adele");
  const std::size_t events = EventCount();
  clock_.Advance(60);

  auto assigned = Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kSway}}});
  ASSERT_THAT(assigned, Succeeds());
  EXPECT_THAT(assigned->assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kSway}}));
  EXPECT_THAT(assigned->license_assignment_states,
              ElementsAre(LicenseAssignmentState{.sku_id = kE3,
                                                 .disabled_plans = {kSway},
                                                 .state = "Active",
                                                 .error = "None",
                                                 .last_updated_date_time = kStart + 60}));
  EXPECT_THAT(assigned->assigned_plans, SizeIs(35));
  EXPECT_EQ(FindPlan(*assigned, kSway), nullptr);
  EXPECT_EQ(*FindPlan(*assigned, kExchangeE3), (AssignedPlan{.assigned_date_time = kStart + 60,
                                                             .capability_status = "Enabled",
                                                             .service = "exchange",
                                                             .service_plan_id = kExchangeE3}));
  EXPECT_EQ(FindPlan(*assigned, kTeams)->service, "TeamspaceAPI");
  EXPECT_EQ(Get(user.id), *assigned);
  EXPECT_EQ(Consumed(kE3), 1);

  const std::vector<AuditEvent> all = Events();
  ASSERT_EQ(all.size(), events + 1);
  EXPECT_EQ(all[0].action, "Change user license");
  EXPECT_EQ(all[0].target_type, "User");
  EXPECT_EQ(all[0].target_id, user.id);
  EXPECT_THAT(all[0].changes,
              ElementsAre(PropertyChange{"licenseAssignmentStates", std::nullopt,
                                         "ENTERPRISEPACK (disabled: SWAY)"},
                          PropertyChange{"mail", std::nullopt, "adele@contoso.onmicrosoft.com"},
                          PropertyChange{"proxyAddresses", std::nullopt,
                                         "SMTP:adele@contoso.onmicrosoft.com"}));
}

TEST_F(LicensingTest, LicenseDetailsSpellOutEachPlanAndWhetherItIsDisabled) {
  Subscribe("ENTERPRISEPACK", 25);
  const User user = CreateLicensable("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kSway}}}), Succeeds());
  auto skus = directory_->ListSubscribedSkus();
  ASSERT_THAT(skus, Succeeds());
  const std::vector<LicenseDetail> details = LicenseDetailsOf(Get(user.id), *skus);
  ASSERT_THAT(details, SizeIs(1));
  EXPECT_EQ(details[0].sku_part_number, "ENTERPRISEPACK");
  EXPECT_EQ(details[0].state, "Active");
  ASSERT_THAT(details[0].service_plans, SizeIs(36));
  for (const ServicePlanDetail& plan : details[0].service_plans) {
    EXPECT_EQ(plan.provisioning_status, plan.service_plan_id == kSway ? "Disabled" : "Success")
        << plan.service_plan_name;
  }
}

TEST_F(LicensingTest, AUsageLocationIsRequiredToAddButNotToRemove) {
  Subscribe("ENTERPRISEPACK", 25);
  const User user = CreateFast("adele", "Adele");
  const std::size_t events = EventCount();
  EXPECT_THAT(Assign(user.id, {{.sku_id = kE3}}),
              FailsWith(expected::InvalidUsageLocationForLicense()));
  EXPECT_EQ(Consumed(kE3), 0);
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(Assign(user.id, {}, {kE3}), FailsWith(expected::LicenseNotAssigned()));

  ASSERT_THAT(directory_->UpdateUser(kActor, user.id, {{"usageLocation", std::string("fr")}}),
              Succeeds());
  EXPECT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
}

TEST_F(LicensingTest, OnlyTheTenantsSubscriptionsCanBeAssigned) {
  Subscribe("ENTERPRISEPACK", 25);
  const User user = CreateLicensable("adele");
  EXPECT_THAT(Assign(user.id, {{.sku_id = kE5}}), FailsWith(expected::InvalidCompanyLicense(kE5)));
  EXPECT_THAT(Assign(user.id, {{.sku_id = "not-a-sku"}}),
              FailsWith(expected::InvalidCompanyLicense("not-a-sku")));
  EXPECT_THAT(Assign(user.id, {}, {kE5}), FailsWith(expected::InvalidCompanyLicense(kE5)));
}

TEST_F(LicensingTest, DisabledPlansMustBePlansOfTheSku) {
  Subscribe("ENTERPRISEPACK", 25);
  Subscribe("FLOW_FREE", 100);
  const User user = CreateLicensable("adele");
  EXPECT_THAT(Assign(user.id, {{.sku_id = kFlowFree, .disabled_plans = {kSway}}}),
              FailsWith(expected::InvalidDisabledPlan(kFlowFree, kSway)));
  EXPECT_THAT(Assign(user.id, {{.sku_id = kE3, .disabled_plans = {"SWAY"}}}),
              FailsWith(expected::InvalidDisabledPlan(kE3, "SWAY")));
  EXPECT_EQ(Consumed(kE3), 0);
  EXPECT_EQ(Consumed(kFlowFree), 0);
}

TEST_F(LicensingTest, NoSeatNoLicence) {
  Subscribe("ENTERPRISEPACK", 1);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kE3}}), Succeeds());
  EXPECT_THAT(Assign(bob.id, {{.sku_id = kE3}}), FailsWith(expected::NoAvailableLicenses(kE3)));
  EXPECT_THAT(Get(bob.id).assigned_licenses, IsEmpty());
  const SubscribedSku e3 = Subscription(kE3);
  EXPECT_EQ(e3.consumed_units, 1);
  EXPECT_EQ(e3.available_units(), 0);
}

TEST_F(LicensingTest, AddingAHeldLicenceAgainUpdatesItsDisabledPlansOnly) {
  Subscribe("ENTERPRISEPACK", 1);
  const User user = CreateLicensable("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kSway}}}), Succeeds());
  clock_.Advance(30);
  auto updated = Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kTeams}}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_THAT(updated->assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kTeams}}));
  EXPECT_EQ(updated->license_assignment_states[0].last_updated_date_time, kStart + 30);
  EXPECT_EQ(FindPlan(*updated, kTeams)->capability_status, "Deleted");
  EXPECT_EQ(FindPlan(*updated, kSway)->capability_status, "Enabled");
  EXPECT_EQ(FindPlan(*updated, kSway)->assigned_date_time, kStart + 30);
  EXPECT_EQ(Consumed(kE3), 1);
  EXPECT_EQ(Events()[0].changes[0],
            (PropertyChange{"licenseAssignmentStates", "ENTERPRISEPACK (disabled: SWAY)",
                            "ENTERPRISEPACK (disabled: TEAMS1)"}));

  // The same request again changes nothing and records nothing.
  const std::size_t events = EventCount();
  EXPECT_THAT(Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kTeams}}}), Succeeds());
  EXPECT_THAT(Assign(user.id, {}), Succeeds());
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LicensingTest, ReplacementIsOneAtomicStep) {
  Subscribe("FLOW_FREE", 10);
  Subscribe("ENTERPRISEPACK", 1);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kFlowFree}}), Succeeds());
  ASSERT_THAT(Assign(bob.id, {{.sku_id = kE3}}), Succeeds());
  const User before = Get(adele.id);
  const std::size_t events = EventCount();

  // No E3 seat left: the removal of FLOW_FREE does not happen either.
  EXPECT_THAT(Assign(adele.id, {{.sku_id = kE3}}, {kFlowFree}),
              FailsWith(expected::NoAvailableLicenses(kE3)));
  EXPECT_EQ(Get(adele.id), before);
  EXPECT_EQ(Consumed(kFlowFree), 1);
  EXPECT_EQ(EventCount(), events);

  // One good and one bad addition: neither happens.
  EXPECT_THAT(Assign(adele.id, {{.sku_id = kFlowFree}, {.sku_id = kE5}}),
              FailsWith(expected::InvalidCompanyLicense(kE5)));
  EXPECT_EQ(Get(adele.id), before);

  ASSERT_THAT(Assign(bob.id, {}, {kE3}), Succeeds());
  auto replaced = Assign(adele.id, {{.sku_id = kE3}}, {kFlowFree});
  ASSERT_THAT(replaced, Succeeds());
  EXPECT_THAT(replaced->assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kE3}));
  EXPECT_EQ(Consumed(kFlowFree), 0);
  EXPECT_EQ(Consumed(kE3), 1);
  const std::vector<AuditEvent> all = Events();
  EXPECT_EQ(all.size(), events + 2);
  EXPECT_EQ(all[0].changes[0],
            (PropertyChange{"licenseAssignmentStates", "FLOW_FREE", "ENTERPRISEPACK"}));
}

TEST_F(LicensingTest, RemovingAndReaddingTheSameSkuKeepsTheSeat) {
  Subscribe("ENTERPRISEPACK", 1);
  const User user = CreateLicensable("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  auto again = Assign(user.id, {{.sku_id = kE3, .disabled_plans = {kSway}}}, {kE3});
  ASSERT_THAT(again, Succeeds());
  EXPECT_THAT(again->assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kSway}}));
}

TEST_F(LicensingTest, RemovalNeedsADirectLicence) {
  Subscribe("ENTERPRISEPACK", 5);
  Subscribe("FLOW_FREE", 5);
  const User user = CreateLicensable("adele");
  EXPECT_THAT(Assign(user.id, {}, {kE3}), FailsWith(expected::LicenseNotAssigned()));

  InheritFromGroup(user.id, kE3, kGroup);
  const User inherited = Get(user.id);
  EXPECT_THAT(inherited.assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kE3}));
  EXPECT_EQ(inherited.license_assignment_states[0].assigned_by_group, kGroup);
  EXPECT_THAT(Assign(user.id, {}, {kE3}), FailsWith(expected::LicenseInheritedFromGroup()));
  EXPECT_EQ(Consumed(kE3), 1);

  // A direct assignment next to the group's shares its seat; removing it leaves the group's.
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  EXPECT_EQ(Consumed(kE3), 1);
  EXPECT_THAT(Get(user.id).license_assignment_states, SizeIs(2));
  auto removed = Assign(user.id, {}, {kE3});
  ASSERT_THAT(removed, Succeeds());
  EXPECT_THAT(removed->assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kE3}));
  EXPECT_THAT(removed->license_assignment_states, SizeIs(1));
  EXPECT_EQ(Consumed(kE3), 1);
}

TEST_F(LicensingTest, ASuspendedSubscriptionGivesNoNewSeats) {
  Subscribe("ENTERPRISEPACK", 5);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kE3}}), Succeeds());
  ASSERT_THAT(directory_->SuspendSubscription(kActor, "ENTERPRISEPACK"), Succeeds());
  EXPECT_THAT(Assign(bob.id, {{.sku_id = kE3}}), FailsWith(expected::NoAvailableLicenses(kE3)));
  // A holder keeps the licence and may still change its plans.
  EXPECT_THAT(Assign(adele.id, {{.sku_id = kE3, .disabled_plans = {kSway}}}), Succeeds());
  EXPECT_EQ(Consumed(kE3), 1);
  ASSERT_THAT(directory_->ResumeSubscription(kActor, kE3), Succeeds());
  EXPECT_THAT(Assign(bob.id, {{.sku_id = kE3}}), Succeeds());
}

TEST_F(LicensingTest, UnknownUsersAreReportedAsGraphDoes) {
  Subscribe("ENTERPRISEPACK", 5);
  EXPECT_THAT(Assign("nobody@contoso.onmicrosoft.com", {{.sku_id = kE3}}),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
  EXPECT_THAT(Assign("nobody", {{.sku_id = kE3}}),
              FailsWith(expected::InvalidObjectIdentifier("nobody")));
}

// 40 users on 8 threads race for the last 10 seats: exactly 10 win.
TEST_F(LicensingTest, ConcurrentAssignmentsNeverOverspendSeats) {
  Subscribe("ENTERPRISEPACK", 10);
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(CreateLicensable("user" + std::to_string(i)).id);

  std::atomic<int> successes = 0;
  std::atomic<int> refusals = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 40; i += 8) {
        auto result = Assign(ids[i], {{.sku_id = kE3}});
        if (result) {
          ++successes;
        } else if (result.error().message == expected::NoAvailableLicenses(kE3).message) {
          ++refusals;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(successes, 10);
  EXPECT_EQ(refusals, 30);
  EXPECT_EQ(Consumed(kE3), 10);
  EXPECT_EQ(CountRows("user_licenses"), 10);
}

// The same race between two connections to one tenant (two processes, in effect).
TEST_F(LicensingTest, ConcurrentAssignmentsAcrossConnectionsNeverOverspendSeats) {
  Subscribe("ENTERPRISEPACK", 10);
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(CreateLicensable("user" + std::to_string(i)).id);
  auto second = LocalDirectory::Open(Options());
  ASSERT_THAT(second, Succeeds());

  std::atomic<int> successes = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    LocalDirectory* directory = t % 2 == 0 ? directory_.get() : second->get();
    threads.emplace_back([&, directory, t] {
      for (int i = t; i < 40; i += 8) {
        if (directory->AssignLicense(kActor, ids[i], {.add_licenses = {{.sku_id = kE3}}})) {
          ++successes;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(successes, 10);
  EXPECT_EQ(Consumed(kE3), 10);
}

TEST_F(LicensingTest, ASoftDeleteFreesTheSeatsAndARestoreTakesThemBack) {
  Subscribe("ENTERPRISEPACK", 1);
  const User user = CreateLicensable("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  EXPECT_EQ(Consumed(kE3), 0);
  auto deleted = directory_->GetDeletedUser(user.id);
  ASSERT_THAT(deleted, Succeeds());
  EXPECT_THAT(deleted->assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kE3}));

  auto restored = directory_->RestoreUser(kActor, user.id, {});
  ASSERT_THAT(restored, Succeeds());
  EXPECT_THAT(restored->assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kE3}));
  EXPECT_EQ(restored->license_assignment_states[0].state, "Active");
  EXPECT_EQ(Consumed(kE3), 1);
  EXPECT_THAT(Events()[0].changes, IsEmpty());
}

// docs/entra-rules.md, "Licences": the restore succeeds, the licence waits in error.
TEST_F(LicensingTest, ARestoreWithoutAFreeSeatKeepsTheLicenceInError) {
  Subscribe("ENTERPRISEPACK", 1);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kE3}}), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele.id), Succeeds());
  ASSERT_THAT(Assign(bob.id, {{.sku_id = kE3}}), Succeeds());
  clock_.Advance(120);

  auto restored = directory_->RestoreUser(kActor, adele.id, {});
  ASSERT_THAT(restored, Succeeds());
  EXPECT_THAT(restored->assigned_licenses, IsEmpty());
  EXPECT_THAT(restored->license_assignment_states,
              ElementsAre(LicenseAssignmentState{.sku_id = kE3,
                                                 .state = "Error",
                                                 .error = "CountViolation",
                                                 .last_updated_date_time = kStart + 120}));
  EXPECT_EQ(FindPlan(*restored, kExchangeE3)->capability_status, "Deleted");
  EXPECT_EQ(restored->mail, "adele@contoso.onmicrosoft.com");  // the mailbox is kept, disabled
  EXPECT_EQ(Get(adele.id), *restored);
  EXPECT_EQ(Consumed(kE3), 1);
  const AuditEvent restore = Events()[0];
  EXPECT_EQ(restore.action, "Restore user");
  EXPECT_THAT(restore.changes,
              ElementsAre(PropertyChange{"licenseAssignmentStates", "ENTERPRISEPACK",
                                         "ENTERPRISEPACK [Error: CountViolation]"}));

  // Adding the licence again takes a seat once one is free.
  EXPECT_THAT(Assign(adele.id, {{.sku_id = kE3}}), FailsWith(expected::NoAvailableLicenses(kE3)));
  ASSERT_THAT(directory_->SetSubscriptionUnits(kActor, "ENTERPRISEPACK", 2), Succeeds());
  auto fixed = Assign(adele.id, {{.sku_id = kE3}});
  ASSERT_THAT(fixed, Succeeds());
  EXPECT_EQ(fixed->license_assignment_states[0].state, "Active");
  EXPECT_EQ(FindPlan(*fixed, kExchangeE3)->capability_status, "Enabled");
  EXPECT_EQ(Consumed(kE3), 2);
}

TEST_F(LicensingTest, APurgeRemovesTheLicences) {
  Subscribe("ENTERPRISEPACK", 1);
  const User user = CreateLicensable("adele");
  ASSERT_THAT(Assign(user.id, {{.sku_id = kE3}}), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, user.id), Succeeds());
  EXPECT_EQ(CountRows("user_licenses"), 0);
  EXPECT_EQ(CountRows("user_assigned_plans"), 0);
}

}  // namespace
}  // namespace admin365::engine_test
