// The CLI on a connected tenant: `admin365 serve` plays Microsoft Graph, and the commands,
// given `--tenant contoso` or after `tenant use contoso`, go through the connector
// (GraphDirectory: libcurl, HTTPS, app tokens, retries). The served tenant is the data
// directory's embedded one, so `--tenant embedded` reads what Graph wrote, and the two
// must agree.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "server/serve_process.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

constexpr const char* kPassword = "Tr0ub4dor&3xyz";

class ConnectedTenantTest : public ServeTest {
 protected:
  void SetUp() override {
    ServeTest::SetUp();
    InitTenant();
    ASSERT_EQ(Run({"subscription", "add", "ENTERPRISEPACK", "--units", "5"}).exit_code, 0);
    AddApp({"User.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All",
            "LicenseAssignment.ReadWrite.All", "Organization.Read.All", "Domain.Read.All"});
  }

  // Connects the running server as "contoso".
  void Connect() {
    const CliRun run =
        Run({"tenant", "connect", "contoso", "--tenant-id", "contoso.com", "--client-id",
             client_id_, "--client-secret-stdin", "--authority-host", base_url_, "--graph-endpoint",
             base_url_, "--ca-file", (data_dir_ / "tls-cert.pem").string()},
            secret_ + "\n");
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }

  // `args` on the connected tenant, as JSON.
  boost::json::value Graph(std::vector<std::string> args) {
    args.insert(args.begin(), {"--tenant", "contoso"});
    return Json(args);
  }
  // `args` on the embedded tenant, as JSON.
  boost::json::value Embedded(std::vector<std::string> args) {
    args.insert(args.begin(), {"--tenant", "embedded"});
    return Json(args);
  }
};

TEST_F(ConnectedTenantTest, UserCommandsGoThroughGraphAndLandInTheTenant) {
  StartServer();
  Connect();
  const boost::json::value created =
      Graph({"user", "add", "--upn", "adele@contoso.com", "--display-name", "Adele Vance",
             "--password", kPassword, "--department", "Sales", "--usage-location", "US"});
  const std::string id(created.at("id").as_string());
  EXPECT_EQ(created.at("userPrincipalName"), "adele@contoso.com");
  EXPECT_EQ(created.at("department"), "Sales");

  // What Graph wrote is what the tenant holds.
  const boost::json::value stored = Embedded({"user", "get", "adele@contoso.com"});
  EXPECT_EQ(stored.at("id"), boost::json::value(id));
  EXPECT_EQ(stored.at("displayName"), "Adele Vance");
  EXPECT_EQ(stored.at("usageLocation"), "US");
  EXPECT_EQ(Graph({"user", "get", id}), stored);

  EXPECT_EQ(Graph({"user", "set", "adele@contoso.com", "--job-title", "Buyer"}).at("jobTitle"),
            "Buyer");
  EXPECT_EQ(Embedded({"user", "get", id}).at("jobTitle"), "Buyer");
  EXPECT_EQ(Run({"--tenant", "contoso", "user", "block", "adele@contoso.com"}).out,
            "Blocked adele@contoso.com\n");
  EXPECT_EQ(Embedded({"user", "get", id}).at("accountEnabled"), false);

  AddUser("megan@contoso.com", "Megan Bowen");
  const boost::json::value listed =
      Graph({"user", "list", "--filter", "startswith(displayName,'Megan')"});
  ASSERT_EQ(listed.as_array().size(), 1u);
  EXPECT_EQ(listed.as_array()[0].at("userPrincipalName"), "megan@contoso.com");

  const CliRun manager = Run(
      {"--tenant", "contoso", "user", "manager", "set", "adele@contoso.com", "megan@contoso.com"});
  EXPECT_EQ(manager.exit_code, 0) << manager.err;
  EXPECT_EQ(Embedded({"user", "manager", "get", "adele@contoso.com"}).at("userPrincipalName"),
            "megan@contoso.com");

  const boost::json::value licensed =
      Graph({"user", "license", "add", "adele@contoso.com", "--sku", "ENTERPRISEPACK"});
  EXPECT_THAT(boost::json::serialize(licensed), HasSubstr("\"skuPartNumber\":\"ENTERPRISEPACK\""));

  ASSERT_EQ(Run({"--tenant", "contoso", "user", "remove", id}).exit_code, 0);
  EXPECT_EQ(Run({"--tenant", "embedded", "user", "get", id}).exit_code, 4);
  EXPECT_EQ(Graph({"user", "restore", id}).at("userPrincipalName"), "adele@contoso.com");
  EXPECT_EQ(StopServer(), 0);
  // The writes went to Graph's routes, keys percent-encoded.
  EXPECT_THAT(server_log_, HasSubstr("POST /v1.0/users 201"));
  EXPECT_THAT(server_log_, HasSubstr("POST /v1.0/users/adele%40contoso.com/assignLicense 200"));
  EXPECT_THAT(server_log_, HasSubstr("POST /v1.0/directory/deletedItems/" + id + "/restore 200"));
}

