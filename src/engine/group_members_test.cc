// Group membership: adding and removing users, listing members and a user's groups, and
// what deleting, restoring and purging a member or deleting a group does to it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class GroupMembersTest : public LocalDirectoryTest {
 protected:
  void SetUp() override {
    LocalDirectoryTest::SetUp();
    adele_ = Create("adele", "Adele Vance");
    bob_ = Create("bob", "Bob Kelly");
    sales_ = CreateGroup(SecurityGroup("Sales", "sales"));
    legal_ = CreateGroup(M365Group("Legal", "legal"));
  }

  std::vector<DirectoryObjectRef> Members(const Group& group) {
    auto members = directory_->ListGroupMembers(group.id);
    EXPECT_THAT(members, Succeeds());
    return members ? *members : std::vector<DirectoryObjectRef>{};
  }

  std::vector<std::string> GroupNamesOf(const User& user) {
    auto groups = directory_->ListMemberOf(user.id);
    EXPECT_THAT(groups, Succeeds());
    std::vector<std::string> names;
    if (groups) {
      for (const Group& group : *groups) names.push_back(group.display_name);
    }
    return names;
  }

  User adele_;
  User bob_;
  Group sales_;
  Group legal_;
};

TEST_F(GroupMembersTest, AddsMembersByIdOrUpn) {
  EXPECT_THAT(Members(sales_), IsEmpty());
  clock_.Advance(7);
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, bob_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, "ADELE@contoso.onmicrosoft.com"),
              Succeeds());
  EXPECT_THAT(Members(sales_), ElementsAre(RefOf(adele_), RefOf(bob_)));
  EXPECT_THAT(Members(legal_), IsEmpty());

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Add member to group");
  EXPECT_EQ(event.time, kStart + 7);
  EXPECT_EQ(event.target_type, "Group");
  EXPECT_EQ(event.target_id, sales_.id);
  EXPECT_EQ(event.target_name, "Sales");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"members", std::nullopt,
                                                        "adele@contoso.onmicrosoft.com"}));
}

TEST_F(GroupMembersTest, AddingAMemberTwiceIsRefused) {
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.user_principal_name),
              FailsWith(expected::MemberAlreadyExists()));
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(Members(sales_), ElementsAre(RefOf(adele_)));
}

TEST_F(GroupMembersTest, RemovesMembers) {
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, bob_.id), Succeeds());
  ASSERT_THAT(directory_->RemoveGroupMember(kActor, sales_.id, adele_.user_principal_name),
              Succeeds());
  EXPECT_THAT(Members(sales_), ElementsAre(RefOf(bob_)));
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Remove member from group");
  EXPECT_EQ(event.target_id, sales_.id);
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"members", "adele@contoso.onmicrosoft.com",
                                                        std::nullopt}));
}

TEST_F(GroupMembersTest, RemovingANonMemberIsNotFoundNamingTheGroup) {
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->RemoveGroupMember(kActor, sales_.id, adele_.id),
              FailsWith(expected::NotFound(sales_.id)));
  EXPECT_EQ(EventCount(), events);
}

TEST_F(GroupMembersTest, UnknownOrMalformedGroupsAndUsers) {
  const std::string unknown(kUnknownId);
  EXPECT_THAT(directory_->AddGroupMember(kActor, unknown, adele_.id),
              FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->AddGroupMember(kActor, "Sales", adele_.id),
              FailsWith(expected::InvalidObjectIdentifier("Sales")));
  EXPECT_THAT(directory_->AddGroupMember(kActor, sales_.id, unknown),
              FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->AddGroupMember(kActor, sales_.id, "adele"),
              FailsWith(expected::InvalidObjectIdentifier("adele")));
  EXPECT_THAT(directory_->AddGroupMember(kActor, sales_.id, "nobody@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
  // The group is checked before the member.
  EXPECT_THAT(directory_->RemoveGroupMember(kActor, unknown, unknown),
              FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->RemoveGroupMember(kActor, sales_.id, "nobody@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->ListGroupMembers(unknown), FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->ListMemberOf(unknown), FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->ListMemberOf("x"), FailsWith(expected::InvalidObjectIdentifier("x")));
}

TEST_F(GroupMembersTest, MemberOfListsTheDirectGroups) {
  EXPECT_THAT(GroupNamesOf(adele_), IsEmpty());
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, legal_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, legal_.id, bob_.id), Succeeds());
  EXPECT_THAT(GroupNamesOf(adele_), ElementsAre("Legal", "Sales"));
  EXPECT_THAT(GroupNamesOf(bob_), ElementsAre("Legal"));
  auto by_upn = directory_->ListMemberOf("bob@contoso.onmicrosoft.com");
  ASSERT_THAT(by_upn, Succeeds());
  EXPECT_THAT(*by_upn, ElementsAre(legal_));
}

TEST_F(GroupMembersTest, ADeletedUserLeavesItsGroupsUntilRestored) {
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, legal_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, bob_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  EXPECT_THAT(Members(sales_), ElementsAre(RefOf(bob_)));
  EXPECT_THAT(Members(legal_), IsEmpty());
  EXPECT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id),
              FailsWith(expected::NotFound(adele_.id)));
  EXPECT_THAT(directory_->RemoveGroupMember(kActor, sales_.id, adele_.id),
              FailsWith(expected::NotFound(adele_.id)));

  ASSERT_THAT(directory_->RestoreUser(kActor, adele_.id, {}), Succeeds());
  EXPECT_THAT(Members(sales_), ElementsAre(RefOf(adele_), RefOf(bob_)));
  EXPECT_THAT(GroupNamesOf(adele_), ElementsAre("Legal", "Sales"));
}

