#include "manage/bulk_job.h"

#include <sodium.h>

#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>

#include <fmt/format.h>

#include "common/ascii.h"
#include "common/random.h"
#include "manage/bulk_output.h"
#include "manage/bulk_templates.h"

namespace admin365::manage {

namespace {

constexpr std::size_t kOutcomeBatch = 512;

Error JobError(ErrorKind kind, std::string message) {
  return Error{.kind = kind,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message)};
}

bool HasField(const UserCsv& csv, const BulkSettings& settings, std::string_view field) {
  for (const std::string& mapped : csv.fields()) {
    if (AsciiIEquals(mapped, field)) return true;
  }
  for (const auto& [name, value] : settings.defaults) {
    if (AsciiIEquals(name, field)) return true;
  }
  return false;
}

std::string Headers(const UserCsv& csv) {
  std::string text;
  for (const std::string& header : csv.headers()) {
    text += fmt::format("{}\"{}\"", text.empty() ? "" : ", ", header);
  }
  return text;
}

// A missing required column stops the job before any row runs.
Status CheckColumns(const BulkActionInfo& action, const UserCsv& csv,
                    const BulkSettings& settings) {
  auto missing = [&](std::string_view wanted) {
    return JobError(ErrorKind::kInvalidArgument,
                    fmt::format("The file has no column for {} (its headers: {}); the {} action "
                                "needs one. Add the column, or give one value for every row with "
                                "--set {}=VALUE.",
                                wanted, Headers(csv), action.name,
                                wanted.substr(0, wanted.find(' '))));
  };
  if (action.keyed && !HasField(csv, settings, "userPrincipalName") &&
      !HasField(csv, settings, "id")) {
    return Fail(missing("userPrincipalName or id"));
  }
  // A template builds the names its rows leave out; each row then says what it lacks.
  const bool templated = HasField(csv, settings, "template");
  for (std::string_view field : action.needs_all) {
    if (!templated && !HasField(csv, settings, field)) return Fail(missing(field));
  }
  if (!action.needs_one_of.empty()) {
    bool any = false;
    std::string names;
    for (std::string_view field : action.needs_one_of) {
      any |= HasField(csv, settings, field);
      names += fmt::format("{}{}", names.empty() ? "" : " or ", field);
    }
    if (!any) return Fail(missing(names));
  }
  return Ok();
}

RowInput InputOf(const UserCsvRow& row, const BulkSettings& settings) {
  RowInput input{.row = row.row, .line = row.line, .values = row.values};
  for (const auto& [field, value] : settings.defaults) {
    const std::string* cell = row.Find(field);
    if (cell && !cell->empty()) continue;
    input.values.emplace_back(field, value);
  }
  return input;
}

std::string NamedUser(const RowInput& input) {
  if (auto upn = input.Get("userPrincipalName")) return *upn;
  return input.Get("id").value_or("");
}

RowOutcome Outcome(const RowInput& input, const Result<RowResult>& result, bool wrote_before) {
  RowOutcome outcome{.row = input.row, .line = input.line};
  if (!result) {
    outcome.status = RowStatus::kFailed;
    outcome.target_name = NamedUser(input);
    outcome.error_code = result.error().code;
    outcome.error_message = result.error().message;
    outcome.error_field = result.error().target;
    return outcome;
  }
  outcome.target_id = result->target_id;
  outcome.target_name = result->target_name.empty() ? NamedUser(input) : result->target_name;
  outcome.status =
      result->changed || wrote_before ? RowStatus::kSucceeded : RowStatus::kUnchanged;
  return outcome;
}

RowOutcome ProblemOutcome(const UserCsvRow& row, const Error& problem) {
  return RowOutcome{.row = row.row,
                    .line = row.line,
                    .status = RowStatus::kFailed,
                    .error_code = problem.code,
                    .error_message = problem.message,
                    .error_field = problem.target};
}

// A finished row on its way to the results file.
struct Finished {
  UserCsvRow row;
  RowOutcome outcome;
  std::string password;  // generated, to write down
};

// Rows from the reader to the workers, finished rows from the workers to the writer.
class Pipeline {
 public:
  explicit Pipeline(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue is full.
  void Push(UserCsvRow row) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return pending_.size() < capacity_; });
    pending_.push(std::move(row));
    work_.notify_one();
  }
  void CloseInput() {
    std::lock_guard lock(mutex_);
    input_closed_ = true;
    work_.notify_all();
  }
  // The next row to run, or nullopt once the input is closed and drained.
  std::optional<UserCsvRow> Take() {
    std::unique_lock lock(mutex_);
    work_.wait(lock, [&] { return !pending_.empty() || input_closed_; });
    if (pending_.empty()) return std::nullopt;
    UserCsvRow row = std::move(pending_.front());
    pending_.pop();
    space_.notify_one();
    return row;
  }
  void Discard() {
    std::lock_guard lock(mutex_);
    std::queue<UserCsvRow>().swap(pending_);
    space_.notify_all();
  }

  void Finish(Finished finished) {
    std::lock_guard lock(mutex_);
    finished_.emplace(finished.outcome.row, std::move(finished));
    done_.notify_one();
  }
  void WorkersDone() {
    std::lock_guard lock(mutex_);
    workers_done_ = true;
    done_.notify_all();
  }
  // Finished rows, waiting for some; empty once the workers are done and none is left.
  std::vector<Finished> TakeFinished() {
    std::unique_lock lock(mutex_);
    done_.wait_for(lock, std::chrono::milliseconds(250),
                   [&] { return !finished_.empty() || workers_done_; });
    std::vector<Finished> out;
    for (auto& [row, finished] : finished_) out.push_back(std::move(finished));
    finished_.clear();
    return out;
  }
  bool workers_done() {
    std::lock_guard lock(mutex_);
    return workers_done_ && finished_.empty();
  }

 private:
  std::mutex mutex_;
  std::condition_variable space_, work_, done_;
  std::size_t capacity_;
  std::queue<UserCsvRow> pending_;
  bool input_closed_ = false;
  std::map<long long, Finished> finished_;
  bool workers_done_ = false;
};

