// `admin365 serve` end to end: the real binary on port 0, HTTPS with its own certificate,
// the identity endpoints, the token endpoint's refusals, 401s, the transport's limits and
// a graceful shutdown.

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "server/serve_process.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kPassword[] = "Tr0ub4dor&3xyz";

std::string Text(const boost::json::value& value) {
  return value.is_string() ? std::string(value.get_string()) : boost::json::serialize(value);
}

class ServerTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    InitTenant();
    AddApp({"User.ReadWrite.All", "Directory.Read.All"});
    tenant_id_ = Text(Json({"tenant", "show"}).at("id"));
  }

  std::string PasswordForm(const std::string& upn, const std::string& password,
                           const std::string& scope = "User.Read.All offline_access") {
    return "grant_type=password&client_id=" + client_id_ + "&username=" + FormEncode(upn) +
           "&password=" + FormEncode(password) + "&scope=" + FormEncode(scope);
  }

  // The AADSTS code of a token endpoint refusal.
  static std::string Code(const HttpResult& result) {
    const boost::json::value body = result.Json();
    return body.is_object() && body.as_object().contains("error_codes")
               ? Text(body.at("error_codes").at(0))
               : result.body;
  }

  std::string tenant_id_;
};

TEST_F(ServerTest, ServesHealthOverHttpsWithAGeneratedCertificate) {
  StartServer();
  const HttpResult health = Curl("/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_FALSE(health.Header("request-id").empty());
  for (const char* file : {"tls-key.pem", "token-signing-key.pem"}) {
    struct stat info {};
    ASSERT_EQ(::stat((data_dir_ / file).c_str(), &info), 0) << file;
    EXPECT_EQ(info.st_mode & 0777, 0600) << file;
  }
  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_, HasSubstr("GET /health 200"));
  EXPECT_THAT(server_log_, HasSubstr("admin365 stopped"));
}

TEST_F(ServerTest, PublishesOpenIdConfigurationKeysAndInstanceMetadata) {
  StartServer();
  const HttpResult configuration = Curl("/contoso.com/v2.0/.well-known/openid-configuration");
  ASSERT_EQ(configuration.status, 200);
  const boost::json::value doc = configuration.Json();
  EXPECT_EQ(Text(doc.at("token_endpoint")), base_url_ + "/" + tenant_id_ + "/oauth2/v2.0/token");
  EXPECT_EQ(Text(doc.at("issuer")), base_url_ + "/" + tenant_id_ + "/v2.0");
  EXPECT_EQ(Text(doc.at("jwks_uri")), base_url_ + "/" + tenant_id_ + "/discovery/v2.0/keys");
  EXPECT_EQ(configuration.Header("Cache-Control"), "max-age=86400, private");

  const HttpResult keys = Curl("/" + tenant_id_ + "/discovery/v2.0/keys");
  ASSERT_EQ(keys.status, 200);
  EXPECT_EQ(Text(keys.Json().at("keys").at(0).at("kty")), "RSA");
  EXPECT_EQ(Text(keys.Json().at("keys").at(0).at("e")), "AQAB");

  const HttpResult instance =
      Curl("/common/discovery/instance?api-version=1.1&authorization_endpoint=" + base_url_ +
           "/common/oauth2/v2.0/authorize");
  ASSERT_EQ(instance.status, 200);
  EXPECT_EQ(Text(instance.Json().at("metadata").at(0).at("preferred_network")),
            "127.0.0.1:" + std::to_string(port_));

  const HttpResult unknown = Curl("/fabrikam.com/v2.0/.well-known/openid-configuration");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Code(unknown), "90002");
}

