#pragma once

// Database: one SQLite connection configured the way admin365 needs it (WAL, foreign
// keys, a busy timeout), with cached prepared statements and RAII transactions.
//
//   ASSIGN_OR_RETURN(auto db, sqlite::Database::Open(path));
//   ASSIGN_OR_RETURN(auto txn, db->Begin());
//   Statement& insert = db->Prepare("INSERT INTO t(a) VALUES (?)");
//   insert.Bind(1, "x");
//   RETURN_IF_ERROR(insert.Run());
//   RETURN_IF_ERROR(txn.Commit());   // a Transaction not committed rolls back
//
// Not thread-safe: a Database belongs to one thread at a time (the caller locks).
// SQLite errors become Error::Unavailable for SQLITE_BUSY/LOCKED, and Error::Internal
// otherwise: callers check uniqueness themselves first, to report Graph's error, and
// treat a constraint violation as a fault.

#include <chrono>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"

namespace admin365::sqlite {

class Database;

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds a parameter (1-based). Strings are copied by SQLite.
  void Bind(int index, std::int64_t value);
  void Bind(int index, std::string_view value);
  void Bind(int index, const char* value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const std::string& value) { Bind(index, std::string_view(value)); }
  void Bind(int index, bool value) { Bind(index, static_cast<std::int64_t>(value)); }
  void Bind(int index, int value) { Bind(index, static_cast<std::int64_t>(value)); }
  void Bind(int index, const std::optional<std::string>& value);
  void BindNull(int index);

  // Steps once. Returns true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  std::string Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;

  // Resets the statement and clears its bindings for the next use.
  void Reset();


 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// A BEGIN IMMEDIATE transaction (or, while the database batches writes, a savepoint in
// the batch's transaction); rolls back on destruction unless committed.
class Transaction {
 public:
  Transaction(Database* db, bool savepoint) : db_(db), savepoint_(savepoint) {}
  Transaction(Transaction&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), savepoint_(other.savepoint_) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  Database* db_;
  bool savepoint_;
};

class Database {
 public:
  // Opens or creates the database at `path` (":memory:" for a private in-memory one).
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements with no parameters and no rows (DDL, PRAGMA).
  Status Exec(std::string_view sql);

  // A prepared statement for `sql`, cached for the connection's lifetime and reset before
  // it is handed out. The reference stays valid until the Database is destroyed; do not
  // use the same text twice at once (nest different statements instead).
  Statement& Prepare(const std::string& sql);

  // A statement for one-off SQL (built per request, e.g. from a $filter): not cached.
  // Error: Internal if the SQL does not compile.
  Result<std::unique_ptr<Statement>> PrepareUncached(const std::string& sql);

  // Starts a write transaction. Fails with Unavailable if the database stays locked
  // beyond the busy timeout.
  Result<Transaction> Begin();

  // Write batching, for bulk work. While on, the transactions Begin() starts are
  // savepoints of one outer transaction: each still commits or rolls back whole, but
  // they reach the disk (and other connections) together, when kBatchWrites of them have
  // committed, when the batch is kBatchAge old, at Flush(), or when batching ends. The
  // outer transaction holds the write lock meanwhile. Flush's error (a storage fault
  // that rolled the outer transaction back) means every write since the last flush is
  // undone.
  static constexpr int kBatchWrites = 512;
  static constexpr std::chrono::milliseconds kBatchAge{200};
  Status SetBatching(bool on);
  Status Flush();

  // Resets every statement still on a row. A statement left on a row keeps a read
  // transaction open, which pins an old snapshot (another connection's writes then make
  // our next Begin() fail) and stops checkpoints from emptying the WAL; call this when an
  // operation is over.
  void ResetStatements();

  std::int64_t changes() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}

  friend class Transaction;
  // Commits the batch's outer transaction when it is due (or `now`).
  Status CommitBatch(bool now);
  // Fails once the batch was lost (and notices when SQLite rolled it back by itself).
  Status CheckBatch();

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  bool batching_ = false;
  bool batch_open_ = false;
  bool batch_lost_ = false;
  int batch_writes_ = 0;
  std::chrono::steady_clock::time_point batch_started_;
};

// The Error for a failed SQLite call on `db` with result code `rc`.
Error SqliteError(sqlite3* db, int rc);

}  // namespace admin365::sqlite
