#pragma once

// ASCII helpers. Entra compares names (UPNs, domains, proxy addresses) case-insensitively
// over ASCII, which is all those values may contain.

#include <string>
#include <string_view>

namespace admin365 {

std::string AsciiLower(std::string_view text);
bool AsciiIEquals(std::string_view a, std::string_view b);
bool IsAscii(std::string_view text);
// `text` without leading and trailing spaces and tabs.
std::string_view AsciiTrim(std::string_view text);

}  // namespace admin365