// `admin365 key rotate` while the server runs: within a second the server signs with the
// new key, publishes both and still accepts tokens of the old one; `--drop-previous`
// ends them.
TEST_F(ServerTest, ARunningServerFollowsAKeyRotation) {
  StartServer();
  const std::string old_token = AppToken();
  ASSERT_FALSE(old_token.empty());
  const std::string jwks = "/" + tenant_id_ + "/discovery/v2.0/keys";
  const std::string old_kid = Text(Curl(jwks).Json().at("keys").at(0).at("kid"));
  ASSERT_EQ(Run({"key", "rotate"}).exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));

  const boost::json::value keys = Curl(jwks).Json().at("keys");
  ASSERT_EQ(keys.as_array().size(), 2u);
  EXPECT_NE(Text(keys.at(0).at("kid")), old_kid);
  EXPECT_EQ(Text(keys.at(1).at("kid")), old_kid);
  EXPECT_EQ(Curl("/v1.0/users", {"-H", "Authorization: Bearer " + old_token}).status, 200);
  const std::string new_token = AppToken();
  EXPECT_EQ(Curl("/v1.0/users", {"-H", "Authorization: Bearer " + new_token}).status, 200);

  ASSERT_EQ(Run({"key", "rotate", "--drop-previous"}).exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(Curl(jwks).Json().at("keys").as_array().size(), 1u);
  for (const std::string& token : {old_token, new_token}) {
    const HttpResult refused = Curl("/v1.0/users", {"-H", "Authorization: Bearer " + token});
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(Text(refused.Json().at("error").at("message")),
              "Access token validation failure. Invalid signature.");
  }
  EXPECT_EQ(Curl("/v1.0/users", {"-H", "Authorization: Bearer " + AppToken()}).status, 200);
}

TEST_F(ServerTest, ClientCredentialsTokenOpensTheApi) {
  StartServer();
  const std::string token = AppToken();
  ASSERT_FALSE(token.empty());
  const HttpResult users = Curl("/v1.0/users", {"-H", "Authorization: Bearer " + token});
  EXPECT_EQ(users.status, 200) << users.body;
  EXPECT_FALSE(users.Header("request-id").empty());
  const HttpResult basic = Token(
      "grant_type=client_credentials&scope=" + FormEncode("https://graph.microsoft.com/.default"),
      tenant_id_);
  EXPECT_EQ(basic.status, 400) << "no client";
  const HttpResult with_basic = Curl("/" + tenant_id_ + "/oauth2/v2.0/token",
                                     {"-u", client_id_ + ":" + secret_, "--data-binary",
                                      "grant_type=client_credentials&scope=" +
                                          FormEncode("https://graph.microsoft.com/.default")});
  EXPECT_EQ(with_basic.status, 200) << with_basic.body;

  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_, HasSubstr("POST /contoso.com/oauth2/v2.0/token 200"));
  EXPECT_THAT(server_log_, Not(HasSubstr(secret_)));
  EXPECT_THAT(server_log_, Not(HasSubstr(token)));
}

TEST_F(ServerTest, ClientCredentialRefusalsCarryEntrasCodes) {
  StartServer();
  const std::string scope = "&scope=" + FormEncode("https://graph.microsoft.com/.default");
  const HttpResult bad_secret = Token("grant_type=client_credentials&client_id=" + client_id_ +
                                      "&client_secret=wrong" + scope);
  EXPECT_EQ(bad_secret.status, 401);
  EXPECT_EQ(Code(bad_secret), "7000215");
  EXPECT_EQ(Text(bad_secret.Json().at("error")), "invalid_client");

  const HttpResult unknown_client = Token(
      "grant_type=client_credentials&client_id=11111111-1111-4111-8111-111111111111"
      "&client_secret=x" +
      scope);
  EXPECT_EQ(unknown_client.status, 400);
  EXPECT_EQ(Code(unknown_client), "700016");

  const std::string app = "grant_type=client_credentials&client_id=" + client_id_ +
                          "&client_secret=" + FormEncode(secret_);
  EXPECT_EQ(Code(Token(app + "&scope=User.Read.All")), "1002012");
  EXPECT_EQ(
      Code(Token(app + "&scope=" + FormEncode("https://graph.microsoft.com/.default openid"))),
      "70011");
  EXPECT_EQ(Code(Token(app)), "900144");
}

