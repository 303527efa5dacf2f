#include "server/app_registry.h"

#include <fmt/format.h>

#include <algorithm>

#include "server/permissions.h"

namespace admin365::server {

namespace {

constexpr std::size_t kSecretLength = 40;
// Entra's secrets use letters, digits and "~.-_"; all are safe in a form body.
constexpr std::string_view kSecretAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~.-_";

Error AppNotFound(std::string_view client_id) {
  return Error{.kind = ErrorKind::kNotFound,
               .http_status = 404,
               .code = "AppNotFound",
               .message = fmt::format("No app registration has the client id '{}'.", client_id)};
}

Error InvalidArgument(std::string code, std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = std::move(code),
               .message = std::move(message)};
}

std::string GenerateSecret(Random& random) {
  std::string secret;
  for (std::size_t i = 0; i < kSecretLength; ++i) {
    secret += kSecretAlphabet[random.Uniform(static_cast<std::uint32_t>(kSecretAlphabet.size()))];
  }
  return secret;
}

}  // namespace

Result<std::unique_ptr<AppRegistry>> AppRegistry::Open(const std::filesystem::path& data_directory,
                                                       const Clock& clock, Random& random) {
  ASSIGN_OR_RETURN(auto db, sqlite::Database::Open((data_directory / "tenant.db").string()));
  sqlite::Statement& probe =
      db->Prepare("SELECT count(*) FROM sqlite_master WHERE name = 'app_registrations'");
  ASSIGN_OR_RETURN(const bool row, probe.Step());
  if (!row || probe.Int(0) != 1) {
    return Fail(
        Error::Internal("The tenant database has no app registrations table; open it "
                        "with LocalDirectory first so that it is migrated."));
  }
  probe.Reset();
  ASSIGN_OR_RETURN(const PasswordKey key,
                   LoadOrCreatePasswordKey(data_directory / "password.key", random));
  return std::unique_ptr<AppRegistry>(
      new AppRegistry(std::move(db), PasswordHasher(key, {}, random), clock, random));
}

AppRegistry::AppRegistry(std::unique_ptr<sqlite::Database> db, PasswordHasher hasher,
                         const Clock& clock, Random& random)
    : db_(std::move(db)), hasher_(std::move(hasher)), clock_(clock), random_(random) {}

AppRegistry::~AppRegistry() = default;

Result<std::pair<NewSecret, std::string>> AppRegistry::MakeSecret(std::string_view description,
                                                                  int valid_days) {
  if (valid_days < 1 || valid_days > kMaxSecretValidityDays) {
    return Fail(InvalidArgument(
        "InvalidSecretLifetime",
        fmt::format("A client secret is valid for 1 to {} days.", kMaxSecretValidityDays)));
  }
  if (description.size() > 120) {
    return Fail(InvalidArgument("InvalidDisplayName",
                                "A client secret's description has at most 120 characters."));
  }
  NewSecret created;
  created.secret = GenerateSecret(random_);
  ASSIGN_OR_RETURN(std::string hash, hasher_.HashChosen(created.secret));
  const UnixSeconds now = clock_.Now();
  created.credential = AppSecret{.key_id = NewUuid(random_),
                                 .display_name = std::string(description),
                                 .hint = created.secret.substr(0, 3),
                                 .start_date_time = now,
                                 .end_date_time = now + valid_days * 86'400LL};
  return std::pair(std::move(created), std::move(hash));
}

Status AppRegistry::InsertSecretLocked(std::string_view client_id, const AppSecret& secret,
                                       const std::string& hash) {
  sqlite::Statement& insert = db_->Prepare(
      "INSERT INTO app_secrets (key_id, client_id, display_name, hint, secret_hash, start_at, "
      "end_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.Bind(1, secret.key_id);
  insert.Bind(2, client_id);
  insert.Bind(3, secret.display_name);
  insert.Bind(4, secret.hint);
  insert.Bind(5, hash);
  insert.Bind(6, secret.start_date_time);
  insert.Bind(7, secret.end_date_time);
  return insert.Run();
}

Result<NewApp> AppRegistry::Add(std::string_view display_name) {
  if (display_name.empty() || display_name.size() > 120) {
    return Fail(InvalidArgument("InvalidDisplayName",
                                "An app's display name has 1 to 120 characters."));
  }
  ASSIGN_OR_RETURN(auto secret, MakeSecret("", kDefaultSecretValidityDays));
  NewApp created{.app = AppRegistration{.client_id = NewUuid(random_),
                                        .display_name = std::string(display_name),
                                        .secrets = {secret.first.credential},
                                        .created_date_time = clock_.Now()},
                 .secret = std::move(secret.first.secret)};
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(auto txn, db_->Begin());
  sqlite::Statement& insert = db_->Prepare(
      "INSERT INTO app_registrations (client_id, display_name, created_at) VALUES (?, ?, ?)");
  insert.Bind(1, created.app.client_id);
  insert.Bind(2, created.app.display_name);
  insert.Bind(3, created.app.created_date_time);
  RETURN_IF_ERROR(insert.Run());
  RETURN_IF_ERROR(
      InsertSecretLocked(created.app.client_id, created.app.secrets.front(), secret.second));
  RETURN_IF_ERROR(txn.Commit());
  return created;
}

Result<NewSecret> AppRegistry::AddSecret(std::string_view client_id, std::string_view description,
                                         int valid_days) {
  ASSIGN_OR_RETURN(auto secret, MakeSecret(description, valid_days));
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(const AppRegistration app, GetLocked(client_id));
  RETURN_IF_ERROR(InsertSecretLocked(app.client_id, secret.first.credential, secret.second));
  return std::move(secret.first);
}

Status AppRegistry::RemoveSecret(std::string_view client_id, std::string_view key_id) {
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(const AppRegistration app, GetLocked(client_id));
  sqlite::Statement& remove =
      db_->Prepare("DELETE FROM app_secrets WHERE client_id = ? AND key_id = lower(?)");
  remove.Bind(1, app.client_id);
  remove.Bind(2, key_id);
  RETURN_IF_ERROR(remove.Run());
  if (db_->changes() == 0) {
    return Fail(Error{.kind = ErrorKind::kNotFound,
                      .http_status = 404,
                      .code = "SecretNotFound",
                      .message = fmt::format("App '{}' has no client secret with the key id '{}'.",
                                             app.client_id, key_id)});
  }
  return Ok();
}

Result<std::vector<AppRegistration>> AppRegistry::List() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> ids;
  sqlite::Statement& select =
      db_->Prepare("SELECT client_id FROM app_registrations ORDER BY created_at, client_id");
  while (true) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    ids.push_back(select.Text(0));
  }
  std::vector<AppRegistration> apps;
  for (const std::string& id : ids) {
    ASSIGN_OR_RETURN(AppRegistration app, GetLocked(id));
    apps.push_back(std::move(app));
  }
  return apps;
}

