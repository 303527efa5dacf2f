#include <gmock/gmock.h>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

class UserErrorsCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
  }

  // `user add` with a valid password plus `args`.
  CliRun Add(std::vector<std::string> args) {
    args.insert(args.begin(), {"user", "add", "--password", "Tr0ub4dor&3xyz"});
    return Run(args);
  }

  // The users in the tenant, as "upn" lines: proves a failed command wrote nothing.
  std::string Users() {
    return Run({"user", "list", "--all", "--order-by", "userPrincipalName", "--select",
                "userPrincipalName", "-o", "csv"})
        .out;
  }
};

struct ErrorCase {
  std::string name;
  std::vector<std::string> args;
  int exit_code;
  std::string err;

  friend void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }
};

class UserAddErrors : public UserErrorsCli,
                      public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(UserAddErrors, RefusedWithEntrasMessageAndNothingWritten) {
  const std::string before = Users();
  const CliRun run = Add(GetParam().args);
  EXPECT_EQ(run.exit_code, GetParam().exit_code);
  EXPECT_EQ(run.err, GetParam().err);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(Users(), before);
}

const std::string kInvalidUpnHint =
    "hint: A userPrincipalName is alias@domain: at most 64 characters of A-Z a-z 0-9 ' . - _ ! # "
    "^ ~ before the @ (not ending in '.'), at most 48 after it, 113 in all.\n";

