#pragma once

// GroupTable: the SQL for the `groups` table, its proxy addresses and its licences
// (group-based licensing). It maps Group <->
// rows and nothing more: no rule, no audit, no transaction of its own. LocalDirectory
// calls it inside its transactions.
//
// Errors: Internal/Unavailable from SQLite only.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/group.h"
#include "query/filter.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

struct StoredGroup {
  std::int64_t key = 0;  // the row's internal key
  Group group;
};

class GroupTable {
 public:
  explicit GroupTable(sqlite::Database& db) : db_(db) {}

  // The group whose object id matches case-insensitively, or nullopt.
  Result<std::optional<StoredGroup>> Find(std::string_view id);

  // Every group, by displayName then id.
  Result<std::vector<Group>> List();
  // The groups matching `filter`, by displayName then id. Errors: TranslateFilter's.
  Result<std::vector<Group>> ListMatching(const query::Filter& filter);

  // The groups the user at `user_key` is a direct member of, by displayName then id.
  Result<std::vector<Group>> ListWithMember(std::int64_t user_key);

  // True if a Microsoft 365 group has this mailNickname (case-insensitive).
  Result<bool> IsUnifiedNicknameTaken(std::string_view mail_nickname);

  // Inserts the group with its proxy addresses; returns its key.
  Result<std::int64_t> Insert(const Group& group);

  // Replaces the licences the group gives its members (assignedLicenses), in this order.
  Status SetLicenses(std::int64_t key, const std::vector<AssignedLicense>& licenses);

  // Deletes the group with its proxy addresses, memberships and licences.
  Status Remove(std::int64_t key);

 private:
  Result<StoredGroup> ReadRow(sqlite::Statement& row);
  Result<std::vector<Group>> ReadAll(sqlite::Statement& query);

  sqlite::Database& db_;
};

}  // namespace admin365::engine