TEST_F(ServerTest, PasswordAndRefreshGrantsRefuseAsEntraDoes) {
  AddUser("adele@contoso.com", "Adele Vance", {"--force-change-password", "false"});
  AddUser("megan@contoso.com", "Megan Bowen", {"--force-change-password", "false"});
  AddUser("blocked@contoso.com", "Blocked", {"--force-change-password", "false"});
  AddUser("mfa@contoso.com", "MFA", {"--force-change-password", "false"});
  AddUser("new@contoso.com", "New", {"--force-change-password", "true"});
  ASSERT_EQ(Run({"user", "block", "blocked@contoso.com"}).exit_code, 0);
  ASSERT_EQ(Run({"user", "mfa", "set", "mfa@contoso.com", "--state", "enforced"}).exit_code, 0);
  StartServer();

  const HttpResult signed_in = Token(PasswordForm("adele@contoso.com", kPassword));
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string access = Text(signed_in.Json().at("access_token"));
  const std::string refresh = Text(signed_in.Json().at("refresh_token"));
  EXPECT_EQ(Curl("/v1.0/users/adele@contoso.com", {"-H", "Authorization: Bearer " + access}).status,
            200);

  EXPECT_EQ(Code(Token(PasswordForm("adele@contoso.com", "Wrong-Password-9"))), "50126");
  EXPECT_EQ(Code(Token(PasswordForm("blocked@contoso.com", kPassword))), "50057");
  EXPECT_EQ(Code(Token(PasswordForm("mfa@contoso.com", kPassword))), "50076");
  EXPECT_EQ(Code(Token(PasswordForm("new@contoso.com", kPassword))), "50055");
  EXPECT_EQ(Code(Token(PasswordForm("nobody@contoso.com", kPassword))), "50034");

  const std::string refresh_form =
      "grant_type=refresh_token&client_id=" + client_id_ + "&refresh_token=" + refresh;
  EXPECT_EQ(Token(refresh_form).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // validFrom has seconds
  ASSERT_EQ(Run({"user", "revoke-sessions", "adele@contoso.com"}).exit_code, 0);
  const HttpResult revoked = Token(refresh_form);
  EXPECT_EQ(revoked.status, 400);
  EXPECT_EQ(Code(revoked), "50173");
  EXPECT_EQ(Text(revoked.Json().at("error")), "invalid_grant");

  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_, Not(HasSubstr(kPassword)));
  EXPECT_THAT(server_log_, Not(HasSubstr(refresh)));
}

// Smart lockout end to end: wrong passwords over HTTPS lock the account (AADSTS50053),
// and the sign-in log shows each attempt with the client's address.
TEST_F(ServerTest, WrongPasswordsLockTheAccountAndTheSignInLogShowsIt) {
  AddUser("adele@contoso.com", "Adele Vance", {"--force-change-password", "false"});
  ASSERT_EQ(Run({"tenant", "set", "--lockout-threshold", "3"}).exit_code, 0);
  StartServer();
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(Code(Token(PasswordForm("adele@contoso.com", "Wrong-Password-" + std::to_string(i)))),
              "50126");
  }
  const HttpResult locked = Token(PasswordForm("adele@contoso.com", kPassword));
  EXPECT_EQ(locked.status, 400);
  EXPECT_EQ(Code(locked), "50053");
  EXPECT_EQ(StopServer(), 0);

  const boost::json::value log = Json({"signin", "list", "--user", "adele@contoso.com"});
  ASSERT_EQ(log.as_array().size(), 4u);
  EXPECT_EQ(log.at(0).at("errorCode"), "50053");
  EXPECT_EQ(log.at(0).at("ipAddress"), "127.0.0.1");
  EXPECT_EQ(log.at(0).at("userPrincipalName"), "adele@contoso.com");
  EXPECT_EQ(log.at(3).at("errorCode"), "50126");
  const boost::json::value audit = Json({"audit", "list", "--limit", "1"});
  EXPECT_EQ(audit.at(0).at("activity"), "Lock user account");
  EXPECT_EQ(audit.at(0).at("target"), "adele@contoso.com");
}

TEST_F(ServerTest, ApiCallsWithoutAGoodTokenGetGraphs401) {
  StartServer();
  const HttpResult none = Curl("/v1.0/users");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(Text(none.Json().at("error").at("code")), "InvalidAuthenticationToken");
  EXPECT_EQ(Text(none.Json().at("error").at("message")), "Access token is empty.");
  EXPECT_THAT(none.Header("WWW-Authenticate"), StartsWith("Bearer"));

  const HttpResult garbage = Curl("/beta/users", {"-H", "Authorization: Bearer abc.def.ghi"});
  EXPECT_EQ(garbage.status, 401);
  EXPECT_THAT(Text(garbage.Json().at("error").at("message")),
              StartsWith("Access token validation failure"));

  AddUser("adele@contoso.com", "Adele Vance", {"--force-change-password", "false"});
  const HttpResult signed_in = Token(PasswordForm("adele@contoso.com", kPassword));
  const std::string refresh = Text(signed_in.Json().at("refresh_token"));
  const HttpResult wrong_audience = Curl("/v1.0/users", {"-H", "Authorization: Bearer " + refresh});
  EXPECT_EQ(wrong_audience.status, 401);
  EXPECT_EQ(Text(wrong_audience.Json().at("error").at("message")),
            "Access token validation failure. Invalid audience.");
}

