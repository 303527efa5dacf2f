#pragma once

// AuthenticationTable: the SQL for a user's authentication methods and MFA settings
// (tables user_mfa_settings, user_allowed_methods, user_phone_methods and
// user_email_methods of migration 0004). It maps AuthenticationInfo <-> rows and nothing
// more: no rule, no audit, no transaction of its own; LocalDirectory calls it inside its
// transactions, with values it has validated (domain/authentication_rules.h). Rows go with
// the user when it is purged (ON DELETE CASCADE).
//
// Errors: Internal/Unavailable from SQLite only.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/authentication.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

class AuthenticationTable {
 public:
  explicit AuthenticationTable(sqlite::Database& db) : db_(db) {}

  // The user's settings and methods (defaults where nothing is stored), phones in the order
  // mobile, alternateMobile, office, allowed methods in Graph's order. The password method
  // is left default: it lives on the user's row.
  Result<AuthenticationInfo> Load(std::int64_t user_key);

  Status SetMfaState(std::int64_t user_key, PerUserMfaState state);
  Status SetSignInPreferences(std::int64_t user_key, const SignInPreferences& preferences);
  // Replaces the allowed list; empty allows every method.
  Status SetAllowedMethods(std::int64_t user_key, const std::vector<std::string>& methods);
  // Adds or replaces the phone of `phone_type`.
  Status SetPhone(std::int64_t user_key, std::string_view phone_type, std::string_view number);
  Status RemovePhone(std::int64_t user_key, std::string_view phone_type);
  Status SetEmail(std::int64_t user_key, std::string_view address);
  Status RemoveEmail(std::int64_t user_key);

 private:
  sqlite::Database& db_;
};

}  // namespace admin365::engine
