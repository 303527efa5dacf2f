#include "manage/template_store.h"

#include "manage/template_json.h"

namespace admin365::manage {

namespace {

constexpr char kSelect[] = "SELECT name, version, definition, saved_at, saved_by FROM templates ";

}  // namespace

TemplateStore::TemplateStore(std::unique_ptr<sqlite::Database> db, const Clock* clock,
                             std::unique_ptr<Clock> owned_clock)
    : db_(std::move(db)), owned_clock_(std::move(owned_clock)), clock_(clock) {}

Result<std::unique_ptr<TemplateStore>> TemplateStore::Open(const std::filesystem::path& database,
                                                           const Clock* clock) {
  ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db, sqlite::Database::Open(database.string()));
  std::unique_ptr<Clock> owned_clock;
  if (clock == nullptr) {
    owned_clock = std::make_unique<SystemClock>();
    clock = owned_clock.get();
  }
  return std::unique_ptr<TemplateStore>(
      new TemplateStore(std::move(db), clock, std::move(owned_clock)));
}

Result<StoredTemplate> TemplateStore::Read(sqlite::Statement& statement) {
  auto definition = TemplateFromJson(statement.Text(2));
  if (!definition) {
    return Fail(Error::Internal("stored template " + statement.Text(0) +
                                " is corrupt: " + definition.error().message));
  }
  StoredTemplate stored{.definition = std::move(*definition),
                        .saved_at = statement.Int(3),
                        .saved_by = statement.Text(4)};
  stored.definition.name = statement.Text(0);
  stored.definition.version = static_cast<int>(statement.Int(1));
  return stored;
}

Result<StoredTemplate> TemplateStore::Save(const Actor& actor, const Template& definition) {
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(sqlite::Transaction transaction, db_->Begin());
  sqlite::Statement& last =
      db_->Prepare("SELECT coalesce(max(version), 0) FROM templates WHERE name = ?");
  last.Bind(1, definition.name);
  ASSIGN_OR_RETURN(const bool row, last.Step());
  const int version = row ? static_cast<int>(last.Int(0)) + 1 : 1;
  last.Reset();
  StoredTemplate stored{
      .definition = definition, .saved_at = clock_->Now(), .saved_by = actor.name};
  stored.definition.version = version;
  sqlite::Statement& rename = db_->Prepare("UPDATE templates SET name = ? WHERE name = ?");
  rename.Bind(1, definition.name);
  rename.Bind(2, definition.name);
  RETURN_IF_ERROR(rename.Run());
  sqlite::Statement& insert = db_->Prepare(
      "INSERT INTO templates (name, version, definition, saved_at, saved_by) "
      "VALUES (?, ?, ?, ?, ?)");
  insert.Bind(1, definition.name);
  insert.Bind(2, version);
  insert.Bind(3, TemplateToJson(stored.definition));
  insert.Bind(4, static_cast<std::int64_t>(stored.saved_at));
  insert.Bind(5, stored.saved_by);
  RETURN_IF_ERROR(insert.Run());
  RETURN_IF_ERROR(transaction.Commit());
  return stored;
}

Result<StoredTemplate> TemplateStore::Find(std::string_view name, std::optional<int> version) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& statement =
      version
          ? db_->Prepare(std::string(kSelect) + "WHERE name = ? AND version = ? AND removed = 0")
          : db_->Prepare(std::string(kSelect) +
                         "WHERE name = ? AND removed = 0 ORDER BY version DESC LIMIT 1");
  statement.Bind(1, name);
  if (version) statement.Bind(2, *version);
  ASSIGN_OR_RETURN(const bool row, statement.Step());
  if (!row) return Fail(TemplateNotFound(name, version));
  auto stored = Read(statement);
  statement.Reset();
  return stored;
}

Result<std::vector<StoredTemplate>> TemplateStore::List() {
  std::lock_guard lock(mutex_);
  sqlite::Statement& statement =
      db_->Prepare(std::string(kSelect) +
                   "WHERE removed = 0 AND version = (SELECT max(version) FROM templates AS t "
                   "WHERE t.name = templates.name) ORDER BY name");
  std::vector<StoredTemplate> templates;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, statement.Step());
    if (!row) break;
    auto stored = Read(statement);
    if (!stored) {
      statement.Reset();
      return Fail(stored.error());
    }
    templates.push_back(std::move(*stored));
  }
  statement.Reset();
  return templates;
}

Result<int> TemplateStore::Remove(std::string_view name) {
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(sqlite::Transaction transaction, db_->Begin());
  sqlite::Statement& remove =
      db_->Prepare("UPDATE templates SET removed = 1 WHERE name = ? AND removed = 0");
  remove.Bind(1, name);
  RETURN_IF_ERROR(remove.Run());
  const int removed = static_cast<int>(db_->changes());
  if (removed == 0) return Fail(TemplateNotFound(name));
  RETURN_IF_ERROR(transaction.Commit());
  return removed;
}

}  // namespace admin365::manage