std::string NewJobId() {
  CryptoRandom random;
  return NewUuid(random);
}

}  // namespace

Result<std::string> FileDigest(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(JobError(ErrorKind::kNotFound, fmt::format("Cannot read {}.", path.string())));
  }
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                              static_cast<unsigned long long>(in.gcount()));
  }
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

BulkJobs::BulkJobs(Directory& directory, BulkJobStore& store, TemplateStore* templates,
                   Clock& clock, std::filesystem::path jobs_directory)
    : directory_(directory),
      store_(store),
      templates_(templates),
      clock_(clock),
      jobs_directory_(std::move(jobs_directory)) {}

Result<PlanReport> BulkJobs::Plan(const std::filesystem::path& input,
                                  const BulkSettings& settings, const PlanRowCallback& on_row) {
  ASSIGN_OR_RETURN(const BulkActionInfo* action, FindBulkAction(settings.action));
  ASSIGN_OR_RETURN(std::unique_ptr<UserCsv> csv, UserCsv::Open(input));
  RETURN_IF_ERROR(CheckColumns(*action, *csv, settings));
  ASSIGN_OR_RETURN(const TenantSnapshot tenant, TenantSnapshot::Load(directory_));
  PlanReport report{.dialect = std::string(CsvDialectName(csv->dialect())),
                    .warnings = csv->unknown_columns()};
  BulkTemplates templates(templates_, directory_);
  PlanLedger ledger(templates.reservations());
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<UserCsvRow> row, csv->Next());
    if (!row) break;
    ++report.rows;
    Result<RowResult> result =
        row->problem ? Result<RowResult>(std::unexpected(*row->problem))
                     : PlanRow(*action, InputOf(*row, settings), directory_, tenant, &templates,
                               ledger);
    if (!result) {
      ++report.failed;
    } else if (result->changed) {
      ++report.ready;
    } else {
      ++report.unchanged;
    }
    if (on_row) on_row(*row, result);
  }
  return report;
}

Result<JobReport> BulkJobs::Start(const std::filesystem::path& input, BulkSettings settings,
                                  const Actor& actor, const ProgressCallback& progress,
                                  const std::atomic<bool>& stop) {
  ASSIGN_OR_RETURN(const BulkActionInfo* action, FindBulkAction(settings.action));
  {
    ASSIGN_OR_RETURN(std::unique_ptr<UserCsv> csv, UserCsv::Open(input));
    RETURN_IF_ERROR(CheckColumns(*action, *csv, settings));
  }
  BulkJob job{.id = NewJobId(),
              .action = std::string(action->name),
              .actor = actor.name,
              .created_at = clock_.Now(),
              .input_path = std::filesystem::absolute(input).string()};
  ASSIGN_OR_RETURN(job.input_digest, FileDigest(input));
  const std::filesystem::path directory = jobs_directory_ / job.id;
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Cannot create {}: {}", directory.string(), error.message())));
  }
  if (settings.results_path.empty()) settings.results_path = directory / "results.csv";
  if (settings.passwords_path.empty()) settings.passwords_path = directory / "passwords.csv";
  settings.results_path = std::filesystem::absolute(settings.results_path);
  settings.passwords_path = std::filesystem::absolute(settings.passwords_path);
  job.settings = settings.ToJson();
  RETURN_IF_ERROR(store_.CreateJob(job));
  return Run(std::move(job), settings, actor, progress, stop);
}

