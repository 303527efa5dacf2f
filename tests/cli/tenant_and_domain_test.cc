#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

using TenantCli = CliTest;

TEST_F(TenantCli, InitCreatesTheInitialDomainAndShowReadsItBack) {
  const boost::json::value tenant = Json({"tenant", "init", "--name", "Contoso Ltd."});
  EXPECT_EQ(tenant.at("displayName"), "Contoso Ltd.");
  EXPECT_EQ(tenant.at("initialDomain"), "contosoltd.onmicrosoft.com");
  boost::json::object shown = Json({"tenant", "show"}).as_object();
  EXPECT_EQ(shown.at("lockoutThreshold"), "10");
  EXPECT_EQ(shown.at("lockoutDurationInSeconds"), "60");
  EXPECT_EQ(shown.at("objects"), "0");
  EXPECT_EQ(shown.at("objectQuota"), "50000");
  for (const char* setting :
       {"lockoutThreshold", "lockoutDurationInSeconds", "objects", "objectQuota"}) {
    shown.erase(setting);
  }
  EXPECT_EQ(shown, tenant);

  const CliRun domains = Run({"domain", "list"});
  EXPECT_EQ(domains.exit_code, 0);
  EXPECT_EQ(domains.out,
            "id                          authenticationType  isDefault  isInitial  isVerified\n"
            "contosoltd.onmicrosoft.com  Managed             true       true       true\n");
}

TEST_F(TenantCli, SetChangesTheSmartLockoutSettingsAndAuditsIt) {
  ASSERT_EQ(Run({"tenant", "init", "--name", "Contoso"}).exit_code, 0);
  const boost::json::value set = Json({"tenant", "set", "--lockout-threshold", "5"});
  EXPECT_EQ(set.at("lockoutThreshold"), "5");
  EXPECT_EQ(set.at("lockoutDurationInSeconds"), "60");
  const CliRun too_short = Run({"tenant", "set", "--lockout-duration", "2"});
  EXPECT_EQ(too_short.exit_code, 3);
  EXPECT_EQ(too_short.err,
            "error: Request_BadRequest: Invalid value specified for property "
            "'LockoutDurationInSeconds' of resource 'DirectorySetting'.\n"
            "hint: Give --lockout-duration a number of seconds from 5 to 86400.\n");
  const boost::json::value audit = Json({"audit", "list", "--limit", "1"});
  EXPECT_EQ(audit.at(0).at("activity"), "Update directory setting");
  EXPECT_EQ(audit.at(0).at("modifiedProperties"), boost::json::array{"LockoutThreshold: 10 -> 5"});
}

TEST_F(TenantCli, SetRaisesTheObjectQuotaAndCreationsStopAtIt) {
  ASSERT_EQ(Run({"tenant", "init", "--name", "Contoso"}).exit_code, 0);
  const boost::json::value set = Json({"tenant", "set", "--object-quota", "1"});
  EXPECT_EQ(set.at("objectQuota"), "1");
  ASSERT_FALSE(AddUser("ann@contoso.onmicrosoft.com", "Ann").empty());
  const CliRun full = Run({"user", "add", "--upn", "bo@contoso.onmicrosoft.com", "--display-name",
                           "Bo", "--password", "Tr0ub4dor&3xyz"});
  EXPECT_EQ(full.exit_code, 6);
  EXPECT_EQ(full.err,
            "error: Directory_QuotaExceeded: The directory object quota limit for the Tenant has "
            "been exceeded. Please ask your administrator to increase the quota limit or delete "
            "objects to reduce the used quota.\n"
            "hint: Delete users or groups (the recycle bin counts too: 'admin365 user purge'), or "
            "raise the quota: 'admin365 tenant set --object-quota N' on the embedded tenant, "
            "Microsoft Support on a real one.\n");

  const boost::json::value raised = Json({"tenant", "set", "--object-quota", "1000000"});
  EXPECT_EQ(raised.at("objects"), "1");
  EXPECT_EQ(raised.at("objectQuota"), "1000000");
  const boost::json::value audit = Json({"audit", "list", "--limit", "1"});
  EXPECT_EQ(audit.at(0).at("modifiedProperties"), boost::json::array{"ObjectQuota: 1 -> 1000000"});
  EXPECT_EQ(Json({"tenant", "set", "--object-quota", "default"}).at("objectQuota"), "50000");

  const CliRun word = Run({"tenant", "set", "--object-quota", "lots", "--lockout-threshold", "5"});
  EXPECT_EQ(word.exit_code, 3);
  EXPECT_EQ(word.err,
            "error: Request_BadRequest: --object-quota takes a whole number or 'default' "
            "(Entra's quota), not 'lots'.\n");
  const CliRun zero = Run({"tenant", "set", "--object-quota", "0", "--lockout-threshold", "5"});
  EXPECT_EQ(zero.exit_code, 3);
  EXPECT_EQ(zero.err,
            "error: Request_BadRequest: The object quota must be a whole number from 1 to "
            "10000000; 0 was given.\n");
  EXPECT_EQ(Json({"tenant", "show"}).at("lockoutThreshold"), "10");  // nothing was written
}

