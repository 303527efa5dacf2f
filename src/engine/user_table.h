#pragma once

// UserTable: the SQL for the `users` table (with the on-premises identity of synchronized
// users) and its collections (proxy addresses, business phones, other mails). It maps
// User <-> rows and nothing more: no rule, no audit, no transaction of its own.
// LocalDirectory calls it inside its transactions.
//
// Errors: Internal/Unavailable from SQLite only, except List (filter and skip-token
// errors, 400).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "directory/directory.h"
#include "domain/user.h"
#include "query/filter_schema.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

struct StoredUser {
  std::int64_t key = 0;  // the row's internal key
  User user;
  std::string password_hash;
};

// The $filter schema of users: every property with a column or a child table.
const query::FilterSchema& UserFilterSchema();

class UserTable {
 public:
  explicit UserTable(sqlite::Database& db) : db_(db) {}

  // The active (deleted == false) or soft-deleted user whose id, or UPN when `id_or_upn`
  // contains '@', matches case-insensitively; nullopt if none.
  Result<std::optional<StoredUser>> Find(std::string_view id_or_upn, bool deleted);

  // Inserts a new active user with its collections; returns its key.
  Result<std::int64_t> Insert(const User& user, std::string_view password_hash);

  // Brings the user at `key` from `before` (as stored) to `after`, writing only the
  // columns and collections that differ: an index is touched only when its column changes.
  Status Update(std::int64_t key, const User& before, const User& after);

  Status SetPassword(std::int64_t key, std::string_view password_hash, UnixSeconds changed_at,
                     bool force_change, bool force_change_with_mfa);

  // Soft-deletes (time set) or restores (nullopt) the user, and (de)activates its proxy
  // addresses accordingly.
  Status SetDeleted(std::int64_t key, std::optional<UnixSeconds> deleted_at);

  // Removes the row and its collections for good.
  Status Remove(std::int64_t key);

  // True if an active user other than `except_key` has this UPN.
  Result<bool> IsUpnTaken(std::string_view upn, std::int64_t except_key);

  // True if an active user other than `except_key` has this onPremisesImmutableId
  // (case-insensitive).
  Result<bool> IsImmutableIdTaken(std::string_view immutable_id, std::int64_t except_key);

  // The active user with this onPremisesImmutableId (case-insensitive), or nullopt: how
  // Entra Connect finds the cloud object of an on-premises one (a hard match).
  Result<std::optional<StoredUser>> FindByImmutableId(std::string_view immutable_id);

  // The first of `proxy_addresses` ("smtp:x@y", any prefix) whose address an active user
  // other than `except_key`, or a group, holds, or nullopt (proxy_address_conflicts.h).
  Result<std::optional<std::string>> FindProxyConflict(
      const std::vector<std::string>& proxy_addresses, std::int64_t except_key);

  // A page of active or deleted users (see UserListOptions).
  Result<UserPage> List(const UserListOptions& options, bool deleted);

  // Directory objects (users, active and deleted, and groups): what counts towards the
  // directory quota.
  Result<long long> CountAll();
  // Users, active and deleted, whose UPN is in `domain`.
  Result<long long> CountInDomain(std::string_view domain);
  // Deleted users whose deletion is older than `cutoff`.
  Result<std::vector<StoredUser>> DeletedBefore(UnixSeconds cutoff);

 private:
  Result<StoredUser> ReadRow(sqlite::Statement& row);
  // True if an active user other than `except_key` has `value` in `column` (a column name
  // of this file's choosing, never input).
  Result<bool> IsHeldByActiveUser(std::string_view column, std::string_view value,
                                  std::int64_t except_key);
  Status WriteCollections(std::int64_t key, const User& user);
  Status WriteProxyAddresses(std::int64_t key, const User& user);
  Status WriteItems(const char* table, std::int64_t key, const std::vector<std::string>& items);
  Status ClearCollection(const char* table, std::int64_t key);

  sqlite::Database& db_;
};

}  // namespace admin365::engine
