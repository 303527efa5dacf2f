#include <gmock/gmock.h>

#include <fstream>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

constexpr char kSales[] = R"({
  "name": "Sales",
  "description": "Sales representatives",
  "domain": "contoso.com",
  "licenses": [{"sku": "ENTERPRISEPACK", "disabledPlans": ["SWAY"]}],
  "groups": ["Sales-All"],
  "mfa": {"state": "enforced"},
  "fields": {
    "usageLocation": {"rule": "readOnly", "value": "US"},
    "department": {"rule": "readOnly", "value": "Sales"},
    "employeeId": {"rule": "mandatory"},
    "jobTitle": {"rule": "editable", "value": "Representative"}
  },
  "rules": [{"when": {"field": "jobTitle", "equals": "Manager"},
             "set": {"companyName": "Contoso Sales"}, "addGroups": ["Managers"]}]
})";

class TemplateCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
    ASSERT_EQ(Run({"subscription", "add", "ENTERPRISEPACK", "--units", "2"}).exit_code, 0);
    ASSERT_EQ(Run({"group", "add", "--display-name", "Sales-All", "--mail-nickname", "salesall"})
                  .exit_code,
              0);
    ASSERT_EQ(Run({"group", "add", "--display-name", "Managers", "--mail-nickname", "managers"})
                  .exit_code,
              0);
  }

  // Writes `json` to a file beside the data directory; returns its path.
  std::string WriteFile(const std::string& name, const std::string& json) {
    const std::string path = data_dir_.string() + "-" + name;
    std::ofstream(path) << json;
    return path;
  }

  void AddSales() {
    const CliRun run = Run({"template", "add", WriteFile("sales.json", kSales)});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
};

TEST_F(TemplateCli, AddMakesVersionsAndListShowsTheLatest) {
  const std::string file = WriteFile("sales.json", kSales);
  CliRun run = Run({"template", "add", file});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Saved template \"Sales\" version 1.\n");
  run = Run({"template", "import", file});
  EXPECT_EQ(run.out, "Saved template \"Sales\" version 2.\n");
  const boost::json::value listed = Json({"template", "list"});
  ASSERT_EQ(listed.as_array().size(), 1u);
  EXPECT_EQ(listed.at(0).at("name"), "Sales");
  EXPECT_EQ(listed.at(0).at("version"), "2");
  EXPECT_EQ(listed.at(0).at("description"), "Sales representatives");
  EXPECT_THAT(std::string(listed.at(0).at("savedBy").as_string()), MatchesRegex("cli:.+"));
}

TEST_F(TemplateCli, ShowDescribesEveryRule) {
  AddSales();
  const CliRun run = Run({"template", "show", "sales", "--version", "1"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("name               Sales\n"
                                 "version            1\n"
                                 "description        Sales representatives\n"));
  EXPECT_THAT(
      run.out,
      HasSubstr("userPrincipalName  {givenName}.{surname}@contoso.com\n"
                "mailNickname       (the UPN's local part)\n"
                "displayName        {givenName} {surname}\n"
                "lowerCase          true\n"
                "password           generated, 16 characters (lower, upper, digit, symbol); "
                "change at next sign-in\n"
                "licenses           ENTERPRISEPACK (disabled: SWAY)\n"
                "groups             Sales-All\n"
                "mfaState           enforced\n"
                "defaultMethod      \n"
                "fields             usageLocation: readOnly = US; department: readOnly = Sales; "
                "employeeId: mandatory; jobTitle: editable = Representative\n"
                "rules              when jobTitle = Manager: set companyName = Contoso Sales; "
                "add group Managers\n"));
}

TEST_F(TemplateCli, ExportRoundTripsThroughImport) {
  AddSales();
  const std::string exported = data_dir_.string() + "-exported.json";
  CliRun run = Run({"template", "export", "Sales", "-f", exported});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Exported template \"Sales\" version 1 to " + exported + ".\n");
  const CliRun printed = Run({"template", "export", "Sales"});
  EXPECT_THAT(printed.out, HasSubstr("  \"version\": 1,\n"));
  EXPECT_THAT(printed.out, HasSubstr("\"disabledPlans\": [\n        \"SWAY\"\n      ]"));
  run = Run({"template", "import", exported});
  EXPECT_EQ(run.out, "Saved template \"Sales\" version 2.\n");
  const CliRun second = Run({"template", "export", "Sales", "--version", "2"});
  std::string expected = printed.out;
  expected.replace(expected.find("\"version\": 1"), 12, "\"version\": 2");
  EXPECT_EQ(second.out, expected);
}

TEST_F(TemplateCli, ValidateNamesEveryProblem) {
  std::string json = kSales;
  json.replace(json.find("\"Sales-All\""), 11, "\"Sales-Europe\"");
  json.replace(json.find("\"SWAY\""), 6, "\"NOT_A_PLAN\"");
  const std::string file = WriteFile("bad.json", json);
  CliRun run = Run({"template", "validate", file});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_Invalid: template \"Sales\": No group has the id or name "
            "'Sales-Europe'; `admin365 group list` shows the groups.\n"
            "error: Template_Invalid: template \"Sales\": ENTERPRISEPACK has no service plan "
            "'NOT_A_PLAN'; `admin365 subscription show ENTERPRISEPACK` lists its plans.\n");
  run = Run({"template", "add", file});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(Run({"template", "list", "-o", "json"}).out, "[]\n");

  AddSales();
  run = Run({"template", "validate", "Sales"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Template \"Sales\" version 1 is valid.\n");
  // The tenant changes under the template: the group goes.
  ASSERT_EQ(Run({"group", "remove", "Sales-All"}).exit_code, 0);
  run = Run({"template", "validate", "Sales"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_Invalid: template \"Sales\": No group has the id or name "
            "'Sales-All'; `admin365 group list` shows the groups.\n");
}

TEST_F(TemplateCli, ImportRefusesBadJsonNamingThePath) {
  const CliRun run =
      Run({"template", "add",
           WriteFile("bad.json", R"({"name": "S", "fields": {"city": {"rule": "locked"}}})")});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_Invalid: template JSON: $.fields.city.rule: expected one of "
            "\"editable\", \"mandatory\", \"readOnly\", \"hidden\"\n");
}

