#include "engine/group_members.h"

#include <fmt/format.h>

#include "engine/user_refs.h"

namespace admin365::engine {

Result<bool> GroupMembers::Contains(std::int64_t group_key, std::int64_t user_key) {
  sqlite::Statement& query =
      db_.Prepare(fmt::format("SELECT 1 FROM {} WHERE group_key = ? AND user_key = ?", table_));
  query.Bind(1, group_key);
  query.Bind(2, user_key);
  return query.Step();
}

Status GroupMembers::Add(std::int64_t group_key, std::int64_t user_key, UnixSeconds added_at) {
  sqlite::Statement& insert = db_.Prepare(
      fmt::format("INSERT INTO {} (group_key, user_key, added_at) VALUES (?, ?, ?)", table_));
  insert.Bind(1, group_key);
  insert.Bind(2, user_key);
  insert.Bind(3, added_at);
  return insert.Run();
}

Status GroupMembers::Remove(std::int64_t group_key, std::int64_t user_key) {
  sqlite::Statement& remove =
      db_.Prepare(fmt::format("DELETE FROM {} WHERE group_key = ? AND user_key = ?", table_));
  remove.Bind(1, group_key);
  remove.Bind(2, user_key);
  return remove.Run();
}

Result<std::vector<DirectoryObjectRef>> GroupMembers::List(std::int64_t group_key) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT {} FROM {} m JOIN users u ON u.user_key = m.user_key "
                  "WHERE m.group_key = ? AND u.deleted_at IS NULL ORDER BY u.display_name, u.id",
                  kUserRefColumns, table_));
  query.Bind(1, group_key);
  return ReadUserRefs(query);
}

Result<long long> GroupMembers::CountActive(std::int64_t group_key) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT count(*) FROM {} m JOIN users u ON u.user_key = m.user_key "
                  "WHERE m.group_key = ? AND u.deleted_at IS NULL",
                  table_));
  query.Bind(1, group_key);
  ASSIGN_OR_RETURN(const bool row, query.Step());
  return row ? query.Int(0) : 0;
}

Result<std::vector<MemberId>> GroupMembers::ListAll(std::int64_t group_key) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT u.id, u.deleted_at IS NOT NULL FROM {} m "
                  "JOIN users u ON u.user_key = m.user_key WHERE m.group_key = ? "
                  "ORDER BY u.display_name, u.id",
                  table_));
  query.Bind(1, group_key);
  std::vector<MemberId> members;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return members;
    members.push_back({.id = query.Text(0), .deleted = query.Int(1) != 0});
  }
}

}  // namespace admin365::engine
