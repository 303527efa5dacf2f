// `admin365 subscription` and `admin365 user license`, end to end with the real catalogue:
// exactly what an admin sees.

#include <gmock/gmock.h>

#include <string>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kE3[] = "6fd2c87f-b296-42f0-b197-1e91e994b900";

// Lines of `text` (each without its '\n').
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return lines;
}

class LicenceCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
  }

  void Subscribe(const std::string& sku, const std::string& units) {
    const CliRun run = Run({"subscription", "add", sku, "--units", units});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
};

TEST_F(LicenceCli, SubscriptionAddShowsTheAccountSku) {
  const CliRun run = Run({"subscription", "add", "enterprisepack", "--units", "25"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "accountSkuId      contoso:ENTERPRISEPACK\n"
            "skuPartNumber     ENTERPRISEPACK\n"
            "skuId             6fd2c87f-b296-42f0-b197-1e91e994b900\n"
            "capabilityStatus  Enabled\n"
            "enabledUnits      25\n"
            "consumedUnits     0\n"
            "availableUnits    25\n"
            "warningUnits      0\n"
            "suspendedUnits    0\n");
  const boost::json::value events = Json({"audit", "list", "--target", kE3});
  ASSERT_EQ(events.as_array().size(), 1u);
  EXPECT_EQ(events.at(0).at("activity"), "Add subscription");
  EXPECT_EQ(events.at(0).at("target"), "ENTERPRISEPACK");
  EXPECT_EQ(
      events.at(0).at("modifiedProperties"),
      boost::json::array({"prepaidUnits: (none) -> 25", "capabilityStatus: (none) -> Enabled"}));
}

TEST_F(LicenceCli, SubscriptionListCountsSeatsExactly) {
  Subscribe("ENTERPRISEPACK", "25");
  Subscribe("f30db892-07e9-47e9-837c-80727f46fd3d", "10000");
  AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  AddUser("bob@contoso.com", "Bob", {"--usage-location", "GB"});
  ASSERT_EQ(
      Run({"user", "license", "add", "adele@contoso.com", "--sku", "ENTERPRISEPACK"}).exit_code, 0);
  ASSERT_EQ(Run({"user", "license", "add", "bob@contoso.com", "--sku", "ENTERPRISEPACK"}).exit_code,
            0);
  ASSERT_EQ(Run({"subscription", "suspend", "FLOW_FREE"}).exit_code, 0);
  const CliRun run = Run({"subscription", "list"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "accountSkuId            skuPartNumber   skuId                                 "
            "capabilityStatus  enabledUnits  consumedUnits  availableUnits  warningUnits  "
            "suspendedUnits\n"
            "contoso:ENTERPRISEPACK  ENTERPRISEPACK  6fd2c87f-b296-42f0-b197-1e91e994b900  "
            "Enabled           25            2              23              0             0\n"
            "contoso:FLOW_FREE       FLOW_FREE       f30db892-07e9-47e9-837c-80727f46fd3d  "
            "Suspended         0             0              0               0             "
            "10000\n");
}

TEST_F(LicenceCli, SubscriptionShowAndListPlansNameEveryServicePlan) {
  Subscribe("ENTERPRISEPACK", "25");
  Subscribe("FLOW_FREE", "5");
  const CliRun show = Run({"subscription", "show", "flow_free"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(show.out,
            "accountSkuId       servicePlanName        servicePlanId                         "
            "friendlyName\n"
            "contoso:FLOW_FREE  DYN365_CDS_VIRAL       17ab22cd-a0b3-4536-910a-cb6eb12696c0  "
            "COMMON DATA SERVICE\n"
            "contoso:FLOW_FREE  EXCHANGE_S_FOUNDATION  113feb6c-3fe4-4440-bddc-54d774bf0318  "
            "EXCHANGE FOUNDATION\n"
            "contoso:FLOW_FREE  FLOW_P2_VIRAL          50e68c76-46c6-4674-81f9-75456511b170  "
            "FLOW FREE\n");

  const CliRun plans = Run({"subscription", "list", "--plans", "-o", "csv"});
  EXPECT_EQ(plans.exit_code, 0) << plans.err;
  const std::vector<std::string> lines = Lines(plans.out);
  ASSERT_EQ(lines.size(), 1u + 36u + 3u);
  EXPECT_EQ(lines[0], "\"accountSkuId\",\"servicePlanName\",\"servicePlanId\",\"friendlyName\"");
  EXPECT_THAT(lines, ::testing::Contains(
                         "\"contoso:ENTERPRISEPACK\",\"EXCHANGE_S_ENTERPRISE\","
                         "\"efb87545-963c-4e0d-99df-69c6916d9eb0\",\"Exchange Online (Plan 2)\""));

  const CliRun missing = Run({"subscription", "show", "ENTERPRISEPREMIUM"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(missing.err,
            "error: Request_BadRequest: License c7df2760-2c81-4ef7-b578-5b5392b571df does not "
            "correspond to a valid company License.\n");
}

TEST_F(LicenceCli, SubscriptionSetSuspendAndResume) {
  Subscribe("ENTERPRISEPACK", "25");
  const boost::json::value set = Json({"subscription", "set", kE3, "--units", "30"});
  EXPECT_EQ(set.at("enabledUnits"), "30");
  const boost::json::value suspended = Json({"subscription", "suspend", "ENTERPRISEPACK"});
  EXPECT_EQ(suspended.at("capabilityStatus"), "Suspended");
  EXPECT_EQ(suspended.at("enabledUnits"), "0");
  EXPECT_EQ(suspended.at("suspendedUnits"), "30");
  const boost::json::value resumed = Json({"subscription", "resume", "ENTERPRISEPACK"});
  EXPECT_EQ(resumed.at("capabilityStatus"), "Enabled");
  EXPECT_EQ(resumed.at("enabledUnits"), "30");
  const boost::json::value events = Json({"audit", "list", "--target", kE3});
  ASSERT_EQ(events.as_array().size(), 4u);
  EXPECT_EQ(events.at(0).at("activity"), "Reactivate subscription");
  EXPECT_EQ(events.at(1).at("activity"), "Suspend subscription");
  EXPECT_EQ(events.at(2).at("activity"), "Change subscription units");
}

TEST_F(LicenceCli, SubscriptionErrors) {
  Subscribe("ENTERPRISEPACK", "1");
  const CliRun twice = Run({"subscription", "add", "ENTERPRISEPACK", "--units", "5"});
  EXPECT_EQ(twice.exit_code, 5);
  EXPECT_EQ(twice.err,
            "error: Request_BadRequest: The tenant already has a subscription to ENTERPRISEPACK "
            "(6fd2c87f-b296-42f0-b197-1e91e994b900). Change its units instead.\n");
  const CliRun unknown = Run({"subscription", "add", "E3", "--units", "5"});
  EXPECT_EQ(unknown.exit_code, 4);
  EXPECT_EQ(unknown.err,
            "error: Request_BadRequest: Product 'E3' is not in the licensing catalogue.\n");
  const CliRun ambiguous = Run({"subscription", "add", "MCOPSTN5", "--units", "5"});
  EXPECT_EQ(ambiguous.exit_code, 3);
  EXPECT_EQ(ambiguous.err,
            "error: Request_BadRequest: Product 'MCOPSTN5' names several SKUs: "
            "d43177b5-475b-4880-92d4-d54c27b5efbd, 54a152dc-90de-4996-93d2-bc47e670fc06. Give "
            "the skuId.\n");
  AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  ASSERT_EQ(Run({"user", "license", "add", "adele@contoso.com", "--sku", kE3}).exit_code, 0);
  const CliRun below = Run({"subscription", "set", "ENTERPRISEPACK", "--units", "0"});
  EXPECT_EQ(below.exit_code, 3);
  EXPECT_THAT(below.err, HasSubstr("Invalid value specified for property 'prepaidUnits' of "
                                   "resource 'SubscribedSku'."));
}

TEST_F(LicenceCli, UserLicenseAddListsThePlansAndWhichAreDisabled) {
  Subscribe("FLOW_FREE", "5");
  AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  const std::string expected =
      "skuPartNumber  skuId                                 assignedBy  state   "
      "servicePlanName        servicePlanId                         provisioningStatus\n"
      "FLOW_FREE      f30db892-07e9-47e9-837c-80727f46fd3d  direct      Active  "
      "DYN365_CDS_VIRAL       17ab22cd-a0b3-4536-910a-cb6eb12696c0  Success\n"
      "FLOW_FREE      f30db892-07e9-47e9-837c-80727f46fd3d  direct      Active  "
      "EXCHANGE_S_FOUNDATION  113feb6c-3fe4-4440-bddc-54d774bf0318  Success\n"
      "FLOW_FREE      f30db892-07e9-47e9-837c-80727f46fd3d  direct      Active  "
      "FLOW_P2_VIRAL          50e68c76-46c6-4674-81f9-75456511b170  Disabled\n";
  const CliRun add = Run({"user", "license", "add", "adele@contoso.com", "--sku", "flow_free",
                          "--disabled-plans", "flow_p2_viral"});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out, expected);
  EXPECT_EQ(Run({"user", "license", "list", "ADELE@contoso.com"}).out, expected);
}

TEST_F(LicenceCli, UserLicenseAddGivesAMailboxWithPlanNamesOrIdsDisabled) {
  Subscribe("ENTERPRISEPACK", "25");
  const std::string id = AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  const CliRun add =
      Run({"user", "license", "add", id, "--sku", "ENTERPRISEPACK", "--disabled-plans",
           "SWAY,57ff2da0-773e-42df-b2af-ffb7a2317929", "-o", "csv"});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  const std::vector<std::string> lines = Lines(add.out);
  ASSERT_EQ(lines.size(), 37u);
  const std::string prefix =
      "\"ENTERPRISEPACK\",\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"direct\",\"Active\",";
  EXPECT_THAT(
      lines, ::testing::Contains(prefix +
                                 "\"SWAY\",\"a23b959c-7ce8-4e57-9140-b90eb88a9e97\",\"Disabled\""));
  EXPECT_THAT(lines,
              ::testing::Contains(prefix + "\"TEAMS1\",\"57ff2da0-773e-42df-b2af-ffb7a2317929\","
                                           "\"Disabled\""));
  EXPECT_THAT(lines,
              ::testing::Contains(prefix + "\"EXCHANGE_S_ENTERPRISE\","
                                           "\"efb87545-963c-4e0d-99df-69c6916d9eb0\",\"Success\""));

  const boost::json::value user = Json({"user", "get", id});
  EXPECT_EQ(user.at("mail"), "adele@contoso.com");
  EXPECT_EQ(user.at("proxyAddresses"), boost::json::array({"SMTP:adele@contoso.com"}));
  EXPECT_EQ(user.at("assignedLicenses"), boost::json::array({kE3}));
  EXPECT_EQ(user.at("assignedPlans").as_array().size(), 34u);
  EXPECT_THAT(boost::json::serialize(user.at("assignedPlans")),
              HasSubstr("\"exchange efb87545-963c-4e0d-99df-69c6916d9eb0 Enabled\""));

  const boost::json::value events = Json({"audit", "list", "--target", id, "--limit", "1"});
  EXPECT_EQ(events.at(0).at("activity"), "Change user license");
  EXPECT_EQ(events.at(0).at("modifiedProperties"),
            boost::json::array({"licenseAssignmentStates: (none) -> ENTERPRISEPACK (disabled: "
                                "SWAY, TEAMS1)",
                                "mail: (none) -> adele@contoso.com",
                                "proxyAddresses: (none) -> SMTP:adele@contoso.com"}));
}

TEST_F(LicenceCli, UserLicenseRemoveDisablesTheMailboxVisibly) {
  Subscribe("ENTERPRISEPACK", "25");
  AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  ASSERT_EQ(
      Run({"user", "license", "add", "adele@contoso.com", "--sku", "ENTERPRISEPACK"}).exit_code, 0);
  const CliRun remove = Run({"user", "license", "remove", "adele@contoso.com", "--sku", kE3});
  EXPECT_EQ(remove.exit_code, 0) << remove.err;
  EXPECT_EQ(remove.out, "");
  EXPECT_EQ(Run({"user", "license", "list", "adele@contoso.com", "-o", "json"}).out, "[]\n");
  const boost::json::value user = Json({"user", "get", "adele@contoso.com"});
  EXPECT_EQ(user.at("mail"), "adele@contoso.com");
  EXPECT_EQ(user.at("assignedLicenses"), boost::json::array());
  EXPECT_THAT(boost::json::serialize(user.at("assignedPlans")),
              HasSubstr("\"exchange efb87545-963c-4e0d-99df-69c6916d9eb0 Deleted\""));
  EXPECT_EQ(Json({"subscription", "list"}).at(0).at("consumedUnits"), "0");
}

TEST_F(LicenceCli, UserLicenseReplaceIsOneStep) {
  Subscribe("FLOW_FREE", "5");
  Subscribe("EXCHANGESTANDARD", "1");
  AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  AddUser("bob@contoso.com", "Bob", {"--usage-location", "US"});
  ASSERT_EQ(Run({"user", "license", "add", "adele@contoso.com", "--sku", "FLOW_FREE"}).exit_code,
            0);
  ASSERT_EQ(
      Run({"user", "license", "add", "bob@contoso.com", "--sku", "EXCHANGESTANDARD"}).exit_code, 0);
  const std::string before = Run({"user", "license", "list", "adele@contoso.com"}).out;

  const CliRun full = Run({"user", "license", "replace", "adele@contoso.com", "--remove",
                           "FLOW_FREE", "--add", "EXCHANGESTANDARD"});
  EXPECT_EQ(full.exit_code, 6);
  EXPECT_EQ(full.err,
            "error: Request_BadRequest: Subscription with SKU "
            "4b9405b0-7788-4568-add1-99614e613b69 does not have any available licenses.\n");
  EXPECT_EQ(Run({"user", "license", "list", "adele@contoso.com"}).out, before);

  ASSERT_EQ(
      Run({"user", "license", "remove", "bob@contoso.com", "--sku", "EXCHANGESTANDARD"}).exit_code,
      0);
  const CliRun replaced =
      Run({"user", "license", "replace", "adele@contoso.com", "--remove", "FLOW_FREE", "--add",
           "EXCHANGESTANDARD", "--disabled-plans", "BPOS_S_TODO_1"});
  EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(replaced.out,
            "skuPartNumber     skuId                                 assignedBy  state   "
            "servicePlanName      servicePlanId                         provisioningStatus\n"
            "EXCHANGESTANDARD  4b9405b0-7788-4568-add1-99614e613b69  direct      Active  "
            "EXCHANGE_S_STANDARD  9aaf7827-d63c-4b61-89c3-182f06f82e5c  Success\n"
            "EXCHANGESTANDARD  4b9405b0-7788-4568-add1-99614e613b69  direct      Active  "
            "INTUNE_O365          882e1d05-acd1-4ccb-8708-6ee03664b117  Success\n"
            "EXCHANGESTANDARD  4b9405b0-7788-4568-add1-99614e613b69  direct      Active  "
            "BPOS_S_TODO_1        5e62787c-c316-451f-b873-1d05acd4d12c  Disabled\n");
  const boost::json::value events = Json(
      {"audit", "list", "--target",
       Json({"user", "get", "adele@contoso.com"}).at("id").as_string().c_str(), "--limit", "1"});
  EXPECT_EQ(events.at(0).at("modifiedProperties").at(0),
            "licenseAssignmentStates: FLOW_FREE -> EXCHANGESTANDARD (disabled: BPOS_S_TODO_1)");
}

TEST_F(LicenceCli, UserLicenseErrorsAreEntras) {
  Subscribe("ENTERPRISEPACK", "25");
  Subscribe("FLOW_FREE", "5");
  AddUser("nowhere@contoso.com", "Nowhere");
  AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});

  const CliRun location = Run({"user", "license", "add", "nowhere@contoso.com", "--sku", kE3});
  EXPECT_EQ(location.exit_code, 6);
  EXPECT_EQ(location.err,
            "error: Request_BadRequest: License assignment cannot be done for user with invalid "
            "usage location.\n"
            "hint: Set the user's usage location first, e.g. 'admin365 user set USER "
            "--usage-location US', then assign the licence again.\n");

  const CliRun company =
      Run({"user", "license", "add", "adele@contoso.com", "--sku", "ENTERPRISEPREMIUM"});
  EXPECT_EQ(company.exit_code, 3);
  EXPECT_EQ(company.err,
            "error: Request_BadRequest: License c7df2760-2c81-4ef7-b578-5b5392b571df does not "
            "correspond to a valid company License.\n");

  const CliRun plan = Run({"user", "license", "add", "adele@contoso.com", "--sku", "FLOW_FREE",
                           "--disabled-plans", "SWAY"});
  EXPECT_EQ(plan.exit_code, 3);
  EXPECT_EQ(plan.err,
            "error: Request_BadRequest: Service plan SWAY does not correspond to a valid service "
            "plan of License f30db892-07e9-47e9-837c-80727f46fd3d.\n");

  const CliRun held = Run({"user", "license", "remove", "adele@contoso.com", "--sku", "FLOW_FREE"});
  EXPECT_EQ(held.exit_code, 3);
  EXPECT_EQ(held.err, "error: Request_BadRequest: User does not have a corresponding license.\n");

  const CliRun unknown = Run({"user", "license", "add", "adele@contoso.com", "--sku", "E3"});
  EXPECT_EQ(unknown.exit_code, 4);
  EXPECT_EQ(unknown.err,
            "error: Request_BadRequest: Product 'E3' is not in the licensing catalogue.\n");

  const CliRun nobody = Run({"user", "license", "list", "nobody@contoso.com"});
  EXPECT_EQ(nobody.exit_code, 4);
}

TEST_F(LicenceCli, DeleteFreesTheSeatAndRestoreTakesItBack) {
  Subscribe("ENTERPRISEPACK", "1");
  const std::string adele = AddUser("adele@contoso.com", "Adele", {"--usage-location", "US"});
  AddUser("bob@contoso.com", "Bob", {"--usage-location", "US"});
  ASSERT_EQ(Run({"user", "license", "add", adele, "--sku", "ENTERPRISEPACK"}).exit_code, 0);
  ASSERT_EQ(Run({"user", "remove", adele}).exit_code, 0);
  EXPECT_EQ(Json({"subscription", "list"}).at(0).at("consumedUnits"), "0");
  ASSERT_EQ(Run({"user", "license", "add", "bob@contoso.com", "--sku", "ENTERPRISEPACK"}).exit_code,
            0);

  ASSERT_EQ(Run({"user", "restore", adele}).exit_code, 0);
  const CliRun list = Run({"user", "license", "list", adele, "-o", "csv"});
  const std::vector<std::string> lines = Lines(list.out);
  ASSERT_EQ(lines.size(), 37u);
  EXPECT_EQ(lines[1],
            "\"ENTERPRISEPACK\",\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"direct\","
            "\"Error (CountViolation)\",\"MESH_AVATARS_FOR_TEAMS\","
            "\"dcf9d2f4-772e-4434-b757-77a453cfbc02\",\"ErrorStatus\"");
  EXPECT_EQ(Json({"subscription", "list"}).at(0).at("consumedUnits"), "1");
}

}  // namespace
}  // namespace admin365::testing