TEST_F(TenantCli, SecondInitIsRefused) {
  ASSERT_EQ(Run({"tenant", "init", "--name", "Contoso"}).exit_code, 0);
  const CliRun again = Run({"tenant", "init", "--name", "Fabrikam"});
  EXPECT_EQ(again.exit_code, 5);
  EXPECT_EQ(again.err, "error: Tenant_AlreadyInitialised: The tenant is already initialised.\n");
}

TEST_F(TenantCli, CommandsBeforeInitSayWhatToDo) {
  const CliRun run = Run({"user", "list"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(run.err,
            "error: Tenant_NotInitialised: The tenant is not initialised. Run 'admin365 tenant "
            "init'.\n");
}

TEST_F(TenantCli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Run({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(Run({"user", "add", "--no-such-option", "x"}).exit_code, 2);
  EXPECT_EQ(Run({"-o", "xml", "tenant", "show"}).exit_code, 2);
}

using DomainCli = CliTest;

TEST_F(DomainCli, AddVerifySetDefaultAndRemove) {
  ASSERT_EQ(Run({"tenant", "init", "--name", "Contoso", "--domain", "contoso"}).exit_code, 0);
  EXPECT_EQ(Run({"domain", "add", "Fabrikam.COM"}).out,
            "id                  fabrikam.com\n"
            "authenticationType  Managed\n"
            "isDefault           false\n"
            "isInitial           false\n"
            "isVerified          false\n");

  const CliRun unverified = Run({"domain", "set-default", "fabrikam.com"});
  EXPECT_EQ(unverified.exit_code, 6);
  EXPECT_EQ(unverified.err,
            "error: Request_BadRequest: Domain 'fabrikam.com' must be verified before it can be "
            "the default.\n");

  ASSERT_EQ(Run({"domain", "verify", "fabrikam.com"}).exit_code, 0);
  ASSERT_EQ(Run({"domain", "set-default", "fabrikam.com"}).exit_code, 0);
  EXPECT_EQ(Run({"domain", "list", "-o", "csv"}).out,
            "\"id\",\"authenticationType\",\"isDefault\",\"isInitial\",\"isVerified\"\n"
            "\"contoso.onmicrosoft.com\",\"Managed\",\"false\",\"true\",\"true\"\n"
            "\"fabrikam.com\",\"Managed\",\"true\",\"false\",\"true\"\n");

  const CliRun default_domain = Run({"domain", "remove", "fabrikam.com"});
  EXPECT_EQ(default_domain.exit_code, 6);
  EXPECT_EQ(default_domain.err,
            "error: Request_BadRequest: Unable to delete domain 'fabrikam.com' because it is the "
            "default or initial domain of the tenant.\n");
  ASSERT_EQ(Run({"domain", "set-default", "contoso.onmicrosoft.com"}).exit_code, 0);
  EXPECT_EQ(Run({"domain", "remove", "fabrikam.com"}).exit_code, 0);
  EXPECT_EQ(Run({"domain", "list", "-o", "csv"}).out,
            "\"id\",\"authenticationType\",\"isDefault\",\"isInitial\",\"isVerified\"\n"
            "\"contoso.onmicrosoft.com\",\"Managed\",\"true\",\"true\",\"true\"\n");
}

TEST_F(DomainCli, DomainInUseCannotBeRemoved) {
  InitTenant();
  AddUser("adele@contoso.com", "Adele Vance");
  const CliRun run = Run({"domain", "remove", "contoso.com"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Unable to delete domain 'contoso.com' because it is still "
            "referenced by 1 object(s). Move or delete them first.\n");
}

TEST_F(DomainCli, InvalidAndDuplicateNames) {
  InitTenant();
  const CliRun invalid = Run({"domain", "add", "contoso..com"});
  EXPECT_EQ(invalid.exit_code, 3);
  EXPECT_EQ(invalid.err, "error: Request_BadRequest: Domain name 'contoso..com' is invalid.\n");
  const CliRun duplicate = Run({"domain", "add", "CONTOSO.com"});
  EXPECT_EQ(duplicate.exit_code, 5);
  EXPECT_EQ(duplicate.err,
            "error: Request_BadRequest: Another object with the same value for property id "
            "already exists.\n");
  const CliRun missing = Run({"domain", "verify", "nowhere.com"});
  EXPECT_EQ(missing.exit_code, 4);
}

}  // namespace
}  // namespace admin365::testing
