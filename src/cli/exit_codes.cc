#include "cli/exit_codes.h"

#include <fmt/format.h>

#include "cli/output.h"

namespace admin365::cli {

int ExitCodeFor(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kInvalidArgument: return 3;
    case ErrorKind::kNotFound: return 4;
    case ErrorKind::kConflict: return 5;
    case ErrorKind::kFailedPrecondition: return 6;
    case ErrorKind::kPermissionDenied:
    case ErrorKind::kUnauthenticated: return 7;
    case ErrorKind::kUnavailable: return 8;
    case ErrorKind::kInternal: break;
  }
  return 1;
}

std::string HintFor(const Error& error) {
  const std::string& target = error.target;
  if (error.code == "Request_ResourceNotFound") {
    return "Check the name or id: 'admin365 user list', 'admin365 user list --deleted' and "
           "'admin365 domain list' show what exists.";
  }
  if (error.code == "Directory_QuotaExceeded" && error.message.starts_with("The directory object "
                                                                          "quota limit")) {
    return "Delete users or groups (the recycle bin counts too: 'admin365 user purge'), or "
           "raise the quota: 'admin365 tenant set --object-quota N' on the embedded tenant, "
           "Microsoft Support on a real one.";
  }
  if (error.message.starts_with("Invalid object identifier")) {
    return "Give the user's object id (a GUID) or its userPrincipalName (name@domain).";
  }
  if (error.message.starts_with("A value is required")) {
    const bool group = error.message.ends_with("of resource 'Group'.");
    return fmt::format("Give --{} (see 'admin365 {} add --help').", OptionName(target),
                       group ? "group" : "user");
  }
  if (error.kind == ErrorKind::kConflict && target == "userPrincipalName") {
    return "Choose another --user-principal-name; 'admin365 user get NAME' shows who holds it.";
  }
  if (error.kind == ErrorKind::kConflict && target == "proxyAddresses") {
    return "Another user already uses this address as its mail or a proxy address; choose "
           "another, or remove it from that user first.";
  }
  if (error.message.starts_with("The domain portion")) {
    return "Add and verify the domain first ('admin365 domain add NAME' then 'admin365 domain "
           "verify NAME'), or use a domain from 'admin365 domain list'.";
  }
  if (target == "passwordProfile") {
    return "Use 8-256 characters with 3 of: lower case, upper case, digits, symbols; no "
           "common words or the user's name; or let admin365 generate one (--generate-password).";
  }
  if (target == "userPrincipalName" && error.kind == ErrorKind::kInvalidArgument) {
    return "A userPrincipalName is alias@domain: at most 64 characters of A-Z a-z 0-9 ' . - _ "
           "! # ^ ~ before the @ (not ending in '.'), at most 48 after it, 113 in all.";
  }
  if (error.message.starts_with("License assignment cannot be done")) {
    return "Set the user's usage location first, e.g. 'admin365 user set USER --usage-location "
           "US', then assign the licence again.";
  }
  if (target == "usageLocation") {
    return "Use a two-letter ISO 3166-1 country code such as US, GB or FR.";
  }
  if (error.kind == ErrorKind::kConflict && target == "mailNickname") {
    return "Another Microsoft 365 group has this mail nickname; choose another ('admin365 group "
           "list' shows them).";
  }
  if (target == "mailNickname") {
    return "Use at most 64 ASCII characters, without spaces or @ ( ) \\ [ ] \" ; : < > ,";
  }
  if (error.message.starts_with("Unable to update the specified properties for on-premises")) {
    return "The user is synchronized from on-premises Active Directory: change or delete it "
           "there (rehearse with 'admin365 user sync'). In the cloud only usageLocation, "
           "userType, licences, groups, sessions and MFA can change.";
  }
  if (target == "phoneNumber") {
    return "Write the number as +{country code} {number}, optionally x{extension}: "
           "\"+1 4255550100\" or \"+44 2079460000x123\".";
  }
  if (target == "allowedMethods" || target == "userPreferredMethodForSecondaryAuthentication") {
    return "Use push, oath, voiceMobile, voiceAlternateMobile, voiceOffice or sms.";
  }
  if (error.message.find("SSL certificate problem") != std::string::npos) {
    return "The server's certificate is not one this machine trusts: give --ca-file with the "
           "CA that signed it (a TLS-inspecting proxy's), or set SSL_CERT_FILE.";
  }
  if (error.message.starts_with("AADSTS7000215")) {
    return "Give the secret's Value (shown once when it was added), not its Secret ID; or add "
           "a new secret to the app registration.";
  }
  if (error.message.starts_with("AADSTS700016")) {
    return "Check --client-id: the app registration's Application (client) ID, registered in "
           "this tenant or consented to by its admin.";
  }
  if (error.message.starts_with("AADSTS90002")) {
    return "Check --tenant: the tenant's id (a GUID) or one of its verified domains.";
  }
  if (target == "LockoutThreshold") {
    return "Give --lockout-threshold a number of attempts from 1 to 50.";
  }
  if (target == "LockoutDurationInSeconds") {
    return "Give --lockout-duration a number of seconds from 5 to 86400.";
  }
  if (error.message.starts_with("Invalid value specified")) {
    return fmt::format("Check the value of {}: its length and allowed characters are in "
                       "docs/cli.md.",
                       target);
  }
  return "";
}

int ReportError(const Error& error) {
  fmt::print(stderr, "error: {}: {}\n", error.code, error.message);
  if (!error.request_id.empty()) fmt::print(stderr, "request-id: {}\n", error.request_id);
  if (const std::string hint = HintFor(error); !hint.empty()) {
    fmt::print(stderr, "hint: {}\n", hint);
  }
  return ExitCodeFor(error);
}

}  // namespace admin365::cli
