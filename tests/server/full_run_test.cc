// What a full run leaves behind: a tenant with users given and generated passwords, an app
// with its secret, a bulk creation with its results moved outside the data directory, the
// server answering an app token, a user sign-in and a wrong password, and the server
// connected to as a real tenant (tenant connect).
//  - Everything written is its owner's alone: every file 0600 and every directory 0700,
//    in the data directory (tenant.db with its password hashes, jobs.db, jobs/, the
//    server's keys and certificate) and outside it (a results file moved with --results).
//  - No secret (password, client secret, token, a wrong password tried) is in any file, log
//    or output that is not meant to show it: only the passwords file holds the generated
//    passwords, and only connections.json the secret of the connected tenant's app.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "server/serve_process.h"

namespace admin365::testing {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kAdelePassword[] = "Quiet-Harbour-42-Lantern";
constexpr char kMeganPassword[] = "Amber-Falcon-17-Meadow";
constexpr char kWrongPassword[] = "Quiet-Harbour-42-Lanterm";

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class FullRunTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    outside_ = data_dir_.string() + "-outside";
    std::filesystem::remove_all(outside_);
    results_ = outside_ / "results.csv";
  }

  void TearDown() override {
    std::filesystem::remove_all(outside_);
    ServeTest::TearDown();
  }

  // The whole scenario, under a permissive umask (as on many desktops) that admin365 must
  // not inherit.
  void RunScenario() {
    const ::mode_t previous = ::umask(002);
    InitTenant();
    outputs_ += Run({"user", "add", "--upn", "adele@contoso.com", "--display-name", "Adele",
                     "--password-stdin", "--force-change-password", "false"},
                    std::string(kAdelePassword) + "\n")
                    .out;
    AddApp({"User.ReadWrite.All"});
    std::filesystem::create_directory(outside_);
    const std::filesystem::path input = outside_ / "new-hires.csv";
    std::ofstream(input) << "userPrincipalName,displayName,Password\n"
                         << "megan@contoso.com,Megan Bowen," << kMeganPassword << "\n"
                         << "lee@contoso.com,Lee Gu,\n";
    const CliRun bulk =
        Run({"bulk", "run", "create", input.string(), "--results", results_.string()});
    EXPECT_EQ(bulk.exit_code, 0) << bulk.err;
    outputs_ += bulk.out + bulk.err;
    StartServer();
    app_token_ = AppToken();
    EXPECT_EQ(Curl("/v1.0/users", {"-H", "Authorization: Bearer " + app_token_}).status, 200);
    const HttpResult signed_in =
        Token("grant_type=password&client_id=" + client_id_ +
              "&username=adele%40contoso.com&password=" + FormEncode(kAdelePassword) +
              "&scope=" + FormEncode("User.Read.All offline_access"));
    EXPECT_EQ(signed_in.status, 200) << signed_in.body;
    user_token_ = std::string(signed_in.Json().at("access_token").as_string());
    refresh_token_ = std::string(signed_in.Json().at("refresh_token").as_string());
    // A wrong password: the sign-in log and the lockout's fingerprints must not hold it.
    EXPECT_EQ(Token("grant_type=password&client_id=" + client_id_ +
                    "&username=adele%40contoso.com&password=" + FormEncode(kWrongPassword) +
                    "&scope=" + FormEncode("User.Read.All"))
                  .status,
              400);
    // The server as a real tenant: the connection keeps the app's secret, and only there.
    const CliRun connect = Run({"tenant", "connect", "contoso", "--tenant-id", "contoso.com",
                                "--client-id", client_id_, "--client-secret-stdin",
                                "--authority-host", base_url_, "--graph-endpoint", base_url_,
                                "--ca-file", (data_dir_ / "tls-cert.pem").string()},
                               secret_ + "\n");
    EXPECT_EQ(connect.exit_code, 0) << connect.err;
    outputs_ += connect.out + connect.err + Run({"tenant", "list"}).out;
    EXPECT_EQ(StopServer(), 0);
    outputs_ += server_log_;
    const CliRun audit = Run({"audit", "list", "-o", "json"});
    outputs_ += audit.out + audit.err;
    ::umask(previous);
  }

  std::filesystem::path outside_;
  std::filesystem::path results_;
  std::string outputs_;  // what the commands printed (but app add's secret) and the server log
  std::string app_token_;
  std::string user_token_;
  std::string refresh_token_;
};

// "path 0644" for `path` unless its mode is `expected`.
void CheckMode(const std::filesystem::path& path, ::mode_t expected,
               std::vector<std::string>& wrong) {
  struct stat status {};
  ASSERT_EQ(::lstat(path.c_str(), &status), 0) << path;
  const ::mode_t mode = status.st_mode & 07777;
  if (mode != expected) wrong.push_back(fmt::format("{} {:04o}", path.string(), mode));
}

TEST_F(FullRunTest, EverythingWrittenIsTheOwnersAlone) {
  RunScenario();
  std::vector<std::string> wrong;
  CheckMode(data_dir_, 0700, wrong);
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data_dir_)) {
    if (entry.is_directory()) {
      CheckMode(entry.path(), 0700, wrong);
    } else {
      CheckMode(entry.path(), 0600, wrong);
      ++files;
    }
  }
  CheckMode(results_, 0600, wrong);
  EXPECT_THAT(wrong, IsEmpty());
  // tenant.db, jobs.db, the job's results and passwords, the server's key and certificate.
  EXPECT_GE(files, 6);
}

TEST_F(FullRunTest, NoSecretIsWrittenAnywhereButThePasswordsFile) {
  RunScenario();
  std::vector<std::filesystem::path> passwords_files;
  std::string connections;  // holds the app's secret: it must be sent to Entra
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data_dir_)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().filename() == "passwords.csv") {
      passwords_files.push_back(entry.path());
    } else if (entry.path().filename() == "connections.json") {
      connections = ReadBytes(entry.path());
    } else {
      files.emplace_back(entry.path().string(), ReadBytes(entry.path()));
    }
  }
  files.emplace_back(results_.string(), ReadBytes(results_));
  files.emplace_back("the commands' output and the server log", outputs_);

  // The one generated password, from the passwords file: "row,userPrincipalName,password".
  ASSERT_THAT(passwords_files, SizeIs(1));
  const std::string passwords = ReadBytes(passwords_files.front());
  const std::string lee = "\"2\",\"lee@contoso.com\",\"";
  ASSERT_NE(passwords.find(lee), std::string::npos) << passwords;
  const std::size_t start = passwords.find(lee) + lee.size();
  const std::string generated = passwords.substr(start, passwords.find('"', start) - start);
  ASSERT_EQ(generated.size(), 20u) << passwords;

  const std::vector<std::pair<std::string, std::string>> secrets = {
      {"adele's password", kAdelePassword}, {"megan's password", kMeganPassword},
      {"lee's generated password", generated}, {"the app's secret", secret_},
      {"a wrong password tried", kWrongPassword},
      {"the app token", app_token_},         {"the user token", user_token_},
      {"the refresh token", refresh_token_}};
  std::vector<std::string> found;
  for (const auto& [what, secret] : secrets) {
    ASSERT_FALSE(secret.empty()) << what;
    for (const auto& [path, bytes] : files) {
      if (bytes.find(secret) != std::string::npos) found.push_back(what + " in " + path);
    }
  }
  EXPECT_THAT(found, IsEmpty());
  EXPECT_NE(connections.find(secret_), std::string::npos);
}

}  // namespace
}  // namespace admin365::testing
