#pragma once

// Test-only support for the engine's tests: gtest printers and matchers that compare every
// Error field, the expected Graph errors written out literally (so a test does not trust
// graph_errors.cc to say what is right), and LocalDirectoryTest, a fixture that opens an
// embedded tenant in a fresh temporary data directory with a FakeClock, a SeededRandom and
// cheap Argon2id parameters.

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

namespace admin365 {

inline const char* EngineErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument:
      return "kInvalidArgument";
    case ErrorKind::kNotFound:
      return "kNotFound";
    case ErrorKind::kConflict:
      return "kConflict";
    case ErrorKind::kFailedPrecondition:
      return "kFailedPrecondition";
    case ErrorKind::kPermissionDenied:
      return "kPermissionDenied";
    case ErrorKind::kUnauthenticated:
      return "kUnauthenticated";
    case ErrorKind::kUnavailable:
      return "kUnavailable";
    case ErrorKind::kInternal:
      return "kInternal";
  }
  return "?";
}

inline void PrintTo(ErrorKind kind, std::ostream* os) { *os << EngineErrorKindName(kind); }

inline void PrintTo(const ErrorDetail& detail, std::ostream* os) {
  *os << "{code=\"" << detail.code << "\", target=\"" << detail.target << "\", message=\""
      << detail.message << "\"}";
}

inline void PrintTo(const Error& error, std::ostream* os) {
  *os << "Error{kind=" << EngineErrorKindName(error.kind) << ", http_status=" << error.http_status
      << ", code=\"" << error.code << "\", message=\"" << error.message << "\", target=\""
      << error.target << "\", details=[";
  for (const ErrorDetail& detail : error.details) PrintTo(detail, os);
  *os << "]}";
}

template <class T>
void PrintTo(const Result<T>& result, std::ostream* os) {
  if (result.has_value()) {
    *os << "(success)";
  } else {
    PrintTo(result.error(), os);
  }
}

inline void PrintTo(const PropertyChange& change, std::ostream* os) {
  *os << "{" << change.property << ": "
      << (change.old_value ? "\"" + *change.old_value + "\"" : std::string("null")) << " -> "
      << (change.new_value ? "\"" + *change.new_value + "\"" : std::string("null")) << "}";
}

namespace engine_test {

inline bool CompareErrors(const Error& actual, const Error& expected,
                          ::testing::MatchResultListener* listener) {
  bool same = true;
  auto field = [&](std::string_view name, const auto& got, const auto& want) {
    if (got == want) return;
    same = false;
    *listener << "\n  " << name << " differs: got " << ::testing::PrintToString(got) << ", want "
              << ::testing::PrintToString(want);
  };
  field("kind", actual.kind, expected.kind);
  field("http_status", actual.http_status, expected.http_status);
  field("code", actual.code, expected.code);
  field("message", actual.message, expected.message);
  field("target", actual.target, expected.target);
  field("details", actual.details, expected.details);
  return same;
}

// Matches a failed Status/Result whose error equals `expected` in every field.
MATCHER_P(FailsWith, expected, "fails with " + ::testing::PrintToString(expected)) {
  if (arg.has_value()) {
    *result_listener << "which succeeded";
    return false;
  }
  return CompareErrors(arg.error(), expected, result_listener);
}

// Matches a successful Status/Result, printing the error otherwise.
MATCHER(Succeeds, "succeeds") {
  if (arg.has_value()) return true;
  *result_listener << "which failed with " << ::testing::PrintToString(arg.error());
  return false;
}

// --- The expected errors, spelled out ---

inline Error BadRequest(std::string message, std::string target = "") {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::move(target)};
}

inline Error RequiredProperty(const std::string& property) {
  return BadRequest("A value is required for property '" + property + "' of resource 'User'.",
                    property);
}

inline Error InvalidValue(const std::string& property, const std::string& resource = "User") {
  return BadRequest(
      "Invalid value specified for property '" + property + "' of resource '" + resource + "'.",
      property);
}

inline Error UnknownProperty(const std::string& property) {
  return BadRequest(
      "Property '" + property + "' does not exist as a declared property or extension property.",
      property);
}

inline Error ReadOnlyProperty(const std::string& property) {
  return BadRequest("Property '" + property + "' is read-only and cannot be set.", property);
}

inline Error InvalidUpn() {
  return BadRequest("Property userPrincipalName is invalid.", "userPrincipalName");
}

