#pragma once

// The cloud password policy (entra-graph-facts.md §3.2) and Entra Password Protection's
// banned-password evaluation.
//
// A password is accepted when it
//   1. has 8-256 characters, all printable ASCII or space (no Unicode, no controls);
//   2. has characters from 3 of the 4 classes lower, upper, digit, symbol (waived when the
//      user has passwordPolicies DisableStrongPassword);
//   3. does not contain the user's alias (mailNickname or UPN alias), case-insensitively;
//   4. scores at least 5 points in the banned-password evaluation: the password is
//      lower-cased and common substitutions undone (0->o, 1->l, $->s, @->a); every banned
//      term found in it, allowing one edit, and every personal term (given name, surname,
//      tenant name, 4+ characters) found as a substring counts one point; every character
//      not inside a found term counts one point.
// Every failure is errors::PasswordComplexity(), Entra's single message for all of them.

#include <span>
#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365 {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 256;

struct PasswordContext {
  std::string_view alias;        // the mailNickname or the UPN's alias
  std::string_view given_name;
  std::string_view surname;
  std::string_view tenant_name;  // the tenant's display name
  bool strong = true;            // false with passwordPolicies DisableStrongPassword
};

Status CheckPassword(std::string_view password, const PasswordContext& context);

// The global banned terms, already normalised.
std::span<const std::string_view> GlobalBannedPasswords();

// The banned-password score described above (exposed for tests and diagnostics).
int BannedPasswordScore(std::string_view password, const PasswordContext& context);

}  // namespace admin365
