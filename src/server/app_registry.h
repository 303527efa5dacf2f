#pragma once

// AppRegistry: the embedded tenant's app registrations, the clients of the token endpoint.
// Each app has a client id (a GUID), a display name, client secrets and the Graph
// application permissions an admin granted it (server/permissions.h). Stored in the
// tenant database (migrations 0007, 0009) through its own connection. A secret, as
// Entra's passwordCredentials, has a key id, a description, a validity period and a hint
// (its first three characters), and is stored only as an Argon2id hash
// (common/password_hasher.h), so it is shown once, when added. Several secrets at once
// let an admin rotate: add a new one, move the clients to it, remove the old one.
//
//   ASSIGN_OR_RETURN(auto apps, AppRegistry::Open(data_dir, clock, random));
//   ASSIGN_OR_RETURN(NewApp app, apps->Add("Provisioning"));   // app.secret: show it once
//   RETURN_IF_ERROR(apps->Grant(app.app.client_id, {"User.ReadWrite.All"}));
//
// Thread-safe: one connection behind a mutex; hashing runs outside it.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/random.h"
#include "common/result.h"
#include "common/password_hasher.h"
#include "storage/sqlite/database.h"

namespace admin365::server {

struct AppSecret {
  std::string key_id;        // a GUID
  std::string display_name;  // the admin's description, may be empty
  std::string hint;          // the secret's first three characters
  UnixSeconds start_date_time = 0;
  UnixSeconds end_date_time = 0;  // the secret is refused from this time on
};

struct AppRegistration {
  std::string client_id;
  std::string display_name;
  std::vector<AppSecret> secrets;        // by start time, then key id
  std::vector<std::string> permissions;  // sorted
  UnixSeconds created_date_time = 0;
};

struct NewApp {
  AppRegistration app;
  std::string secret;  // generated; never stored in clear
};

struct NewSecret {
  AppSecret credential;
  std::string secret;  // generated; never stored in clear
};

// How long a secret is valid unless the admin says otherwise (Graph's addPassword
// default), and at most (the longest the Entra admin center offers).
inline constexpr int kDefaultSecretValidityDays = 730;
inline constexpr int kMaxSecretValidityDays = 730;

enum class SecretCheck { kValid, kExpired, kWrong };

class AppRegistry {
 public:
  // Opens `tenant.db` in `data_directory`, which LocalDirectory::Open has created and
  // migrated. Errors: Internal if it cannot be opened or lacks the apps tables.
  static Result<std::unique_ptr<AppRegistry>> Open(const std::filesystem::path& data_directory,
                                                   const Clock& clock, Random& random);
  ~AppRegistry();

  // Registers an app with a new client id and one 40-character random secret, valid for
  // kDefaultSecretValidityDays. Error: InvalidArgument if `display_name` is empty or
  // longer than 120 characters.
  Result<NewApp> Add(std::string_view display_name);
  // Adds a 40-character random secret valid from now for `valid_days`. Errors: NotFound;
  // InvalidArgument (InvalidSecretLifetime) unless 1 <= valid_days <=
  // kMaxSecretValidityDays, (InvalidDisplayName) for a description over 120 characters.
  Result<NewSecret> AddSecret(std::string_view client_id, std::string_view description,
                              int valid_days);
  // Removes one secret; clients using it are refused from then on. Errors: NotFound (for
  // the app, or SecretNotFound for the key id).
  Status RemoveSecret(std::string_view client_id, std::string_view key_id);
  Result<std::vector<AppRegistration>> List();
  // Error: NotFound (AppNotFound) for an unknown client id.
  Result<AppRegistration> Get(std::string_view client_id);
  // Error: NotFound.
  Status Remove(std::string_view client_id);
  // Adds application permissions (case-insensitive names, stored in Graph's spelling).
  // Errors: NotFound; InvalidArgument (UnknownPermission) naming the first unknown one,
  // in which case nothing is granted.
  Result<AppRegistration> Grant(std::string_view client_id,
                                const std::vector<std::string>& permissions);
  // kValid if `secret` is one of the app's secrets still valid now, kExpired if it is
  // one whose validity ended, else kWrong. Error: NotFound.
  Result<SecretCheck> CheckSecret(std::string_view client_id, std::string_view secret);

 private:
  AppRegistry(std::unique_ptr<sqlite::Database> db, PasswordHasher hasher, const Clock& clock,
              Random& random);
  Result<AppRegistration> GetLocked(std::string_view client_id);
  // Generates a secret valid for `valid_days` from now and hashes it (outside the lock).
  Result<std::pair<NewSecret, std::string>> MakeSecret(std::string_view description,
                                                       int valid_days);
  Status InsertSecretLocked(std::string_view client_id, const AppSecret& secret,
                            const std::string& hash);

  std::mutex mutex_;
  std::unique_ptr<sqlite::Database> db_;
  PasswordHasher hasher_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace admin365::server
