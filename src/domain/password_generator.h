#pragma once

// Generated passwords for resets and bulk creation.
//
// 20 characters drawn uniformly from 75 symbols (A-Z a-z 0-9 and !#$%*+-=?@^_~), four of
// them at random positions forced to one of each class so the password always meets the
// 3-of-4 rule. The 16 free positions alone carry 16 * log2(75) = 99.6 bits, the forced ones
// 16.4 more: above the 96 bits that let docs/security.md store such a password under a
// fast keyed hash. A password never begins with '+', '-', '=' or '@' (a spreadsheet would
// read it as a formula, common/csv_writer.h): redrawing those costs 0.08 bits.

#include <string>

#include "common/random.h"
#include "domain/password_policy.h"

namespace admin365 {

inline constexpr std::size_t kGeneratedPasswordLength = 20;

// The length and character classes of a generated password (creation templates let an
// admin choose them). Symbols are !#$%*+-=?@^_~.
struct PasswordShape {
  std::size_t length = kGeneratedPasswordLength;
  bool lower = true;
  bool upper = true;
  bool digits = true;
  bool symbols = true;
};

// A password that passes CheckPassword(…, context). Draws again in the (rare) case that
// the draw contains a banned term or the alias, or begins like a formula.
std::string GeneratePassword(Random& random, const PasswordContext& context = {});

// The same for `shape`: `shape.length` characters drawn uniformly from its classes, one
// of each class forced into a distinct random position. The shape must be able to pass
// the policy: 8-256 characters and, when context.strong, at least 3 classes.
std::string GeneratePassword(Random& random, const PasswordShape& shape,
                             const PasswordContext& context = {});

}  // namespace admin365
