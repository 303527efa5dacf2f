#include "engine/audit_trail.h"

#include "domain/user_properties.h"

namespace admin365::engine {

namespace {

std::optional<std::string> AsAuditValue(const PropertyValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
  if (const auto* items = std::get_if<std::vector<std::string>>(&value); items && items->empty()) {
    return std::nullopt;
  }
  return PropertyValueToText(value);
}

}  // namespace

Status AppendAuditEvent(sqlite::Database& db, const AuditEvent& event) {
  sqlite::Statement& insert = db.Prepare(
      "INSERT INTO audit_events (at, actor, action, target_type, target_id, target_name, "
      "origin) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.Bind(1, event.time);
  insert.Bind(2, event.actor);
  insert.Bind(3, event.action);
  insert.Bind(4, event.target_type);
  insert.Bind(5, event.target_id);
  insert.Bind(6, event.target_name);
  insert.Bind(7, event.origin);
  RETURN_IF_ERROR(insert.Run());
  const std::int64_t sequence = sqlite3_last_insert_rowid(db.handle());
  for (std::size_t i = 0; i < event.changes.size(); ++i) {
    const PropertyChange& change = event.changes[i];
    sqlite::Statement& detail = db.Prepare(
        "INSERT INTO audit_changes (event_seq, position, property, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?)");
    detail.Bind(1, sequence);
    detail.Bind(2, static_cast<std::int64_t>(i));
    detail.Bind(3, change.property);
    detail.Bind(4, change.old_value);
    detail.Bind(5, change.new_value);
    RETURN_IF_ERROR(detail.Run());
  }
  return Ok();
}

Status RecordJobStep(sqlite::Database& db, const JobStep& step) {
  sqlite::Statement& insert =
      db.Prepare("INSERT OR IGNORE INTO job_steps (job_id, row, step, before) VALUES (?, ?, ?, ?)");
  insert.Bind(1, step.job_id);
  insert.Bind(2, static_cast<std::int64_t>(step.row));
  insert.Bind(3, static_cast<std::int64_t>(step.step));
  insert.Bind(4, step.before);
  return insert.Run();
}

Result<std::vector<JobStep>> ReadJobSteps(sqlite::Database& db, std::string_view job_id) {
  sqlite::Statement& select =
      db.Prepare("SELECT row, step, before FROM job_steps WHERE job_id = ? ORDER BY row, step");
  select.Bind(1, std::string(job_id));
  std::vector<JobStep> out;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    out.push_back(JobStep{.job_id = std::string(job_id),
                          .row = select.Int(0),
                          .step = static_cast<int>(select.Int(1)),
                          .before = select.Text(2)});
  }
  return out;
}

Result<std::vector<AuditEvent>> ReadAuditEvents(sqlite::Database& db, const AuditQuery& query) {
  sqlite::Statement& events = db.Prepare(
      "SELECT seq, at, actor, action, target_type, target_id, target_name, origin "
      "FROM audit_events "
      "WHERE (?1 = '' OR target_id = ?1) ORDER BY seq DESC LIMIT ?2");
  events.Bind(1, query.target_id);
  events.Bind(2, query.limit);
  std::vector<AuditEvent> out;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, events.Step());
    if (!row) break;
    out.push_back(AuditEvent{.sequence = events.Int(0),
                             .time = events.Int(1),
                             .actor = events.Text(2),
                             .origin = events.Text(7),
                             .action = events.Text(3),
                             .target_type = events.Text(4),
                             .target_id = events.Text(5),
                             .target_name = events.Text(6)});
  }
  for (AuditEvent& event : out) {
    sqlite::Statement& changes = db.Prepare(
        "SELECT property, old_value, new_value FROM audit_changes WHERE event_seq = ? "
        "ORDER BY position");
    changes.Bind(1, event.sequence);
    for (;;) {
      ASSIGN_OR_RETURN(const bool row, changes.Step());
      if (!row) break;
      event.changes.push_back(PropertyChange{.property = changes.Text(0),
                                             .old_value = changes.OptionalText(1),
                                             .new_value = changes.OptionalText(2)});
    }
  }
  return out;
}

std::vector<PropertyChange> DiffUsers(const User* before, const User& after) {
  std::vector<PropertyChange> changes;
  for (const UserProperty& property : AllUserProperties()) {
    if (property.type == PropertyType::kDateTime || property.name == "id") continue;
    std::optional<std::string> old_value =
        before ? AsAuditValue(GetUserProperty(*before, property)) : std::nullopt;
    std::optional<std::string> new_value = AsAuditValue(GetUserProperty(after, property));
    if (old_value != new_value) {
      changes.push_back(PropertyChange{.property = std::string(property.name),
                                       .old_value = std::move(old_value),
                                       .new_value = std::move(new_value)});
    }
  }
  return changes;
}

}  // namespace admin365::engine
