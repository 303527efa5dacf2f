#include "storage/sqlite/database.h"

#include <fmt/format.h>

namespace admin365::sqlite {

Error SqliteError(sqlite3* db, int rc) {
  std::string message = fmt::format("SQLite error {}: {}", rc,
                                    db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  const int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error::Unavailable(std::move(message));
  }
  return Error::Internal(std::move(message));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

void Statement::Bind(int index, const std::optional<std::string>& value) {
  if (value) {
    Bind(index, std::string_view(*value));
  } else {
    BindNull(index);
  }
}

void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Fail(SqliteError(db_, rc));
}

Status Statement::Run() {
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) return Ok();
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  if (!savepoint_) {
    (void)db_->Exec("ROLLBACK");
  } else if (!sqlite3_get_autocommit(db_->handle())) {
    (void)db_->Exec("ROLLBACK TO batch_write; RELEASE batch_write");
  } else {
    db_->batch_open_ = false;  // SQLite rolled the whole batch back after a fault
    db_->batch_lost_ = true;
  }
}

Status Transaction::Commit() {
  Database* db = std::exchange(db_, nullptr);
  if (savepoint_) {
    if (auto status = db->Exec("RELEASE batch_write"); !status) {
      db->batch_open_ = !sqlite3_get_autocommit(db->handle());
      db->batch_lost_ |= !db->batch_open_;
      if (db->batch_open_) (void)db->Exec("ROLLBACK TO batch_write; RELEASE batch_write");
      return status;
    }
    ++db->batch_writes_;
    return db->CommitBatch(/*now=*/false);
  }
  // No statement may hold the snapshot past the commit, or the automatic checkpoint that
  // follows it could never reset the WAL, which would then grow without bound.
  db->ResetStatements();
  if (auto status = db->Exec("COMMIT"); !status) {
    (void)db->Exec("ROLLBACK");
    return status;
  }
  return Ok();
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    Error error = SqliteError(handle, rc);
    sqlite3_close(handle);
    return Fail(std::move(error));
  }
  std::unique_ptr<Database> db(new Database(handle));
  sqlite3_busy_timeout(handle, 10'000);
  RETURN_IF_ERROR(db->Exec(
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = NORMAL;"
      "PRAGMA foreign_keys = ON;"
      "PRAGMA temp_store = MEMORY;"
      // Reads through a memory map and a 64 MiB page cache: paging through a large tenant
      // touches rows in object-id order, scattered over the file.
      "PRAGMA mmap_size = 1073741824;"
      "PRAGMA cache_size = -65536;"));
  return db;
}

Database::~Database() {
  (void)Flush();  // writes already reported as committed must not vanish with the connection
  statements_.clear();
  sqlite3_close(db_);
}

Status Database::Exec(std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    sqlite3_free(message);
    return Fail(SqliteError(db_, rc));
  }
  return Ok();
}

Statement& Database::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      // A statement admin365 wrote does not compile: a programming error, not input.
      fmt::print(stderr, "admin365: cannot prepare SQL ({}): {}\n", sqlite3_errmsg(db_), sql);
      std::abort();
    }
    it = statements_.emplace(sql, std::make_unique<Statement>(db_, stmt)).first;
  }
  it->second->Reset();
  return *it->second;
}

Result<std::unique_ptr<Statement>> Database::PrepareUncached(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Fail(SqliteError(db_, rc));
  return std::make_unique<Statement>(db_, stmt);
}

Result<Transaction> Database::Begin() {
  if (!batching_) {
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    return Transaction(this, /*savepoint=*/false);
  }
  RETURN_IF_ERROR(CheckBatch());
  if (!batch_open_) {
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    batch_open_ = true;
    batch_writes_ = 0;
    batch_started_ = std::chrono::steady_clock::now();
  }
  RETURN_IF_ERROR(Exec("SAVEPOINT batch_write"));
  return Transaction(this, /*savepoint=*/true);
}

Status Database::CheckBatch() {
  // SQLite rolls a transaction back on its own after some faults (I/O, full disk, memory).
  if (batch_open_ && sqlite3_get_autocommit(db_)) {
    batch_open_ = false;
    batch_lost_ = true;
  }
  if (batch_lost_) {
    return Fail(Error::Internal("a storage fault rolled back the current write batch"));
  }
  return Ok();
}

Status Database::CommitBatch(bool now) {
  RETURN_IF_ERROR(CheckBatch());
  if (!batch_open_) return Ok();
  if (!now && batch_writes_ < kBatchWrites &&
      std::chrono::steady_clock::now() - batch_started_ < kBatchAge) {
    return Ok();
  }
  batch_open_ = false;
  ResetStatements();
  if (auto status = Exec("COMMIT"); !status) {
    (void)Exec("ROLLBACK");
    batch_lost_ = true;
    return status;
  }
  return Ok();
}

Status Database::SetBatching(bool on) {
  Status flushed = Flush();
  batching_ = on;
  batch_lost_ = false;
  return flushed;
}

Status Database::Flush() { return CommitBatch(/*now=*/true); }

void Database::ResetStatements() {
  for (sqlite3_stmt* statement = sqlite3_next_stmt(db_, nullptr); statement != nullptr;
       statement = sqlite3_next_stmt(db_, statement)) {
    if (sqlite3_stmt_busy(statement)) sqlite3_reset(statement);
  }
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

}  // namespace admin365::sqlite
