#pragma once

// Creating users from a template: a technician's few fields (or a bulk CSV row) plus a
// validated template become one complete creation (manage/user_creation.h), with the
// naming collisions resolved.
//
// Naming collisions. The UPN's local part L and the mailNickname N built by the
// template's patterns are tried together as (L, N), then (L2, N2), (L3, N3), ... up to
// (L999, N999), each number cutting L or N first so the result fits in 64 characters
// (template_naming.h, WithNumber). A candidate is free when
//   - no active user has the UPN L@domain, the mailNickname N, or the proxy address
//     smtp:L@domain (a former UPN kept as an alias);
//   - no user in the recycle bin has that UPN or mailNickname (it could be restored);
//   - no earlier row of the same job took either name (NameReservations).
// When the mailNickname pattern is empty, N is L. A userPrincipalName or mailNickname the
// technician gives (where the template lets them) is used as given, without numbering.
// Another writer may still take a name between the check and the creation; the creation
// then fails with the directory's ObjectConflict.

#include <string>
#include <string_view>

#include "common/random.h"
#include "common/result.h"
#include "directory/directory.h"
#include "domain/user.h"
#include "manage/name_reservations.h"
#include "manage/template_rules.h"
#include "manage/template_validation.h"
#include "manage/user_creation.h"

namespace admin365::manage {

struct TemplateCreation {
  UserCreation creation;
  std::string origin;  // Actor::origin for its writes: `template "Sales" v3`
  // The password in creation.user.password_profile was generated from the template's
  // policy: show it once to whoever asked for the creation, never log it.
  bool password_generated = false;
};

// Builds the creation of one user: ApplyTemplateRules, naming with collision resolution
// (above; the chosen names are reserved in `taken_in_job`, and stay reserved if the
// creation later fails), then the user's properties (`accountEnabled` true unless a field
// says otherwise; booleans "true"/"false"; collections ';'-separated), its password
// (given in field `password`, else drawn from `random` with the template's length and
// classes so that it passes domain/password_policy), usage location, the template's and
// matching rules' licences and groups, the groups named in field `groups` (names or ids,
// ';'-separated), `manager`, and the MFA settings. Writes nothing.
// Errors: ApplyTemplateRules' and naming's (RejectedInput, target the field);
// RejectedInput("groups") for a group in the input that does not exist or is ambiguous,
// ("accountEnabled", ...) for a boolean that is not true/false, ("userPrincipalName") when
// no number up to 999 is free or a given UPN was taken by an earlier row; the directory's
// read errors.
Result<TemplateCreation> BuildCreationFromTemplate(const ResolvedTemplate& resolved,
                                                   const TemplateInput& input,
                                                   NameReservations& taken_in_job,
                                                   Directory& directory, Random& random);

// BuildCreationFromTemplate, then CreateUserCompletely with `actor` carrying the
// template's origin: the whole user or nothing (a failing later step rolls the creation
// back and returns that step's error, target its field). The generated password, if
// any, is returned in CreatedUser::generated_password.
Result<CreatedUser> CreateUserFromTemplate(Directory& directory, const Actor& actor,
                                           const ResolvedTemplate& resolved,
                                           const TemplateInput& input,
                                           NameReservations& taken_in_job, Random& random);

}  // namespace admin365::manage
