#include "engine/sign_in_lockouts.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>

#include "domain/graph_errors.h"

namespace admin365::engine {

namespace {

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream stream(text);
  for (std::string word; stream >> word;) words.push_back(std::move(word));
  return words;
}

}  // namespace

Result<std::optional<StoredLockout>> SignInLockouts::Find(std::int64_t user_key) {
  sqlite::Statement& query = db_.Prepare(
      "SELECT salt, failures, lockouts, locked_until, recent_wrong FROM sign_in_lockouts "
      "WHERE user_key = ?");
  query.Bind(1, user_key);
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return std::optional<StoredLockout>();
  return std::optional<StoredLockout>(
      StoredLockout{.salt = query.Text(0),
                    .state = LockoutState{.failures = static_cast<int>(query.Int(1)),
                                          .lockouts = static_cast<int>(query.Int(2)),
                                          .locked_until = query.Int(3),
                                          .recent_wrong = SplitWords(query.Text(4))}});
}

Status SignInLockouts::Save(std::int64_t user_key, const StoredLockout& lockout) {
  sqlite::Statement& upsert = db_.Prepare(
      "INSERT INTO sign_in_lockouts (user_key, salt, failures, lockouts, locked_until, "
      "recent_wrong) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_key) DO UPDATE SET "
      "salt = excluded.salt, failures = excluded.failures, lockouts = excluded.lockouts, "
      "locked_until = excluded.locked_until, recent_wrong = excluded.recent_wrong");
  upsert.Bind(1, user_key);
  upsert.Bind(2, lockout.salt);
  upsert.Bind(3, lockout.state.failures);
  upsert.Bind(4, lockout.state.lockouts);
  upsert.Bind(5, lockout.state.locked_until);
  upsert.Bind(6, fmt::format("{}", fmt::join(lockout.state.recent_wrong, " ")));
  return upsert.Run();
}

Status SignInLockouts::Clear(std::int64_t user_key) {
  sqlite::Statement& remove = db_.Prepare("DELETE FROM sign_in_lockouts WHERE user_key = ?");
  remove.Bind(1, user_key);
  return remove.Run();
}

Result<LockoutSettings> SignInLockouts::Settings() {
  sqlite::Statement& query =
      db_.Prepare("SELECT lockout_threshold, lockout_duration_seconds FROM tenant");
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return Fail(errors::TenantNotInitialised());
  return LockoutSettings{.threshold = static_cast<int>(query.Int(0)),
                         .duration_seconds = static_cast<int>(query.Int(1))};
}

Status SignInLockouts::SetSettings(const LockoutSettings& settings) {
  sqlite::Statement& update =
      db_.Prepare("UPDATE tenant SET lockout_threshold = ?, lockout_duration_seconds = ?");
  update.Bind(1, settings.threshold);
  update.Bind(2, settings.duration_seconds);
  return update.Run();
}

}  // namespace admin365::engine
