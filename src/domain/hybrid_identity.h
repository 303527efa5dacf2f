#pragma once

// Hybrid identity (entra-graph-facts.md §3.10): users synchronized from on-premises Active
// Directory by Entra Connect, and the source-of-authority table saying which of their
// properties on-premises AD masters.
//
// For a user with onPremisesSyncEnabled == true, a cloud write (PATCH) naming any mastered
// property fails whole with errors::OnPremisesMastered(); nothing of it is applied.
//
//   mastered on-premises (written only by Entra Connect):
//     userPrincipalName, displayName, givenName, surname, mailNickname, accountEnabled,
//     jobTitle, department, companyName, employeeId, employeeType, officeLocation,
//     streetAddress, city, state, postalCode, country, businessPhones, mobilePhone,
//     faxNumber, mail, otherMails, preferredLanguage, passwordPolicies, and every
//     onPremises* property (onPremisesImmutableId included)
//   writable in the cloud:
//     usageLocation and userType (Entra Connect does not sync them by default), plus what
//     is not a user property: licences, cloud groups, sessions, authentication methods and
//     MFA settings
//
// passwordPolicies follows the facts (§3.10: it fails for synced users). The password
// itself is on-premises too: with password writeback off, a cloud reset is refused
// (errors::PasswordWritebackDisabled()), and deleting a synced user from the cloud is
// refused with errors::OnPremisesMastered() (the admin centers disable Delete for them).

#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365 {

// What Entra Connect knows of a user's on-premises object. Empty strings are "no value".
struct OnPremisesIdentity {
  std::string immutable_id;  // required: the source anchor (e.g. base64 of objectGUID)
  std::string sam_account_name;
  std::string distinguished_name;
  std::string domain_name;          // the AD domain's DNS name, e.g. "corp.contoso.com"
  std::string user_principal_name;  // the on-premises UPN, e.g. "adele@corp.contoso.com"
};

// True if on-premises AD masters `property` (a Graph name, case-insensitive) of a synced
// user. Unknown names are not mastered (they fail as unknown properties instead).
bool IsOnPremisesMastered(std::string_view property);

// Checks `identity` with the catalogue's rules for the onPremises* properties.
// Errors: RequiredProperty("onPremisesImmutableId") when it is empty;
// InvalidPropertyValue(name) for the first field, in catalogue order, breaking its rule.
Status ValidateOnPremisesIdentity(const OnPremisesIdentity& identity);

}  // namespace admin365
