#include "manage/bulk_job_store.h"

#include <fmt/format.h>

#include "storage/sqlite/database.h"
#include "storage/sqlite/migrator.h"

namespace admin365::manage {

namespace {

constexpr sqlite::Migration kSchema[] = {{1, "bulk jobs", R"sql(
CREATE TABLE bulk_jobs (
  id TEXT PRIMARY KEY,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  input_path TEXT NOT NULL,
  input_digest TEXT NOT NULL,   -- hex BLAKE2b-256 of the input file's bytes
  settings TEXT NOT NULL,       -- JSON: the options the job runs with (bulk_settings.h)
  undo_of TEXT REFERENCES bulk_jobs (id),
  state TEXT NOT NULL CHECK (state IN ('running', 'stopped', 'completed'))
);
CREATE INDEX bulk_jobs_by_undo_of ON bulk_jobs (undo_of);

-- A finished row's outcome, written in batches once the row's writes are durable: a row
-- whose outcome a crash lost is settled again on resume from the directory's job steps.
CREATE TABLE bulk_job_rows (
  job_id TEXT NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  line INTEGER NOT NULL,        -- the input's physical line where the row starts
  target_id TEXT NOT NULL,      -- the user's object id, or '' when none was found
  target_name TEXT NOT NULL,    -- the UPN (or id) the row named
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'unchanged')),
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  error_field TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job_id, row)
) WITHOUT ROWID;
)sql"}};

constexpr std::string_view kJobColumns =
    "id, action, actor, created_at, finished_at, input_path, input_digest, settings, "
    "COALESCE(undo_of, ''), state";

JobState ParseJobState(std::string_view text) {
  if (text == "running") return JobState::kRunning;
  if (text == "stopped") return JobState::kStopped;
  return JobState::kCompleted;
}

RowStatus ParseRowStatus(std::string_view text) {
  if (text == "succeeded") return RowStatus::kSucceeded;
  if (text == "failed") return RowStatus::kFailed;
  return RowStatus::kUnchanged;
}

BulkJob ReadJob(const sqlite::Statement& select) {
  BulkJob job{.id = select.Text(0),
              .action = select.Text(1),
              .actor = select.Text(2),
              .created_at = select.Int(3),
              .input_path = select.Text(5),
              .input_digest = select.Text(6),
              .settings = select.Text(7),
              .undo_of = select.Text(8),
              .state = ParseJobState(select.Text(9))};
  if (!select.IsNull(4)) job.finished_at = select.Int(4);
  return job;
}

Error JobNotFound(std::string_view id) {
  return Error{.kind = ErrorKind::kNotFound,
               .http_status = 404,
               .code = "Request_ResourceNotFound",
               .message = fmt::format("No bulk job has the id '{}'; `admin365 bulk list` shows "
                                      "the jobs.",
                                      id)};
}

}  // namespace

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kRunning: return "running";
    case JobState::kStopped: return "stopped";
    case JobState::kCompleted: return "completed";
  }
  return "completed";
}

std::string_view RowStatusName(RowStatus status) {
  switch (status) {
    case RowStatus::kSucceeded: return "succeeded";
    case RowStatus::kFailed: return "failed";
    case RowStatus::kUnchanged: return "unchanged";
  }
  return "failed";
}

BulkJobStore::BulkJobStore(std::unique_ptr<sqlite::Database> db) : db_(std::move(db)) {}
BulkJobStore::~BulkJobStore() = default;

Result<std::unique_ptr<BulkJobStore>> BulkJobStore::Open(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db, sqlite::Database::Open(path.string()));
  RETURN_IF_ERROR(sqlite::Migrate(*db, kSchema));
  return std::unique_ptr<BulkJobStore>(new BulkJobStore(std::move(db)));
}

Status BulkJobStore::CreateJob(const BulkJob& job) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& insert = db_->Prepare(
      "INSERT INTO bulk_jobs (id, action, actor, created_at, finished_at, input_path, "
      "input_digest, settings, undo_of, state) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, "
      "NULLIF(?, ''), ?)");
  insert.Bind(1, job.id);
  insert.Bind(2, job.action);
  insert.Bind(3, job.actor);
  insert.Bind(4, job.created_at);
  insert.Bind(5, job.input_path);
  insert.Bind(6, job.input_digest);
  insert.Bind(7, job.settings);
  insert.Bind(8, job.undo_of);
  insert.Bind(9, JobStateName(job.state));
  return insert.Run();
}

