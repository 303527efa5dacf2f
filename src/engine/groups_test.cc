// Groups: creation rules (security and Microsoft 365 groups), proxy addresses shared with
// users, the quota, reading, listing and deletion.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;

class GroupsTest : public LocalDirectoryTest {
 protected:
  // Expects `request` to fail with `error` and to leave no trace.
  void ExpectRefused(const NewGroup& request, const Error& error) {
    const std::size_t events = EventCount();
    const long long groups = CountRows("groups");
    EXPECT_THAT(directory_->CreateGroup(kActor, request), FailsWith(error));
    EXPECT_EQ(EventCount(), events);
    EXPECT_EQ(CountRows("groups"), groups);
  }
};

TEST_F(GroupsTest, CreatesASecurityGroup) {
  clock_.Advance(10);
  NewGroup request = SecurityGroup("Sales team", "sales");
  request.description = "Everyone in sales";
  const Group group = CreateGroup(request);
  EXPECT_THAT(group.id,
              MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  EXPECT_EQ(group.display_name, "Sales team");
  EXPECT_EQ(group.mail_nickname, "sales");
  EXPECT_FALSE(group.mail_enabled);
  EXPECT_TRUE(group.security_enabled);
  EXPECT_THAT(group.group_types, IsEmpty());
  EXPECT_EQ(group.description, "Everyone in sales");
  EXPECT_EQ(group.mail, std::nullopt);
  EXPECT_THAT(group.proxy_addresses, IsEmpty());
  EXPECT_EQ(group.created_date_time, kStart + 10);

  auto read = directory_->GetGroup(group.id);
  ASSERT_THAT(read, Succeeds());
  EXPECT_EQ(*read, group);

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Add group");
  EXPECT_EQ(event.actor, kActor.name);
  EXPECT_EQ(event.target_type, "Group");
  EXPECT_EQ(event.target_id, group.id);
  EXPECT_EQ(event.target_name, "Sales team");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"displayName", std::nullopt, "Sales team"},
                          PropertyChange{"mailNickname", std::nullopt, "sales"},
                          PropertyChange{"mailEnabled", std::nullopt, "false"},
                          PropertyChange{"securityEnabled", std::nullopt, "true"},
                          PropertyChange{"description", std::nullopt, "Everyone in sales"}));
}

TEST_F(GroupsTest, AMicrosoft365GroupGetsAnAddressInTheDefaultDomain) {
  const Group group = CreateGroup(M365Group("Marketing", "Marketing"));
  EXPECT_THAT(group.group_types, ElementsAre("Unified"));
  EXPECT_TRUE(group.mail_enabled);
  EXPECT_FALSE(group.security_enabled);
  EXPECT_EQ(group.mail, "Marketing@contoso.onmicrosoft.com");
  EXPECT_THAT(group.proxy_addresses, ElementsAre("SMTP:Marketing@contoso.onmicrosoft.com"));
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"displayName", std::nullopt, "Marketing"},
                          PropertyChange{"mailNickname", std::nullopt, "Marketing"},
                          PropertyChange{"mailEnabled", std::nullopt, "true"},
                          PropertyChange{"securityEnabled", std::nullopt, "false"},
                          PropertyChange{"groupTypes", std::nullopt, "Unified"},
                          PropertyChange{"visibility", std::nullopt, "Public"},
                          PropertyChange{"mail", std::nullopt, "Marketing@contoso.onmicrosoft.com"},
                          PropertyChange{"proxyAddresses", std::nullopt,
                                         "SMTP:Marketing@contoso.onmicrosoft.com"}));

  AddVerifiedDomain("contoso.com");
  ASSERT_THAT(directory_->SetDefaultDomain(kActor, "contoso.com"), Succeeds());
  NewGroup security_enabled = M365Group("Legal", "legal");
  security_enabled.security_enabled = true;
  security_enabled.group_types = {"unified"};  // any case
  const Group legal = CreateGroup(security_enabled);
  EXPECT_EQ(legal.mail, "legal@contoso.com");
  EXPECT_TRUE(legal.security_enabled);
  EXPECT_THAT(legal.group_types, ElementsAre("Unified"));
}

TEST_F(GroupsTest, Visibility) {
  // A Microsoft 365 group is Public unless given another; a security group has none.
  EXPECT_EQ(CreateGroup(M365Group("Open", "open")).visibility, "Public");
  EXPECT_EQ(CreateGroup(SecurityGroup("Plain", "plain")).visibility, std::nullopt);
  NewGroup hidden = M365Group("Hidden", "hidden");
  hidden.visibility = "hiddenmembership";  // any case, stored as Graph spells it
  const Group created = CreateGroup(hidden);
  EXPECT_EQ(created.visibility, "HiddenMembership");
  EXPECT_EQ(directory_->GetGroup(created.id)->visibility, "HiddenMembership");
  NewGroup private_security = SecurityGroup("Closed", "closed");
  private_security.visibility = "Private";
  EXPECT_EQ(CreateGroup(private_security).visibility, "Private");

  NewGroup hidden_security = SecurityGroup("A", "a");
  hidden_security.visibility = "HiddenMembership";
  ExpectRefused(hidden_security, expected::InvalidValue("visibility", "Group"));
  NewGroup unknown = M365Group("B", "b");
  unknown.visibility = "Secret";
  ExpectRefused(unknown, expected::InvalidValue("visibility", "Group"));
}

