// `admin365 group ...`, `user groups`, `user manager ...` and `user direct-reports`: exactly
// what an admin sees, errors included.

#include <fmt/format.h>
#include <gmock/gmock.h>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

const std::string kNotFoundHint =
    "hint: Check the name or id: 'admin365 user list', 'admin365 user list --deleted' and "
    "'admin365 domain list' show what exists.\n";

class GroupCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
    adele_ = AddUser("adele@contoso.com", "Adele Vance", {"--usage-location", "US"});
    bob_ = AddUser("bob@contoso.com", "Bob Kelly", {"--usage-location", "US"});
  }

  // Creates a group; returns its id.
  std::string AddGroup(std::vector<std::string> args) {
    args.insert(args.begin(), {"group", "add"});
    const boost::json::value group = Json(args);
    return group.is_object() ? std::string(group.at("id").as_string()) : "";
  }

  // The groups, as "displayName,mailNickname" CSV lines: proves a failed command wrote
  // nothing.
  std::string Groups() {
    return Run({"group", "list", "--select", "displayName,mailNickname", "-o", "csv"}).out;
  }

  std::string adele_;
  std::string bob_;
};

TEST_F(GroupCli, AddsASecurityGroupByDefault) {
  const boost::json::value group = Json({"group", "add", "--display-name", "Sales",
                                         "--mail-nickname", "sales", "--description", "Sellers"});
  EXPECT_EQ(group.at("displayName"), "Sales");
  EXPECT_EQ(group.at("mailNickname"), "sales");
  EXPECT_EQ(group.at("description"), "Sellers");
  EXPECT_EQ(group.at("mailEnabled"), false);
  EXPECT_EQ(group.at("securityEnabled"), true);
  EXPECT_EQ(group.at("groupTypes"), boost::json::array());
  EXPECT_EQ(group.at("visibility"), nullptr);
  EXPECT_EQ(group.at("mail"), nullptr);
  EXPECT_EQ(group.at("proxyAddresses"), boost::json::array());
  EXPECT_EQ(group.at("assignedLicenses"), boost::json::array());
  const std::string id(group.at("id").as_string());
  EXPECT_EQ(Json({"group", "get", id}), group);
  EXPECT_EQ(Json({"group", "get", "SALES"}), group);  // by display name, any case

  const CliRun table = Run({"group", "get", "Sales"});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_THAT(table.out, ::testing::StartsWith(fmt::format("id                {}\n"
                                                           "displayName       Sales\n"
                                                           "description       Sellers\n"
                                                           "mailNickname      sales\n"
                                                           "mail              \n"
                                                           "mailEnabled       false\n"
                                                           "securityEnabled   true\n"
                                                           "groupTypes        \n"
                                                           "visibility        \n"
                                                           "proxyAddresses    \n"
                                                           "assignedLicenses  \n"
                                                           "createdDateTime   ",
                                                           id)));
}

TEST_F(GroupCli, AddsAMicrosoft365GroupWithAnAddress) {
  ASSERT_EQ(Run({"domain", "set-default", "contoso.com"}).exit_code, 0);
  const boost::json::value group = Json(
      {"group", "add", "--display-name", "Marketing", "--alias", "Marketing", "--type", "m365"});
  EXPECT_EQ(group.at("mailEnabled"), true);
  EXPECT_EQ(group.at("securityEnabled"), false);
  EXPECT_EQ(group.at("groupTypes"), boost::json::array({"Unified"}));
  EXPECT_EQ(group.at("visibility"), "Public");
  EXPECT_EQ(group.at("mail"), "Marketing@contoso.com");
  EXPECT_EQ(group.at("proxyAddresses"), boost::json::array({"SMTP:Marketing@contoso.com"}));
}

