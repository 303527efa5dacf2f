#include "server/access_log.h"

#include <fmt/format.h>

namespace admin365::server {

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

void AccessLog::Record(const AccessLogEntry& entry) {
  const std::string line =
      fmt::format("{} {} {} {} {} {:.2f}ms request-id={}\n", FormatIso8601(clock_.Now()),
                  entry.remote_address, entry.method, PathOf(entry.target), entry.status,
                  entry.duration_ms, entry.request_id.empty() ? "-" : entry.request_id);
  Write(line);
}

void AccessLog::RecordRefusal(std::string_view remote_address, std::string_view reason) {
  Write(fmt::format("{} {} - refused: {}\n", FormatIso8601(clock_.Now()), remote_address, reason));
}

void AccessLog::Write(const std::string& line) {
  std::lock_guard lock(mutex_);
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
}

}  // namespace admin365::server
