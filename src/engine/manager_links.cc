#include "engine/manager_links.h"

#include <fmt/format.h>

#include "engine/user_refs.h"

namespace admin365::engine {

Result<std::optional<ManagerLink>> ManagerLinks::ManagerOf(std::int64_t user_key) {
  sqlite::Statement& query = db_.Prepare(fmt::format(
      "SELECT {}, u.user_key FROM user_managers l JOIN users u ON u.user_key = l.manager_key "
      "WHERE l.user_key = ?",
      kUserRefColumns));
  query.Bind(1, user_key);
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return std::optional<ManagerLink>();
  return std::optional<ManagerLink>(
      ManagerLink{.manager_key = query.Int(3),
                  .manager = DirectoryObjectRef{.id = query.Text(0),
                                                .object_type = "user",
                                                .display_name = query.Text(1),
                                                .user_principal_name = query.Text(2)}});
}

Status ManagerLinks::Set(std::int64_t user_key, std::int64_t manager_key) {
  sqlite::Statement& upsert = db_.Prepare(
      "INSERT INTO user_managers (user_key, manager_key) VALUES (?, ?) "
      "ON CONFLICT (user_key) DO UPDATE SET manager_key = excluded.manager_key");
  upsert.Bind(1, user_key);
  upsert.Bind(2, manager_key);
  return upsert.Run();
}

Status ManagerLinks::Remove(std::int64_t user_key) {
  sqlite::Statement& remove = db_.Prepare("DELETE FROM user_managers WHERE user_key = ?");
  remove.Bind(1, user_key);
  return remove.Run();
}

Result<std::vector<DirectoryObjectRef>> ManagerLinks::Reports(std::int64_t manager_key) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT {} FROM user_managers l JOIN users u ON u.user_key = l.user_key "
                  "WHERE l.manager_key = ? AND u.deleted_at IS NULL ORDER BY u.display_name, u.id",
                  kUserRefColumns));
  query.Bind(1, manager_key);
  return ReadUserRefs(query);
}

Result<std::vector<DirectoryObjectRef>> ManagerLinks::DetachReports(std::int64_t manager_key) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT {} FROM user_managers l JOIN users u ON u.user_key = l.user_key "
                  "WHERE l.manager_key = ? ORDER BY u.display_name, u.id",
                  kUserRefColumns));
  query.Bind(1, manager_key);
  ASSIGN_OR_RETURN(std::vector<DirectoryObjectRef> reports, ReadUserRefs(query));
  sqlite::Statement& remove = db_.Prepare("DELETE FROM user_managers WHERE manager_key = ?");
  remove.Bind(1, manager_key);
  RETURN_IF_ERROR(remove.Run());
  return reports;
}

}  // namespace admin365::engine
