#include "manage/csv_headers.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "common/ascii.h"
#include "domain/user_properties.h"
#include "manage/csv_records.h"

namespace admin365::manage {

namespace {

struct HeaderName {
  std::string_view header;
  std::string_view field;
  CsvDialect dialect;
};

constexpr CsvDialect kEntra = CsvDialect::kEntra;
constexpr CsvDialect kAdminCenter = CsvDialect::kAdminCenter;
constexpr CsvDialect kMsOnline = CsvDialect::kMsOnline;
constexpr CsvDialect kGraph = CsvDialect::kGraph;

// The names of each dialect besides Graph's property names and the fields' own names.
constexpr HeaderName kHeaderNames[] = {
    // Microsoft 365 admin center, "Add multiple users" (entra-graph-facts.md §2.3).
    {"User Name", "userPrincipalName", kAdminCenter},
    {"First Name", "givenName", kAdminCenter},
    {"Last Name", "surname", kAdminCenter},
    {"Display Name", "displayName", kAdminCenter},
    {"Job Title", "jobTitle", kAdminCenter},
    {"Department", "department", kAdminCenter},
    {"Office Number", "officeLocation", kAdminCenter},
    {"Office Phone", "businessPhones", kAdminCenter},
    {"Mobile Phone", "mobilePhone", kAdminCenter},
    {"Fax", "faxNumber", kAdminCenter},
    {"Alternate email address", "otherMails", kAdminCenter},
    {"Address", "streetAddress", kAdminCenter},
    {"City", "city", kAdminCenter},
    {"State or Province", "state", kAdminCenter},
    {"ZIP or Postal Code", "postalCode", kAdminCenter},
    {"Country or Region", "country", kAdminCenter},
    // M365 Manager Plus and the MSOnline cmdlets' parameters (§1.2, §6.2).
    {"UserPrincipalName", "userPrincipalName", kMsOnline},
    {"DisplayName", "displayName", kMsOnline},
    {"FirstName", "givenName", kMsOnline},
    {"LastName", "surname", kMsOnline},
    {"UsageLocation", "usageLocation", kMsOnline},
    {"Title", "jobTitle", kMsOnline},
    {"Department", "department", kMsOnline},
    {"Office", "officeLocation", kMsOnline},
    {"PhoneNumber", "businessPhones", kMsOnline},
    {"MobilePhone", "mobilePhone", kMsOnline},
    {"Fax", "faxNumber", kMsOnline},
    {"AlternateEmailAddresses", "otherMails", kMsOnline},
    {"StreetAddress", "streetAddress", kMsOnline},
    {"City", "city", kMsOnline},
    {"State", "state", kMsOnline},
    {"PostalCode", "postalCode", kMsOnline},
    {"Country", "country", kMsOnline},
    {"Company", "companyName", kMsOnline},
    {"PreferredLanguage", "preferredLanguage", kMsOnline},
    {"EmployeeId", "employeeId", kMsOnline},
    {"EmployeeType", "employeeType", kMsOnline},
    {"ImmutableId", "onPremisesImmutableId", kMsOnline},
    {"UserType", "userType", kMsOnline},
    {"ObjectId", "id", kMsOnline},
    {"Password", "password", kMsOnline},
    {"ForceChangePassword", "forceChangePassword", kMsOnline},
    {"BlockCredential", "blockSignIn", kMsOnline},
    {"PasswordNeverExpires", "passwordNeverExpires", kMsOnline},
    {"StrongPasswordRequired", "strongPasswordRequired", kMsOnline},
    {"Manager", "manager", kMsOnline},
    {"ManagerUserPrincipalName", "manager", kMsOnline},
    {"DirectReports", "directReports", kMsOnline},
    {"NewUserPrincipalName", "newUserPrincipalName", kMsOnline},
    {"New user name", "newUserPrincipalName", kMsOnline},
    {"Domain", "domain", kMsOnline},
    {"NewDomain", "domain", kMsOnline},
    {"LicenseAssignment", "addLicenses", kMsOnline},
    {"Licenses", "addLicenses", kMsOnline},
    {"AddLicenses", "addLicenses", kMsOnline},
    {"RemoveLicenses", "removeLicenses", kMsOnline},
    {"LicenseOptions", "disabledPlans", kMsOnline},
    {"DisabledPlans", "disabledPlans", kMsOnline},
    {"Groups", "groups", kMsOnline},
    {"AddGroups", "groups", kMsOnline},
    {"RemoveGroups", "removeGroups", kMsOnline},
    {"MfaState", "mfaState", kMsOnline},
    {"Is MFA Enabled", "mfaState", kMsOnline},
    {"StrongAuthenticationRequirements", "mfaState", kMsOnline},
    {"AllowedMethods", "allowedMethods", kMsOnline},
    {"Allowed MFA Methods", "allowedMethods", kMsOnline},
    {"DefaultMethod", "defaultMethod", kMsOnline},
    {"Default MFA Method", "defaultMethod", kMsOnline},
    {"AuthenticationPhone", "authenticationPhone", kMsOnline},
    {"StrongAuthenticationPhoneNumber", "authenticationPhone", kMsOnline},
    {"AlternateAuthenticationPhone", "alternateAuthenticationPhone", kMsOnline},
    {"AuthenticationOfficePhone", "authenticationOfficePhone", kMsOnline},
    {"AuthenticationEmail", "authenticationEmail", kMsOnline},
    {"StrongAuthenticationEmail", "authenticationEmail", kMsOnline},
    {"Template", "template", kMsOnline},
    // Entra: the legacy AAD Graph names of the templates' brackets and of "Download users"
    // (§2.1, §2.2).
    {"physicalDeliveryOfficeName", "officeLocation", kEntra},
    {"telephoneNumber", "businessPhones", kEntra},
    {"mobile", "mobilePhone", kEntra},
    {"passwordProfile", "password", kEntra},
    {"objectId", "id", kEntra},
    {"alternateEmailAddress", "otherMails", kEntra},
    {"authenticationAlternativePhoneNumber", "alternateAuthenticationPhone", kEntra},
    // Graph's name for what the fields call forceChangePassword.
    {"forceChangePasswordNextSignIn", "forceChangePassword", kGraph},
};

constexpr std::string_view kBlockSignInLabel = "Block sign in";

NameMatch Match(std::string_view header, std::string_view name) {
  if (header == name) return NameMatch::kExact;
  return AsciiIEquals(header, name) ? NameMatch::kOtherCase : NameMatch::kNone;
}

// The Graph property or field that `name` spells, in Graph's or the field's spelling.
std::optional<std::string_view> GraphName(std::string_view name) {
  if (const UserProperty* property = FindUserProperty(name)) return property->name;
  const auto field = std::find_if(kUserCsvFields.begin(), kUserCsvFields.end(),
                                  [&](std::string_view f) { return AsciiIEquals(f, name); });
  if (field != kUserCsvFields.end()) return *field;
  return std::nullopt;
}

// "Name [displayName] Required" -> {"Name", "displayName"}; nullopt without brackets.
std::optional<std::pair<std::string_view, std::string_view>> SplitBracketed(
    std::string_view header) {
  const std::size_t open = header.find('[');
  const std::size_t close = header.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  return std::pair(TrimHeader(header.substr(0, open)),
                   TrimHeader(header.substr(open + 1, close - open - 1)));
}

std::optional<std::string_view> EntraBracketedField(std::string_view label, std::string_view name) {
  if (AsciiIEquals(name, "accountEnabled") &&
      AsciiIEquals(label.substr(0, kBlockSignInLabel.size()), kBlockSignInLabel)) {
    return "blockSignIn";
  }
  for (const HeaderName& legacy : kHeaderNames) {
    if (legacy.dialect == kEntra && AsciiIEquals(legacy.header, name)) return legacy.field;
  }
  return GraphName(name);
}

HeaderMeaning InterpretPlainHeader(std::string_view header) {
  HeaderMeaning meaning;
  auto add = [&](std::string_view name, std::string_view field, CsvDialect dialect) {
    const NameMatch match = Match(header, name);
    if (match == NameMatch::kNone) return;
    meaning.field = field;
    NameMatch& best = meaning.dialects[static_cast<std::size_t>(dialect)];
    best = std::max(best, match);
  };
  for (const HeaderName& name : kHeaderNames) add(name.header, name.field, name.dialect);
  if (std::optional<std::string_view> graph = GraphName(header)) add(*graph, *graph, kGraph);
  return meaning;
}

struct DialectScore {
  std::size_t names = 0;
  std::size_t exact = 0;
};

CsvDialect ChooseDialect(const std::vector<HeaderMeaning>& meanings) {
  std::array<DialectScore, 4> scores{};
  for (const HeaderMeaning& meaning : meanings) {
    for (std::size_t d = 0; d < scores.size(); ++d) {
      scores[d].names += meaning.dialects[d] != NameMatch::kNone;
      scores[d].exact += meaning.dialects[d] == NameMatch::kExact;
    }
  }
  constexpr std::array<CsvDialect, 4> kPreference = {kEntra, kAdminCenter, kGraph, kMsOnline};
  CsvDialect best = kPreference.front();
  for (CsvDialect dialect : kPreference) {
    const DialectScore& score = scores[static_cast<std::size_t>(dialect)];
    const DialectScore& leader = scores[static_cast<std::size_t>(best)];
    if (score.names > leader.names || (score.names == leader.names && score.exact > leader.exact)) {
      best = dialect;
    }
  }
  return best;
}

}  // namespace

const std::vector<std::string_view> kUserCsvFields = {
    "id",
    "password",
    "forceChangePassword",
    "blockSignIn",
    "passwordNeverExpires",
    "strongPasswordRequired",
    "manager",
    "directReports",
    "newUserPrincipalName",
    "domain",
    "addLicenses",
    "removeLicenses",
    "disabledPlans",
    "groups",
    "removeGroups",
    "mfaState",
    "allowedMethods",
    "defaultMethod",
    "authenticationPhone",
    "alternateAuthenticationPhone",
    "authenticationOfficePhone",
    "authenticationEmail",
    "template",
};

std::string_view CsvDialectName(CsvDialect dialect) {
  switch (dialect) {
    case CsvDialect::kEntra:
      return "Entra";
    case CsvDialect::kAdminCenter:
      return "Microsoft 365 admin center";
    case CsvDialect::kMsOnline:
      return "MSOnline / M365 Manager Plus";
    case CsvDialect::kGraph:
      return "Microsoft Graph";
  }
  return "Microsoft Graph";
}

std::string_view TrimHeader(std::string_view header) {
  constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
  for (;;) {
    const std::size_t before = header.size();
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) {
      header.remove_prefix(1);
    }
    while (!header.empty() && (header.back() == ' ' || header.back() == '\t')) {
      header.remove_suffix(1);
    }
    if (header.starts_with(kNoBreakSpace)) header.remove_prefix(kNoBreakSpace.size());
    if (header.ends_with(kNoBreakSpace)) header.remove_suffix(kNoBreakSpace.size());
    if (header.size() == before) return header;
  }
}

