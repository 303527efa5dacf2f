#pragma once

// CliTest: runs the real admin365 binary against a fresh data directory and captures its
// exit code, standard output and standard error, so tests assert exactly what an admin
// sees.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace admin365::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `admin365 --data-dir <dir> args...`, feeding `input` on standard input.
  CliRun Run(const std::vector<std::string>& args, const std::string& input = "");

  // Runs with `-o json` and parses standard output; fails the test on a non-zero exit.
  boost::json::value Json(std::vector<std::string> args);

  // A tenant "Contoso" (contoso.onmicrosoft.com) with contoso.com verified.
  void InitTenant();

  // Creates a user with a valid password; returns its object id.
  std::string AddUser(const std::string& upn, const std::string& display_name,
                      std::vector<std::string> extra = {});

  std::filesystem::path data_dir_;
};

}  // namespace admin365::testing
