// `admin365 bulk ...`: bulk jobs from a CSV file or a selection of users.

#include <csignal>
#include <memory>

#include <fmt/format.h>

#include "cli/bulk_progress.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "common/ascii.h"
#include "common/random.h"
#include "manage/bulk_job.h"
#include "query/filter_parser.h"

namespace admin365::cli {

namespace {

std::atomic<bool> stop_requested{false};

// The first Ctrl-C stops the job at a row boundary; a second one kills the process.
extern "C" void RequestStop(int) {
  stop_requested.store(true);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

struct JobOptions {
  std::string action;
  std::string file;
  std::string filter;
  std::vector<std::string> users;
  std::vector<std::string> set;
  int threads = 0;
  std::string results;
  std::string passwords;
  bool dry_run = false;
  std::string template_name;
};

// Everything a bulk command works with.
struct BulkSession {
  Directory* directory;
  std::unique_ptr<manage::BulkJobStore> store;
  std::unique_ptr<manage::TemplateStore> templates;
  SystemClock clock;
  std::unique_ptr<manage::BulkJobs> jobs;
};

Result<std::unique_ptr<BulkSession>> OpenSession(Context& context) {
  ASSIGN_OR_RETURN(Directory * directory, context.Directory());
  RETURN_IF_ERROR(context.OpenLocalStores());
  auto session = std::make_unique<BulkSession>();
  session->directory = directory;
  const std::filesystem::path data(context.options().data_directory);
  ASSIGN_OR_RETURN(session->store, manage::BulkJobStore::Open(data / "jobs.db"));
  ASSIGN_OR_RETURN(session->templates, manage::TemplateStore::Open(data / "tenant.db"));
  session->jobs = std::make_unique<manage::BulkJobs>(*directory, *session->store,
                                                     session->templates.get(), session->clock,
                                                     data / "jobs");
  return session;
}

Error UsageError(std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message)};
}

Result<manage::BulkSettings> SettingsOf(const JobOptions& options) {
  manage::BulkSettings settings{.action = options.action,
                                .threads = options.threads,
                                .results_path = options.results,
                                .passwords_path = options.passwords};
  for (const std::string& assignment : options.set) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
      return Fail(UsageError(fmt::format("--set {} is not FIELD=VALUE.", assignment)));
    }
    std::string field = assignment.substr(0, equals);
    // A job's settings are stored for resume: they must never hold a secret.
    if (AsciiIEquals(field, "password")) {
      return Fail(UsageError("--set password=... would give every row the same password and "
                             "store it with the job; put passwords in the file, or leave them "
                             "out to generate one per user."));
    }
    settings.defaults.emplace_back(std::move(field), assignment.substr(equals + 1));
  }
  if (!options.template_name.empty()) settings.defaults.emplace_back("template", options.template_name);
  return settings;
}

// The job's input: the file, or the selection written as one.
Result<std::filesystem::path> InputOf(const JobOptions& options, manage::BulkJobs& jobs) {
  const int sources = !options.file.empty() + !options.filter.empty() + !options.users.empty();
  if (sources != 1) {
    return Fail(UsageError("Give the rows as a CSV FILE, or select users with --filter or "
                           "--users (one of the three)."));
  }
  if (!options.file.empty()) return std::filesystem::path(options.file);
  const bool deleted = options.action == "restore" || options.action == "hard-delete";
  if (!options.users.empty()) return jobs.WriteSelection(nullptr, deleted, options.users);
  ASSIGN_OR_RETURN(const query::Filter filter, query::ParseFilter(options.filter));
  return jobs.WriteSelection(&filter, deleted, {});
}

Record PlanRecord(const manage::UserCsvRow& row, const Result<manage::RowResult>& result) {
  std::string user;
  if (const std::string* upn = row.Find("userPrincipalName")) user = *upn;
  if (const std::string* id = row.Find("id"); user.empty() && id) user = *id;
  if (!result) {
    return {{"row", std::to_string(row.row)},
            {"line", std::to_string(row.line)},
            {"user", user},
            {"plan", std::string("error")},
            {"detail", result.error().message},
            {"field", result.error().target}};
  }
  return {{"row", std::to_string(row.row)},
          {"line", std::to_string(row.line)},
          {"user", result->target_name.empty() ? user : result->target_name},
          {"plan", std::string(result->changed ? "change" : "unchanged")},
          {"detail", result->description},
          {"field", std::string()}};
}

void PrintWarnings(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    fmt::print(stderr, "warning: {} is not a column admin365 knows; it is ignored.\n", warning);
  }
}

