#pragma once

// BulkJobStore: the bulk jobs' journal, in jobs.db in the data directory: each job (its
// action, input digest and settings) and each finished row's outcome. Together with the
// steps the directory records with every write (Directory::ListCommittedJobSteps) it is
// what `bulk resume` and `bulk undo` work from. It is a database of its own so that
// journalling outcomes never waits for the tenant's write lock, which a running job's
// write batches hold most of the time.
//
// Thread-safe: one connection of its own, guarded by a mutex.

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace admin365::sqlite {
class Database;
}

namespace admin365::manage {

enum class JobState { kRunning, kStopped, kCompleted };
enum class RowStatus { kSucceeded, kFailed, kUnchanged };

std::string_view JobStateName(JobState state);    // "running", "stopped", "completed"
std::string_view RowStatusName(RowStatus status);  // "succeeded", "failed", "unchanged"

struct BulkJob {
  std::string id;
  std::string action;  // bulk_action.h's name
  std::string actor;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> finished_at;
  std::string input_path;
  std::string input_digest;  // hex BLAKE2b-256 of the input's bytes
  std::string settings;      // JSON (bulk_settings.h)
  std::string undo_of;       // the job an undo job reverts, or ""
  JobState state = JobState::kRunning;
};

struct RowOutcome {
  long long row = 0;
  long long line = 0;
  std::string target_id;
  std::string target_name;
  RowStatus status = RowStatus::kSucceeded;
  std::string error_code;
  std::string error_message;
  std::string error_field;
};

struct JobCounts {
  long long succeeded = 0;
  long long failed = 0;
  long long unchanged = 0;
};

class BulkJobStore {
 public:
  // Opens (creating or migrating it) the store at `path`.
  static Result<std::unique_ptr<BulkJobStore>> Open(const std::filesystem::path& path);
  ~BulkJobStore();

  Status CreateJob(const BulkJob& job);
  // A job by its id or by a prefix of it that only one job has. Errors: NotFound,
  // InvalidArgument (an ambiguous prefix).
  Result<BulkJob> GetJob(std::string_view id_or_prefix);
  // The newest first.
  Result<std::vector<BulkJob>> ListJobs(int limit);
  // The undo job of `job_id`, if one was started.
  Result<std::optional<BulkJob>> FindUndoOf(std::string_view job_id);
  Status SetState(std::string_view job_id, JobState state, std::optional<UnixSeconds> finished_at);

  // Records outcomes in one transaction (a row's later outcome replaces an earlier one).
  Status RecordOutcomes(std::string_view job_id, std::span<const RowOutcome> outcomes);
  // Every recorded outcome of a job, by row.
  Result<std::vector<RowOutcome>> ReadOutcomes(std::string_view job_id);
  Result<JobCounts> CountOutcomes(std::string_view job_id);

 private:
  explicit BulkJobStore(std::unique_ptr<sqlite::Database> db);

  std::mutex mutex_;
  std::unique_ptr<sqlite::Database> db_;
};

}  // namespace admin365::manage
