#pragma once

// The password policy as the embedded tenant applies it to one user, the passwords it
// generates for them, and how a reset is audited: shared by user creation, password resets
// and activation.

#include <string>
#include <string_view>
#include <vector>

#include "common/random.h"
#include "common/result.h"
#include "directory/directory.h"
#include "domain/audit_event.h"
#include "domain/user.h"

namespace admin365::engine {

// Checks `password` against Entra's policy for `user` in the tenant named `tenant_name`
// (domain/password_policy.h): the alias rule covers both the mailNickname and the UPN's
// alias, which may differ; DisableStrongPassword waives the 3-of-4 rule. Error:
// PasswordComplexity().
Status CheckUserPassword(std::string_view password, const User& user,
                         const std::string& tenant_name);

// A random password (drawn from `random`) that passes CheckUserPassword.
std::string GenerateUserPassword(Random& random, const User& user, const std::string& tenant_name);

// The audit changes of a password reset of `before`: passwordProfile (redacted both ways),
// then each force-change flag `change` turns on or off.
std::vector<PropertyChange> PasswordResetChanges(const User& before, const PasswordChange& change);

}  // namespace admin365::engine