// Prints a finished or stopped job and sets the exit code: rows that failed make it
// kExitRowsFailed, a stop kExitInterrupted.
void Report(Context& context, const manage::JobReport& report,
            const manage::BulkSettings& settings) {
  const manage::JobCounts& counts = report.counts;
  fmt::print("Job {}: {} succeeded, {} failed, {} unchanged\n", report.job.id, counts.succeeded,
             counts.failed, counts.unchanged);
  fmt::print("Results: {}\n", settings.results_path.string());
  if (report.passwords_written > 0) {
    fmt::print("Passwords: {} ({} generated, readable by you only)\n",
               settings.passwords_path.string(), report.passwords_written);
  }
  if (report.stopped) {
    fmt::print("Stopped at a row boundary. Resume with: admin365 bulk resume {}\n", report.job.id);
    context.exit_code = kExitInterrupted;
  } else if (counts.failed > 0) {
    context.exit_code = kExitRowsFailed;
  }
}

Result<manage::JobReport> RunWithProgress(
    const std::function<Result<manage::JobReport>(const manage::ProgressCallback&,
                                                  const std::atomic<bool>&)>& run) {
  stop_requested.store(false);
  std::signal(SIGINT, RequestStop);
  std::signal(SIGTERM, RequestStop);
  BulkProgressPrinter printer(stderr);
  Result<manage::JobReport> report =
      run([&](const manage::BulkProgress& progress) { printer.Update(progress); }, stop_requested);
  printer.Finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  return report;
}

void AddJobOptions(CLI::App* command, JobOptions& options) {
  command->add_option("action", options.action, "The action (`admin365 bulk actions` lists them)")
      ->required();
  command->add_option("file", options.file, "The CSV file (Entra, admin center, MSOnline or Graph headers)");
  command->add_option("--filter", options.filter, "Select the users with an OData $filter");
  command->add_option("--users", options.users, "Select these users (UPNs or ids)")
      ->delimiter(',');
  command->add_option("--set", options.set,
                      "FIELD=VALUE for every row that leaves FIELD out or empty (repeatable)");
  command->add_option("--template", options.template_name,
                      "Create with this template where a row names none (= --set template=NAME)");
}

// What `bulk plan` and `bulk run` start from.
struct PreparedJob {
  std::unique_ptr<BulkSession> session;
  manage::BulkSettings settings;
  std::filesystem::path input;
};

Result<PreparedJob> Prepare(Context& context, const JobOptions& options) {
  PreparedJob job;
  ASSIGN_OR_RETURN(job.session, OpenSession(context));
  ASSIGN_OR_RETURN(job.settings, SettingsOf(options));
  ASSIGN_OR_RETURN(job.input, InputOf(options, *job.session->jobs));
  return job;
}

void Plan(Context& context, const JobOptions& options) {
  auto job = Prepare(context, options);
  if (!job) return context.Fail(job.error());
  std::vector<Record> records;
  auto report = job->session->jobs->Plan(job->input, job->settings,
                                       [&](const manage::UserCsvRow& row,
                                           const Result<manage::RowResult>& result) {
                                         records.push_back(PlanRecord(row, result));
                                       });
  if (!report) return context.Fail(report.error());
  PrintWarnings(report->warnings);
  context.Print(records, false);
  std::fflush(stdout);  // the table first, then the summary
  fmt::print(stderr, "Plan ({} file): {} rows: {} to change, {} unchanged, {} with errors. "
                     "Nothing was changed.\n",
             report->dialect, report->rows, report->ready, report->unchanged, report->failed);
  if (report->failed > 0) context.exit_code = kExitRowsFailed;
}

void Run(Context& context, const JobOptions& options) {
  if (options.dry_run) return Plan(context, options);
  auto job = Prepare(context, options);
  if (!job) return context.Fail(job.error());
  auto report = RunWithProgress([&](const auto& progress, const auto& stop) {
    return job->session->jobs->Start(job->input, job->settings, context.actor(), progress, stop);
  });
  if (!report) return context.Fail(report.error());
  PrintWarnings(report->warnings);
  auto stored = manage::BulkSettings::FromJson(report->job.settings);
  if (!stored) return context.Fail(stored.error());
  Report(context, *report, *stored);
}

Record JobRecord(const manage::BulkJob& job, const manage::JobCounts& counts) {
  return {{"id", job.id},
          {"action", job.action},
          {"state", std::string(manage::JobStateName(job.state))},
          {"createdDateTime", FormatIso8601(job.created_at)},
          {"finishedDateTime", job.finished_at ? FormatIso8601(*job.finished_at) : std::string()},
          {"initiatedBy", job.actor},
          {"input", job.input_path},
          {"undoOf", job.undo_of},
          {"succeeded", std::to_string(counts.succeeded)},
          {"failed", std::to_string(counts.failed)},
          {"unchanged", std::to_string(counts.unchanged)}};
}

}  // namespace

