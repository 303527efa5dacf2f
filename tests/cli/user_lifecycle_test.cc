#include <gmock/gmock.h>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

class UserCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
  }
};

TEST_F(UserCli, AddReturnsTheUserWithEveryPropertyAndDerivedAlias) {
  const boost::json::value user =
      Json({"user", "add", "--upn", "Adele.Vance@Contoso.com", "--display-name", "Adele Vance",
            "--given-name", "Adele", "--surname", "Vance", "--department", "Sales",
            "--usage-location", "us", "--business-phones", "+1 425 555 0109", "--password",
            "xWwvJ]6NMw+bWH-d"});
  EXPECT_THAT(std::string(user.at("id").as_string()),
              MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  EXPECT_EQ(user.at("userPrincipalName"), "Adele.Vance@Contoso.com");
  EXPECT_EQ(user.at("mailNickname"), "Adele.Vance");
  EXPECT_EQ(user.at("accountEnabled"), true);
  EXPECT_EQ(user.at("usageLocation"), "US");
  EXPECT_EQ(user.at("userType"), "Member");
  EXPECT_EQ(user.at("businessPhones"), boost::json::array({"+1 425 555 0109"}));
  EXPECT_EQ(user.at("mail"), nullptr);
  EXPECT_EQ(user.at("createdDateTime"), user.at("lastPasswordChangeDateTime"));
  EXPECT_FALSE(user.as_object().contains("generatedPassword"));
  EXPECT_EQ(Json({"user", "get", "adele.vance@contoso.com"}), user);
}

TEST_F(UserCli, AddWithoutPasswordGeneratesOneShownOnce) {
  const boost::json::value user =
      Json({"user", "add", "--upn", "bob@contoso.com", "--display-name", "Bob"});
  const std::string password(user.at("generatedPassword").as_string());
  EXPECT_THAT(password, MatchesRegex("[A-Za-z0-9!#$%*+=?@^_~-]{20}"));
  const CliRun get = Run({"user", "get", "bob@contoso.com", "-o", "json"});
  EXPECT_THAT(get.out, Not(HasSubstr(password)));
  const CliRun audit = Run({"audit", "list", "-o", "json"});
  EXPECT_THAT(audit.out, Not(HasSubstr(password)));
}

TEST_F(UserCli, PasswordFromStandardInput) {
  const CliRun run = Run({"user", "add", "--upn", "carol@contoso.com", "--display-name", "Carol",
                          "--password-stdin", "-o", "json"},
                         "Correct-Horse-7-Battery\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, Not(HasSubstr("Correct-Horse")));
  const CliRun weak = Run({"user", "password", "carol@contoso.com", "--password-stdin"},
                          "carolcarol\n");
  EXPECT_EQ(weak.exit_code, 3);
}

TEST_F(UserCli, ListPagesInOrderAndRendersEveryFormat) {
  AddUser("zoe@contoso.com", "Zoë Ølsen");
  AddUser("ann@contoso.com", "Seán O'Brien, \"Jr\"", {"--department", "R&D; Labs"});
  AddUser("max@contoso.com", "Max");
  const CliRun table = Run({"user", "list", "--order-by", "userPrincipalName", "--select",
                            "userPrincipalName,displayName,department"});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out,
            "userPrincipalName  displayName         department\n"
            "ann@contoso.com    Seán O'Brien, \"Jr\"  R&D; Labs\n"
            "max@contoso.com    Max                 \n"
            "zoe@contoso.com    Zoë Ølsen           \n");
  const CliRun csv = Run({"user", "list", "--order-by", "displayName desc", "--select",
                          "displayName,department", "-o", "csv"});
  EXPECT_EQ(csv.out,
            "\"displayName\",\"department\"\n"
            "\"Zoë Ølsen\",\"\"\n"
            "\"Seán O'Brien, \"\"Jr\"\"\",\"R&D; Labs\"\n"
            "\"Max\",\"\"\n");

  const CliRun first = Run({"user", "list", "--order-by", "userPrincipalName", "--top", "2",
                            "--select", "userPrincipalName", "-o", "csv"});
  EXPECT_EQ(first.out, "\"userPrincipalName\"\n\"ann@contoso.com\"\n\"max@contoso.com\"\n");
  const std::string prefix = "More users follow: add --skip-token ";
  ASSERT_THAT(first.err, HasSubstr(prefix));
  std::string token = first.err.substr(prefix.size());
  token = token.substr(0, token.find(' '));
  const CliRun second =
      Run({"user", "list", "--order-by", "userPrincipalName", "--top", "2", "--skip-token",
           token, "--select", "userPrincipalName", "-o", "csv"});
  EXPECT_EQ(second.out, "\"userPrincipalName\"\n\"zoe@contoso.com\"\n");
  EXPECT_EQ(second.err, "");

  const CliRun all = Run({"user", "list", "--all", "--top", "1", "--count", "--select",
                          "userPrincipalName", "-o", "csv", "--order-by", "userPrincipalName"});
  EXPECT_EQ(all.out,
            "\"userPrincipalName\"\n\"ann@contoso.com\"\n\"max@contoso.com\"\n"
            "\"zoe@contoso.com\"\n");
  EXPECT_EQ(all.err, "3 users match.\n");
}

TEST_F(UserCli, FilterSelectsUsers) {
  AddUser("ann@contoso.com", "Ann", {"--department", "Sales"});
  AddUser("max@contoso.com", "Max", {"--department", "sales"});
  AddUser("zoe@contoso.com", "Zoe", {"--department", "Legal"});
  const CliRun run = Run({"user", "list", "--filter",
                          "department eq 'SALES' and startswith(displayName,'m')", "--select",
                          "userPrincipalName", "-o", "csv"});
  EXPECT_EQ(run.out, "\"userPrincipalName\"\n\"max@contoso.com\"\n");
  const CliRun bad = Run({"user", "list", "--filter", "department eq 'Sales"});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_THAT(bad.err, HasSubstr("error: BadRequest: Invalid $filter: syntax error at position"));
}

TEST_F(UserCli, SetChangesOnlyTheGivenPropertiesAndKeepsTheOldUpnAsProxy) {
  AddUser("adele@contoso.com", "Adele Vance", {"--department", "Sales", "--city", "Redmond"});
  const boost::json::value updated =
      Json({"user", "set", "adele@contoso.com", "--department", "Marketing", "--mail",
            "adele@contoso.com", "--city", ""});
  EXPECT_EQ(updated.at("department"), "Marketing");
  EXPECT_EQ(updated.at("city"), nullptr);
  EXPECT_EQ(updated.at("displayName"), "Adele Vance");
  EXPECT_EQ(updated.at("proxyAddresses"), boost::json::array({"SMTP:adele@contoso.com"}));

  const boost::json::value renamed =
      Json({"user", "set", "adele@contoso.com", "--upn", "adele.vance@contoso.com"});
  EXPECT_EQ(renamed.at("userPrincipalName"), "adele.vance@contoso.com");
  EXPECT_EQ(renamed.at("proxyAddresses"), boost::json::array({"SMTP:adele@contoso.com"}));
  const boost::json::value moved =
      Json({"user", "set", "adele.vance@contoso.com", "--upn", "adele@contoso.onmicrosoft.com"});
  EXPECT_EQ(moved.at("proxyAddresses"),
            boost::json::array({"SMTP:adele@contoso.com", "smtp:adele.vance@contoso.com"}));
  EXPECT_EQ(Run({"user", "get", "adele.vance@contoso.com"}).exit_code, 4);
}

TEST_F(UserCli, BlockAndUnblock) {
  AddUser("adele@contoso.com", "Adele");
  const CliRun block = Run({"user", "block", "adele@contoso.com"});
  EXPECT_EQ(block.out, "Blocked adele@contoso.com\n");
  EXPECT_EQ(Json({"user", "get", "adele@contoso.com"}).at("accountEnabled"), false);
  EXPECT_EQ(Run({"user", "unblock", "adele@contoso.com"}).out, "Unblocked adele@contoso.com\n");
  EXPECT_EQ(Json({"user", "get", "adele@contoso.com"}).at("accountEnabled"), true);
}

TEST_F(UserCli, PasswordResetGivenAndGenerated) {
  AddUser("adele@contoso.com", "Adele");
  const CliRun given =
      Run({"user", "password", "adele@contoso.com", "--password", "N3w-Sunrise-Over-Puget"});
  EXPECT_EQ(given.exit_code, 0) << given.err;
  EXPECT_EQ(given.out, "Password set for adele@contoso.com\n");
  const boost::json::value generated =
      Json({"user", "password", "adele@contoso.com", "--generate-password"});
  EXPECT_EQ(generated.at("user"), "adele@contoso.com");
  EXPECT_EQ(generated.at("generatedPassword").as_string().size(), 20u);
}

TEST_F(UserCli, RemoveRestoreAndPurge) {
  const std::string id = AddUser("adele@contoso.com", "Adele");
  EXPECT_EQ(Run({"user", "remove", "adele@contoso.com"}).out,
            "Deleted adele@contoso.com (restorable for 30 days)\n");
  const CliRun gone = Run({"user", "get", "adele@contoso.com"});
  EXPECT_EQ(gone.exit_code, 4);
  EXPECT_EQ(gone.err,
            "error: Request_ResourceNotFound: Resource 'adele@contoso.com' does not exist or one "
            "of its queried reference-property objects are not present.\n"
            "hint: Check the name or id: 'admin365 user list', 'admin365 user list --deleted' and "
            "'admin365 domain list' show what exists.\n");
  EXPECT_EQ(Run({"user", "list", "--deleted", "--select", "id,userPrincipalName", "-o", "csv"}).out,
            "\"id\",\"userPrincipalName\"\n\"" + id + "\",\"adele@contoso.com\"\n");
  EXPECT_NE(Json({"user", "get", "--deleted", id}).at("deletedDateTime"), nullptr);

  // Microsoft lets a new active user take the UPN of a deleted one; restoring the deleted
  // one then needs a new UPN (Restore-MsolUser -NewUserPrincipalName).
  AddUser("adele@contoso.com", "Adele the second");
  const CliRun conflict = Run({"user", "restore", id});
  EXPECT_EQ(conflict.exit_code, 5);
  EXPECT_EQ(conflict.err,
            "error: Request_BadRequest: The user '" + id +
                "' cannot be restored because another object uses its userPrincipalName "
                "'adele@contoso.com'. Restore it with a new userPrincipalName.\n"
                "hint: Choose another --user-principal-name; 'admin365 user get NAME' shows who "
                "holds it.\n");
  const boost::json::value restored =
      Json({"user", "restore", id, "--new-user-principal-name", "adele.old@contoso.com"});
  EXPECT_EQ(restored.at("userPrincipalName"), "adele.old@contoso.com");
  EXPECT_EQ(restored.at("deletedDateTime"), nullptr);

  ASSERT_EQ(Run({"user", "remove", id}).exit_code, 0);
  EXPECT_EQ(Run({"user", "purge", id}).out, "Permanently deleted " + id + "\n");
  EXPECT_EQ(Run({"user", "get", "--deleted", id}).exit_code, 4);
  EXPECT_EQ(Run({"user", "restore", id}).exit_code, 4);
}

TEST_F(UserCli, AuditTrailRecordsEveryWriteWithoutSecrets) {
  const std::string id = AddUser("adele@contoso.com", "Adele", {"--department", "Sales"});
  ASSERT_EQ(Run({"user", "set", id, "--department", "Legal"}).exit_code, 0);
  ASSERT_EQ(Run({"user", "password", id, "--password", "N3w-Sunrise-Over-Puget"}).exit_code, 0);
  const boost::json::value events = Json({"audit", "list", "--target", id});
  ASSERT_EQ(events.as_array().size(), 3u);
  EXPECT_EQ(events.at(0).at("activity"), "Reset user password");
  EXPECT_EQ(events.at(1).at("activity"), "Update user");
  EXPECT_EQ(events.at(1).at("modifiedProperties"),
            boost::json::array({"department: Sales -> Legal"}));
  EXPECT_EQ(events.at(2).at("activity"), "Add user");
  EXPECT_THAT(std::string(events.at(0).at("initiatedBy").as_string()), MatchesRegex("cli:.+"));
  const std::string all = Run({"audit", "list", "-o", "json"}).out;
  EXPECT_THAT(all, Not(HasSubstr("N3w-Sunrise")));
  EXPECT_THAT(all, Not(HasSubstr("Tr0ub4dor")));
  EXPECT_THAT(all, HasSubstr("passwordProfile: [redacted] -> [redacted]"));
}

}  // namespace
}  // namespace admin365::testing
