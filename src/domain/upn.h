#pragma once

// userPrincipalName syntax (entra-graph-facts.md §3.2): `alias@domain`, at most 113
// characters, alias at most 64 and domain at most 48; the alias uses only
// A-Z a-z 0-9 ' . - _ ! # ^ ~ and does not end with '.'; the domain is a DNS name.

#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365 {

inline constexpr std::size_t kMaxUpnLength = 113;
inline constexpr std::size_t kMaxUpnAliasLength = 64;
inline constexpr std::size_t kMaxUpnDomainLength = 48;

struct UpnParts {
  std::string alias;
  std::string domain;  // lower-cased
};

// Splits a syntactically valid UPN. Error: InvalidUserPrincipalName() for any breach.
Result<UpnParts> ParseUpn(std::string_view upn);

// True if `name` is a DNS domain name Entra accepts: at most 255 characters, two or more
// labels of 1-63 letters, digits and hyphens, no label starting or ending with '-', and a
// last label that is not all digits.
bool IsValidDomainName(std::string_view name);

}  // namespace admin365
