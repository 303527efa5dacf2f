// `admin365 bulk`, end to end on the real binary: plan, run, results, undo, and resume
// after the process is killed with SIGKILL mid-job.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include <fmt/format.h>

#include "cli/cli_runner.h"

extern char** environ;

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class BulkCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
  }

  std::string WriteInput(const std::string& name, const std::string& content) {
    const std::string path = data_dir_.string() + "-" + name;
    std::ofstream(path, std::ios::binary) << content;
    inputs_.push_back(path);
    return path;
  }

  void TearDown() override {
    for (const std::string& path : inputs_) std::filesystem::remove(path);
    CliTest::TearDown();
  }

  long long AddUserEvents() {
    const boost::json::value events = Json({"audit", "list", "--limit", "100000"});
    long long count = 0;
    for (const boost::json::value& event : events.as_array()) {
      count += event.at("activity") == "Add user";
    }
    return count;
  }

  std::vector<std::string> inputs_;
};

TEST_F(BulkCli, PlanShowsEachRowAndChangesNothing) {
  AddUser("taken@contoso.com", "Taken");
  const std::string input = WriteInput("plan.csv",
                                       "User Name,First Name,Last Name,Display Name,Department\r\n"
                                       "new@contoso.com,New,Person,New Person,Sales\r\n"
                                       "taken@contoso.com,Tak,En,Taken Again,Sales\r\n");
  const CliRun run = Run({"bulk", "plan", "create", input});
  EXPECT_EQ(run.exit_code, 9);
  EXPECT_EQ(run.out,
            "row  line  user               plan    detail                                        "
            "                                     field\n"
            "1    2     new@contoso.com    change  create new@contoso.com; password: generated   "
            "                                     \n"
            "2    3     taken@contoso.com  error   Another object with the same value for "
            "property userPrincipalName already exists.  userPrincipalName\n");
  EXPECT_EQ(run.err,
            "Plan (Microsoft 365 admin center file): 2 rows: 1 to change, 0 unchanged, 1 with "
            "errors. Nothing was changed.\n");
  EXPECT_EQ(Json({"user", "list"}).as_array().size(), 1u);
}

TEST_F(BulkCli, RunReportsTheJobAndUndoRevertsIt) {
  AddUser("ann@contoso.com", "Ann");
  const std::string input = WriteInput("block.csv", "UserPrincipalName\nann@contoso.com\n"
                                                    "ghost@contoso.com\n");
  const CliRun run = Run({"bulk", "run", "block", input});
  EXPECT_EQ(run.exit_code, 9) << run.err;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(run.out, match, std::regex("^Job ([0-9a-f-]{36}): ")));
  const std::string job = match[1];
  EXPECT_EQ(run.out, fmt::format("Job {}: 1 succeeded, 1 failed, 0 unchanged\n"
                                 "Results: {}/jobs/{}/results.csv\n",
                                 job, data_dir_.string(), job));
  std::ifstream results(fmt::format("{}/jobs/{}/results.csv", data_dir_.string(), job));
  std::stringstream text;
  text << results.rdbuf();
  EXPECT_EQ(text.str(),
            "\"UserPrincipalName\",\"row\",\"line\",\"status\",\"errorCode\",\"errorMessage\","
            "\"field\",\"objectId\"\r\n"
            "\"ann@contoso.com\",\"1\",\"2\",\"succeeded\",\"\",\"\",\"\",\"" +
                std::string(Json({"user", "get", "ann@contoso.com"}).at("id").as_string()) +
                "\"\r\n"
                "\"ghost@contoso.com\",\"2\",\"3\",\"failed\",\"Request_ResourceNotFound\","
                "\"Resource 'ghost@contoso.com' does not exist or one of its queried "
                "reference-property objects are not present.\",\"userPrincipalName\",\"\"\r\n");
  EXPECT_EQ(Json({"user", "get", "ann@contoso.com"}).at("accountEnabled"), false);

  const CliRun undo = Run({"bulk", "undo", job.substr(0, 8)});
  EXPECT_EQ(undo.exit_code, 0) << undo.err;
  EXPECT_THAT(undo.out, MatchesRegex("Undo job [0-9a-f-]{36}: 1 change\\(s\\) reverted, 0 failed\n"));
  EXPECT_EQ(Json({"user", "get", "ann@contoso.com"}).at("accountEnabled"), true);
}

TEST_F(BulkCli, AMissingColumnStopsBeforeAnyRow) {
  const std::string input = WriteInput("names.csv", "UserPrincipalName\nann@contoso.com\n");
  const CliRun run = Run({"bulk", "run", "change-upn", input});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: The file has no column for newUserPrincipalName (its "
            "headers: \"UserPrincipalName\"); the change-upn action needs one. Add the column, or "
            "give one value for every row with --set newUserPrincipalName=VALUE.\n");
}

// The crash test: SIGKILL in the middle of a bulk creation, then `bulk resume`.
TEST_F(BulkCli, ResumeAfterKillFinishesWithoutDuplicatingAUser) {
  constexpr int kRows = 400;
  std::string csv = "userPrincipalName,displayName,password\n";
  for (int i = 1; i <= kRows; ++i) {
    csv += fmt::format("user{}@contoso.com,User {},Vq7#mLp2xT9!{}\n", i, i, i);
  }
  const std::string input = WriteInput("create.csv", csv);
  const std::string data_dir = data_dir_.string();
  std::vector<std::string> args = {ADMIN365_BINARY, "--data-dir", data_dir, "bulk", "run",
                                   "create", input};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, ADMIN365_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  // Kill it once some users exist (Argon2id makes each given password take a while).
  long long created = 0;
  for (int i = 0; i < 600 && created < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    created = AddUserEvents();
  }
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  const long long before_resume = AddUserEvents();
  ASSERT_GE(before_resume, 20);
  ASSERT_LT(before_resume, kRows) << "the job finished before it was killed";

  const boost::json::value jobs = Json({"bulk", "list"});
  ASSERT_EQ(jobs.as_array().size(), 1u);
  EXPECT_EQ(jobs.at(0).at("state"), "running");
  const std::string job(jobs.at(0).at("id").as_string());
  const CliRun resumed = Run({"bulk", "resume", job});
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.out, HasSubstr(fmt::format("Job {}: {} succeeded, 0 failed, 0 unchanged\n",
                                                 job, kRows)));
  EXPECT_EQ(AddUserEvents(), kRows);
  EXPECT_EQ(Json({"user", "list", "--top", "999"}).as_array().size(), kRows + 0u);
  EXPECT_EQ(Json({"bulk", "show", job}).at("state"), "completed");
}

}  // namespace
}  // namespace admin365::testing
