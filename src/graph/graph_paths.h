#pragma once

// How the connector writes Graph URLs: percent-encoded path segments and query values
// (a UPN may hold '#', '+' or '/'; a $filter holds spaces and quotes).

#include <string>
#include <string_view>

namespace admin365::graph {

// Everything but RFC 3986's unreserved characters, percent-encoded (libcurl's escape).
std::string PercentEncode(std::string_view text);

// "/v1.0/users/{user}" and "/v1.0/groups/{group}", the key encoded.
std::string UserPath(std::string_view user);
std::string GroupPath(std::string_view group);

}  // namespace admin365::graph