TEST_F(ConnectedTenantTest, GroupCommandsGoThroughGraph) {
  StartServer();
  Connect();
  const boost::json::value board =
      Graph({"group", "add", "--display-name", "Board", "--alias", "board", "--type", "m365",
             "--visibility", "HiddenMembership"});
  const std::string id(board.at("id").as_string());
  EXPECT_EQ(board.at("visibility"), "HiddenMembership");
  EXPECT_EQ(board.at("groupTypes"), boost::json::array({"Unified"}));
  EXPECT_EQ(Embedded({"group", "get", id}), Graph({"group", "get", "board"}));
  ASSERT_EQ(Run({"--tenant", "contoso", "group", "add", "--display-name", "Auditors", "--alias",
                 "auditors"})
                .exit_code,
            0);
  const boost::json::value unified =
      Graph({"group", "list", "--filter", "groupTypes/any(c:c eq 'Unified')"});
  ASSERT_EQ(unified.as_array().size(), 1u);
  EXPECT_EQ(unified.as_array()[0].at("id"), boost::json::value(id));
  // An advanced filter: the connector sends ConsistencyLevel and $count=true.
  const boost::json::value ending = Graph({"group", "list", "--filter", "endswith(displayName,'tors')"});
  ASSERT_EQ(ending.as_array().size(), 1u);
  EXPECT_EQ(ending.as_array()[0].at("displayName"), "Auditors");

  AddUser("adele@contoso.com", "Adele Vance");
  ASSERT_EQ(Run({"--tenant", "contoso", "group", "member", "add", "Board", "adele@contoso.com"})
                .exit_code,
            0);
  const boost::json::value members = Embedded({"group", "member", "list", id});
  ASSERT_EQ(members.as_array().size(), 1u);
  EXPECT_EQ(members.as_array()[0].at("userPrincipalName"), "adele@contoso.com");

  // Owners: two added through Graph, the last one stays.
  AddUser("bob@contoso.com", "Bob Kelly");
  EXPECT_EQ(Run({"--tenant", "contoso", "group", "owner", "add", "Board", "adele@contoso.com"}).out,
            "Added adele@contoso.com as an owner of Board\n");
  ASSERT_EQ(Run({"--tenant", "contoso", "group", "owner", "add", id, "bob@contoso.com"}).exit_code,
            0);
  const boost::json::value owners = Graph({"group", "owner", "list", "Board"});
  ASSERT_EQ(owners.as_array().size(), 2u);
  EXPECT_EQ(owners.as_array()[1].at("userPrincipalName"), "bob@contoso.com");
  EXPECT_EQ(Embedded({"group", "owner", "list", id}), owners);
  EXPECT_EQ(
      Run({"--tenant", "contoso", "group", "owner", "remove", "Board", "adele@contoso.com"}).out,
      "Removed adele@contoso.com as an owner of Board\n");
  const CliRun last =
      Run({"--tenant", "contoso", "group", "owner", "remove", "Board", "bob@contoso.com"});
  EXPECT_EQ(last.exit_code, 3);
  EXPECT_THAT(last.err, HasSubstr("error: Request_BadRequest: The group must have at least one "
                                  "owner, hence this owner cannot be removed.\nrequest-id: "));

  const CliRun hidden_security =
      Run({"--tenant", "contoso", "group", "add", "--display-name", "Audit", "--alias", "audit",
           "--visibility", "HiddenMembership"});
  EXPECT_EQ(hidden_security.exit_code, 3);
  EXPECT_THAT(hidden_security.err,
              HasSubstr("error: Request_BadRequest: Invalid value specified for property "
                        "'visibility' of resource 'Group'.\nrequest-id: "));
  ASSERT_EQ(Run({"--tenant", "contoso", "group", "remove", id}).exit_code, 0);
  EXPECT_EQ(Run({"--tenant", "embedded", "group", "get", id}).exit_code, 4);
}

