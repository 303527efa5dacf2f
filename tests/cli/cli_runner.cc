#include "cli/cli_runner.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <sys/wait.h>

namespace admin365::testing {

namespace {

std::string ShellQuote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void CliTest::SetUp() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = fmt::format("admin365-cli-{}-{}-{}", info->test_suite_name(), info->name(),
                                 ::getpid());
  std::replace(name.begin(), name.end(), '/', '_');  // parameterised test names hold '/'
  data_dir_ = std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(data_dir_);
}

void CliTest::TearDown() { std::filesystem::remove_all(data_dir_); }

CliRun CliTest::Run(const std::vector<std::string>& args, const std::string& input) {
  const std::filesystem::path in = data_dir_.string() + ".in";
  const std::filesystem::path out = data_dir_.string() + ".out";
  const std::filesystem::path err = data_dir_.string() + ".err";
  std::ofstream(in, std::ios::binary) << input;
  std::string command = fmt::format("{} --data-dir {}", ShellQuote(ADMIN365_BINARY),
                                    ShellQuote(data_dir_.string()));
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  command += fmt::format(" <{} >{} 2>{}", ShellQuote(in.string()), ShellQuote(out.string()),
                         ShellQuote(err.string()));
  const int status = std::system(command.c_str());
  CliRun run{.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1,
             .out = ReadFile(out),
             .err = ReadFile(err)};
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

boost::json::value CliTest::Json(std::vector<std::string> args) {
  args.insert(args.begin(), {"-o", "json"});
  const CliRun run = Run(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(run.out, error);
  EXPECT_FALSE(error) << run.out;
  return value;
}

void CliTest::InitTenant() {
  ASSERT_EQ(Run({"tenant", "init", "--name", "Contoso", "--domain", "contoso"}).exit_code, 0);
  ASSERT_EQ(Run({"domain", "add", "contoso.com"}).exit_code, 0);
  ASSERT_EQ(Run({"domain", "verify", "contoso.com"}).exit_code, 0);
}

std::string CliTest::AddUser(const std::string& upn, const std::string& display_name,
                             std::vector<std::string> extra) {
  std::vector<std::string> args = {"user", "add", "--upn", upn, "--display-name", display_name,
                                   "--password", "Tr0ub4dor&3xyz"};
  args.insert(args.end(), extra.begin(), extra.end());
  boost::json::value user = Json(args);
  if (!user.is_object()) return "";
  return std::string(user.at("id").as_string());
}

}  // namespace admin365::testing