HeaderMeaning InterpretHeader(std::string_view header) {
  header = TrimHeader(header);
  if (const auto bracketed = SplitBracketed(header)) {
    HeaderMeaning meaning;
    if (const auto field = EntraBracketedField(bracketed->first, bracketed->second)) {
      meaning.field = *field;
      meaning.dialects[static_cast<std::size_t>(kEntra)] = NameMatch::kExact;
    }
    return meaning;
  }
  return InterpretPlainHeader(header);
}

Result<HeaderMapping> MapHeaders(const std::vector<std::string>& headers, long long line) {
  std::vector<HeaderMeaning> meanings;
  HeaderMapping mapping;
  for (std::size_t column = 0; column < headers.size(); ++column) {
    HeaderMeaning meaning = InterpretHeader(headers[column]);
    const auto earlier = std::find(mapping.fields.begin(), mapping.fields.end(), meaning.field);
    if (!meaning.field.empty() && earlier != mapping.fields.end()) {
      const std::size_t first = earlier - mapping.fields.begin();
      return Fail(CsvError(fmt::format(
          "line {}: two columns mean {}: column {} \"{}\" and column {} \"{}\"; remove one", line,
          meaning.field, first + 1, headers[first], column + 1, headers[column])));
    }
    mapping.fields.push_back(meaning.field);
    meanings.push_back(std::move(meaning));
  }
  if (std::all_of(mapping.fields.begin(), mapping.fields.end(),
                  [](const std::string& field) { return field.empty(); })) {
    return Fail(CsvError(fmt::format(
        "line {}: no column names a user field; the header line needs names such as "
        "\"userPrincipalName\", \"User Name\" or \"User name [userPrincipalName] Required\"",
        line)));
  }
  mapping.dialect = ChooseDialect(meanings);
  return mapping;
}

}  // namespace admin365::manage
