#pragma once

// The tenant-independent half of validating a user creation or update.
//
// POST /users validates in this order, and reports only the first failure:
//   1. required properties, in the order accountEnabled, displayName, mailNickname,
//      passwordProfile, userPrincipalName -> RequiredProperty(name);
//   2. unknown or read-only properties -> UnknownProperty / ReadOnlyProperty;
//   3. userPrincipalName syntax -> InvalidUserPrincipalName();
//   4. every other property's type, length and value rule, in catalogue order
//      -> InvalidPropertyValue(name);
//   5. (directory) the UPN's domain is a verified domain -> UnverifiedUpnDomain();
//   6. (directory) the UPN and the derived proxy addresses are unique -> ObjectConflict;
//   7. (directory) the password policy -> PasswordComplexity();
//   8. (directory) the object quota -> DirectoryQuotaExceeded().
// Steps 1-4 are pure and live here; the directory runs 5-8 against the tenant.

#include <string>

#include "common/result.h"
#include "domain/user.h"

namespace admin365 {

struct ValidatedNewUser {
  User user;  // no id or timestamps yet
  PasswordProfile password_profile;
};

// Steps 1-4 for a creation. The password itself is checked by the directory (step 7),
// which knows the tenant name; an empty password fails step 1.
Result<ValidatedNewUser> ValidateNewUser(const NewUser& request);

// Steps 2-4 for a partial update: applies `patch` to a copy of `current`. A
// userPrincipalName in the patch is syntax-checked here; the directory checks its domain
// and uniqueness. Returns the updated user.
Result<User> ApplyUserPatch(const User& current, const PropertyMap& patch);

}  // namespace admin365
