#include "server/serve_process.h"

#include <fmt/format.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

namespace admin365::testing {

namespace {

std::string ShellQuote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

boost::json::value HttpResult::Json() const {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(body, error);
  EXPECT_FALSE(error) << body;
  return value;
}

std::string HttpResult::Header(const std::string& name) const {
  std::istringstream lines(headers);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < colon; ++i) {
      same = same && std::tolower(static_cast<unsigned char>(line[i])) ==
                         std::tolower(static_cast<unsigned char>(name[i]));
    }
    if (!same) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(value.begin());
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
    return value;
  }
  return "";
}

std::string FormEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

void ServeTest::TearDown() {
  if (pid_ > 0) StopServer();
  CliTest::TearDown();
}

void ServeTest::StartServer(const std::vector<std::string>& extra) {
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const std::string err = data_dir_.string() + ".serve.err";
  pid_ = ::fork();
  ASSERT_GE(pid_, 0);
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    std::FILE* log = std::fopen(err.c_str(), "w");
    if (log != nullptr) ::dup2(::fileno(log), STDERR_FILENO);
    ::close(out[0]);
    if (server_descriptor_limit_ > 0) {
      const rlimit limit{.rlim_cur = server_descriptor_limit_, .rlim_max = server_descriptor_limit_};
      ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    std::vector<std::string> args = {ADMIN365_BINARY, "--data-dir", data_dir_.string(),
                                     "serve",         "--listen",   "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  std::FILE* stream = ::fdopen(out[0], "r");
  char line[256] = {};
  const bool read = std::fgets(line, sizeof line, stream) != nullptr;
  std::fclose(stream);
  ASSERT_TRUE(read) << ReadFile(err);
  const std::string first(line);
  const std::string prefix = "admin365 serving https://127.0.0.1:";
  ASSERT_EQ(first.rfind(prefix, 0), 0u) << first;
  port_ = std::stoi(first.substr(prefix.size()));
  base_url_ = fmt::format("https://127.0.0.1:{}", port_);
}

int ServeTest::StopServer(int seconds) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  pid_t done = 0;
  while ((done = ::waitpid(pid_, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (done == 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  const std::string err = data_dir_.string() + ".serve.err";
  server_log_ = ReadFile(err);
  std::filesystem::remove(err);
  return done != 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

HttpResult ServeTest::Curl(const std::string& path, const std::vector<std::string>& args) {
  const std::string body = data_dir_.string() + ".body";
  const std::string headers = data_dir_.string() + ".headers";
  std::string command = fmt::format(
      "curl -s --max-time 20 --cacert {} -o {} -D {} -w '%{{http_code}}'",
      ShellQuote((data_dir_ / "tls-cert.pem").string()), ShellQuote(body), ShellQuote(headers));
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  command += " " + ShellQuote(base_url_ + path);
  std::FILE* pipe = ::popen(command.c_str(), "r");
  char code[16] = {};
  const std::size_t n = pipe ? std::fread(code, 1, sizeof code - 1, pipe) : 0;
  if (pipe) ::pclose(pipe);
  HttpResult result{
      .status = n > 0 ? std::atoi(code) : 0, .headers = ReadFile(headers), .body = ReadFile(body)};
  std::filesystem::remove(body);
  std::filesystem::remove(headers);
  return result;
}

HttpResult ServeTest::Token(const std::string& form, const std::string& tenant) {
  return Curl("/" + tenant + "/oauth2/v2.0/token", {"--data-binary", form});
}

void ServeTest::AddApp(const std::vector<std::string>& permissions) {
  boost::json::value app = Json({"app", "add", "Integration tests"});
  ASSERT_TRUE(app.is_object());
  client_id_ = std::string(app.at("clientId").as_string());
  secret_ = std::string(app.at("clientSecret").as_string());
  std::vector<std::string> grant = {"app", "grant", client_id_};
  grant.insert(grant.end(), permissions.begin(), permissions.end());
  ASSERT_EQ(Run(grant).exit_code, 0);
}

std::string ServeTest::AppToken() {
  const HttpResult result = Token("grant_type=client_credentials&client_id=" + client_id_ +
                                  "&client_secret=" + FormEncode(secret_) +
                                  "&scope=" + FormEncode("https://graph.microsoft.com/.default"));
  EXPECT_EQ(result.status, 200) << result.body;
  if (result.status != 200) return "";
  return std::string(result.Json().at("access_token").as_string());
}

}  // namespace admin365::testing