Result<JobReport> BulkJobs::Resume(std::string_view job_id, const ProgressCallback& progress,
                                   const std::atomic<bool>& stop) {
  ASSIGN_OR_RETURN(BulkJob job, store_.GetJob(job_id));
  if (!job.undo_of.empty()) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Job {} undoes job {}; run `admin365 bulk undo {}` again to "
                                     "finish it.",
                                     job.id, job.undo_of, job.undo_of)));
  }
  if (job.state == JobState::kCompleted) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Job {} is complete; nothing to resume.", job.id)));
  }
  ASSIGN_OR_RETURN(const std::string digest, FileDigest(job.input_path));
  if (digest != job.input_digest) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("{} changed since job {} started; resume needs the same "
                                     "file. Put the original back, or start a new job.",
                                     job.input_path, job.id)));
  }
  ASSIGN_OR_RETURN(const BulkSettings settings, BulkSettings::FromJson(job.settings));
  RETURN_IF_ERROR(store_.SetState(job.id, JobState::kRunning, std::nullopt));
  const Actor actor{.name = job.actor};  // before `job` is moved from
  return Run(std::move(job), settings, actor, progress, stop);
}

Result<JobReport> BulkJobs::Run(BulkJob job, const BulkSettings& settings, const Actor& actor,
                                const ProgressCallback& progress, const std::atomic<bool>& stop) {
  ASSIGN_OR_RETURN(const BulkActionInfo* action, FindBulkAction(settings.action));
  ASSIGN_OR_RETURN(std::unique_ptr<UserCsv> csv, UserCsv::Open(job.input_path));
  ASSIGN_OR_RETURN(const TenantSnapshot tenant, TenantSnapshot::Load(directory_));

  // What earlier runs of the job did: finished rows, and the steps of unfinished ones.
  std::map<long long, RowOutcome> earlier;
  ASSIGN_OR_RETURN(std::vector<RowOutcome> outcomes, store_.ReadOutcomes(job.id));
  for (RowOutcome& outcome : outcomes) earlier.emplace(outcome.row, std::move(outcome));
  std::map<long long, std::map<int, std::string>> committed;
  ASSIGN_OR_RETURN(const std::vector<JobStep> steps, directory_.ListCommittedJobSteps(job.id));
  for (const JobStep& step : steps) committed[step.row][step.step] = step.before;
  BulkTemplates templates(templates_, directory_);

  ASSIGN_OR_RETURN(std::unique_ptr<ResultsCsv> results,
                   ResultsCsv::Create(settings.results_path, *csv));
  std::unique_ptr<PasswordsCsv> passwords;

  RETURN_IF_ERROR(directory_.BeginWriteBatch());
  const int threads = settings.threads > 0
                          ? settings.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  Pipeline pipeline(static_cast<std::size_t>(threads) * 8);
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      while (std::optional<UserCsvRow> row = pipeline.Take()) {
        if (stop.load()) continue;  // left for resume
        const RowInput input = InputOf(*row, settings);
        const auto done = committed.find(row->row);
        std::map<int, std::string> done_steps =
            done == committed.end() ? std::map<int, std::string>() : done->second;
        Actor row_actor = actor;
        row_actor.origin = fmt::format("bulk job {} row {}", job.id, row->row);
        row_actor.job_step = JobStep{.job_id = job.id, .row = row->row};
        const bool wrote_before = !done_steps.empty();
        RowRun run(directory_, tenant, &templates, std::move(row_actor), std::move(done_steps));
        Result<RowResult> result = RunRow(*action, input, run);
        Finished finished{.outcome = Outcome(input, result, wrote_before)};
        if (result) finished.password = std::move(result->generated_password);
        finished.row = std::move(*row);
        pipeline.Finish(std::move(finished));
      }
    });
  }

  // The writer: results in input order, passwords as they come, outcomes in batches.
  Status written = Ok();
  JobCounts counts;
  BulkProgress shown;
  std::thread writer([&] {
    std::map<long long, Finished> waiting;
    long long next_row = 1;
    std::vector<RowOutcome> batch;
    auto write_status = [&](Status status) {
      if (!status && written) written = std::move(status);
    };
    // Outcomes are journalled only once the writes they report are durable.
    std::size_t unflushed = 0;  // rows finished since the last flush
    // Outcomes are journalled, and results written, only once the writes they report are
    // durable.
    auto flush = [&] {
      unflushed = 0;
      if (Status durable = directory_.FlushWrites(); !durable) {
        write_status(std::move(durable));
        batch.clear();
        return;
      }
      write_status(store_.RecordOutcomes(job.id, batch));
      batch.clear();
      for (auto it = waiting.find(next_row); it != waiting.end(); it = waiting.find(next_row)) {
        write_status(results->Write(it->second.row, it->second.outcome));
        waiting.erase(it);
        ++next_row;
      }
    };
    for (;;) {
      std::vector<Finished> finished = pipeline.TakeFinished();
      const bool last = finished.empty() && pipeline.workers_done();
      for (Finished& item : finished) {
        if (!item.password.empty()) {
          if (!passwords) {
            auto opened = PasswordsCsv::Open(settings.passwords_path);
            if (!opened) {
              write_status(std::unexpected(opened.error()));
            } else {
              passwords = std::move(*opened);
            }
          }
          if (passwords) {
            write_status(passwords->Write(item.outcome.row, item.outcome.target_name,
                                          item.password));
          }
          item.password.clear();
        }
        switch (item.outcome.status) {
          case RowStatus::kSucceeded: ++counts.succeeded; break;
          case RowStatus::kFailed: ++counts.failed; break;
          case RowStatus::kUnchanged: ++counts.unchanged; break;
        }
        if (!earlier.contains(item.outcome.row)) batch.push_back(item.outcome);
        waiting.emplace(item.outcome.row, std::move(item));
        ++unflushed;
      }
      if (unflushed >= kOutcomeBatch || last) flush();
      if (progress) {
        shown = BulkProgress{.rows_done = counts.succeeded + counts.failed + counts.unchanged,
                             .succeeded = counts.succeeded,
                             .failed = counts.failed,
                             .unchanged = counts.unchanged,
                             .bytes_read = csv->bytes_read(),
                             .total_bytes = csv->total_bytes()};
        progress(shown);
      }
      if (last) break;
    }
  });

  // The reader: rows with an earlier outcome go straight to the results.
  Status read = Ok();
  bool stopped = false;
  for (;;) {
    if (stop.load()) {
      stopped = true;
      pipeline.Discard();
      break;
    }
    Result<std::optional<UserCsvRow>> next = csv->Next();
    if (!next) {
      read = std::unexpected(next.error());
      break;
    }
    if (!*next) break;
    UserCsvRow& row = **next;
    if (auto it = earlier.find(row.row); it != earlier.end()) {
      pipeline.Finish(Finished{.row = std::move(row), .outcome = it->second});
    } else if (row.problem) {
      RowOutcome outcome = ProblemOutcome(row, *row.problem);
      pipeline.Finish(Finished{.row = std::move(row), .outcome = std::move(outcome)});
    } else {
      pipeline.Push(std::move(row));
    }
  }
  pipeline.CloseInput();
  for (std::thread& worker : workers) worker.join();
  pipeline.WorkersDone();
  writer.join();
  RETURN_IF_ERROR(directory_.EndWriteBatch());
  RETURN_IF_ERROR(read);
  RETURN_IF_ERROR(written);
  RETURN_IF_ERROR(results->Close());

  stopped = stopped || stop.load();
  job.state = stopped ? JobState::kStopped : JobState::kCompleted;
  if (!stopped) job.finished_at = clock_.Now();
  RETURN_IF_ERROR(store_.SetState(job.id, job.state, job.finished_at));
  JobReport report{.job = std::move(job),
                   .warnings = csv->unknown_columns(),
                   .stopped = stopped,
                   .passwords_written = passwords ? passwords->written() : 0};
  ASSIGN_OR_RETURN(report.counts, store_.CountOutcomes(report.job.id));
  return report;
}