Result<BulkJob> BulkJobStore::GetJob(std::string_view id_or_prefix) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& select = db_->Prepare(fmt::format(
      "SELECT {} FROM bulk_jobs WHERE id = ?1 OR substr(id, 1, length(?1)) = ?1 LIMIT 2",
      kJobColumns));
  select.Bind(1, id_or_prefix);
  std::vector<BulkJob> found;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    found.push_back(ReadJob(select));
  }
  if (id_or_prefix.empty() || found.empty()) return Fail(JobNotFound(id_or_prefix));
  for (BulkJob& job : found) {
    if (job.id == id_or_prefix) return std::move(job);
  }
  if (found.size() > 1) {
    return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "Request_BadRequest",
                      .message = fmt::format("Several bulk jobs start with '{}'; give more of "
                                             "the id.",
                                             id_or_prefix)});
  }
  return std::move(found.front());
}

Result<std::vector<BulkJob>> BulkJobStore::ListJobs(int limit) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& select = db_->Prepare(fmt::format(
      "SELECT {} FROM bulk_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?", kJobColumns));
  select.Bind(1, limit);
  std::vector<BulkJob> jobs;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    jobs.push_back(ReadJob(select));
  }
  return jobs;
}

Result<std::optional<BulkJob>> BulkJobStore::FindUndoOf(std::string_view job_id) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& select = db_->Prepare(
      fmt::format("SELECT {} FROM bulk_jobs WHERE undo_of = ? LIMIT 1", kJobColumns));
  select.Bind(1, job_id);
  ASSIGN_OR_RETURN(const bool row, select.Step());
  std::optional<BulkJob> job;
  if (row) job = ReadJob(select);
  select.Reset();  // a statement left mid-result would hold a read snapshot
  return job;
}

Status BulkJobStore::SetState(std::string_view job_id, JobState state,
                              std::optional<UnixSeconds> finished_at) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& update =
      db_->Prepare("UPDATE bulk_jobs SET state = ?, finished_at = ? WHERE id = ?");
  update.Bind(1, JobStateName(state));
  if (finished_at) {
    update.Bind(2, *finished_at);
  } else {
    update.Bind(2, std::optional<std::string>());
  }
  update.Bind(3, job_id);
  return update.Run();
}

Status BulkJobStore::RecordOutcomes(std::string_view job_id,
                                    std::span<const RowOutcome> outcomes) {
  if (outcomes.empty()) return Ok();
  std::lock_guard lock(mutex_);
  ASSIGN_OR_RETURN(sqlite::Transaction transaction, db_->Begin());
  for (const RowOutcome& outcome : outcomes) {
    sqlite::Statement& insert = db_->Prepare(
        "INSERT OR REPLACE INTO bulk_job_rows (job_id, row, line, target_id, target_name, "
        "status, error_code, error_message, error_field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.Bind(1, job_id);
    insert.Bind(2, static_cast<std::int64_t>(outcome.row));
    insert.Bind(3, static_cast<std::int64_t>(outcome.line));
    insert.Bind(4, outcome.target_id);
    insert.Bind(5, outcome.target_name);
    insert.Bind(6, RowStatusName(outcome.status));
    insert.Bind(7, outcome.error_code);
    insert.Bind(8, outcome.error_message);
    insert.Bind(9, outcome.error_field);
    RETURN_IF_ERROR(insert.Run());
  }
  return transaction.Commit();
}

Result<std::vector<RowOutcome>> BulkJobStore::ReadOutcomes(std::string_view job_id) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& select = db_->Prepare(
      "SELECT row, line, target_id, target_name, status, error_code, error_message, "
      "error_field FROM bulk_job_rows WHERE job_id = ? ORDER BY row");
  select.Bind(1, job_id);
  std::vector<RowOutcome> outcomes;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    outcomes.push_back(RowOutcome{.row = select.Int(0),
                                  .line = select.Int(1),
                                  .target_id = select.Text(2),
                                  .target_name = select.Text(3),
                                  .status = ParseRowStatus(select.Text(4)),
                                  .error_code = select.Text(5),
                                  .error_message = select.Text(6),
                                  .error_field = select.Text(7)});
  }
  return outcomes;
}

Result<JobCounts> BulkJobStore::CountOutcomes(std::string_view job_id) {
  std::lock_guard lock(mutex_);
  sqlite::Statement& select = db_->Prepare(
      "SELECT status, count(*) FROM bulk_job_rows WHERE job_id = ? GROUP BY status");
  select.Bind(1, job_id);
  JobCounts counts;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    const long long n = select.Int(1);
    switch (ParseRowStatus(select.Text(0))) {
      case RowStatus::kSucceeded: counts.succeeded = n; break;
      case RowStatus::kFailed: counts.failed = n; break;
      case RowStatus::kUnchanged: counts.unchanged = n; break;
    }
  }
  return counts;
}

}  // namespace admin365::manage