TEST_F(GroupsTest, RequiredPropertiesComeFirst) {
  ExpectRefused(NewGroup{.mail_nickname = "x"}, expected::RequiredProperty("displayName", "Group"));
  ExpectRefused(NewGroup{.display_name = "X"}, expected::RequiredProperty("mailNickname", "Group"));
  ExpectRefused(NewGroup{.mail_enabled = true}, expected::RequiredProperty("displayName", "Group"));
}

TEST_F(GroupsTest, PropertyRules) {
  ExpectRefused(SecurityGroup(std::string(257, 'a'), "a"),
                expected::InvalidValue("displayName", "Group"));
  ExpectRefused(SecurityGroup("Bad\nname", "a"), expected::InvalidValue("displayName", "Group"));
  ExpectRefused(SecurityGroup("A", "has space"), expected::InvalidValue("mailNickname", "Group"));
  ExpectRefused(SecurityGroup("A", std::string(65, 'a')),
                expected::InvalidValue("mailNickname", "Group"));
  ExpectRefused(SecurityGroup("A", "caf\xc3\xa9"), expected::InvalidValue("mailNickname", "Group"));
  NewGroup long_description = SecurityGroup("A", "a");
  long_description.description = std::string(1025, 'd');
  ExpectRefused(long_description, expected::InvalidValue("description", "Group"));
  NewGroup dynamic = M365Group("A", "a");
  dynamic.group_types = {"Unified", "DynamicMembership"};
  ExpectRefused(dynamic, expected::InvalidValue("groupTypes", "Group"));

  // The limits themselves pass: 256 characters (not bytes), 64, 1024.
  NewGroup longest = SecurityGroup(
      std::string(128, 'a') +
          [] {
            std::string accents;
            for (int i = 0; i < 128; ++i) accents += "\xc3\xa9";
            return accents;
          }(),
      std::string(64, 'n'));
  longest.description = std::string(1024, 'd');
  CreateGroup(longest);
  // An empty description is no description.
  NewGroup empty_description = SecurityGroup("B", "b");
  empty_description.description = "";
  EXPECT_EQ(CreateGroup(empty_description).description, std::nullopt);
}

TEST_F(GroupsTest, OnlySecurityAndMicrosoft365GroupsCanBeCreated) {
  NewGroup not_mail_enabled = M365Group("A", "a");
  not_mail_enabled.mail_enabled = false;
  ExpectRefused(not_mail_enabled, expected::InvalidValue("mailEnabled", "Group"));
  NewGroup mail_enabled_security = SecurityGroup("A", "a");
  mail_enabled_security.mail_enabled = true;
  ExpectRefused(mail_enabled_security, expected::MailEnabledGroupNotSupported());
  NewGroup distribution = mail_enabled_security;
  distribution.security_enabled = false;
  ExpectRefused(distribution, expected::MailEnabledGroupNotSupported());
  NewGroup neither = SecurityGroup("A", "a");
  neither.security_enabled = false;
  ExpectRefused(neither, expected::MailEnabledGroupNotSupported());
}

TEST_F(GroupsTest, MailNicknameIsUniqueAmongMicrosoft365GroupsOnly) {
  CreateGroup(M365Group("Marketing", "marketing"));
  ExpectRefused(M365Group("Other", "MARKETING"), expected::ObjectConflict("mailNickname"));
  // Security groups may share a nickname, with each other and with a Microsoft 365 group.
  CreateGroup(SecurityGroup("Marketing readers", "marketing"));
  CreateGroup(SecurityGroup("Marketing writers", "marketing"));
  // A Microsoft 365 group whose nickname only a security group has is fine.
  CreateGroup(SecurityGroup("Finance readers", "finance"));
  CreateGroup(M365Group("Finance", "finance"));
}

