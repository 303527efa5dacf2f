#include "common/clock.h"

#include <chrono>
#include <cctype>
#include <ctime>

#include <fmt/format.h>

namespace admin365 {

UnixSeconds SystemClock::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatIso8601(UnixSeconds time) {
  std::time_t t = static_cast<std::time_t>(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<UnixSeconds> ParseIso8601(std::string_view text) {
  const std::string copy(text);
  std::tm tm{};
  const char* rest = ::strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (rest == nullptr) return std::nullopt;
  if (*rest == '.') {
    ++rest;
    if (!std::isdigit(static_cast<unsigned char>(*rest))) return std::nullopt;
    while (std::isdigit(static_cast<unsigned char>(*rest))) ++rest;
  }
  if (std::string_view(rest) != "Z") return std::nullopt;
  return static_cast<UnixSeconds>(::timegm(&tm));
}

}  // namespace admin365
