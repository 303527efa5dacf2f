#include "storage/sqlite/database.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace admin365::sqlite {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    std::filesystem::remove(path_);
    auto db = Database::Open(path_.string());
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (k TEXT COLLATE NOCASE UNIQUE, v INTEGER)"));
  }

  std::int64_t Count() {
    Statement& count = db_->Prepare("SELECT count(*) FROM t");
    EXPECT_TRUE(*count.Step());
    return count.Int(0);
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, OpensInWalModeWithForeignKeys) {
  Statement& mode = db_->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(*mode.Step());
  EXPECT_EQ(mode.Text(0), "wal");
  Statement& fk = db_->Prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(*fk.Step());
  EXPECT_EQ(fk.Int(0), 1);
}

TEST_F(DatabaseTest, UncommittedTransactionRollsBack) {
  {
    auto txn = db_->Begin();
    ASSERT_TRUE(txn);
    Statement& insert = db_->Prepare("INSERT INTO t (k, v) VALUES (?, ?)");
    insert.Bind(1, "a");
    insert.Bind(2, 1);
    ASSERT_TRUE(insert.Run());
  }
  EXPECT_EQ(Count(), 0);
}

TEST_F(DatabaseTest, CommittedTransactionPersists) {
  auto txn = db_->Begin();
  ASSERT_TRUE(txn);
  Statement& insert = db_->Prepare("INSERT INTO t (k, v) VALUES (?, ?)");
  insert.Bind(1, "a");
  insert.Bind(2, 1);
  ASSERT_TRUE(insert.Run());
  ASSERT_TRUE(txn->Commit());
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTest, UniqueViolationIsAnInternalError) {
  Statement& insert = db_->Prepare("INSERT INTO t (k, v) VALUES (?, 0)");
  insert.Bind(1, "Adele");
  ASSERT_TRUE(insert.Run());
  Statement& again = db_->Prepare("INSERT INTO t (k, v) VALUES (?, 0)");
  again.Bind(1, "ADELE");
  auto status = again.Run();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(status.error().message,
            "SQLite error 19: UNIQUE constraint failed: t.k");
}

TEST_F(DatabaseTest, HostileTextRoundTripsThroughBindings) {
  const std::string hostile = "x'); DROP TABLE t; --\"\n,;\xC3\xA9";
  Statement& insert = db_->Prepare("INSERT INTO t (k, v) VALUES (?, 0)");
  insert.Bind(1, hostile);
  ASSERT_TRUE(insert.Run());
  Statement& select = db_->Prepare("SELECT k FROM t");
  ASSERT_TRUE(*select.Step());
  EXPECT_EQ(select.Text(0), hostile);
}

TEST_F(DatabaseTest, StatementLeftOnARowBlocksAnotherWriterUntilReset) {
  ASSERT_TRUE(db_->Exec("INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2)"));
  Statement& select = db_->Prepare("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(*select.Step());  // left on its first row: a read transaction stays open
  auto other = Database::Open(path_.string());
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->Exec("INSERT INTO t (k, v) VALUES ('c', 3)"));
  auto stale = db_->Begin();
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::kUnavailable);
  db_->ResetStatements();
  EXPECT_TRUE(db_->Begin());
}

TEST_F(DatabaseTest, CommitReleasesSnapshotsSoTheWalStaysBounded) {
  // Each transaction writes about two pages. Were a statement left on a row to hold its
  // snapshot across commits, the automatic checkpoint could never restart the WAL and
  // 3,000 commits would leave it near 24 MiB; restarted, it stays near the checkpoint
  // threshold of 1,000 pages (4 MiB).
  const std::string payload(4000, 'x');
  for (int i = 0; i < 3000; ++i) {
    Statement& peek = db_->Prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(*peek.Step());  // left on its row inside the transaction
    auto txn = db_->Begin();
    ASSERT_TRUE(txn);
    Statement& insert = db_->Prepare("INSERT INTO t (k, v) VALUES (?, ?)");
    insert.Bind(1, std::to_string(i) + payload);
    insert.Bind(2, i);
    ASSERT_TRUE(insert.Run());
    ASSERT_TRUE(txn->Commit());
  }
  EXPECT_LT(std::filesystem::file_size(path_.string() + "-wal"), 8u * 1024 * 1024);
}

