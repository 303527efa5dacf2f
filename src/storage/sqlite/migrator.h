#pragma once

// Brings a database's schema up to date by running the numbered migrations in
// src/storage/migrations/ (compiled into the binary) that it has not run yet.
//
// The schema version is SQLite's `PRAGMA user_version`. Each migration runs in its own
// transaction together with the version bump, so a crash leaves the previous version.
// A database newer than this binary is refused rather than touched.

#include <span>

#include "common/result.h"
#include "storage/sqlite/database.h"

namespace admin365::sqlite {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// The migrations compiled into this binary, in version order.
std::span<const Migration> BuiltInMigrations();

// Runs the pending migrations. Errors: Internal if a migration fails (nothing of it is
// applied) or if the database's version is newer than the newest built-in one.
Status Migrate(Database& db, std::span<const Migration> migrations = BuiltInMigrations());

// The database's current schema version.
Result<int> SchemaVersion(Database& db);

}  // namespace admin365::sqlite