INSTANTIATE_TEST_SUITE_P(
    Cli, UserAddErrors,
    ::testing::Values(
        ErrorCase{"MissingDisplayName",
                  {"--upn", "a@contoso.com"},
                  3,
                  "error: Request_BadRequest: A value is required for property 'displayName' of "
                  "resource 'User'.\nhint: Give --display-name (see 'admin365 user add --help').\n"},
        ErrorCase{"MissingUpn",
                  {"--display-name", "A", "--mail-nickname", "a"},
                  3,
                  "error: Request_BadRequest: A value is required for property "
                  "'userPrincipalName' of resource 'User'.\nhint: Give --user-principal-name "
                  "(see 'admin365 user add --help').\n"},
        ErrorCase{"SpaceInUpn",
                  {"--upn", "adele vance@contoso.com", "--display-name", "A", "--alias", "a"},
                  3,
                  "error: Request_BadRequest: Property userPrincipalName is invalid.\n" +
                      kInvalidUpnHint},
        ErrorCase{"QuoteCommaSemicolonInUpn",
                  {"--upn", "a\",b;c@contoso.com", "--display-name", "A", "--alias", "a"},
                  3,
                  "error: Request_BadRequest: Property userPrincipalName is invalid.\n" +
                      kInvalidUpnHint},
        ErrorCase{"AccentInUpn",
                  {"--upn", "se\xC3\xA1n@contoso.com", "--display-name", "A", "--alias", "a"},
                  3,
                  "error: Request_BadRequest: Property userPrincipalName is invalid.\n" +
                      kInvalidUpnHint},
        ErrorCase{"DotBeforeAt",
                  {"--upn", "adele.@contoso.com", "--display-name", "A"},
                  3,
                  "error: Request_BadRequest: Property userPrincipalName is invalid.\n" +
                      kInvalidUpnHint},
        ErrorCase{"AliasOf65",
                  {"--upn", std::string(65, 'a') + "@contoso.com", "--display-name", "A",
                   "--alias", "a"},
                  3,
                  "error: Request_BadRequest: Property userPrincipalName is invalid.\n" +
                      kInvalidUpnHint},
        ErrorCase{"UnverifiedDomain",
                  {"--upn", "a@fabrikam.com", "--display-name", "A"},
                  3,
                  "error: Request_BadRequest: The domain portion of the userPrincipalName "
                  "property is invalid. You must use one of the verified domain names in your "
                  "organization.\nhint: Add and verify the domain first ('admin365 domain add "
                  "NAME' then 'admin365 domain verify NAME'), or use a domain from 'admin365 "
                  "domain list'.\n"},
        ErrorCase{"DepartmentOf65",
                  {"--upn", "a@contoso.com", "--display-name", "A", "--department",
                   std::string(65, 'd')},
                  3,
                  "error: Request_BadRequest: Invalid value specified for property 'department' "
                  "of resource 'User'.\nhint: Check the value of department: its length and "
                  "allowed characters are in docs/cli.md.\n"},
        ErrorCase{"NewlineInDisplayName",
                  {"--upn", "a@contoso.com", "--display-name", "Adele\nVance"},
                  3,
                  "error: Request_BadRequest: Invalid value specified for property "
                  "'displayName' of resource 'User'.\nhint: Check the value of displayName: its "
                  "length and allowed characters are in docs/cli.md.\n"},
        ErrorCase{"BadUsageLocation",
                  {"--upn", "a@contoso.com", "--display-name", "A", "--usage-location", "USA"},
                  3,
                  "error: Request_BadRequest: Invalid value specified for property "
                  "'usageLocation' of resource 'User'.\nhint: Use a two-letter ISO 3166-1 "
                  "country code such as US, GB or FR.\n"},
        ErrorCase{"BadMailNickname",
                  {"--upn", "a@contoso.com", "--display-name", "A", "--mail-nickname", "a;b"},
                  3,
                  "error: Request_BadRequest: Invalid value specified for property "
                  "'mailNickname' of resource 'User'.\nhint: Use at most 64 ASCII characters, "
                  "without spaces or @ ( ) \\ [ ] \" ; : < > ,\n"},
        ErrorCase{"TwoBusinessPhones",
                  {"--upn", "a@contoso.com", "--display-name", "A", "--business-phones", "1",
                   "2"},
                  3,
                  "error: Request_BadRequest: Invalid value specified for property "
                  "'businessPhones' of resource 'User'.\nhint: Check the value of "
                  "businessPhones: its length and allowed characters are in docs/cli.md.\n"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

const std::string kPasswordError =
    "error: Request_BadRequest: The specified password does not comply with password complexity "
    "requirements. Please provide a different password.\nhint: Use 8-256 characters with 3 of: "
    "lower case, upper case, digits, symbols; no common words or the user's name; or let "
    "admin365 generate one (--generate-password).\n";

TEST_F(UserErrorsCli, WeakPasswordsAreRefused) {
  for (const std::string& password :
       {std::string("Sh0rt!"), std::string("alllowercase1"), std::string("P@ssw0rd2024"),
        std::string("Adele-Vance-2024"), std::string("Caf\xC3\xA9-Latte-99")}) {
    const CliRun run = Run({"user", "add", "--upn", "adele@contoso.com", "--display-name",
                            "Adele Vance", "--given-name", "Adele", "--password", password});
    EXPECT_EQ(run.exit_code, 3) << password;
    EXPECT_EQ(run.err, kPasswordError) << password;
  }
  EXPECT_EQ(Users(), "");
}

TEST_F(UserErrorsCli, DuplicateUpnIsAConflictWhateverTheCase) {
  ASSERT_EQ(Add({"--upn", "adele@contoso.com", "--display-name", "A"}).exit_code, 0);
  const CliRun run = Add({"--upn", "ADELE@Contoso.COM", "--display-name", "B"});
  EXPECT_EQ(run.exit_code, 5);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Another object with the same value for property "
            "userPrincipalName already exists.\nhint: Choose another --user-principal-name; "
            "'admin365 user get NAME' shows who holds it.\n");
}

TEST_F(UserErrorsCli, ValidationOrderReportsTheEarliestRule) {
  // Bad domain, duplicate-free, weak password: the domain is reported (step 5 before 7).
  const CliRun run = Run({"user", "add", "--upn", "a@fabrikam.com", "--display-name", "A",
                          "--password", "weak"});
  EXPECT_THAT(run.err, ::testing::StartsWith("error: Request_BadRequest: The domain portion"));
}

TEST_F(UserErrorsCli, ValuesAtTheLimitAreAccepted) {
  const CliRun run = Add({"--upn", std::string(64, 'a') + "@contoso.com", "--display-name",
                          std::string(256, 'D'), "--department", std::string(64, 'd'),
                          "--employee-id", std::string(16, '7')});
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST_F(UserErrorsCli, InvalidObjectIdentifier) {
  const CliRun run = Run({"user", "get", "not-a-guid"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid object identifier 'not-a-guid'.\nhint: Give the "
            "user's object id (a GUID) or its userPrincipalName (name@domain).\n");
}

TEST_F(UserErrorsCli, FailedUpdateChangesNothing) {
  ASSERT_EQ(Add({"--upn", "adele@contoso.com", "--display-name", "A", "--department", "Sales"})
                .exit_code,
            0);
  const CliRun run =
      Run({"user", "set", "adele@contoso.com", "--department", "Legal", "--usage-location", "XX"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(Json({"user", "get", "adele@contoso.com"}).at("department"), "Sales");
  const CliRun clear = Run({"user", "set", "adele@contoso.com", "--display-name", ""});
  EXPECT_EQ(clear.exit_code, 3);
  EXPECT_THAT(clear.err, ::testing::HasSubstr("A value is required for property 'displayName'"));
}

}  // namespace
}  // namespace admin365::testing
