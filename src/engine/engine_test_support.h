#pragma once

// Test-only support for the engine's tests: a printer for PropertyChange, the test constants,
// MakeNewUser, RefOf and the group builders, and LocalDirectoryTest, a fixture that opens an
// embedded tenant in a fresh temporary data directory with a FakeClock, a SeededRandom and cheap
// Argon2id parameters. Error printers and matchers come from testutil/error_matchers.h and the
// literal expected errors (admin365::expected) from testutil/expected_errors.h; both are included
// here.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/random.h"
#include "common/result.h"
#include "directory/directory.h"
#include "domain/user.h"
#include "engine/local_directory.h"
#include "storage/sqlite/database.h"
#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {

inline void PrintTo(const PropertyChange& change, std::ostream* os) {
  *os << "{" << change.property << ": "
      << (change.old_value ? "\"" + *change.old_value + "\"" : std::string("null")) << " -> "
      << (change.new_value ? "\"" + *change.new_value + "\"" : std::string("null")) << "}";
}

namespace engine_test {

// --- Fixture ---

// 2026-01-01T00:00:00Z.
inline constexpr UnixSeconds kStart = 1'767'225'600;
inline constexpr UnixSeconds kDay = 24 * 60 * 60;
inline constexpr std::string_view kInitialDomain = "contoso.onmicrosoft.com";
// Passes the policy for every user the tests create (no banned term, no alias).
inline constexpr std::string_view kGoodPassword = "Vq7#mLp2xT9!";

inline const Actor kActor{"test:alice"};

// An object id no object has.
inline constexpr std::string_view kUnknownId = "00000000-0000-4000-8000-000000000000";

// `user` as a member or manager listing shows it.
inline DirectoryObjectRef RefOf(const User& user) {
  return DirectoryObjectRef{.id = user.id,
                            .object_type = "user",
                            .display_name = user.display_name,
                            .user_principal_name = user.user_principal_name};
}

// A security group creation.
inline NewGroup SecurityGroup(const std::string& display_name, const std::string& nickname) {
  return NewGroup{.display_name = display_name, .mail_nickname = nickname};
}

// A Microsoft 365 (Unified) group creation.
inline NewGroup M365Group(const std::string& display_name, const std::string& nickname) {
  return NewGroup{.display_name = display_name,
                  .mail_nickname = nickname,
                  .mail_enabled = true,
                  .security_enabled = false,
                  .group_types = {"Unified"}};
}

// A user creation with the five required properties; UPN "<alias>@<domain>".
inline NewUser MakeNewUser(const std::string& alias, const std::string& display_name,
                           const std::string& domain = std::string(kInitialDomain),
                           std::string password = std::string(kGoodPassword)) {
  NewUser request;
  request.properties["accountEnabled"] = true;
  request.properties["displayName"] = display_name;
  request.properties["mailNickname"] = alias;
  request.properties["userPrincipalName"] = alias + "@" + domain;
  request.password_profile = PasswordProfile{.password = std::move(password)};
  return request;
}

class LocalDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/admin365-engine-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
    data_dir_ = root_ / "data";
    Reopen();
    ASSERT_NE(directory_, nullptr);
    if (InitialiseTenant()) {
      ASSERT_THAT(directory_->InitializeTenant(kActor, "Contoso", "contoso"), Succeeds());
    }
  }

  void TearDown() override {
    directory_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }

  // Whether SetUp initialises the "Contoso" tenant.
  virtual bool InitialiseTenant() const { return true; }

  LocalDirectoryOptions Options() {
    return LocalDirectoryOptions{.data_directory = data_dir_,
                                 .clock = &clock_,
                                 .random = &random_,
                                 .argon2 = {.ops_limit = 1, .mem_limit = 8192 * 1024}};
  }

  // Closes the directory and opens the same data directory again.
  void Reopen() {
    directory_.reset();
    auto opened = LocalDirectory::Open(Options());
    ASSERT_THAT(opened, Succeeds());
    directory_ = std::move(*opened);
  }

  void AddVerifiedDomain(const std::string& name) {
    ASSERT_THAT(directory_->AddDomain(kActor, name), Succeeds());
    ASSERT_THAT(directory_->VerifyDomain(kActor, name), Succeeds());
  }

  // Creates a user that must succeed.
  User Create(const NewUser& request) {
    auto created = directory_->CreateUser(kActor, request, false);
    EXPECT_THAT(created, Succeeds());
    return created ? created->user : User{};
  }
  User Create(const std::string& alias, const std::string& display_name,
              const std::string& domain = std::string(kInitialDomain)) {
    return Create(MakeNewUser(alias, display_name, domain));
  }

  // Fast creation for bulk fixtures: a generated must-change password (keyed hash).
  User CreateFast(const std::string& alias, const std::string& display_name,
                  const PropertyMap& extra = {}) {
    NewUser request = MakeNewUser(alias, display_name);
    request.password_profile = PasswordProfile{.force_change_password_next_sign_in = true};
    for (const auto& [name, value] : extra) request.properties[name] = value;
    auto created = directory_->CreateUser(kActor, request, true);
    EXPECT_THAT(created, Succeeds());
    return created ? created->user : User{};
  }

  // Creates a group that must succeed.
  Group CreateGroup(const NewGroup& request) {
    auto created = directory_->CreateGroup(kActor, request);
    EXPECT_THAT(created, Succeeds());
    return created ? *created : Group{};
  }

  User Get(std::string_view id) {
    auto user = directory_->GetUser(id);
    EXPECT_THAT(user, Succeeds());
    return user ? *user : User{};
  }

  std::vector<AuditEvent> Events(const std::string& target_id = "") {
    auto events = directory_->ListAuditEvents(AuditQuery{.target_id = target_id, .limit = 100000});
    EXPECT_THAT(events, Succeeds());
    return events ? *events : std::vector<AuditEvent>{};
  }

  std::size_t EventCount() { return Events().size(); }

  // A second connection to tenant.db, for reading what the engine stored.
  std::unique_ptr<sqlite::Database> OpenDatabase() {
    auto db = sqlite::Database::Open((data_dir_ / "tenant.db").string());
    EXPECT_THAT(db, Succeeds());
    return db ? std::move(*db) : nullptr;
  }

  std::optional<std::string> QueryText(const std::string& sql, const std::string& param = "") {
    auto db = OpenDatabase();
    if (!db) return std::nullopt;
    auto statement = db->PrepareUncached(sql);
    EXPECT_THAT(statement, Succeeds());
    if (!statement) return std::nullopt;
    if (sql.find('?') != std::string::npos) (*statement)->Bind(1, param);
    auto row = (*statement)->Step();
    if (!row || !*row) return std::nullopt;
    return (*statement)->OptionalText(0);
  }

  long long CountRows(const std::string& table) {
    const auto text = QueryText("SELECT count(*) FROM " + table);
    return text ? std::stoll(*text) : -1;
  }

  std::string PasswordHashOf(const std::string& user_id) {
    return QueryText("SELECT password_hash FROM users WHERE id = ?", user_id).value_or("");
  }

  // Every byte of every file in the data directory (database, WAL, key).
  std::string DataDirectoryBytes() const {
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir_)) {
      std::ifstream in(entry.path(), std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
  }

  std::filesystem::path root_;
  std::filesystem::path data_dir_;
  FakeClock clock_{kStart};
  SeededRandom random_{20260101};
  std::unique_ptr<LocalDirectory> directory_;
};

// The same fixture without a tenant.
class UninitialisedDirectoryTest : public LocalDirectoryTest {
 protected:
  bool InitialiseTenant() const override { return false; }
};

}  // namespace engine_test
}  // namespace admin365
