#pragma once

// The audit trail's storage: appends events inside the caller's transaction (so an
// event exists exactly when its change does) and reads them back.
//
// DiffUsers lists, in catalogue order, every user property whose value differs between
// two versions of a user; it never sees a password, which User does not hold. Read-only
// bookkeeping (id, timestamps) is left out: the event carries the target and the time.

#include <vector>

#include "common/result.h"
#include "directory/directory.h"
#include "domain/audit_event.h"
#include "domain/user.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

// Appends `event` (its sequence is assigned by the store). Call inside a transaction.
Status AppendAuditEvent(sqlite::Database& db, const AuditEvent& event);

// The newest events first, at most query.limit, optionally for one target.
Result<std::vector<AuditEvent>> ReadAuditEvents(sqlite::Database& db, const AuditQuery& query);

// Records that a bulk job's step committed (idempotent). Call inside the write's
// transaction.
Status RecordJobStep(sqlite::Database& db, const JobStep& step);

// The committed steps of a job, by row then step.
Result<std::vector<JobStep>> ReadJobSteps(sqlite::Database& db, std::string_view job_id);

// The changed properties from `before` to `after`. With `before` null (a creation), every
// property `after` has a value for.
std::vector<PropertyChange> DiffUsers(const User* before, const User& after);

}  // namespace admin365::engine