TEST_F(ConnectedTenantTest, GraphsErrorsArePassedThroughWithTheirRequestId) {
  StartServer();
  Connect();
  AddUser("adele@contoso.com", "Adele Vance");
  const CliRun taken = Run({"--tenant", "contoso", "user", "add", "--upn", "adele@contoso.com",
                            "--display-name", "Adele Again", "--password", kPassword});
  EXPECT_EQ(taken.exit_code, 5);
  EXPECT_THAT(taken.err,
              MatchesRegex("error: Request_BadRequest: Another object with the same value for "
                           "property userPrincipalName already exists.\n"
                           "request-id: [0-9a-f-]{36}\n(hint: .*\n)?"));
  const CliRun missing = Run({"--tenant", "contoso", "user", "get", "nobody@contoso.com"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_THAT(missing.err, HasSubstr("error: Request_ResourceNotFound: Resource "
                                     "'nobody@contoso.com' does not exist"));
  const CliRun embedded_only =
      Run({"--tenant", "contoso", "subscription", "add", "EMS", "--units", "1"});
  EXPECT_EQ(embedded_only.exit_code, 6);
  EXPECT_EQ(embedded_only.err,
            "error: Tenant_EmbeddedOnly: This command works on the embedded tenant only, and "
            "'contoso' is a connected tenant.\n");
  const CliRun allowed = Run(
      {"--tenant", "contoso", "user", "methods", "allowed", "set", "adele@contoso.com", "push"});
  EXPECT_EQ(allowed.exit_code, 6);
  EXPECT_THAT(allowed.err,
              HasSubstr("error: NotSupportedOnConnectedTenant: Setting a user's allowed MFA "
                        "methods is not possible on a connected tenant: Graph has no per-user "
                        "API for it;"));
}

TEST_F(ConnectedTenantTest, TenantUseSelectsTheTenantCommandsActOn) {
  StartServer();
  Connect();
  EXPECT_EQ(Run({"tenant", "use", "contoso"}).out, "Commands now act on contoso\n");
  const boost::json::value shown = Json({"tenant", "show"});
  EXPECT_EQ(shown.at("connection"), "contoso");
  EXPECT_EQ(shown.at("displayName"), "Contoso");
  // The quota, from Graph's beta organization: contoso.com is a verified custom domain.
  EXPECT_EQ(shown.at("objects"), "0");
  EXPECT_EQ(shown.at("objectQuota"), "300000");
  EXPECT_EQ(Json({"tenant", "list"}).as_array()[0].at("current"), true);
  EXPECT_EQ(Run({"tenant", "use", "fabrikam"}).exit_code, 4);
  EXPECT_EQ(Run({"tenant", "use", "embedded"}).out, "Commands now act on embedded\n");
  EXPECT_TRUE(Json({"tenant", "show"}).as_object().contains("lockoutThreshold"));
  EXPECT_EQ(Json({"tenant", "list"}).as_array()[0].at("current"), false);
}

TEST_F(ConnectedTenantTest, AThrottledListingWaitsAsGraphSaysAndCompletes) {
  for (int i = 0; i < 6; ++i) {
    AddUser("user" + std::to_string(i) + "@contoso.com", "User " + std::to_string(i));
  }
  // Four resource units per two seconds: a page of users costs one ($select), so the
  // seven pages of one user each (and the organization read) run out of units mid-listing.
  std::ofstream(data_dir_ / "throttle.json") << R"({"smallUnits": 4, "unitWindowSeconds": 2})";
  StartServer({"--throttle-config", (data_dir_ / "throttle.json").string()});
  Connect();
  const boost::json::value listed = Graph({"user", "list", "--top", "1", "--all"});
  EXPECT_EQ(listed.as_array().size(), 6u);
  EXPECT_EQ(StopServer(), 0);
  EXPECT_THAT(server_log_, HasSubstr("GET /v1.0/users 429"));
}

}  // namespace
}  // namespace admin365::testing