TEST_F(ServerTest, OversizedOrMalformedRequestsAreRefusedAndServingGoesOn) {
  StartServer();
  const HttpResult headers = Curl("/health", {"-H", "X-Big: " + std::string(40 * 1024, 'a')});
  EXPECT_EQ(headers.status, 431);
  EXPECT_EQ(Text(headers.Json().at("error").at("code")), "RequestHeaderFieldsTooLarge");
  EXPECT_EQ(Curl("/health").status, 200);

  const std::filesystem::path big = data_dir_.string() + ".big";
  std::ofstream(big) << std::string(5 * 1024 * 1024, 'x');
  const HttpResult body = Curl(
      "/v1.0/users", {"--data-binary", "@" + big.string(), "-H", "Content-Type: application/json"});
  std::filesystem::remove(big);
  EXPECT_EQ(body.status, 413);
  EXPECT_EQ(Text(body.Json().at("error").at("code")), "RequestEntityTooLarge");
  EXPECT_EQ(Curl("/health").status, 200);

  const HttpResult malformed = Curl("/health", {"-X", "GE T"});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(Curl("/health").status, 200);
  const std::string token = AppToken();
  EXPECT_EQ(Curl("/v1.0/users", {"-H", "Authorization: Bearer " + token}).status, 200);
}

TEST_F(ServerTest, ThrottleChargesResourceUnits) {
  StartServer({"--throttle"});
  const std::string token = AppToken();
  const HttpResult list = Curl("/v1.0/users", {"-H", "Authorization: Bearer " + token});
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.Header("x-ms-resource-unit"), "2");
  const HttpResult selected =
      Curl("/v1.0/users?$select=id&$top=5", {"-H", "Authorization: Bearer " + token});
  EXPECT_EQ(selected.Header("x-ms-resource-unit"), "1");
}

TEST_F(ServerTest, ThrottledCallsGet429WithRetryAfter) {
  const std::filesystem::path config = data_dir_.string() + ".throttle.json";
  std::ofstream(config) << R"({"smallUnits": 4, "unitWindowSeconds": 10})";
  StartServer({"--throttle-config", config.string()});
  std::filesystem::remove(config);
  const std::string token = AppToken();
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(Curl("/v1.0/users", {"-H", "Authorization: Bearer " + token}).status, 200);
  }
  const HttpResult throttled = Curl("/v1.0/users", {"-H", "Authorization: Bearer " + token});
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.Header("Retry-After"), "5");
  EXPECT_EQ(throttled.Header("x-ms-throttle-information"), "ResourceUnitLimitExceeded");
  EXPECT_EQ(throttled.Header("x-ms-throttle-scope"),
            "Tenant_Application/ReadWrite/" + client_id_ + "/" + tenant_id_);
  EXPECT_EQ(Text(throttled.Json().at("error").at("code")), "TooManyRequests");
  EXPECT_EQ(Text(throttled.Json().at("error").at("message")), "Please retry again later.");
}

TEST_F(ServerTest, ABadThrottleConfigStopsTheStart) {
  const std::filesystem::path config = data_dir_.string() + ".throttle.json";
  std::ofstream(config) << R"({"smallUnit": 4})";
  const CliRun run = Run({"serve", "--throttle-config", config.string()});
  std::filesystem::remove(config);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("unknown key \"smallUnit\""));
}

TEST_F(ServerTest, ShutsDownGracefullyWithIdleConnectionsOpen) {
  StartServer();
  // A client that connected and said nothing, and one that is between keep-alive requests.
  const int idle = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port_));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(::connect(idle, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));

  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(StopServer(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ::close(idle);
  EXPECT_EQ(Curl("/health").status, 0) << "no longer listening";
}

// A TCP connection to the server from `source` (any 127.0.0.0/8 address), TLS not begun.
int ConnectFrom(const char* source, int port) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &local.sin_addr);
  EXPECT_EQ(::bind(socket, reinterpret_cast<sockaddr*>(&local), sizeof local), 0);
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
  EXPECT_EQ(::connect(socket, reinterpret_cast<sockaddr*>(&server), sizeof server), 0);
  return socket;
}

