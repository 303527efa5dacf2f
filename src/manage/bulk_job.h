#pragma once

// BulkJobs: plans, runs, resumes and undoes bulk jobs over any Directory.
//
//   BulkJobs jobs(directory, store, clock, data_dir / "jobs");
//   ASSIGN_OR_RETURN(PlanReport plan, jobs.Plan(input, settings, print_row));   // --dry-run
//   ASSIGN_OR_RETURN(JobReport report, jobs.Start(input, settings, actor, progress, stop));
//   ... after a crash or Ctrl-C:
//   ASSIGN_OR_RETURN(report, jobs.Resume(report.job.id, progress, stop));
//   ASSIGN_OR_RETURN(UndoReport undo, jobs.Undo(report.job.id, actor));
//
// A job streams its input (memory does not grow with the file), runs rows on `threads`
// workers (password hashing dominates creation and resets, and the directory hashes
// outside its transactions), never stops at a bad row, and writes the results CSV in
// input order. Each write carries its JobStep, committed with it; outcomes are journalled
// in batches. Resume checks the input is the same file (its digest), skips rows with an
// outcome, and finishes the others from the steps that committed: no row is done twice.
//
// Errors of Plan/Start/Resume are the file's (unreadable, a missing required column, a
// changed input on resume) and the store's; the rows' own errors are in the results.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "directory/directory.h"
#include "manage/bulk_action.h"
#include "manage/bulk_job_store.h"
#include "manage/bulk_settings.h"
#include "manage/template_store.h"
#include "manage/user_csv.h"

namespace admin365::manage {

struct PlanReport {
  std::string dialect;
  std::vector<std::string> warnings;  // unknown columns
  long long rows = 0;
  long long ready = 0;      // will change something
  long long unchanged = 0;  // already as asked
  long long failed = 0;     // will fail: fix them first
};

struct BulkProgress {
  long long rows_done = 0;
  long long succeeded = 0;
  long long failed = 0;
  long long unchanged = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t total_bytes = 0;
};

struct JobReport {
  BulkJob job;
  std::vector<std::string> warnings;
  JobCounts counts;
  bool stopped = false;  // Ctrl-C: resume it later
  long long passwords_written = 0;
};

struct UndoReport {
  BulkJob undo_job;
  long long reverted = 0;
  long long failed = 0;
  // "row 3 (adele@contoso.com): password resets cannot be undone", one per step left as is.
  std::vector<std::string> not_reverted;
};

using PlanRowCallback = std::function<void(const UserCsvRow&, const Result<RowResult>&)>;
using ProgressCallback = std::function<void(const BulkProgress&)>;

class BulkJobs {
 public:
  // `templates` (may be null) holds the creation templates rows may name.
  BulkJobs(Directory& directory, BulkJobStore& store, TemplateStore* templates, Clock& clock,
           std::filesystem::path jobs_directory);

  // Checks every row against the tenant, changing nothing; `on_row` sees each in order.
  Result<PlanReport> Plan(const std::filesystem::path& input, const BulkSettings& settings,
                          const PlanRowCallback& on_row);

  // Starts a job and runs it to the end, or until `stop` is set (the rows in flight
  // finish). Empty results/passwords paths default to the job's directory.
  Result<JobReport> Start(const std::filesystem::path& input, BulkSettings settings,
                          const Actor& actor, const ProgressCallback& progress,
                          const std::atomic<bool>& stop);

  // Finishes a stopped or interrupted job. Errors: NotFound; FailedPrecondition when the
  // job is complete or its input changed.
  Result<JobReport> Resume(std::string_view job_id, const ProgressCallback& progress,
                           const std::atomic<bool>& stop);

  // Reverts a job's committed writes, newest first, as a job of its own (resumable the
  // same way), and lists what cannot be reverted.
  Result<UndoReport> Undo(std::string_view job_id, const Actor& actor);

  // Writes a selection of users as a CSV with columns id,userPrincipalName in the jobs
  // directory: the input of a job run on a selection. The users are those `filter`
  // selects (active ones, or deleted ones for restore and hard delete; every one when
  // null), or, with `names` given, those names (object ids or UPNs). Errors: the filter's.
  Result<std::filesystem::path> WriteSelection(const query::Filter* filter, bool deleted,
                                               const std::vector<std::string>& names);

 private:
  Result<JobReport> Run(BulkJob job, const BulkSettings& settings, const Actor& actor,
                        const ProgressCallback& progress, const std::atomic<bool>& stop);

  Directory& directory_;
  BulkJobStore& store_;
  TemplateStore* templates_;
  Clock& clock_;
  std::filesystem::path jobs_directory_;
};

// Hex BLAKE2b-256 of a file's bytes, read in chunks.
Result<std::string> FileDigest(const std::filesystem::path& path);

}  // namespace admin365::manage
