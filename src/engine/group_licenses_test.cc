// Group-based licensing: a group's licences flow to its direct members, one seat per member
// and SKU whatever the ways it holds it, errors recorded on the members (CountViolation,
// UniquenessViolation), the group's own validation, and what membership changes, deletion
// and restore do.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/license_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class GroupLicensesTest : public LicensingTest {
 protected:
  Group CreateGroup(const std::string& name) {
    return LocalDirectoryTest::CreateGroup(SecurityGroup(name, name));
  }

  void AddMember(const Group& group, const User& user) {
    ASSERT_THAT(directory_->AddGroupMember(kActor, group.id, user.id), Succeeds());
  }

  Result<Group> AssignToGroup(const Group& group, const std::vector<AssignedLicense>& add,
                              const std::vector<std::string>& remove = {}) {
    return directory_->AssignGroupLicense(
        kActor, group.id, LicenseChange{.add_licenses = add, .remove_licenses = remove});
  }

  LicenseAssignmentState Inherited(const std::string& sku_id, const Group& group, UnixSeconds at,
                                   std::vector<std::string> disabled = {}) {
    return LicenseAssignmentState{.sku_id = sku_id,
                                  .disabled_plans = std::move(disabled),
                                  .assigned_by_group = group.id,
                                  .state = "Active",
                                  .error = "None",
                                  .last_updated_date_time = at};
  }

  LicenseAssignmentState Failed(const std::string& sku_id, const Group& group, UnixSeconds at,
                                const std::string& error) {
    LicenseAssignmentState state = Inherited(sku_id, group, at);
    state.state = "Error";
    state.error = error;
    return state;
  }
};

TEST_F(GroupLicensesTest, TheGroupsLicencesFlowToItsMembers) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  AddMember(sales, bob);
  const std::size_t events = EventCount();
  clock_.Advance(60);

  auto assigned = AssignToGroup(sales, {{.sku_id = kE3, .disabled_plans = {kSway}}});
  ASSERT_THAT(assigned, Succeeds());
  EXPECT_THAT(assigned->assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kSway}}));
  auto read = directory_->GetGroup(sales.id);
  ASSERT_THAT(read, Succeeds());
  EXPECT_EQ(*read, *assigned);

  for (const User& member : {adele, bob}) {
    const User licensed = Get(member.id);
    EXPECT_THAT(licensed.license_assignment_states,
                ElementsAre(Inherited(kE3, sales, kStart + 60, {kSway})));
    EXPECT_THAT(licensed.assigned_licenses,
                ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kSway}}));
    EXPECT_THAT(licensed.assigned_plans, SizeIs(35));
    EXPECT_EQ(licensed.mail, member.user_principal_name);  // Exchange gave a mailbox
  }
  EXPECT_EQ(Consumed(kE3), 2);

  // One event for the group, then one per member in display-name order.
  const std::vector<AuditEvent> all = Events();
  ASSERT_EQ(all.size(), events + 3);
  EXPECT_EQ(all[2].action, "Set group license");
  EXPECT_EQ(all[2].target_type, "Group");
  EXPECT_EQ(all[2].target_id, sales.id);
  EXPECT_THAT(all[2].changes, ElementsAre(PropertyChange{"assignedLicenses", std::nullopt,
                                                         "ENTERPRISEPACK (disabled: SWAY)"}));
  EXPECT_EQ(all[1].action, "Change user license");
  EXPECT_EQ(all[1].target_id, adele.id);
  EXPECT_THAT(all[1].changes,
              ElementsAre(PropertyChange{"licenseAssignmentStates", std::nullopt,
                                         "ENTERPRISEPACK (disabled: SWAY) via group " + sales.id},
                          PropertyChange{"mail", std::nullopt, "adele@contoso.onmicrosoft.com"},
                          PropertyChange{"proxyAddresses", std::nullopt,
                                         "SMTP:adele@contoso.onmicrosoft.com"}));
  EXPECT_EQ(all[0].target_id, bob.id);
}

TEST_F(GroupLicensesTest, JoiningTakesTheLicencesAndLeavingGivesThemBack) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  const Group sales = CreateGroup("Sales");
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  clock_.Advance(5);

  AddMember(sales, adele);
  EXPECT_THAT(Get(adele.id).license_assignment_states,
              ElementsAre(Inherited(kE3, sales, kStart + 5)));
  EXPECT_EQ(Consumed(kE3), 1);
  EXPECT_EQ(Events().front().action, "Change user license");
  EXPECT_EQ(Events()[1].action, "Add member to group");

  ASSERT_THAT(directory_->RemoveGroupMember(kActor, sales.id, adele.id), Succeeds());
  const User left = Get(adele.id);
  EXPECT_THAT(left.license_assignment_states, IsEmpty());
  EXPECT_THAT(left.assigned_licenses, IsEmpty());
  EXPECT_EQ(FindPlan(left, kExchangeE3)->capability_status, "Deleted");
  EXPECT_EQ(Consumed(kE3), 0);
  EXPECT_EQ(Events().front().action, "Change user license");
  EXPECT_EQ(Events()[1].action, "Remove member from group");
}

