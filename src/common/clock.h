#pragma once

// Clock: the only source of "now" in admin365, injectable so tests need not wait.
//
// Times are whole seconds since the Unix epoch, UTC; Graph's DateTimeOffset values carry
// second precision ("2026-11-23T01:17:42Z").

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace admin365 {

using UnixSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

// The wall clock. Thread-safe.
class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override;
};

// A clock that moves only when told to. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixSeconds start) : now_(start) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Advance(UnixSeconds seconds) { now_ += seconds; }

 private:
  std::atomic<UnixSeconds> now_;
};

// "2026-11-23T01:17:42Z": the ISO 8601 form Graph uses for DateTimeOffset.
std::string FormatIso8601(UnixSeconds time);

// Reads what Graph writes for a DateTimeOffset: "2026-11-23T01:17:42Z", with or without a
// fraction of the second (dropped). nullopt for anything else.
std::optional<UnixSeconds> ParseIso8601(std::string_view text);

}  // namespace admin365