TEST_F(GroupsTest, ProxyAddressesAreUniqueAcrossUsersAndGroups) {
  NewUser with_mail = MakeNewUser("adele", "Adele Vance");
  with_mail.properties["mail"] = "team@contoso.onmicrosoft.com";
  const User adele = Create(with_mail);
  ExpectRefused(M365Group("Team", "team"), expected::ObjectConflict("proxyAddresses"));
  // A user's UPN is one of its addresses too.
  ExpectRefused(M365Group("Adele's", "adele"), expected::ObjectConflict("proxyAddresses"));

  const Group sales = CreateGroup(M365Group("Sales", "sales"));
  NewUser same_mail = MakeNewUser("bob", "Bob");
  same_mail.properties["mail"] = "SALES@contoso.onmicrosoft.com";
  EXPECT_THAT(directory_->CreateUser(kActor, same_mail, false),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("sales", "Sales person"), false),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_THAT(directory_->UpdateUser(kActor, adele.id, {{"mail", "sales@contoso.onmicrosoft.com"}}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_THAT(directory_->UpdateUser(kActor, adele.id,
                                     {{"userPrincipalName", "sales@contoso.onmicrosoft.com"}}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));

  // Deleting the group frees its address.
  ASSERT_THAT(directory_->DeleteGroup(kActor, sales.id), Succeeds());
  Create(same_mail);
}

TEST_F(GroupsTest, ADeletedUsersAddressesAreFreeForGroupsUntilItIsRestored) {
  NewUser with_mail = MakeNewUser("adele", "Adele Vance");
  with_mail.properties["mail"] = "team@contoso.onmicrosoft.com";
  const User adele = Create(with_mail);
  ASSERT_THAT(directory_->DeleteUser(kActor, adele.id), Succeeds());
  CreateGroup(M365Group("Team", "team"));

  EXPECT_THAT(directory_->RestoreUser(kActor, adele.id, {}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  auto restored =
      directory_->RestoreUser(kActor, adele.id, {.auto_reconcile_proxy_conflicts = true});
  ASSERT_THAT(restored, Succeeds());
  EXPECT_THAT(restored->proxy_addresses, IsEmpty());
  EXPECT_EQ(restored->mail, std::nullopt);
}

TEST_F(GroupsTest, GroupsCountTowardsTheObjectQuota) {
  ASSERT_THAT(directory_->SetObjectQuota(kActor, 2), Succeeds());
  Create("adele", "Adele Vance");
  CreateGroup(SecurityGroup("Sales", "sales"));
  ExpectRefused(SecurityGroup("Legal", "legal"), expected::QuotaExceeded());
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("bob", "Bob"), false),
              FailsWith(expected::QuotaExceeded()));
}

TEST_F(GroupsTest, GetGroupByIdOnly) {
  const Group group = CreateGroup(SecurityGroup("Sales", "sales"));
  std::string upper = group.id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto by_upper = directory_->GetGroup(upper);
  ASSERT_THAT(by_upper, Succeeds());
  EXPECT_EQ(by_upper->id, group.id);
  EXPECT_THAT(directory_->GetGroup("Sales"), FailsWith(expected::InvalidObjectIdentifier("Sales")));
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  EXPECT_THAT(directory_->GetGroup(unknown), FailsWith(expected::NotFound(unknown)));
}

TEST_F(GroupsTest, ListsGroupsByDisplayName) {
  auto none = directory_->ListGroups();
  ASSERT_THAT(none, Succeeds());
  EXPECT_THAT(*none, IsEmpty());
  const Group zeta = CreateGroup(SecurityGroup("zeta", "z"));
  const Group alpha = CreateGroup(M365Group("Alpha", "alpha"));
  const Group beta = CreateGroup(SecurityGroup("beta", "b"));
  auto groups = directory_->ListGroups();
  ASSERT_THAT(groups, Succeeds());
  EXPECT_THAT(*groups, ElementsAre(alpha, beta, zeta));
}

TEST_F(GroupsTest, DeleteRemovesTheGroupForGood) {
  const Group group = CreateGroup(M365Group("Sales", "sales"));
  clock_.Advance(5);
  ASSERT_THAT(directory_->DeleteGroup(kActor, group.id), Succeeds());
  EXPECT_THAT(directory_->GetGroup(group.id), FailsWith(expected::NotFound(group.id)));
  EXPECT_THAT(directory_->DeleteGroup(kActor, group.id), FailsWith(expected::NotFound(group.id)));
  EXPECT_EQ(CountRows("groups"), 0);
  EXPECT_EQ(CountRows("group_proxy_addresses"), 0);
  EXPECT_EQ(QueryText("SELECT count FROM object_counts WHERE kind = 'groups'"), "0");
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Delete group");
  EXPECT_EQ(event.time, kStart + 5);
  EXPECT_EQ(event.target_id, group.id);
  EXPECT_EQ(event.target_name, "Sales");
  EXPECT_THAT(event.changes, IsEmpty());
  // Its nickname and address are free again.
  CreateGroup(M365Group("Sales again", "sales"));
}

TEST_F(GroupsTest, GroupsSurviveReopening) {
  const Group group = CreateGroup(M365Group("Sales", "sales"));
  Reopen();
  auto read = directory_->GetGroup(group.id);
  ASSERT_THAT(read, Succeeds());
  EXPECT_EQ(*read, group);
}

using UninitialisedGroupsTest = UninitialisedDirectoryTest;

TEST_F(UninitialisedGroupsTest, NeedsATenant) {
  EXPECT_THAT(directory_->CreateGroup(kActor, SecurityGroup("Sales", "sales")),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->ListGroups(), FailsWith(expected::TenantNotInitialised()));
}

}  // namespace
}  // namespace admin365::engine_test