TEST_F(GroupLicensesTest, RemovingTheGroupsLicenceRemovesItFromEveryMember) {
  Subscribe("ENTERPRISEPACK", 25);
  Subscribe("FLOW_FREE", 100);
  const User adele = CreateLicensable("adele");
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}, {.sku_id = kFlowFree}}), Succeeds());
  EXPECT_THAT(Get(adele.id).assigned_licenses, SizeIs(2));

  auto removed = AssignToGroup(sales, {}, {kE3});
  ASSERT_THAT(removed, Succeeds());
  EXPECT_THAT(removed->assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kFlowFree}));
  EXPECT_THAT(Get(adele.id).assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kFlowFree}));
  EXPECT_EQ(Consumed(kE3), 0);
  EXPECT_EQ(Consumed(kFlowFree), 1);
}

TEST_F(GroupLicensesTest, OneSeatPerMemberAndSkuWhateverTheWays) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  const Group sales = CreateGroup("Sales");
  const Group legal = CreateGroup("Legal");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kE3}}), Succeeds());
  AddMember(sales, adele);
  AddMember(legal, adele);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  ASSERT_THAT(AssignToGroup(legal, {{.sku_id = kE3, .disabled_plans = {kSway}}}), Succeeds());
  const User licensed = Get(adele.id);
  EXPECT_THAT(licensed.license_assignment_states, SizeIs(3));
  EXPECT_THAT(licensed.assigned_licenses, ElementsAre(AssignedLicense{.sku_id = kE3}));
  EXPECT_EQ(Consumed(kE3), 1);

  // The direct licence can go; the inherited ones stay, and cannot be removed directly.
  ASSERT_THAT(Assign(adele.id, {}, {kE3}), Succeeds());
  EXPECT_EQ(Consumed(kE3), 1);
  EXPECT_THAT(Assign(adele.id, {}, {kE3}), FailsWith(expected::LicenseInheritedFromGroup()));
  ASSERT_THAT(directory_->RemoveGroupMember(kActor, sales.id, adele.id), Succeeds());
  EXPECT_THAT(Get(adele.id).assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = kE3, .disabled_plans = {kSway}}));
  EXPECT_EQ(Consumed(kE3), 1);
}

TEST_F(GroupLicensesTest, MembersBeyondTheSeatsGetCountViolationUntilReprocessed) {
  Subscribe("ENTERPRISEPACK", 1);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  AddMember(sales, bob);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  EXPECT_THAT(Get(adele.id).license_assignment_states, ElementsAre(Inherited(kE3, sales, kStart)));
  const User unlicensed = Get(bob.id);
  EXPECT_THAT(unlicensed.license_assignment_states,
              ElementsAre(Failed(kE3, sales, kStart, "CountViolation")));
  EXPECT_THAT(unlicensed.assigned_licenses, IsEmpty());
  EXPECT_THAT(unlicensed.assigned_plans, IsEmpty());
  EXPECT_EQ(unlicensed.mail, std::nullopt);
  EXPECT_EQ(Consumed(kE3), 1);
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{
                  "licenseAssignmentStates", std::nullopt,
                  "ENTERPRISEPACK via group " + sales.id + " [Error: CountViolation]"}));

  // A freed seat goes to bob when the group is processed again (an empty change).
  ASSERT_THAT(directory_->RemoveGroupMember(kActor, sales.id, adele.id), Succeeds());
  EXPECT_THAT(Get(bob.id).license_assignment_states,
              ElementsAre(Failed(kE3, sales, kStart, "CountViolation")));
  clock_.Advance(10);
  ASSERT_THAT(AssignToGroup(sales, {}), Succeeds());
  EXPECT_THAT(Get(bob.id).license_assignment_states,
              ElementsAre(Inherited(kE3, sales, kStart + 10)));
  EXPECT_EQ(Consumed(kE3), 1);
}

TEST_F(GroupLicensesTest, AGroupsLicencesAreAllOrNothingForAMember) {
  Subscribe("ENTERPRISEPACK", 1);
  Subscribe("FLOW_FREE", 100);
  const User adele = CreateLicensable("adele");
  const User bob = CreateLicensable("bob");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kE3}}), Succeeds());
  const Group sales = CreateGroup("Sales");
  AddMember(sales, bob);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kFlowFree}, {.sku_id = kE3}}), Succeeds());
  EXPECT_THAT(Get(bob.id).license_assignment_states,
              ElementsAre(Failed(kFlowFree, sales, kStart, "CountViolation"),
                          Failed(kE3, sales, kStart, "CountViolation")));
  EXPECT_EQ(Consumed(kFlowFree), 0);
}

TEST_F(GroupLicensesTest, AMemberWithoutUsageLocationIsLicensedAsInTheTenantsLocation) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateFast("adele", "Adele");
  ASSERT_EQ(adele.usage_location, std::nullopt);
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  const User licensed = Get(adele.id);
  EXPECT_THAT(licensed.license_assignment_states, ElementsAre(Inherited(kE3, sales, kStart)));
  EXPECT_EQ(licensed.usage_location, std::nullopt);
}