void AddBulkCommands(CLI::App& app, Context& context) {
  CLI::App* bulk = app.add_subcommand("bulk", "Bulk jobs from a CSV file or a selection of users");
  bulk->require_subcommand(1);

  bulk->add_subcommand("actions", "List the actions and the columns each needs")
      ->callback([&context] {
        std::vector<Record> records;
        for (const manage::BulkActionInfo& info : manage::AllBulkActions()) {
          std::vector<std::string> needs;
          if (info.keyed) needs.push_back("userPrincipalName|id");
          for (std::string_view field : info.needs_all) needs.emplace_back(field);
          std::string any;
          for (std::string_view field : info.needs_one_of) {
            any += fmt::format("{}{}", any.empty() ? "" : "|", field);
          }
          if (!any.empty()) needs.push_back(any);
          records.push_back({{"action", std::string(info.name)},
                             {"summary", std::string(info.summary)},
                             {"needs", needs},
                             {"undo", std::string(info.irreversible.empty()
                                                      ? "yes"
                                                      : fmt::format("not {}", info.irreversible))}});
        }
        context.Print(records, false);
      });

  auto plan_options = std::make_shared<JobOptions>();
  CLI::App* plan = bulk->add_subcommand(
      "plan", "Check every row against the tenant and show what would change (a dry run)");
  AddJobOptions(plan, *plan_options);
  plan->callback([&context, plan_options] { Plan(context, *plan_options); });

  auto run_options = std::make_shared<JobOptions>();
  CLI::App* run = bulk->add_subcommand("run", "Run a bulk job");
  AddJobOptions(run, *run_options);
  run->add_option("--threads", run_options->threads, "Rows run at once (default: one per core)")
      ->check(CLI::Range(1, 256));
  run->add_option("--results", run_options->results, "The results CSV (default: in the job's directory)");
  run->add_option("--passwords", run_options->passwords,
                  "Where generated passwords go, mode 0600 (default: in the job's directory)");
  run->add_flag("--dry-run", run_options->dry_run, "Plan only: change nothing");
  run->callback([&context, run_options] { Run(context, *run_options); });

  auto job_id = std::make_shared<std::string>();
  CLI::App* resume = bulk->add_subcommand("resume", "Finish a stopped or interrupted job");
  resume->add_option("job", *job_id, "The job id (or its first characters)")->required();
  resume->callback([&context, job_id] {
    auto session = OpenSession(context);
    if (!session) return context.Fail(session.error());
    auto report = RunWithProgress([&](const auto& progress, const auto& stop) {
      return (*session)->jobs->Resume(*job_id, progress, stop);
    });
    if (!report) return context.Fail(report.error());
    auto settings = manage::BulkSettings::FromJson(report->job.settings);
    if (!settings) return context.Fail(settings.error());
    Report(context, *report, *settings);
  });

  auto undo_id = std::make_shared<std::string>();
  CLI::App* undo = bulk->add_subcommand("undo", "Revert what a job changed, where possible");
  undo->add_option("job", *undo_id, "The job id (or its first characters)")->required();
  undo->callback([&context, undo_id] {
    auto session = OpenSession(context);
    if (!session) return context.Fail(session.error());
    auto report = (*session)->jobs->Undo(*undo_id, context.actor());
    if (!report) return context.Fail(report.error());
    fmt::print("Undo job {}: {} change(s) reverted, {} failed\n", report->undo_job.id,
               report->reverted, report->failed);
    for (const std::string& line : report->not_reverted) fmt::print("not reverted: {}\n", line);
    if (report->failed > 0) context.exit_code = kExitRowsFailed;
  });

  auto list_limit = std::make_shared<int>(50);
  CLI::App* list = bulk->add_subcommand("list", "The newest jobs first");
  list->add_option("--limit", *list_limit, "At most this many jobs")->check(CLI::Range(1, 10000));
  list->callback([&context, list_limit] {
    auto session = OpenSession(context);
    if (!session) return context.Fail(session.error());
    auto jobs = (*session)->store->ListJobs(*list_limit);
    if (!jobs) return context.Fail(jobs.error());
    std::vector<Record> records;
    for (const manage::BulkJob& job : *jobs) {
      auto counts = (*session)->store->CountOutcomes(job.id);
      if (!counts) return context.Fail(counts.error());
      records.push_back(JobRecord(job, *counts));
    }
    context.Print(records, false);
  });

  auto show_id = std::make_shared<std::string>();
  CLI::App* show = bulk->add_subcommand("show", "A job and its counts");
  show->add_option("job", *show_id, "The job id (or its first characters)")->required();
  show->callback([&context, show_id] {
    auto session = OpenSession(context);
    if (!session) return context.Fail(session.error());
    auto job = (*session)->store->GetJob(*show_id);
    if (!job) return context.Fail(job.error());
    auto counts = (*session)->store->CountOutcomes(job->id);
    if (!counts) return context.Fail(counts.error());
    context.Print({JobRecord(*job, *counts)}, true);
  });
}

}  // namespace admin365::cli
