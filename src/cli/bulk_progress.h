#pragma once

// How a running bulk job shows its progress on stderr: on a terminal, a bar redrawn in
// place with the rate and the time left; otherwise (a log, CI) a plain line every few
// seconds.

#include <chrono>
#include <cstdio>

#include "manage/bulk_job.h"

namespace admin365::cli {

class BulkProgressPrinter {
 public:
  explicit BulkProgressPrinter(std::FILE* out);

  void Update(const manage::BulkProgress& progress);
  // Ends the bar's line.
  void Finish();

 private:
  std::FILE* out_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_line_;
  bool drawn_ = false;
};

}  // namespace admin365::cli