TEST_F(DatabaseTest, SecondWriterGetsUnavailableWhileLocked) {
  auto other = Database::Open(path_.string());
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->Exec("PRAGMA busy_timeout = 0"));
  auto txn = db_->Begin();
  ASSERT_TRUE(txn);
  auto blocked = (*other)->Begin();
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().kind, ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace admin365::sqlite

namespace admin365::sqlite {
namespace {

Status Insert(Database& db, const std::string& key) {
  ASSIGN_OR_RETURN(Transaction transaction, db.Begin());
  Statement& insert = db.Prepare("INSERT INTO t (k, v) VALUES (?, 1)");
  insert.Bind(1, key);
  RETURN_IF_ERROR(insert.Run());
  return transaction.Commit();
}

std::int64_t CountFrom(const std::filesystem::path& path) {
  auto other = Database::Open(path.string());
  EXPECT_TRUE(other) << other.error().message;
  Statement& count = (*other)->Prepare("SELECT count(*) FROM t");
  EXPECT_TRUE(*count.Step());
  return count.Int(0);
}

TEST_F(DatabaseTest, BatchedWritesReachOtherConnectionsAtFlush) {
  ASSERT_TRUE(db_->SetBatching(true));
  ASSERT_TRUE(Insert(*db_, "a"));
  ASSERT_TRUE(Insert(*db_, "b"));
  EXPECT_EQ(Count(), 2);               // this connection sees its batch
  EXPECT_EQ(CountFrom(path_), 0);      // another does not, yet
  ASSERT_TRUE(db_->Flush());
  EXPECT_EQ(CountFrom(path_), 2);
  ASSERT_TRUE(db_->SetBatching(false));
}

TEST_F(DatabaseTest, AFailedWriteInABatchUndoesItselfAlone) {
  ASSERT_TRUE(db_->SetBatching(true));
  ASSERT_TRUE(Insert(*db_, "a"));
  {
    auto transaction = db_->Begin();
    ASSERT_TRUE(transaction);
    Statement& insert = db_->Prepare("INSERT INTO t (k, v) VALUES (?, 2)");
    insert.Bind(1, "b");
    ASSERT_TRUE(insert.Run());
    EXPECT_FALSE(Insert(*db_, "A"));  // a nested savepoint's unique violation
  }                                   // rolled back: "b" goes, "a" stays
  ASSERT_TRUE(Insert(*db_, "c"));
  ASSERT_TRUE(db_->SetBatching(false));  // ends the batch with a commit
  EXPECT_EQ(CountFrom(path_), 2);
  Statement& keys = db_->Prepare("SELECT group_concat(k, ',') FROM (SELECT k FROM t ORDER BY k)");
  ASSERT_TRUE(*keys.Step());
  EXPECT_EQ(keys.Text(0), "a,c");
}

TEST_F(DatabaseTest, ABatchCommitsByItselfAfterKBatchWrites) {
  ASSERT_TRUE(db_->SetBatching(true));
  for (int i = 0; i < Database::kBatchWrites; ++i) ASSERT_TRUE(Insert(*db_, std::to_string(i)));
  EXPECT_EQ(CountFrom(path_), Database::kBatchWrites);
  ASSERT_TRUE(Insert(*db_, "one more"));
  EXPECT_EQ(CountFrom(path_), Database::kBatchWrites);
  ASSERT_TRUE(db_->SetBatching(false));
}

TEST_F(DatabaseTest, ClosingTheConnectionCommitsTheBatch) {
  ASSERT_TRUE(db_->SetBatching(true));
  ASSERT_TRUE(Insert(*db_, "a"));
  db_.reset();
  EXPECT_EQ(CountFrom(path_), 1);
}

}  // namespace
}  // namespace admin365::sqlite
