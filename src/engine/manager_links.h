#pragma once

// ManagerLinks: the SQL for users' managers (user -> manager, at most one). A manager is
// always an active user: DetachReports runs when one is deleted. No rule, no audit, no
// transaction of its own.
//
// Errors: Internal/Unavailable from SQLite only.

#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.h"
#include "domain/group.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

struct ManagerLink {
  std::int64_t manager_key = 0;
  DirectoryObjectRef manager;
};

class ManagerLinks {
 public:
  explicit ManagerLinks(sqlite::Database& db) : db_(db) {}

  // The manager of the user at `user_key`, or nullopt.
  Result<std::optional<ManagerLink>> ManagerOf(std::int64_t user_key);

  // Sets or replaces the user's manager.
  Status Set(std::int64_t user_key, std::int64_t manager_key);
  Status Remove(std::int64_t user_key);

  // The active users whose manager is `manager_key`, by displayName then id.
  Result<std::vector<DirectoryObjectRef>> Reports(std::int64_t manager_key);

  // Removes every link to `manager_key`; returns the users (active or deleted) that had it,
  // by displayName then id.
  Result<std::vector<DirectoryObjectRef>> DetachReports(std::int64_t manager_key);

 private:
  sqlite::Database& db_;
};

}  // namespace admin365::engine
