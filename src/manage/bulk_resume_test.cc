// Resuming bulk jobs: after a stop at a row boundary, after a crash that lost outcomes,
// and the refusals (changed input, finished job).

#include "manage/bulk_test_support.h"

namespace admin365::manage::bulk_test {
namespace {

using ::testing::HasSubstr;

class BulkResumeTest : public BulkJobTest {
 protected:
  // A create file of `rows` users u1..uN with generated passwords.
  std::filesystem::path CreateFile(int rows) {
    std::string csv = "userPrincipalName,displayName\n";
    for (int i = 1; i <= rows; ++i) {
      csv += fmt::format("u{}@contoso.onmicrosoft.com,User {}\n", i, i);
    }
    return WriteInput("create.csv", csv);
  }

  long long AddUserEvents() {
    long long count = 0;
    for (const AuditEvent& event : Events()) count += event.action == "Add user";
    return count;
  }
};

TEST_F(BulkResumeTest, AStoppedJobResumesWithoutRepeatingARow) {
  // Enough rows that the stop, asked for once 5 are done, lands well before the end.
  constexpr int kRows = 1000;
  const std::filesystem::path input = CreateFile(kRows);
  std::atomic<bool> stop{false};
  auto first = jobs_->Start(
      input, BulkSettings{.action = "create", .threads = 1}, kActor,
      [&](const BulkProgress& progress) {
        if (progress.rows_done >= 5) stop = true;
      },
      stop);
  ASSERT_THAT(first, Succeeds());
  EXPECT_TRUE(first->stopped);
  EXPECT_EQ(first->job.state, JobState::kStopped);
  const long long done_first = first->counts.succeeded;
  EXPECT_GE(done_first, 5);
  EXPECT_LT(done_first, kRows) << "the stop came after the last row";
  EXPECT_EQ(AddUserEvents(), done_first);

  std::atomic<bool> no_stop{false};
  auto second = jobs_->Resume(first->job.id.substr(0, 8), nullptr, no_stop);
  ASSERT_THAT(second, Succeeds());
  EXPECT_FALSE(second->stopped);
  EXPECT_EQ(second->job.state, JobState::kCompleted);
  EXPECT_EQ(second->counts.succeeded, kRows);
  EXPECT_EQ(second->counts.failed, 0);
  EXPECT_EQ(AddUserEvents(), kRows);
  for (int i = 1; i <= kRows; i += 37) Get(fmt::format("u{}@contoso.onmicrosoft.com", i));
  // One password line per user: the first run's and the resumed run's.
  const std::string passwords = ReadFile(Stored(*second).passwords_path);
  EXPECT_EQ(std::count(passwords.begin(), passwords.end(), '\n'), kRows + 1);
  const std::string results = ReadFile(Stored(*second).results_path);
  EXPECT_EQ(std::count(results.begin(), results.end(), '\n'), kRows + 1);

  EXPECT_THAT(jobs_->Resume(first->job.id, nullptr, no_stop),
              FailsWith(Error{.kind = ErrorKind::kFailedPrecondition,
                              .http_status = 400,
                              .code = "Request_BadRequest",
                              .message = fmt::format("Job {} is complete; nothing to resume.",
                                                     first->job.id)}));
}

// A crash after rows committed but before their outcomes were journalled: resume settles
// them from the steps the directory recorded, and writes nothing twice.
TEST_F(BulkResumeTest, RowsWhoseOutcomeWasLostAreSettledFromTheirCommittedSteps) {
  const User ann = CreateFast("ann", "Ann Lee");
  const JobReport report = RunJob("update", "userPrincipalName,department\n"
                                            "ann@contoso.onmicrosoft.com,Sales\n");
  ASSERT_EQ(report.counts.succeeded, 1);
  {
    auto db = sqlite::Database::Open((data_dir_ / "jobs.db").string());
    ASSERT_THAT(db, Succeeds());
    ASSERT_THAT((*db)->Exec("DELETE FROM bulk_job_rows; UPDATE bulk_jobs SET state = 'running', "
                            "finished_at = NULL"),
                Succeeds());
  }
  // Another admin changes the department meanwhile: the row must not be applied again.
  ASSERT_THAT(directory_->UpdateUser(kActor, ann.id, PropertyMap{{"department", std::string("HR")}}),
              Succeeds());
  const std::size_t events = EventCount();
  std::atomic<bool> stop{false};
  auto resumed = jobs_->Resume(report.job.id, nullptr, stop);
  ASSERT_THAT(resumed, Succeeds());
  EXPECT_EQ(resumed->counts.succeeded, 1);
  EXPECT_EQ(EventCount(), events);
  EXPECT_EQ(Get(ann.id).department, "HR");
}

TEST_F(BulkResumeTest, ResumeRefusesAChangedInput) {
  const std::filesystem::path input = CreateFile(3);
  std::atomic<bool> stop{true};  // stops before the first row
  auto report = jobs_->Start(input, BulkSettings{.action = "create"}, kActor, nullptr, stop);
  ASSERT_THAT(report, Succeeds());
  EXPECT_TRUE(report->stopped);
  EXPECT_EQ(report->counts.succeeded, 0);
  std::ofstream(input, std::ios::app) << "u9@contoso.onmicrosoft.com,User 9\n";
  std::atomic<bool> no_stop{false};
  auto resumed = jobs_->Resume(report->job.id, nullptr, no_stop);
  ASSERT_FALSE(resumed);
  EXPECT_THAT(resumed.error().message,
              HasSubstr("create.csv changed since job " + report->job.id +
                        " started; resume needs the same file. Put the original back, or start "
                        "a new job."));
}

}  // namespace
}  // namespace admin365::manage::bulk_test