Result<AppRegistration> AppRegistry::Get(std::string_view client_id) {
  std::lock_guard lock(mutex_);
  return GetLocked(client_id);
}

Result<AppRegistration> AppRegistry::GetLocked(std::string_view client_id) {
  sqlite::Statement& select = db_->Prepare(
      "SELECT client_id, display_name, created_at FROM app_registrations "
      "WHERE client_id = lower(?)");
  select.Bind(1, client_id);
  ASSIGN_OR_RETURN(const bool found, select.Step());
  if (!found) return Fail(AppNotFound(client_id));
  AppRegistration app{.client_id = select.Text(0),
                      .display_name = select.Text(1),
                      .created_date_time = select.Int(2)};
  select.Reset();
  sqlite::Statement& secrets = db_->Prepare(
      "SELECT key_id, display_name, hint, start_at, end_at FROM app_secrets WHERE client_id = ? "
      "ORDER BY start_at, key_id");
  secrets.Bind(1, app.client_id);
  while (true) {
    ASSIGN_OR_RETURN(const bool row, secrets.Step());
    if (!row) break;
    app.secrets.push_back(AppSecret{.key_id = secrets.Text(0),
                                    .display_name = secrets.Text(1),
                                    .hint = secrets.Text(2),
                                    .start_date_time = secrets.Int(3),
                                    .end_date_time = secrets.Int(4)});
  }
  sqlite::Statement& permissions = db_->Prepare(
      "SELECT permission FROM app_permissions WHERE client_id = ? ORDER BY permission");
  permissions.Bind(1, app.client_id);
  while (true) {
    ASSIGN_OR_RETURN(const bool row, permissions.Step());
    if (!row) break;
    app.permissions.push_back(permissions.Text(0));
  }
  return app;
}

Status AppRegistry::Remove(std::string_view client_id) {
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(const AppRegistration app, GetLocked(client_id));
  ASSIGN_OR_RETURN(auto txn, db_->Begin());
  sqlite::Statement& remove = db_->Prepare("DELETE FROM app_registrations WHERE client_id = ?");
  remove.Bind(1, app.client_id);
  RETURN_IF_ERROR(remove.Run());
  return txn.Commit();
}

Result<AppRegistration> AppRegistry::Grant(std::string_view client_id,
                                           const std::vector<std::string>& permissions) {
  std::vector<std::string> canonical;
  for (const std::string& permission : permissions) {
    auto known = CanonicalPermission(permission);
    if (!known) {
      std::string list;
      for (std::string_view each : KnownGraphPermissions()) {
        list += (list.empty() ? "" : ", ") + std::string(each);
      }
      return Fail(
          Error{.kind = ErrorKind::kInvalidArgument,
                .http_status = 400,
                .code = "UnknownPermission",
                .message = fmt::format("'{}' is not a Microsoft Graph application permission the "
                                       "embedded tenant knows. Known permissions: {}.",
                                       permission, list)});
    }
    canonical.push_back(*known);
  }
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(const AppRegistration app, GetLocked(client_id));
  {
    ASSIGN_OR_RETURN(auto txn, db_->Begin());
    sqlite::Statement& insert =
        db_->Prepare("INSERT OR IGNORE INTO app_permissions (client_id, permission) VALUES (?, ?)");
    for (const std::string& permission : canonical) {
      insert.Bind(1, app.client_id);
      insert.Bind(2, permission);
      RETURN_IF_ERROR(insert.Run());
      insert.Reset();
    }
    RETURN_IF_ERROR(txn.Commit());
  }
  return GetLocked(app.client_id);
}

Result<SecretCheck> AppRegistry::CheckSecret(std::string_view client_id,
                                             std::string_view secret) {
  std::vector<std::pair<std::string, UnixSeconds>> hashes;  // hash, end
  {
    std::lock_guard lock(mutex_);
    ASSIGN_OR_RETURN(const AppRegistration app, GetLocked(client_id));
    sqlite::Statement& select =
        db_->Prepare("SELECT secret_hash, end_at FROM app_secrets WHERE client_id = ?");
    select.Bind(1, app.client_id);
    while (true) {
      ASSIGN_OR_RETURN(const bool row, select.Step());
      if (!row) break;
      hashes.emplace_back(select.Text(0), select.Int(1));
    }
  }
  const UnixSeconds now = clock_.Now();
  for (const auto& [hash, end] : hashes) {
    if (hasher_.Verify(hash, secret)) return now < end ? SecretCheck::kValid : SecretCheck::kExpired;
  }
  return SecretCheck::kWrong;
}

}  // namespace admin365::server