Result<UndoReport> BulkJobs::Undo(std::string_view job_id, const Actor& actor) {
  ASSIGN_OR_RETURN(const BulkJob original, store_.GetJob(job_id));
  if (!original.undo_of.empty()) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Job {} is itself an undo; it cannot be undone.",
                                     original.id)));
  }
  ASSIGN_OR_RETURN(const BulkActionInfo* action, FindBulkAction(original.action));
  ASSIGN_OR_RETURN(std::optional<BulkJob> existing, store_.FindUndoOf(original.id));
  if (existing && existing->state == JobState::kCompleted) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Job {} was already undone by job {}.", original.id,
                                     existing->id)));
  }
  BulkJob undo = existing ? *existing
                          : BulkJob{.id = NewJobId(),
                                    .action = original.action,
                                    .actor = actor.name,
                                    .created_at = clock_.Now(),
                                    .input_path = original.input_path,
                                    .input_digest = original.input_digest,
                                    .settings = original.settings,
                                    .undo_of = original.id};
  if (!existing) RETURN_IF_ERROR(store_.CreateJob(undo));

  ASSIGN_OR_RETURN(std::vector<JobStep> steps, directory_.ListCommittedJobSteps(original.id));
  ASSIGN_OR_RETURN(const std::vector<JobStep> reverted, directory_.ListCommittedJobSteps(undo.id));
  std::set<std::pair<long long, int>> already;
  for (const JobStep& step : reverted) already.emplace(step.row, step.step);
  // A row whose first write records an undo covers its later ones (a new user's licences
  // go with the user).
  std::set<long long> rows_with_undo;
  for (const JobStep& step : steps) {
    if (!step.before.empty()) rows_with_undo.insert(step.row);
  }
  std::map<long long, std::string> names;
  ASSIGN_OR_RETURN(const std::vector<RowOutcome> outcomes, store_.ReadOutcomes(original.id));
  for (const RowOutcome& outcome : outcomes) names[outcome.row] = outcome.target_name;

  UndoReport report{.undo_job = undo};
  std::set<long long> listed;
  std::vector<RowOutcome> undo_outcomes;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    const JobStep& step = *it;
    const std::string name = names.contains(step.row) ? names[step.row] : "";
    if (step.before.empty()) {
      if (!rows_with_undo.contains(step.row) && listed.insert(step.row).second) {
        report.not_reverted.push_back(fmt::format("row {}{}: {} cannot be undone", step.row,
                                                  name.empty() ? "" : " (" + name + ")",
                                                  action->irreversible));
      }
      continue;
    }
    if (already.contains({step.row, step.step})) {
      ++report.reverted;
      continue;
    }
    Actor step_actor = actor;
    step_actor.origin = fmt::format("undo of bulk job {} row {}", original.id, step.row);
    step_actor.job_step = JobStep{.job_id = undo.id, .row = step.row, .step = step.step};
    Result<std::string> done = UndoStep(step, directory_, step_actor);
    RowOutcome outcome{.row = step.row, .target_name = name};
    if (done) {
      ++report.reverted;
    } else {
      ++report.failed;
      outcome.status = RowStatus::kFailed;
      outcome.error_code = done.error().code;
      outcome.error_message = done.error().message;
      report.not_reverted.push_back(fmt::format("row {}{}: {}", step.row,
                                                name.empty() ? "" : " (" + name + ")",
                                                done.error().message));
    }
    undo_outcomes.push_back(std::move(outcome));
  }
  RETURN_IF_ERROR(store_.RecordOutcomes(undo.id, undo_outcomes));
  report.undo_job.state = JobState::kCompleted;
  report.undo_job.finished_at = clock_.Now();
  RETURN_IF_ERROR(store_.SetState(undo.id, JobState::kCompleted, report.undo_job.finished_at));
  return report;
}

Result<std::filesystem::path> BulkJobs::WriteSelection(const query::Filter* filter, bool deleted,
                                                       const std::vector<std::string>& names) {
  std::error_code error;
  std::filesystem::create_directories(jobs_directory_, error);
  const std::filesystem::path path = jobs_directory_ / fmt::format("selection-{}.csv", NewJobId());
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Cannot create {}.", path.string())));
  }
  out << "id,userPrincipalName\r\n";
  for (const std::string& name : names) {
    out << (IsUuid(name) ? name + "," : "," + name) << "\r\n";
  }
  UserListOptions options{.page_size = 999};
  if (filter) options.filter = *filter;
  for (bool more = names.empty(); more;) {
    ASSIGN_OR_RETURN(const UserPage page, deleted ? directory_.ListDeletedUsers(options)
                                                  : directory_.ListUsers(options));
    for (const User& user : page.users) out << user.id << ',' << user.user_principal_name << "\r\n";
    options.skip_token = page.next_skip_token;
    more = !page.next_skip_token.empty();
  }
  out.close();
  if (!out) {
    return Fail(JobError(ErrorKind::kFailedPrecondition,
                         fmt::format("Cannot write {}.", path.string())));
  }
  return path;
}

}  // namespace admin365::manage
