#pragma once

// TemplateStore: the versioned creation templates of one tenant, in its tenant.db.
//
// Each save of a name makes a new version (1, 2, ...); earlier versions stay readable, so
// the audit trail's `template "Sales" v3` can always be looked up. Removing a template
// hides every version of it but keeps the numbers: a template saved again under that
// name continues after the last one. Names are matched case-insensitively and keep the
// spelling of their latest save.
//
// The store keeps what it is given: callers validate first (template_validation.h).
//
//   ASSIGN_OR_RETURN(auto store, TemplateStore::Open(data_dir / "tenant.db"));
//   ASSIGN_OR_RETURN(StoredTemplate saved, store->Save(actor, definition));
//   ASSIGN_OR_RETURN(StoredTemplate latest, store->Find("Sales"));
//
// Open it on a database that engine/LocalDirectory::Open has already migrated (the
// `templates` table comes from migration 0006). Thread-safe. Errors besides those listed:
// Unavailable (the database stays locked) and Internal.

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "directory/directory.h"
#include "manage/template.h"
#include "storage/sqlite/database.h"

namespace admin365::manage {

struct StoredTemplate {
  Template definition;  // with its name and version
  UnixSeconds saved_at = 0;
  std::string saved_by;  // the actor's name
};

class TemplateStore {
 public:
  // `clock` defaults to the system clock; it must outlive the store.
  static Result<std::unique_ptr<TemplateStore>> Open(const std::filesystem::path& database,
                                                     const Clock* clock = nullptr);

  // Saves `definition` (its version is ignored) as the name's next version.
  Result<StoredTemplate> Save(const Actor& actor, const Template& definition);

  // The latest version of a template, or the given one. Error: TemplateNotFound.
  Result<StoredTemplate> Find(std::string_view name, std::optional<int> version = std::nullopt);

  // The latest version of each template, by name.
  Result<std::vector<StoredTemplate>> List();

  // Removes every version of a template; returns how many. Error: TemplateNotFound.
  Result<int> Remove(std::string_view name);

 private:
  TemplateStore(std::unique_ptr<sqlite::Database> db, const Clock* clock,
                std::unique_ptr<Clock> owned_clock);

  Result<StoredTemplate> Read(sqlite::Statement& statement);

  std::mutex mutex_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<Clock> owned_clock_;
  const Clock* clock_;
};

}  // namespace admin365::manage