// True when the server closes `socket` within `milliseconds` (before any TLS: a client
// that said nothing gets nothing back but the close).
bool ClosedByServer(int socket, int milliseconds) {
  pollfd watched{.fd = socket, .events = POLLIN, .revents = 0};
  if (::poll(&watched, 1, milliseconds) != 1) return false;
  char byte = 0;
  return ::recv(socket, &byte, 1, 0) <= 0;
}

class ConnectionLimitTest : public ServerTest {
 protected:
  // /health's status from `source` (0 when the connection was refused), retried for up
  // to two seconds until it is `wanted` (the server notices closed connections
  // asynchronously).
  int HealthFrom(const std::string& source, int wanted) {
    int status = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
      status = Curl("/health", {"--interface", source}).status;
      if (status == wanted) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return status;
  }

  std::vector<int> sockets_;
  void TearDown() override {
    for (int socket : sockets_) ::close(socket);
    ServerTest::TearDown();
  }
};

TEST_F(ConnectionLimitTest, RefusesConnectionsPastThePerAddressLimit) {
  StartServer({"--max-connections-per-address", "2"});
  sockets_ = {ConnectFrom("127.0.0.1", port_), ConnectFrom("127.0.0.1", port_)};
  const int third = ConnectFrom("127.0.0.1", port_);
  sockets_.push_back(third);
  EXPECT_TRUE(ClosedByServer(third, 2000));
  EXPECT_FALSE(ClosedByServer(sockets_[0], 200));
  EXPECT_EQ(HealthFrom("127.0.0.1", 0), 0);
  // Another address is served meanwhile.
  EXPECT_EQ(HealthFrom("127.0.0.2", 200), 200);
  // Once one of the two closes, the address is served again.
  ::close(sockets_[0]);
  sockets_.erase(sockets_.begin());
  EXPECT_EQ(HealthFrom("127.0.0.1", 200), 200);
  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_, HasSubstr(" 127.0.0.1 - refused: 2 connections from this address "
                                     "(--max-connections-per-address)\n"));
}

TEST_F(ConnectionLimitTest, RefusesConnectionsPastTheServerLimit) {
  StartServer({"--max-connections", "2"});
  sockets_ = {ConnectFrom("127.0.0.1", port_), ConnectFrom("127.0.0.2", port_)};
  const int third = ConnectFrom("127.0.0.3", port_);
  sockets_.push_back(third);
  EXPECT_TRUE(ClosedByServer(third, 2000));
  EXPECT_EQ(HealthFrom("127.0.0.4", 0), 0);
  ::close(sockets_[1]);
  sockets_.erase(sockets_.begin() + 1);
  EXPECT_EQ(HealthFrom("127.0.0.4", 200), 200);
  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_,
              HasSubstr(" 127.0.0.3 - refused: 2 connections open (--max-connections)\n"));
}

// Past the process's descriptor limit (a --max-connections above it), accept fails with
// EMFILE: the server pauses accepting rather than spinning or exiting, and serves again
// once descriptors are free.
TEST_F(ConnectionLimitTest, OutOfDescriptorsPausesAcceptingAndRecovers) {
  server_descriptor_limit_ = 64;
  StartServer({"--max-connections", "1000"});
  for (int i = 0; i < 80; ++i) sockets_.push_back(ConnectFrom("127.0.0.1", port_));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(::waitpid(pid_, nullptr, WNOHANG), 0) << "the server is still running";
  for (int socket : sockets_) ::close(socket);
  sockets_.clear();
  EXPECT_EQ(HealthFrom("127.0.0.2", 200), 200);
  EXPECT_EQ(StopServer(), 0);
}

TEST_F(ConnectionLimitTest, CutsOffAClientThatNeverCompletesTheHandshake) {
  StartServer();
  const int silent = ConnectFrom("127.0.0.1", port_);
  sockets_.push_back(silent);
  EXPECT_FALSE(ClosedByServer(silent, 500));
  // The default handshake timeout is 10 s.
  EXPECT_TRUE(ClosedByServer(silent, 12000));
}

}  // namespace
}  // namespace admin365::testing
