#pragma once

// CreateUserCompletely: M365 Manager Plus's single form in one step: the user (with its
// usage location and, through an Exchange plan, its mailbox), then its licences, groups,
// manager and MFA settings. If a step after the creation fails, the user is deleted and
// purged again and the step's error is returned: no half user is left behind.
//
// Each write is one step of `actor.job_step` when set (step 0 the creation, then 1, 2, ...
// in the order below), so that a bulk job resumed after a crash passes the steps that
// committed in `committed_steps` and the creation carries on from the first missing one.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "directory/directory.h"
#include "domain/authentication.h"
#include "domain/licensing.h"
#include "domain/user.h"

namespace admin365::manage {

struct UserCreation {
  NewUser user;
  bool generate_password = false;  // with no password in user.password_profile
  std::vector<AssignedLicense> licenses;
  std::vector<std::string> groups;     // group object ids
  std::optional<std::string> manager;  // id or UPN of an active user
  std::optional<PerUserMfaState> mfa_state;
  std::optional<std::string> default_method;  // signInPreferences' preferred method
};

// Steps, in order: create; assignLicense (when licences); one per group; manager; MFA
// state; default method. Errors: the failing step's, its target naming the field
// ("addLicenses", "groups", "manager", "mfaState", "defaultMethod") for steps after the
// creation.
Result<CreatedUser> CreateUserCompletely(Directory& directory, const Actor& actor,
                                         const UserCreation& creation,
                                         const std::set<int>& committed_steps = {});

}  // namespace admin365::manage
