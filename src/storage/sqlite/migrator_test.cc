#include "storage/sqlite/migrator.h"

#include <gtest/gtest.h>

namespace admin365::sqlite {
namespace {

std::unique_ptr<Database> OpenMemory() {
  auto db = Database::Open(":memory:");
  EXPECT_TRUE(db);
  return std::move(*db);
}

bool TableExists(Database& db, const std::string& name) {
  Statement& query = db.Prepare("SELECT count(*) FROM sqlite_master WHERE name = ?");
  query.Bind(1, name);
  EXPECT_TRUE(*query.Step());
  return query.Int(0) == 1;
}

TEST(MigratorTest, FreshDatabaseReachesTheNewestVersion) {
  auto db = OpenMemory();
  ASSERT_TRUE(Migrate(*db));
  EXPECT_EQ(*SchemaVersion(*db), BuiltInMigrations().back().version);
  EXPECT_TRUE(TableExists(*db, "users"));
  EXPECT_TRUE(TableExists(*db, "audit_events"));
}

TEST(MigratorTest, RunningTwiceChangesNothing) {
  auto db = OpenMemory();
  ASSERT_TRUE(Migrate(*db));
  ASSERT_TRUE(Migrate(*db));
  EXPECT_EQ(*SchemaVersion(*db), BuiltInMigrations().back().version);
}

TEST(MigratorTest, FailedMigrationLeavesThePreviousVersionWhole) {
  auto db = OpenMemory();
  const Migration migrations[] = {
      {1, "0001_a", "CREATE TABLE a (x INTEGER);"},
      {2, "0002_broken", "CREATE TABLE b (x INTEGER); CREATE TABLE a (x INTEGER);"},
  };
  auto status = Migrate(*db, migrations);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "Migration 2 (0002_broken) failed: SQLite error 1: table a already exists");
  EXPECT_EQ(*SchemaVersion(*db), 1);
  EXPECT_TRUE(TableExists(*db, "a"));
  EXPECT_FALSE(TableExists(*db, "b"));
}

TEST(MigratorTest, RefusesADatabaseNewerThanTheBinary) {
  auto db = OpenMemory();
  ASSERT_TRUE(db->Exec("PRAGMA user_version = 99"));
  const Migration migrations[] = {{1, "0001_a", "CREATE TABLE a (x INTEGER);"}};
  auto status = Migrate(*db, migrations);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "The database has schema version 99 but this admin365 knows only up to 1; use a "
            "newer admin365.");
  EXPECT_FALSE(TableExists(*db, "a"));
}

TEST(SchemaTest, UserPrincipalNameIsUniqueCaseInsensitivelyAmongActiveUsers) {
  auto db = OpenMemory();
  ASSERT_TRUE(Migrate(*db));
  ASSERT_TRUE(db->Exec(
      "INSERT INTO domains VALUES ('contoso.com', 1, 1, 1, 'Managed', 0);"
      "INSERT INTO users (id, user_principal_name, upn_domain, display_name, mail_nickname,"
      " account_enabled, created_at, last_password_change_at, sessions_valid_from, deleted_at,"
      " password_hash) VALUES ('1', 'adele@contoso.com', 'contoso.com', 'A', 'adele', 1, 0, 0, 0,"
      " NULL, 'h');"));
  auto status = db->Exec(
      "INSERT INTO users (id, user_principal_name, upn_domain, display_name, mail_nickname,"
      " account_enabled, created_at, last_password_change_at, sessions_valid_from,"
      " password_hash) VALUES ('2', 'ADELE@Contoso.com', 'contoso.com', 'A', 'adele', 1, 0, 0, 0,"
      " 'h');");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "SQLite error 19: UNIQUE constraint failed: users.user_principal_name");
  ASSERT_TRUE(db->Exec("UPDATE users SET deleted_at = 5 WHERE id = '1'"));
  EXPECT_TRUE(db->Exec(
      "INSERT INTO users (id, user_principal_name, upn_domain, display_name, mail_nickname,"
      " account_enabled, created_at, last_password_change_at, sessions_valid_from,"
      " password_hash) VALUES ('2', 'ADELE@Contoso.com', 'contoso.com', 'A', 'adele', 1, 0, 0, 0,"
      " 'h');"));
}

TEST(SchemaTest, ProxyAddressIsUniqueWhateverThePrefixCase) {
  auto db = OpenMemory();
  ASSERT_TRUE(Migrate(*db));
  ASSERT_TRUE(db->Exec(
      "INSERT INTO domains VALUES ('contoso.com', 1, 1, 1, 'Managed', 0);"
      "INSERT INTO users (user_key, id, user_principal_name, upn_domain, display_name,"
      " mail_nickname, account_enabled, created_at, last_password_change_at,"
      " sessions_valid_from, password_hash) VALUES (1, '1', 'a@contoso.com', 'contoso.com', 'A',"
      " 'a', 1, 0, 0, 0, 'h'), (2, '2', 'b@contoso.com', 'contoso.com', 'B', 'b', 1, 0, 0, 0,"
      " 'h');"
      "INSERT INTO proxy_addresses VALUES (1, 0, 'SMTP:sales@contoso.com', 'sales@contoso.com', 1);"));
  auto status =
      db->Exec("INSERT INTO proxy_addresses VALUES (2, 0, 'smtp:SALES@contoso.com', 'SALES@contoso.com', 1);");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "SQLite error 19: UNIQUE constraint failed: proxy_addresses.address");
  EXPECT_TRUE(
      db->Exec("INSERT INTO proxy_addresses VALUES (2, 0, 'smtp:SALES@contoso.com', 'SALES@contoso.com', 0);"));
}

}  // namespace
}  // namespace admin365::sqlite
