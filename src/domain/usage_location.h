#pragma once

// usageLocation: an ISO 3166-1 alpha-2 code of a country where Microsoft sells its
// online services. The allow-list is ISO 3166-1 (2024) less the countries under
// comprehensive embargo that Microsoft does not serve: CU, IR, KP and SY.

#include <string>
#include <string_view>

namespace admin365 {

// True for an allowed code, in upper or lower case ("US", "gb").
bool IsValidUsageLocation(std::string_view code);

// The canonical upper-case form of a code.
std::string NormalizeUsageLocation(std::string_view code);

}  // namespace admin365