TEST_F(GroupCli, ListsGroupsByDisplayName) {
  const std::string zeta = AddGroup({"--display-name", "Zeta", "--mail-nickname", "zeta"});
  const std::string alpha =
      AddGroup({"--display-name", "Alpha", "--mail-nickname", "alpha", "--type", "m365"});
  const CliRun table = Run({"group", "list"});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out,
            fmt::format("displayName  id                                    mailNickname  "
                        "groupTypes  mail\n"
                        "Alpha        {}  alpha         Unified     alpha@contoso.onmicrosoft.com\n"
                        "Zeta         {}  zeta                      \n",
                        alpha, zeta));
  EXPECT_EQ(Run({"group", "list", "--select", "displayName,groupTypes", "-o", "csv"}).out,
            "\"displayName\",\"groupTypes\"\n\"Alpha\",\"Unified\"\n\"Zeta\",\"\"\n");
}

TEST_F(GroupCli, RemovesAGroupForGood) {
  const std::string id = AddGroup({"--display-name", "Sales", "--mail-nickname", "sales"});
  const CliRun removed = Run({"group", "remove", "Sales"});
  EXPECT_EQ(removed.exit_code, 0);
  EXPECT_EQ(removed.out, fmt::format("Permanently deleted group Sales ({})\n", id));
  const CliRun again = Run({"group", "remove", id});
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_EQ(again.err, fmt::format("error: Request_ResourceNotFound: Resource '{}' does not exist "
                                   "or one of its queried reference-property objects are not "
                                   "present.\n{}",
                                   id, kNotFoundHint));
  EXPECT_EQ(Groups(), "");
}

struct GroupErrorCase {
  std::string name;
  std::vector<std::string> args;
  int exit_code;
  std::string err;

  friend void PrintTo(const GroupErrorCase& c, std::ostream* os) { *os << c.name; }
};

class GroupAddErrors : public GroupCli, public ::testing::WithParamInterface<GroupErrorCase> {};

TEST_P(GroupAddErrors, RefusedWithGraphsMessageAndNothingWritten) {
  AddGroup({"--display-name", "Sales", "--mail-nickname", "sales", "--type", "m365"});
  const std::string before = Groups();
  std::vector<std::string> args = {"group", "add"};
  args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
  const CliRun run = Run(args);
  EXPECT_EQ(run.exit_code, GetParam().exit_code);
  EXPECT_EQ(run.err, GetParam().err);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(Groups(), before);
}

INSTANTIATE_TEST_SUITE_P(
    Cli, GroupAddErrors,
    ::testing::Values(
        GroupErrorCase{"EmptyDisplayName",
                       {"--display-name", "", "--mail-nickname", "x"},
                       3,
                       "error: Request_BadRequest: A value is required for property "
                       "'displayName' of resource 'Group'.\nhint: Give --display-name (see "
                       "'admin365 group add --help').\n"},
        GroupErrorCase{"LongDisplayName",
                       {"--display-name", std::string(257, 'a'), "--mail-nickname", "x"},
                       3,
                       "error: Request_BadRequest: Invalid value specified for property "
                       "'displayName' of resource 'Group'.\nhint: Check the value of "
                       "displayName: its length and allowed characters are in docs/cli.md.\n"},
        GroupErrorCase{"SpaceInNickname",
                       {"--display-name", "X", "--mail-nickname", "x y"},
                       3,
                       "error: Request_BadRequest: Invalid value specified for property "
                       "'mailNickname' of resource 'Group'.\nhint: Use at most 64 ASCII "
                       "characters, without spaces or @ ( ) \\ [ ] \" ; : < > ,\n"},
        GroupErrorCase{"LongDescription",
                       {"--display-name", "X", "--mail-nickname", "x", "--description",
                        std::string(1025, 'd')},
                       3,
                       "error: Request_BadRequest: Invalid value specified for property "
                       "'description' of resource 'Group'.\nhint: Check the value of "
                       "description: its length and allowed characters are in docs/cli.md.\n"},
        GroupErrorCase{"TakenMicrosoft365Nickname",
                       {"--display-name", "Other", "--mail-nickname", "SALES", "--type", "m365"},
                       5,
                       "error: Request_BadRequest: Another object with the same value for "
                       "property mailNickname already exists.\nhint: Another Microsoft 365 "
                       "group has this mail nickname; choose another ('admin365 group list' "
                       "shows them).\n"},
        GroupErrorCase{"UnknownType",
                       {"--display-name", "X", "--mail-nickname", "x", "--type", "distribution"},
                       2,
                       "--type: distribution not in {security,m365}\nRun with --help for more "
                       "information.\n"}));

