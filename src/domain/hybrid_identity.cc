#include "domain/hybrid_identity.h"

#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/user_properties.h"

namespace admin365 {

namespace {

// The mastered properties but the onPremises* family.
constexpr std::string_view kMastered[] = {"userPrincipalName",
                                          "displayName",
                                          "givenName",
                                          "surname",
                                          "mailNickname",
                                          "accountEnabled",
                                          "jobTitle",
                                          "department",
                                          "companyName",
                                          "employeeId",
                                          "employeeType",
                                          "officeLocation",
                                          "streetAddress",
                                          "city",
                                          "state",
                                          "postalCode",
                                          "country",
                                          "businessPhones",
                                          "mobilePhone",
                                          "faxNumber",
                                          "mail",
                                          "otherMails",
                                          "preferredLanguage",
                                          "passwordPolicies"};

}  // namespace

bool IsOnPremisesMastered(std::string_view property) {
  constexpr std::string_view kOnPremises = "onPremises";
  if (property.size() > kOnPremises.size() &&
      AsciiIEquals(property.substr(0, kOnPremises.size()), kOnPremises)) {
    return true;
  }
  for (std::string_view name : kMastered) {
    if (AsciiIEquals(name, property)) return true;
  }
  return false;
}

Status ValidateOnPremisesIdentity(const OnPremisesIdentity& identity) {
  if (identity.immutable_id.empty()) {
    return Fail(errors::RequiredProperty("onPremisesImmutableId"));
  }
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"onPremisesDistinguishedName", &identity.distinguished_name},
      {"onPremisesDomainName", &identity.domain_name},
      {"onPremisesImmutableId", &identity.immutable_id},
      {"onPremisesSamAccountName", &identity.sam_account_name},
      {"onPremisesUserPrincipalName", &identity.user_principal_name},
  };
  for (const auto& [name, value] : fields) {
    if (value->empty()) continue;
    RETURN_IF_ERROR(CheckPropertyText(*FindUserProperty(name), *value));
  }
  return Ok();
}

}  // namespace admin365