TEST_F(GroupMembersTest, PurgingAUserRemovesItsMemberships) {
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, legal_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, bob_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, adele_.id), Succeeds());
  EXPECT_EQ(CountRows("group_members"), 1);
  EXPECT_THAT(Members(sales_), ElementsAre(RefOf(bob_)));
}

TEST_F(GroupMembersTest, TheAutomaticPurgeRemovesMembershipsToo) {
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  clock_.Advance(31 * kDay);
  ASSERT_THAT(directory_->PurgeExpiredUsers(), Succeeds());
  EXPECT_EQ(CountRows("group_members"), 0);
}

TEST_F(GroupMembersTest, DeletingAGroupRemovesItsMemberships) {
  ASSERT_THAT(directory_->AddGroupMember(kActor, sales_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, legal_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteGroup(kActor, sales_.id), Succeeds());
  EXPECT_THAT(GroupNamesOf(adele_), ElementsAre("Legal"));
  EXPECT_EQ(CountRows("group_members"), 1);
  // The users stay.
  EXPECT_EQ(Get(adele_.id), adele_);
}

TEST_F(GroupMembersTest, OwnersAreKeptApartFromMembersAndTheLastOneStays) {
  auto owners = [&](const Group& group) {
    auto listed = directory_->ListGroupOwners(group.id);
    EXPECT_THAT(listed, Succeeds());
    return listed ? *listed : std::vector<DirectoryObjectRef>{};
  };
  ASSERT_THAT(directory_->AddGroupOwner(kActor, legal_.id, bob_.user_principal_name), Succeeds());
  ASSERT_THAT(directory_->AddGroupOwner(kActor, legal_.id, adele_.id), Succeeds());
  EXPECT_THAT(owners(legal_), ElementsAre(RefOf(adele_), RefOf(bob_)));
  EXPECT_THAT(Members(legal_), IsEmpty());  // an owner is not made a member
  const AuditEvent added = Events().front();
  EXPECT_EQ(added.action, "Add owner to group");
  EXPECT_EQ(added.target_id, legal_.id);
  EXPECT_THAT(added.changes, ElementsAre(PropertyChange{"owners", std::nullopt,
                                                        "adele@contoso.onmicrosoft.com"}));

  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->AddGroupOwner(kActor, legal_.id, adele_.id),
              FailsWith(expected::MemberAlreadyExists("owners")));
  EXPECT_THAT(directory_->RemoveGroupOwner(kActor, sales_.id, adele_.id),
              FailsWith(expected::NotFound(sales_.id)));
  EXPECT_EQ(EventCount(), events);

  ASSERT_THAT(directory_->RemoveGroupOwner(kActor, legal_.id, adele_.id), Succeeds());
  EXPECT_THAT(Events().front().changes, ElementsAre(PropertyChange{
                                            "owners", "adele@contoso.onmicrosoft.com", std::nullopt}));
  EXPECT_THAT(directory_->RemoveGroupOwner(kActor, legal_.id, bob_.id),
              FailsWith(expected::LastGroupOwner()));
  EXPECT_THAT(owners(legal_), ElementsAre(RefOf(bob_)));

  // A deleted owner is hidden until restored, and does not count as the one that stays.
  ASSERT_THAT(directory_->AddGroupOwner(kActor, legal_.id, adele_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  EXPECT_THAT(owners(legal_), ElementsAre(RefOf(bob_)));
  ASSERT_THAT(directory_->RestoreUser(kActor, adele_.id, {}), Succeeds());
  EXPECT_THAT(owners(legal_), ElementsAre(RefOf(adele_), RefOf(bob_)));
}

}  // namespace
}  // namespace admin365::engine_test
