#include "storage/sqlite/migrator.h"

#include <fmt/format.h>

namespace admin365::sqlite {

Result<int> SchemaVersion(Database& db) {
  Statement& query = db.Prepare("PRAGMA user_version");
  ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return Fail(Error::Internal("PRAGMA user_version returned no row"));
  return static_cast<int>(query.Int(0));
}

Status Migrate(Database& db, std::span<const Migration> migrations) {
  ASSIGN_OR_RETURN(const int current, SchemaVersion(db));
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest) {
    return Fail(Error::Internal(fmt::format(
        "The database has schema version {} but this admin365 knows only up to {}; "
        "use a newer admin365.",
        current, newest)));
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    ASSIGN_OR_RETURN(auto txn, db.Begin());
    if (auto status = db.Exec(migration.sql); !status) {
      return Fail(Error::Internal(fmt::format("Migration {} ({}) failed: {}", migration.version,
                                              migration.name, status.error().message)));
    }
    RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA user_version = {}", migration.version)));
    RETURN_IF_ERROR(txn.Commit());
  }
  return Ok();
}

}  // namespace admin365::sqlite