TEST_F(GroupLicensesTest, AMailboxWhoseAddressIsTakenFailsWithUniquenessViolation) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  // Bob's mail is Adele's UPN, which Adele's mailbox would take.
  CreateFast("bob", "Bob", {{"mail", std::string("adele@contoso.onmicrosoft.com")}});
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  const User failed = Get(adele.id);
  EXPECT_THAT(failed.license_assignment_states,
              ElementsAre(Failed(kE3, sales, kStart, "UniquenessViolation")));
  EXPECT_EQ(failed.mail, std::nullopt);
  EXPECT_THAT(failed.proxy_addresses, IsEmpty());
  EXPECT_EQ(Consumed(kE3), 0);
}

TEST_F(GroupLicensesTest, TheGroupsChangeIsValidatedAsAssignLicense) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  const std::size_t events = EventCount();
  const User before = Get(adele.id);

  EXPECT_THAT(AssignToGroup(sales, {{.sku_id = kE5}}),
              FailsWith(expected::InvalidCompanyLicense(kE5)));
  EXPECT_THAT(AssignToGroup(sales, {{.sku_id = kE3, .disabled_plans = {"SWAY"}}}),
              FailsWith(expected::InvalidDisabledPlan(kE3, "SWAY")));
  EXPECT_THAT(AssignToGroup(sales, {}, {kE5}), FailsWith(expected::InvalidCompanyLicense(kE5)));
  Subscribe("FLOW_FREE", 100);
  EXPECT_THAT(AssignToGroup(sales, {}, {kFlowFree}),
              FailsWith(expected::GroupLicenseNotAssigned()));
  // Removals come first: a failed removal leaves the additions undone too.
  EXPECT_THAT(AssignToGroup(sales, {{.sku_id = kFlowFree}}, {kFlowFree}),
              FailsWith(expected::GroupLicenseNotAssigned()));
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  EXPECT_THAT(directory_->AssignGroupLicense(kActor, unknown, {}),
              FailsWith(expected::NotFound(unknown)));

  EXPECT_EQ(EventCount(), events + 1);  // the subscription only
  EXPECT_EQ(Get(adele.id), before);
  EXPECT_THAT(directory_->GetGroup(sales.id)->assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = kE3}));
}

TEST_F(GroupLicensesTest, ChangingTheDisabledPlansUpdatesTheMembers) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  clock_.Advance(3);
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3, .disabled_plans = {kSway}}}), Succeeds());
  const User changed = Get(adele.id);
  EXPECT_THAT(changed.license_assignment_states,
              ElementsAre(Inherited(kE3, sales, kStart + 3, {kSway})));
  EXPECT_EQ(FindPlan(changed, kSway)->capability_status, "Deleted");
  EXPECT_THAT(Events()[1].changes, ElementsAre(PropertyChange{"assignedLicenses", "ENTERPRISEPACK",
                                                              "ENTERPRISEPACK (disabled: SWAY)"}));
}

TEST_F(GroupLicensesTest, ALicensedGroupCannotBeDeleted) {
  Subscribe("ENTERPRISEPACK", 25);
  const Group sales = CreateGroup("Sales");
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  EXPECT_THAT(directory_->DeleteGroup(kActor, sales.id),
              FailsWith(expected::GroupHasLicenses(sales.id)));
  ASSERT_THAT(AssignToGroup(sales, {}, {kE3}), Succeeds());
  EXPECT_THAT(directory_->DeleteGroup(kActor, sales.id), Succeeds());
}

TEST_F(GroupLicensesTest, ADeletedMemberConsumesNothingAndGetsItsLicencesBackOnRestore) {
  Subscribe("ENTERPRISEPACK", 25);
  const User adele = CreateLicensable("adele");
  const Group sales = CreateGroup("Sales");
  AddMember(sales, adele);
  ASSERT_THAT(directory_->DeleteUser(kActor, adele.id), Succeeds());
  // Licensed while deleted: nothing consumed until the restore.
  ASSERT_THAT(AssignToGroup(sales, {{.sku_id = kE3}}), Succeeds());
  EXPECT_EQ(Consumed(kE3), 0);
  ASSERT_THAT(directory_->RestoreUser(kActor, adele.id, {}), Succeeds());
  const User restored = Get(adele.id);
  EXPECT_THAT(restored.license_assignment_states, ElementsAre(Inherited(kE3, sales, kStart)));
  EXPECT_EQ(restored.mail, "adele@contoso.onmicrosoft.com");
  EXPECT_EQ(Consumed(kE3), 1);

  // Deleting the member frees the seat; purging it removes its licences.
  ASSERT_THAT(directory_->DeleteUser(kActor, adele.id), Succeeds());
  EXPECT_EQ(Consumed(kE3), 0);
  ASSERT_THAT(directory_->PurgeUser(kActor, adele.id), Succeeds());
  EXPECT_EQ(CountRows("user_licenses"), 0);
  auto members = directory_->ListGroupMembers(sales.id);
  ASSERT_THAT(members, Succeeds());
  EXPECT_THAT(*members, IsEmpty());
}

}  // namespace
}  // namespace admin365::engine_test
