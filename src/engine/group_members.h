#pragma once

// GroupMembers: the SQL for a group's links to users: its direct members, or (GroupLink::
// kOwner) its owners. Rows stay while a user is soft-deleted, hidden from listings, so
// that restoring the user restores its links as Entra does; purging the user or deleting
// the group removes them (foreign keys). No rule, no audit, no transaction of its own.
//
// Errors: Internal/Unavailable from SQLite only.

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/group.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

// A member as UserTable::Find looks it up.
struct MemberId {
  std::string id;
  bool deleted = false;
};

enum class GroupLink { kMember, kOwner };

class GroupMembers {
 public:
  explicit GroupMembers(sqlite::Database& db, GroupLink link = GroupLink::kMember)
      : db_(db), table_(link == GroupLink::kMember ? "group_members" : "group_owners") {}

  Result<bool> Contains(std::int64_t group_key, std::int64_t user_key);
  Status Add(std::int64_t group_key, std::int64_t user_key, UnixSeconds added_at);
  Status Remove(std::int64_t group_key, std::int64_t user_key);

  // The group's members that are active users, by displayName then id.
  Result<std::vector<DirectoryObjectRef>> List(std::int64_t group_key);
  // How many of them there are.
  Result<long long> CountActive(std::int64_t group_key);

  // Every member, soft-deleted ones too, by displayName then id.
  Result<std::vector<MemberId>> ListAll(std::int64_t group_key);

 private:
  sqlite::Database& db_;
  const char* table_;
};

}  // namespace admin365::engine