TEST_F(TemplateCli, UserAddFromATemplate) {
  AddSales();
  const CliRun run = Run({"user", "add", "--template", "Sales", "--first-name", "Zoë",
                          "--last-name", "Ångström-Łukasiewicz", "--set", "employeeId=S-17",
                          "--set", "jobTitle=Manager", "-o", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const boost::json::value user = boost::json::parse(run.out);
  EXPECT_EQ(user.at("userPrincipalName"), "zoe.angstrom-lukasiewicz@contoso.com");
  EXPECT_EQ(user.at("mailNickname"), "zoe.angstrom-lukasiewicz");
  EXPECT_EQ(user.at("displayName"), "Zoë Ångström-Łukasiewicz");
  EXPECT_EQ(user.at("department"), "Sales");
  EXPECT_EQ(user.at("companyName"), "Contoso Sales");
  EXPECT_EQ(user.at("usageLocation"), "US");
  EXPECT_EQ(user.at("assignedLicenses"),
            boost::json::array({"6fd2c87f-b296-42f0-b197-1e91e994b900"}));
  const std::string password(user.at("generatedPassword").as_string());
  EXPECT_THAT(password, MatchesRegex("[A-Za-z0-9!#$%*+=?@^_~-]{16}"));
  const std::string id(user.at("id").as_string());
  const boost::json::value groups = Json({"user", "groups", id});
  ASSERT_EQ(groups.as_array().size(), 2u);
  EXPECT_EQ(groups.at(0).at("displayName"), "Managers");  // from the rule
  EXPECT_EQ(groups.at(1).at("displayName"), "Sales-All");
  EXPECT_THAT(Run({"user", "mfa", "get", id}).out, HasSubstr("enforced"));

  const boost::json::value events = Json({"audit", "list", "--target", id});
  for (const boost::json::value& event : events.as_array()) {
    EXPECT_EQ(event.at("origin"), "template \"Sales\" v1") << event.at("activity");
  }
  EXPECT_THAT(Run({"audit", "list", "-o", "json"}).out, Not(HasSubstr(password)));

  // The same name again takes the next number.
  const boost::json::value second =
      Json({"user", "add", "--template", "Sales", "--first-name", "Zoë", "--last-name",
            "Ångström-Łukasiewicz", "--set", "employeeId=S-18"});
  EXPECT_EQ(second.at("userPrincipalName"), "zoe.angstrom-lukasiewicz2@contoso.com");
  EXPECT_EQ(second.at("jobTitle"), "Representative");
}

TEST_F(TemplateCli, UserAddReportsTheFieldRule) {
  AddSales();
  CliRun run =
      Run({"user", "add", "--template", "Sales", "--first-name", "Ann", "--last-name", "Lee"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_InputRejected: employeeId is mandatory in template \"Sales\": give "
            "it\n");
  run = Run({"user", "add", "--template", "Sales", "--first-name", "Ann", "--last-name", "Lee",
             "--employee-id", "1", "--department", "HR"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_InputRejected: department is read-only in template \"Sales\": "
            "remove it\n");
  run = Run({"user", "add", "--template", "Sales", "--first-name", "李", "--last-name", "Lee",
             "--employee-id", "1"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_InputRejected: givenName \"李\" is in the Han script, which "
            "admin365 does not transliterate; give userPrincipalName and mailNickname in Latin "
            "letters\n");
  run = Run({"user", "add", "--template", "Sales", "--set", "employeeId"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Template_InputRejected: --set takes FIELD=VALUE, not \"employeeId\"\n");
  run = Run({"user", "add", "--template", "Marketing", "--first-name", "Ann"});
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_EQ(run.err, "error: Template_NotFound: No template is named \"Marketing\".\n");
  run = Run({"user", "add", "--upn", "ann@contoso.com", "--set", "employeeId=1"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Run({"user", "list", "-o", "json"}).out, "[]\n");
}

TEST_F(TemplateCli, AFailingLaterStepLeavesNoUser) {
  AddSales();
  ASSERT_EQ(Run({"subscription", "suspend", "ENTERPRISEPACK"}).exit_code, 0);
  const CliRun run = Run({"user", "add", "--template", "Sales", "--first-name", "Ann",
                          "--last-name", "Lee", "--employee-id", "1"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Subscription with SKU "
            "6fd2c87f-b296-42f0-b197-1e91e994b900 does not have any available licenses.\n");
  EXPECT_EQ(Run({"user", "list", "-o", "json"}).out, "[]\n");
  EXPECT_EQ(Run({"user", "list", "--deleted", "-o", "json"}).out, "[]\n");
}

TEST_F(TemplateCli, RemoveHidesEveryVersion) {
  AddSales();
  AddSales();
  CliRun run = Run({"template", "remove", "Sales"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "Removed template \"Sales\" (2 versions).\n");
  run = Run({"template", "show", "Sales"});
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_EQ(run.err, "error: Template_NotFound: No template is named \"Sales\".\n");
  run = Run({"template", "remove", "Sales"});
  EXPECT_EQ(run.exit_code, 4);
  AddSales();
  EXPECT_EQ(Json({"template", "list"}).at(0).at("version"), "3");
}

}  // namespace
}  // namespace admin365::testing
