#pragma once

// Test-only support for the bulk tests: BulkJobTest, an embedded tenant (the engine's
// LocalDirectoryTest fixture) with a job store and BulkJobs over it, and helpers that
// write an input file, run a job and read its results back.

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "domain/graph_errors.h"
#include "engine/engine_test_support.h"
#include "manage/bulk_job.h"
#include "manage/template.h"

namespace admin365::manage::bulk_test {

using engine_test::kActor;

class BulkJobTest : public engine_test::LocalDirectoryTest {
 protected:
  void SetUp() override {
    LocalDirectoryTest::SetUp();
    auto store = BulkJobStore::Open(data_dir_ / "jobs.db");
    ASSERT_THAT(store, Succeeds());
    store_ = std::move(*store);
    auto templates = TemplateStore::Open(data_dir_ / "tenant.db", &clock_);
    ASSERT_THAT(templates, Succeeds());
    templates_ = std::move(*templates);
    jobs_ = std::make_unique<BulkJobs>(*directory_, *store_, templates_.get(), clock_,
                                       data_dir_ / "jobs");
  }

  void TearDown() override {
    jobs_.reset();
    templates_.reset();
    store_.reset();
    LocalDirectoryTest::TearDown();
  }

  // Writes `content` to a file of the test's directory and returns its path.
  std::filesystem::path WriteInput(const std::string& name, const std::string& content) {
    const std::filesystem::path path = root_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Runs a job to its end; fails the test if the job itself fails.
  JobReport RunJob(const std::filesystem::path& input, BulkSettings settings) {
    std::atomic<bool> stop{false};
    auto report = jobs_->Start(input, std::move(settings), kActor, nullptr, stop);
    EXPECT_THAT(report, Succeeds());
    return report ? *report : JobReport{};
  }
  JobReport RunJob(const std::string& action, const std::string& csv,
                   std::vector<std::pair<std::string, std::string>> defaults = {}) {
    return RunJob(WriteInput(action + ".csv", csv),
                  BulkSettings{.action = action, .defaults = std::move(defaults), .threads = 2});
  }

  // The rows of a results file, one string per line: "status|errorCode|errorMessage|field".
  std::vector<std::string> Outcomes(const JobReport& report) {
    auto outcomes = store_->ReadOutcomes(report.job.id);
    EXPECT_THAT(outcomes, Succeeds());
    std::vector<std::string> lines;
    for (const RowOutcome& outcome : outcomes ? *outcomes : std::vector<RowOutcome>{}) {
      lines.push_back(fmt::format("{} {} {}|{}|{}|{}", outcome.row, outcome.target_name,
                                  RowStatusName(outcome.status), outcome.error_code,
                                  outcome.error_message, outcome.error_field));
    }
    return lines;
  }

  std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  BulkSettings Stored(const JobReport& report) {
    auto settings = BulkSettings::FromJson(report.job.settings);
    EXPECT_THAT(settings, Succeeds());
    return settings ? *settings : BulkSettings{};
  }

  std::unique_ptr<BulkJobStore> store_;
  std::unique_ptr<TemplateStore> templates_;
  std::unique_ptr<BulkJobs> jobs_;
};

}  // namespace admin365::manage::bulk_test
