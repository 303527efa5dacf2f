// `admin365 tenant connect` against a real `admin365 serve`: the connector (libcurl,
// HTTPS, the token endpoint) proves the credentials, reports the granted permissions and
// what they do not cover, and stores the connection 0600 without ever printing the secret.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "server/serve_process.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TenantConnectTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    InitTenant();
    tenant_id_ = std::string(Json({"tenant", "show"}).at("id").as_string());
  }

  // `tenant connect NAME` at the server, with `secret` on standard input.
  CliRun Connect(const std::string& name, const std::string& secret,
                 std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"tenant",           "connect",
                                     name,               "--tenant-id",
                                     "contoso.com",      "--client-id",
                                     client_id_,         "--client-secret-stdin",
                                     "--authority-host", base_url_,
                                     "--graph-endpoint", base_url_};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args, secret + "\n");
  }
  std::string CaFile() const { return (data_dir_ / "tls-cert.pem").string(); }

  std::string tenant_id_;
};

TEST_F(TenantConnectTest, ConnectsWithTheAppsSecretAndSaysWhatItCannotDo) {
  AddApp({"User.ReadWrite.All", "Organization.Read.All", "GroupMember.ReadWrite.All",
          "Domain.Read.All"});
  StartServer();
  const CliRun run = Connect("contoso", secret_, {"--ca-file", CaFile(), "-o", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const boost::json::value shown = boost::json::parse(run.out);
  EXPECT_EQ(shown.at("name"), "contoso");
  EXPECT_EQ(shown.at("tenant"), "contoso.com");
  EXPECT_EQ(shown.at("tenantId"), boost::json::value(tenant_id_));
  EXPECT_EQ(shown.at("clientId"), boost::json::value(client_id_));
  EXPECT_EQ(shown.at("graphEndpoint"), boost::json::value(base_url_));
  EXPECT_EQ(shown.at("grantedPermissions"),
            (boost::json::array{"Domain.Read.All", "GroupMember.ReadWrite.All",
                                "Organization.Read.All", "User.ReadWrite.All"}));
  EXPECT_EQ(shown.at("missing"),
            (boost::json::array{"manage MFA methods and authentication contact info (needs "
                                "UserAuthenticationMethod.ReadWrite.All)"}));
  EXPECT_THAT(run.out + run.err, Not(HasSubstr(secret_)));

  struct stat info {};
  ASSERT_EQ(::stat((data_dir_ / "connections.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  const CliRun list = Run({"tenant", "list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_THAT(list.out, HasSubstr("contoso"));
  EXPECT_THAT(list.out, Not(HasSubstr(secret_)));
  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_, Not(HasSubstr(secret_)));

  EXPECT_EQ(Run({"tenant", "remove", "contoso"}).out, "Removed the connection contoso\n");
  const CliRun gone = Run({"tenant", "disconnect", "contoso"});
  EXPECT_EQ(gone.exit_code, 4);
  EXPECT_EQ(gone.err,
            "error: Tenant_ConnectionNotFound: No tenant is connected as 'contoso'; there is no "
            "connection yet.\n");
}

TEST_F(TenantConnectTest, EachBadCredentialGetsEntrasErrorAndAHint) {
  AddApp({"User.Read.All"});
  StartServer();
  const CliRun wrong = Connect("contoso", "not-the-secret", {"--ca-file", CaFile()});
  EXPECT_EQ(wrong.exit_code, 7);
  EXPECT_EQ(wrong.err,
            "error: invalid_client: AADSTS7000215: Invalid client secret provided. Ensure the "
            "secret being sent in the request is the client secret value, not the client "
            "secret ID, for a secret added to app '" + client_id_ + "'.\n"
            "hint: Give the secret's Value (shown once when it was added), not its Secret ID; "
            "or add a new secret to the app registration.\n");
  const CliRun untrusted = Connect("contoso", secret_);
  EXPECT_EQ(untrusted.exit_code, 8);
  EXPECT_THAT(untrusted.err, HasSubstr("SSL certificate problem"));
  EXPECT_THAT(untrusted.err, HasSubstr("hint: The server's certificate is not one this machine "
                                       "trusts: give --ca-file"));
  const CliRun no_tenant = Run({"tenant", "connect", "contoso", "--client-id", client_id_,
                                "--authority-host", base_url_, "--client-secret-stdin"},
                               secret_ + "\n");
  EXPECT_EQ(no_tenant.exit_code, 3);
  EXPECT_EQ(no_tenant.err,
            "error: Tenant_InvalidConnection: Give --tenant-id (the tenant id or a verified domain) "
            "or set AZURE_TENANT_ID.\n");
  EXPECT_FALSE(std::filesystem::exists(data_dir_ / "connections.json")) << "nothing saved";
}

}  // namespace
}  // namespace admin365::testing
