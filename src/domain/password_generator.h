#pragma once

// Generated passwords for resets and bulk creation.
//
// 20 characters drawn uniformly from 75 symbols (A-Z a-z 0-9 and !#$%*+-=?@^_~), four of
// them at random positions forced to one of each class so the password always meets the
// 3-of-4 rule. The 16 free positions alone carry 16 * log2(75) = 99.6 bits, the forced ones
// 16.4 more: above the 96 bits that let docs/security.md store such a password under a
// fast keyed hash.

#include <string>

#include "common/random.h"
#include "domain/password_policy.h"

namespace admin365 {

inline constexpr std::size_t kGeneratedPasswordLength = 20;

// A password that passes CheckPassword(…, context). Draws again in the (rare) case that
// the draw contains a banned term or the alias.
std::string GeneratePassword(Random& random, const PasswordContext& context = {});

}  // namespace admin365
