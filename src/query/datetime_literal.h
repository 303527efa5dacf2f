#pragma once

// DateTimeLiteral: an OData DateTimeOffset literal in UTC, e.g. 2026-01-01T00:00:00Z.
//
// ParseDateTimeLiteral accepts exactly `YYYY-MM-DDTHH:MM:SS(.f{1,9})?Z` (upper-case T and
// Z, a real calendar date, hours 00-23, minutes and seconds 00-59, no offsets other than
// Z) and returns std::nullopt for anything else. FormatDateTimeLiteral writes the
// canonical form back: the fraction is omitted when zero and otherwise written without
// trailing zeros, so Parse(Format(x)) == x.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace admin365::query {

struct DateTimeLiteral {
  std::int64_t unix_seconds = 0;  // whole seconds since 1970-01-01T00:00:00Z (floor)
  std::int32_t nanos = 0;         // 0..999'999'999, the fraction of the second

  friend bool operator==(const DateTimeLiteral&, const DateTimeLiteral&) = default;
};

std::optional<DateTimeLiteral> ParseDateTimeLiteral(std::string_view text);
std::string FormatDateTimeLiteral(const DateTimeLiteral& value);

}  // namespace admin365::query
