#pragma once

// AppRegistry: the embedded tenant's app registrations, the clients of the token endpoint.
// Each app has a client id (a GUID), a display name, one client secret and the Graph
// application permissions an admin granted it (server/permissions.h). Stored in the
// tenant database (migration 0007) through its own connection; the secret only as an
// Argon2id hash (engine/password_hasher.h), so it is shown once, at creation.
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
#include "engine/password_hasher.h"
#include "storage/sqlite/database.h"

namespace admin365::server {

struct AppRegistration {
  std::string client_id;
  std::string display_name;
  std::string secret_hint;               // the secret's first three characters
  std::vector<std::string> permissions;  // sorted
  UnixSeconds created_date_time = 0;
};

struct NewApp {
  AppRegistration app;
  std::string secret;  // generated; never stored in clear
};

class AppRegistry {
 public:
  // Opens `tenant.db` in `data_directory`, which LocalDirectory::Open has created and
  // migrated. Errors: Internal if it cannot be opened or lacks the apps tables.
  static Result<std::unique_ptr<AppRegistry>> Open(const std::filesystem::path& data_directory,
                                                   const Clock& clock, Random& random);
  ~AppRegistry();

  // Registers an app with a new client id and a 40-character random secret.
  // Error: InvalidArgument if `display_name` is empty or longer than 120 characters.
  Result<NewApp> Add(std::string_view display_name);
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
  // True if `secret` is the app's secret. Error: NotFound.
  Result<bool> CheckSecret(std::string_view client_id, std::string_view secret);

 private:
  AppRegistry(std::unique_ptr<sqlite::Database> db, PasswordHasher hasher, const Clock& clock,
              Random& random);
  Result<AppRegistration> GetLocked(std::string_view client_id);

  std::mutex mutex_;
  std::unique_ptr<sqlite::Database> db_;
  PasswordHasher hasher_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace admin365::server
