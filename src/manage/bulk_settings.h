#pragma once

// BulkSettings: how a bulk job runs, stored with the job (as JSON) so that `bulk resume`
// runs it the same way.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace admin365::manage {

struct BulkSettings {
  std::string action;  // bulk_action.h's name
  // Values for fields the file leaves out or empty (`--set field=value`), e.g.
  // {"addLicenses", "SPE_E3"} for every row.
  std::vector<std::pair<std::string, std::string>> defaults;
  int threads = 0;  // 0: one per core
  std::filesystem::path results_path;    // the results CSV
  std::filesystem::path passwords_path;  // generated passwords, created with mode 0600

  std::string ToJson() const;
  static Result<BulkSettings> FromJson(std::string_view json);
};

}  // namespace admin365::manage