inline Error UnverifiedUpnDomain() {
  return BadRequest(
      "The domain portion of the userPrincipalName property is invalid. You must use one of the "
      "verified domain names in your organization.",
      "userPrincipalName");
}

inline Error ObjectConflict(const std::string& property) {
  return Error{
      .kind = ErrorKind::kConflict,
      .http_status = 400,
      .code = "Request_BadRequest",
      .message = "Another object with the same value for property " + property + " already exists.",
      .target = property,
      .details = {{.code = "ObjectConflict", .target = property}}};
}

inline Error PasswordComplexity() {
  return BadRequest(
      "The specified password does not comply with password complexity requirements. Please "
      "provide a different password.",
      "passwordProfile");
}

inline Error NotFound(const std::string& id) {
  return Error{.kind = ErrorKind::kNotFound,
               .http_status = 404,
               .code = "Request_ResourceNotFound",
               .message = "Resource '" + id +
                          "' does not exist or one of its queried reference-property objects "
                          "are not present."};
}

inline Error InvalidObjectIdentifier(const std::string& id) {
  return BadRequest("Invalid object identifier '" + id + "'.");
}

inline Error QuotaExceeded() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 400,
               .code = "Directory_QuotaExceeded",
               .message =
                   "The directory object quota limit for the Tenant has been exceeded. "
                   "Please ask your administrator to increase the quota limit or delete "
                   "objects to reduce the used quota."};
}

inline Error InvalidDomainName(const std::string& name) {
  return BadRequest("Domain name '" + name + "' is invalid.", "id");
}

inline Error Precondition(std::string message) {
  Error error = BadRequest(std::move(message));
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

inline Error DomainIsDefaultOrInitial(const std::string& name) {
  return Precondition("Unable to delete domain '" + name +
                      "' because it is the default or initial domain of the tenant.");
}

inline Error DomainInUse(const std::string& name, int count) {
  return Precondition("Unable to delete domain '" + name + "' because it is still referenced by " +
                      std::to_string(count) + " object(s). Move or delete them first.");
}

inline Error DomainNotVerified(const std::string& name) {
  return Precondition("Domain '" + name + "' must be verified before it can be the default.");
}

inline Error RestoreUpnConflict(const std::string& id, const std::string& upn) {
  return Error{.kind = ErrorKind::kConflict,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = "The user '" + id +
                          "' cannot be restored because another object uses its "
                          "userPrincipalName '" +
                          upn + "'. Restore it with a new userPrincipalName.",
               .target = "userPrincipalName",
               .details = {{.code = "ObjectConflict", .target = "userPrincipalName"}}};
}

inline Error TenantNotInitialised() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 409,
               .code = "Tenant_NotInitialised",
               .message = "The tenant is not initialised. Run 'admin365 tenant init'."};
}

inline Error TenantAlreadyInitialised() {
  return Error{.kind = ErrorKind::kConflict,
               .http_status = 409,
               .code = "Tenant_AlreadyInitialised",
               .message = "The tenant is already initialised."};
}

inline Error BadSkipToken() {
  return BadRequest("The specified page token value has expired or is invalid.", "$skiptoken");
}

inline Error BadPageSize(int size) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_UnsupportedQuery",
               .message = "Invalid page size specified: '" + std::to_string(size) +
                          "'. Must be between 1 and 999 inclusive.",
               .target = "$top"};
}

inline Error FilterNotIndexed() {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_UnsupportedQuery",
               .message = "The request uses a filter property that is not indexed",
               .target = "$filter"};
}

// --- Fixture ---

// 2026-01-01T00:00:00Z.
inline constexpr UnixSeconds kStart = 1'767'225'600;
inline constexpr UnixSeconds kDay = 24 * 60 * 60;
inline constexpr std::string_view kInitialDomain = "contoso.onmicrosoft.com";
// Passes the policy for every user the tests create (no banned term, no alias).
inline constexpr std::string_view kGoodPassword = "Vq7#mLp2xT9!";

inline const Actor kActor{"test:alice"};

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
                                 .argon2 = {.ops_limit = 1, .mem_limit = 8192 * 1024},
                                 .object_quota = quota_};
  }

  // Closes the directory and opens the same data directory again (with quota_).
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
  std::optional<long long> quota_;
  std::unique_ptr<LocalDirectory> directory_;
};

// The same fixture without a tenant.
class UninitialisedDirectoryTest : public LocalDirectoryTest {
 protected:
  bool InitialiseTenant() const override { return false; }
};

}  // namespace engine_test
}  // namespace admin365