TEST_F(GroupCli, AnAddressAUserHoldsIsRefused) {
  ASSERT_EQ(
      Run({"user", "set", "adele@contoso.com", "--mail", "team@contoso.onmicrosoft.com"}).exit_code,
      0);
  const CliRun run =
      Run({"group", "add", "--display-name", "Team", "--mail-nickname", "team", "--type", "m365"});
  EXPECT_EQ(run.exit_code, 5);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Another object with the same value for property "
            "proxyAddresses already exists.\nhint: Another user already uses this address as its "
            "mail or a proxy address; choose another, or remove it from that user first.\n");
  EXPECT_EQ(Groups(), "");
}

TEST_F(GroupCli, AGroupNamedByTwoGroupsNeedsItsId) {
  AddGroup({"--display-name", "Sales", "--mail-nickname", "sales"});
  AddGroup({"--display-name", "sales", "--mail-nickname", "sales"});
  const CliRun run = Run({"group", "member", "add", "Sales", "adele@contoso.com"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: More than one group is named 'Sales'. Give the group's "
            "object id.\n");
  const CliRun missing = Run({"group", "get", "Legal"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_EQ(missing.err,
            "error: Request_ResourceNotFound: Resource 'Legal' does not exist or one of its "
            "queried reference-property objects are not present.\n" +
                kNotFoundHint);
}

TEST_F(GroupCli, MembersAndMemberOf) {
  const std::string sales = AddGroup({"--display-name", "Sales", "--mail-nickname", "sales"});
  const std::string legal = AddGroup({"--display-name", "Legal", "--mail-nickname", "legal"});
  EXPECT_EQ(Run({"group", "member", "add", "Sales", "bob@contoso.com"}).out,
            "Added bob@contoso.com to Sales\n");
  EXPECT_EQ(Run({"group", "member", "add", sales, adele_}).out,
            fmt::format("Added {} to Sales\n", adele_));
  EXPECT_EQ(Run({"group", "member", "add", "Legal", "adele@contoso.com"}).exit_code, 0);

  EXPECT_EQ(Run({"group", "member", "list", "Sales"}).out,
            fmt::format("id                                    displayName  userPrincipalName\n"
                        "{}  Adele Vance  adele@contoso.com\n"
                        "{}  Bob Kelly    bob@contoso.com\n",
                        adele_, bob_));
  EXPECT_EQ(Run({"user", "groups", "adele@contoso.com", "-o", "csv"}).out,
            fmt::format("\"displayName\",\"id\",\"mailNickname\",\"groupTypes\",\"mail\"\n"
                        "\"Legal\",\"{}\",\"legal\",\"\",\"\"\n"
                        "\"Sales\",\"{}\",\"sales\",\"\",\"\"\n",
                        legal, sales));

  const CliRun twice = Run({"group", "member", "add", "Sales", "bob@contoso.com"});
  EXPECT_EQ(twice.exit_code, 5);
  EXPECT_EQ(twice.err,
            "error: Request_BadRequest: One or more added object references already exist for "
            "the following modified properties: 'members'.\n");

  EXPECT_EQ(Run({"group", "member", "remove", "Sales", "bob@contoso.com"}).out,
            "Removed bob@contoso.com from Sales\n");
  const CliRun not_member = Run({"group", "member", "remove", "Sales", "bob@contoso.com"});
  EXPECT_EQ(not_member.exit_code, 4);
  EXPECT_EQ(not_member.err,
            fmt::format("error: Request_ResourceNotFound: Resource '{}' does not exist or one "
                        "of its queried reference-property objects are not present.\n{}",
                        sales, kNotFoundHint));
  EXPECT_EQ(Run({"user", "groups", "bob@contoso.com"}).out, "");

  // A deleted user leaves the list, and comes back with its restore.
  ASSERT_EQ(Run({"user", "remove", "adele@contoso.com"}).exit_code, 0);
  EXPECT_EQ(Run({"group", "member", "list", "Sales"}).out, "");
  ASSERT_EQ(Run({"user", "restore", adele_}).exit_code, 0);
  EXPECT_EQ(Run({"group", "member", "list", "Sales", "-o", "csv"}).out,
            fmt::format("\"id\",\"displayName\",\"userPrincipalName\"\n"
                        "\"{}\",\"Adele Vance\",\"adele@contoso.com\"\n",
                        adele_));
}

TEST_F(GroupCli, MembershipWritesAreAudited) {
  const std::string sales = AddGroup({"--display-name", "Sales", "--mail-nickname", "sales"});
  ASSERT_EQ(Run({"group", "member", "add", "Sales", "bob@contoso.com"}).exit_code, 0);
  ASSERT_EQ(Run({"group", "member", "remove", "Sales", "bob@contoso.com"}).exit_code, 0);
  ASSERT_EQ(Run({"group", "remove", "Sales"}).exit_code, 0);
  const boost::json::value events = Json({"audit", "list", "--target", sales});
  ASSERT_TRUE(events.is_array());
  ASSERT_EQ(events.as_array().size(), 4u);
  const auto activity = [&](std::size_t i) { return events.at(i).at("activity"); };
  const auto changes = [&](std::size_t i) { return events.at(i).at("modifiedProperties"); };
  EXPECT_EQ(activity(0), "Delete group");
  EXPECT_EQ(activity(1), "Remove member from group");
  EXPECT_EQ(changes(1), boost::json::array({"members: bob@contoso.com -> (none)"}));
  EXPECT_EQ(activity(2), "Add member to group");
  EXPECT_EQ(changes(2), boost::json::array({"members: (none) -> bob@contoso.com"}));
  EXPECT_EQ(activity(3), "Add group");
  EXPECT_EQ(changes(3), boost::json::array(
                            {"displayName: (none) -> Sales", "mailNickname: (none) -> sales",
                             "mailEnabled: (none) -> false", "securityEnabled: (none) -> true"}));
}

TEST_F(GroupCli, Manager) {
  const CliRun none = Run({"user", "manager", "get", "adele@contoso.com"});
  EXPECT_EQ(none.exit_code, 4);
  EXPECT_EQ(none.err,
            "error: Request_ResourceNotFound: Resource 'manager' does not exist or one of its "
            "queried reference-property objects are not present.\n" +
                kNotFoundHint);

  EXPECT_EQ(Run({"user", "manager", "set", "adele@contoso.com", "bob@contoso.com"}).out,
            "Set the manager of adele@contoso.com to bob@contoso.com\n");
  EXPECT_EQ(Run({"user", "manager", "get", "adele@contoso.com"}).out,
            fmt::format("id                 {}\n"
                        "displayName        Bob Kelly\n"
                        "userPrincipalName  bob@contoso.com\n",
                        bob_));
  EXPECT_EQ(Run({"user", "direct-reports", "bob@contoso.com", "-o", "csv"}).out,
            fmt::format("\"id\",\"displayName\",\"userPrincipalName\"\n"
                        "\"{}\",\"Adele Vance\",\"adele@contoso.com\"\n",
                        adele_));

  const CliRun self = Run({"user", "manager", "set", "bob@contoso.com", bob_});
  EXPECT_EQ(self.exit_code, 3);
  EXPECT_EQ(self.err, "error: Request_BadRequest: A user cannot be their own manager.\n");

  EXPECT_EQ(Run({"user", "manager", "remove", "adele@contoso.com"}).out,
            "Removed the manager of adele@contoso.com\n");
  EXPECT_EQ(Run({"user", "direct-reports", "bob@contoso.com"}).out, "");
  EXPECT_EQ(Run({"user", "manager", "remove", "adele@contoso.com"}).exit_code, 4);

  const boost::json::value events = Json({"audit", "list", "--target", adele_, "--limit", "2"});
  EXPECT_EQ(events.at(0).at("activity"), "Remove user manager");
  EXPECT_EQ(events.at(0).at("modifiedProperties"),
            boost::json::array({"manager: bob@contoso.com -> (none)"}));
  EXPECT_EQ(events.at(1).at("activity"), "Set user manager");
  EXPECT_EQ(events.at(1).at("modifiedProperties"),
            boost::json::array({"manager: (none) -> bob@contoso.com"}));
}

TEST_F(GroupCli, DeletingAManagerUnlinksItsReports) {
  ASSERT_EQ(Run({"user", "manager", "set", "adele@contoso.com", "bob@contoso.com"}).exit_code, 0);
  ASSERT_EQ(Run({"user", "remove", "bob@contoso.com"}).exit_code, 0);
  EXPECT_EQ(Run({"user", "manager", "get", "adele@contoso.com"}).exit_code, 4);
  ASSERT_EQ(Run({"user", "restore", bob_}).exit_code, 0);
  EXPECT_EQ(Run({"user", "direct-reports", "bob@contoso.com"}).out, "");
}

TEST_F(GroupCli, GroupLicences) {
  ASSERT_EQ(Run({"subscription", "add", "ENTERPRISEPACK", "--units", "1"}).exit_code, 0);
  const std::string sales = AddGroup({"--display-name", "Sales", "--mail-nickname", "sales"});
  ASSERT_EQ(Run({"group", "member", "add", "Sales", "adele@contoso.com"}).exit_code, 0);
  ASSERT_EQ(Run({"group", "member", "add", "Sales", "bob@contoso.com"}).exit_code, 0);

  const boost::json::value licensed = Json(
      {"group", "license", "add", "Sales", "--sku", "enterprisepack", "--disabled-plans", "SWAY"});
  EXPECT_EQ(licensed.at("assignedLicenses"),
            boost::json::array({"6fd2c87f-b296-42f0-b197-1e91e994b900"}));
  // One seat: Adele (first by display name) has it, Bob's licence is in error.
  const CliRun adele = Run({"user", "license", "list", "adele@contoso.com", "-o", "csv"});
  EXPECT_THAT(adele.out,
              ::testing::HasSubstr(fmt::format("\"group {}\",\"Active\",\"SWAY\"", sales)));
  const CliRun bob = Run({"user", "license", "list", "bob@contoso.com", "-o", "csv"});
  EXPECT_THAT(bob.out,
              ::testing::HasSubstr(fmt::format("\"group {}\",\"Error (CountViolation)\"", sales)));

  const CliRun locked = Run({"group", "remove", "Sales"});
  EXPECT_EQ(locked.exit_code, 6);
  EXPECT_EQ(locked.err, fmt::format("error: Request_BadRequest: Unable to delete group '{}' "
                                    "because it has licenses assigned. Remove its licenses "
                                    "first.\n",
                                    sales));

  const CliRun absent = Run({"group", "license", "remove", "Sales", "--sku", "FLOW_FREE"});
  EXPECT_EQ(absent.exit_code, 3);
  EXPECT_EQ(absent.err,
            "error: Request_BadRequest: License f30db892-07e9-47e9-837c-80727f46fd3d does not "
            "correspond to a valid company License.\n");

  const boost::json::value removed =
      Json({"group", "license", "remove", "Sales", "--sku", "ENTERPRISEPACK"});
  EXPECT_EQ(removed.at("assignedLicenses"), boost::json::array());
  EXPECT_EQ(Run({"user", "license", "list", "adele@contoso.com"}).out, "");
  EXPECT_EQ(Run({"group", "remove", "Sales"}).exit_code, 0);
}

}  // namespace
}  // namespace admin365::testing
