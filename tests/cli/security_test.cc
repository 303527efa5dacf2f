// `admin365 user revoke-sessions|mfa|methods|activate|add-disabled|sync`, end to end: what
// an admin sees, errors included.

#include <gmock/gmock.h>

#include "cli/cli_runner.h"

namespace admin365::testing {
namespace {

constexpr char kAdele[] = "adele@contoso.com";

class SecurityCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    InitTenant();
    adele_id_ = AddUser(kAdele, "Adele Vance");
  }

  // `admin365 user ARGS...`
  CliRun User(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), "user");
    return Run(args, input);
  }

  // The newest audit event's activity.
  std::string LastActivity() {
    const boost::json::value events = Json({"audit", "list", "--limit", "1"});
    return std::string(events.at(0).at("activity").as_string());
  }

  // The user as JSON: what a failed command must leave unchanged.
  std::string UserJson(const std::string& user) {
    return Run({"-o", "json", "user", "get", user}).out;
  }

  std::string adele_id_;
};

TEST_F(SecurityCli, RevokeSessions) {
  const CliRun run = User({"revoke-sessions", kAdele});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Revoked the sign-in sessions of adele@contoso.com\n");
  EXPECT_EQ(LastActivity(), "Update StsRefreshTokenValidFrom Timestamp");

  const CliRun missing = User({"revoke-sessions", "ghost@contoso.com"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_EQ(missing.err,
            "error: Request_ResourceNotFound: Resource 'ghost@contoso.com' does not exist or one "
            "of its queried reference-property objects are not present.\nhint: Check the name or "
            "id: 'admin365 user list', 'admin365 user list --deleted' and 'admin365 domain list' "
            "show what exists.\n");
}

TEST_F(SecurityCli, MfaGetAndSet) {
  CliRun run = User({"mfa", "get", kAdele});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "perUserMfaState                                disabled\n"
            "userPreferredMethodForSecondaryAuthentication  \n"
            "isSystemPreferredAuthenticationMethodEnabled   true\n"
            "allowedMethods                                 \n");

  run = User({"mfa", "set", kAdele, "--state", "enforced"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Per-user MFA of adele@contoso.com is enforced\n");
  EXPECT_EQ(LastActivity(), "Update per-user multifactor authentication state");
  const boost::json::value mfa = Json({"user", "mfa", "get", adele_id_});
  EXPECT_EQ(mfa.at("perUserMfaState"), "enforced");

  run = User({"mfa", "set", kAdele, "--state", "on"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(Json({"user", "mfa", "get", kAdele}).at("perUserMfaState"), "enforced");
}

TEST_F(SecurityCli, PhoneAndEmailMethods) {
  CliRun run =
      User({"methods", "phone", "set", kAdele, "--type", "mobile", "--number", "+1 4255550100"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "id              3179e48a-750b-4051-897c-87b9720928f7\n"
            "phoneType       mobile\n"
            "phoneNumber     +1 4255550100\n"
            "smsSignInState  notAllowedByPolicy\n");
  EXPECT_EQ(LastActivity(), "Admin registered security info");

  run = User(
      {"methods", "phone", "set", kAdele, "--type", "office", "--number", "+1 4255550199x123"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  run = User({"methods", "email", "set", kAdele, "--address", "adele@fabrikam.com"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "id            3ddfcfc8-9383-446f-83cc-3ab9be4be18f\n"
            "emailAddress  adele@fabrikam.com\n");

  run = User({"methods", "list", kAdele});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "id                                    method    phoneType  value\n"
            "28c10230-6103-485e-b985-444c60001490  password             \n"
            "3179e48a-750b-4051-897c-87b9720928f7  phone     mobile     +1 4255550100\n"
            "e37fc753-ff3b-4958-9484-eaa9425c82bc  phone     office     +1 4255550199x123\n"
            "3ddfcfc8-9383-446f-83cc-3ab9be4be18f  email                adele@fabrikam.com\n");

  run = User({"methods", "phone", "remove", kAdele, "--type", "office"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Removed the office phone method of adele@contoso.com\n");
  EXPECT_EQ(LastActivity(), "Admin deleted security info");
  run = User({"methods", "email", "remove", kAdele});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Removed the email method of adele@contoso.com\n");

  const boost::json::value methods = Json({"user", "methods", "list", kAdele});
  ASSERT_EQ(methods.as_array().size(), 2u);
  EXPECT_EQ(methods.at(1).at("value"), "+1 4255550100");
  // The authentication phone is not the mobilePhone property.
  EXPECT_TRUE(Json({"user", "get", kAdele}).at("mobilePhone").is_null());
}

TEST_F(SecurityCli, MethodErrors) {
  const std::string before = UserJson(kAdele);
  CliRun run =
      User({"methods", "phone", "set", kAdele, "--type", "mobile", "--number", "+1 425 555 0100"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property 'phoneNumber' of "
            "resource 'PhoneAuthenticationMethod'.\nhint: Write the number as +{country code} "
            "{number}, optionally x{extension}: \"+1 4255550100\" or \"+44 2079460000x123\".\n");

  run = User({"methods", "phone", "set", kAdele, "--type", "alternateMobile", "--number",
              "+1 4255550100"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: A user must have a mobile phone method before an "
            "alternateMobile phone method can be added.\n");

  run = User({"methods", "phone", "set", kAdele, "--type", "home", "--number", "+1 4255550100"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property 'phoneType' of "
            "resource 'PhoneAuthenticationMethod'.\nhint: Check the value of phoneType: its "
            "length and allowed characters are in docs/cli.md.\n");

  run = User({"methods", "phone", "remove", kAdele, "--type", "mobile"});
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_EQ(run.err.substr(0, run.err.find('\n')),
            "error: Request_ResourceNotFound: Resource '3179e48a-750b-4051-897c-87b9720928f7' "
            "does not exist or one of its queried reference-property objects are not present.");

  run = User({"methods", "email", "set", kAdele, "--address", "not-an-address"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property 'emailAddress' of "
            "resource 'EmailAuthenticationMethod'.\nhint: Check the value of emailAddress: its "
            "length and allowed characters are in docs/cli.md.\n");

  const boost::json::value methods = Json({"user", "methods", "list", kAdele});
  EXPECT_EQ(methods.as_array().size(), 1u);  // the password only
  EXPECT_EQ(UserJson(kAdele), before);
}

TEST_F(SecurityCli, AllowedAndDefaultMethods) {
  CliRun run = User({"methods", "allowed", "set", kAdele, "sms,push,sms"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Allowed methods of adele@contoso.com: push,sms\n");

  run = User({"methods", "default", "set", kAdele, "--method", "sms"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: The authentication method 'sms' cannot be the default "
            "method: the user has no mobile phone method registered.\n");
  run = User({"methods", "default", "set", kAdele, "--method", "oath"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: The authentication method 'oath' is not among the "
            "methods this user is allowed to use.\n");
  run = User({"methods", "default", "set", kAdele, "--method", "fax"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property "
            "'userPreferredMethodForSecondaryAuthentication' of resource 'SignInPreferences'.\n"
            "hint: Use push, oath, voiceMobile, voiceAlternateMobile, voiceOffice or sms.\n");

  ASSERT_EQ(
      User({"methods", "phone", "set", kAdele, "--type", "mobile", "--number", "+44 7700900123"})
          .exit_code,
      0);
  run =
      User({"methods", "default", "set", kAdele, "--method", "sms", "--system-preferred", "false"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "perUserMfaState                                disabled\n"
            "userPreferredMethodForSecondaryAuthentication  sms\n"
            "isSystemPreferredAuthenticationMethodEnabled   false\n"
            "allowedMethods                                 push; sms\n");
  EXPECT_EQ(LastActivity(), "PATCH UserAuthMethod.PatchSignInPreferencesAsync");

  run = User({"methods", "allowed", "set", kAdele, "all"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "Allowed methods of adele@contoso.com: all\n");
  run = User({"methods", "allowed", "set", kAdele, "push,carrierPigeon"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property 'allowedMethods' of "
            "resource 'User'.\nhint: Use push, oath, voiceMobile, voiceAlternateMobile, "
            "voiceOffice or sms.\n");

  EXPECT_EQ(User({"methods", "default", "set", kAdele}).exit_code, 2);
}

TEST_F(SecurityCli, AddDisabledThenActivate) {
  const boost::json::value lee =
      Json({"user", "add-disabled", "--upn", "lee@contoso.com", "--display-name", "Lee Gu"});
  EXPECT_EQ(lee.at("accountEnabled"), false);
  EXPECT_EQ(lee.at("mailNickname"), "lee");
  EXPECT_GE(lee.at("generatedPassword").as_string().size(), 8u);
  EXPECT_TRUE(lee.at("assignedLicenses").as_array().empty());

  // A failed activation leaves Lee as he was.
  const std::string before = UserJson("lee@contoso.com");
  CliRun run =
      User({"activate", "lee@contoso.com", "--password", "password1", "--usage-location", "US"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err.substr(0, run.err.find('\n')),
            "error: Request_BadRequest: The specified password does not comply with password "
            "complexity requirements. Please provide a different password.");
  run = User({"activate", "lee@contoso.com", "--generate-password", "--usage-location", "XX"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property 'usageLocation' of "
            "resource 'User'.\nhint: Use a two-letter ISO 3166-1 country code such as US, GB or "
            "FR.\n");
  EXPECT_EQ(User({"activate", "lee@contoso.com"}).exit_code, 2);
  EXPECT_EQ(UserJson("lee@contoso.com"), before);

  const boost::json::value activated = Json(
      {"user", "activate", "lee@contoso.com", "--generate-password", "--usage-location", "gb"});
  EXPECT_EQ(activated.at("accountEnabled"), true);
  EXPECT_EQ(activated.at("usageLocation"), "GB");
  EXPECT_GE(activated.at("generatedPassword").as_string().size(), 8u);
  EXPECT_NE(activated.at("generatedPassword"), lee.at("generatedPassword"));
  EXPECT_EQ(LastActivity(), "Reset user password");
}

TEST_F(SecurityCli, ActivateWithPasswordFromStdinAndALicence) {
  ASSERT_EQ(Run({"subscription", "add", "ENTERPRISEPACK", "--units", "1"}).exit_code, 0);
  Json({"user", "add-disabled", "--upn", "lee@contoso.com", "--display-name", "Lee Gu"});
  const CliRun run = Run({"-o", "json", "user", "activate", "lee@contoso.com", "--password-stdin",
                          "--usage-location", "gb", "--sku", "ENTERPRISEPACK"},
                         "Zx9!kTq4wLm2\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  boost::json::value lee = boost::json::parse(run.out);
  EXPECT_EQ(lee.at("accountEnabled"), true);
  EXPECT_EQ(lee.at("usageLocation"), "GB");
  EXPECT_FALSE(lee.as_object().contains("generatedPassword"));
  ASSERT_EQ(lee.at("assignedLicenses").as_array().size(), 1u);
  EXPECT_EQ(lee.at("assignedLicenses").at(0), "6fd2c87f-b296-42f0-b197-1e91e994b900");
  EXPECT_EQ(LastActivity(), "Change user license");

  // No seat left: Adele's activation fails whole.
  ASSERT_EQ(User({"block", kAdele}).exit_code, 0);
  const std::string before = UserJson(kAdele);
  const CliRun full = User({"activate", kAdele, "--generate-password", "--usage-location", "US",
                            "--sku", "ENTERPRISEPACK"});
  EXPECT_EQ(full.exit_code, 6);
  EXPECT_EQ(full.err.substr(0, full.err.find('\n')),
            "error: Request_BadRequest: Subscription with SKU "
            "6fd2c87f-b296-42f0-b197-1e91e994b900 does not have any available licenses.");
  EXPECT_EQ(UserJson(kAdele), before);
}

TEST_F(SecurityCli, SyncCreatesALockedUser) {
  const boost::json::value megan = Json({"user",
                                         "sync",
                                         "--immutable-id",
                                         "Hm8aPq0P1U2bZvZ1NB9Kcw==",
                                         "--upn",
                                         "megan@contoso.com",
                                         "--display-name",
                                         "Megan Bowen",
                                         "--sam-account-name",
                                         "meganb",
                                         "--on-premises-domain-name",
                                         "corp.contoso.com",
                                         "--on-premises-upn",
                                         "megan@corp.contoso.com",
                                         "--distinguished-name",
                                         "CN=Megan Bowen,DC=corp,DC=contoso,DC=com",
                                         "--property",
                                         "department=Sales",
                                         "--property",
                                         "businessPhones=+1 425 555 0100"});
  EXPECT_EQ(megan.at("onPremisesSyncEnabled"), true);
  EXPECT_EQ(megan.at("onPremisesImmutableId"), "Hm8aPq0P1U2bZvZ1NB9Kcw==");
  EXPECT_EQ(megan.at("onPremisesSamAccountName"), "meganb");
  EXPECT_EQ(megan.at("onPremisesDomainName"), "corp.contoso.com");
  EXPECT_EQ(megan.at("onPremisesUserPrincipalName"), "megan@corp.contoso.com");
  EXPECT_EQ(megan.at("onPremisesDistinguishedName"), "CN=Megan Bowen,DC=corp,DC=contoso,DC=com");
  EXPECT_TRUE(megan.at("onPremisesLastSyncDateTime").is_string());
  EXPECT_EQ(megan.at("department"), "Sales");
  EXPECT_EQ(megan.at("mailNickname"), "megan");
  EXPECT_EQ(megan.at("accountEnabled"), true);
  EXPECT_EQ(LastActivity(), "Add user");
  // A cloud user shows null.
  EXPECT_TRUE(Json({"user", "get", kAdele}).at("onPremisesSyncEnabled").is_null());

  const std::string mastered =
      "error: Request_BadRequest: Unable to update the specified properties for on-premises "
      "mastered Directory Sync objects or objects currently undergoing migration.\nhint: The "
      "user is synchronized from on-premises Active Directory: change or delete it there "
      "(rehearse with 'admin365 user sync'). In the cloud only usageLocation, userType, "
      "licences, groups, sessions and MFA can change.\n";
  const std::string before = UserJson("megan@contoso.com");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"set", "megan@contoso.com", "--department", "HR"},
           {"set", "megan@contoso.com", "--usage-location", "US", "--job-title", "Lead"},
           {"block", "megan@contoso.com"},
           {"remove", "megan@contoso.com"}}) {
    const CliRun run = User(args);
    EXPECT_EQ(run.exit_code, 3) << args[0];
    EXPECT_EQ(run.err, mastered) << args[0];
  }
  const CliRun reset = User({"password", "megan@contoso.com"});
  EXPECT_EQ(reset.exit_code, 6);
  EXPECT_EQ(reset.err,
            "error: Request_BadRequest: The password of a user synchronized from on-premises "
            "Active Directory cannot be reset in the cloud because password writeback is not "
            "enabled. Reset it in on-premises Active Directory.\n");
  EXPECT_EQ(UserJson("megan@contoso.com"), before);

  // What the cloud still owns.
  EXPECT_EQ(
      Json({"user", "set", "megan@contoso.com", "--usage-location", "GB"}).at("usageLocation"),
      "GB");
  EXPECT_EQ(User({"mfa", "set", "megan@contoso.com", "--state", "enabled"}).exit_code, 0);
  EXPECT_EQ(User({"revoke-sessions", "megan@contoso.com"}).exit_code, 0);

  // A later sync updates the same user; the simulator can disable it.
  const boost::json::value again =
      Json({"user", "sync", "--immutable-id", "Hm8aPq0P1U2bZvZ1NB9Kcw==", "--account-enabled",
            "false", "--property", "department=HR"});
  EXPECT_EQ(again.at("id"), megan.at("id"));
  EXPECT_EQ(again.at("department"), "HR");
  EXPECT_EQ(again.at("accountEnabled"), false);
  EXPECT_EQ(again.at("usageLocation"), "GB");
}

TEST_F(SecurityCli, SyncErrors) {
  CliRun run = User({"sync", "--immutable-id", "a_b", "--upn", "megan@contoso.com",
                     "--display-name", "Megan Bowen"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err,
            "error: Request_BadRequest: Invalid value specified for property "
            "'onPremisesImmutableId' of resource 'User'.\nhint: Check the value of "
            "onPremisesImmutableId: its length and allowed characters are in docs/cli.md.\n");
  run = User({"sync", "--immutable-id", "Other==", "--upn", kAdele, "--display-name", "Adele"});
  EXPECT_EQ(run.exit_code, 0) << run.err;  // a soft match: Adele is synchronized now
  run = User({"sync", "--immutable-id", "Third==", "--upn", kAdele, "--display-name", "Adele"});
  EXPECT_EQ(run.exit_code, 5);
  EXPECT_EQ(run.err.substr(0, run.err.find('\n')),
            "error: Request_BadRequest: Another object with the same value for property "
            "userPrincipalName already exists.");
  run = User({"sync", "--immutable-id", "Fourth==", "--property", "favouriteColour=red"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err.substr(0, run.err.find('\n')),
            "error: Request_BadRequest: Property 'favouriteColour' does not exist as a declared "
            "property or extension property.");
  EXPECT_EQ(User({"sync", "--upn", "x@contoso.com"}).exit_code, 2);  // no --immutable-id
}

}  // namespace
}  // namespace admin365::testing
