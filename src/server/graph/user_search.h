#pragma once

// ParseUserSearch: Graph's $search on users ($search="displayName:wa" OR "mail:wa") as a
// query::Filter the Directory can run.
//
// Syntax: clauses in double quotes, each "property:text", joined by AND / OR (AND binds
// tighter). The searchable properties are displayName, givenName, surname, mail,
// userPrincipalName and mailNickname. Graph matches tokens; admin365 matches the start of
// the property (startswith), which finds the same users for searches on a name's first
// word, the common case.
//
// Errors: InvalidSearch (api_errors.h) naming what is wrong: an unquoted or unterminated
// clause, a clause without ':', an unknown or unsearchable property, an empty text, a
// missing or unknown operator.

#include <string_view>

#include "common/result.h"
#include "query/filter.h"

namespace admin365::server {

Result<query::Filter> ParseUserSearch(std::string_view text);

}  // namespace admin365::server
