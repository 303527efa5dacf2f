#pragma once

// SignInLockouts: the SQL for smart lockout (domain/smart_lockout.h): each user's
// LockoutState, with the salt of its wrong-password fingerprints, and the tenant's
// LockoutSettings. No rule, no audit, no transaction of its own.
//
// Errors: Internal/Unavailable from SQLite only.

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/smart_lockout.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

struct StoredLockout {
  std::string salt;  // hex, for PasswordHasher::Fingerprint
  LockoutState state;
};

class SignInLockouts {
 public:
  explicit SignInLockouts(sqlite::Database& db) : db_(db) {}

  // The user's state, or nullopt when no failure is remembered.
  Result<std::optional<StoredLockout>> Find(std::int64_t user_key);
  Status Save(std::int64_t user_key, const StoredLockout& lockout);
  // Forgets every failure (a successful sign-in, a password reset).
  Status Clear(std::int64_t user_key);

  Result<LockoutSettings> Settings();
  Status SetSettings(const LockoutSettings& settings);

 private:
  sqlite::Database& db_;
};

}  // namespace admin365::engine
