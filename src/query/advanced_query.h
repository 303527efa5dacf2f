#pragma once

// RequiresAdvancedQuery: whether Microsoft Graph serves a $filter on directory objects
// only as an "advanced query" (header `ConsistencyLevel: eventual` plus `$count=true`),
// per entra-graph-facts §3.12. Such filters use any of: the `ne` operator (also
// `$count ne`), `not`, `endswith`, or `$count` on a collection (e.g. `proxyAddresses/
// $count eq 0`), anywhere in the tree including lambda bodies.
//
// The HTTP layer answers a filter that needs it, sent without those parameters, with
// 400 Request_UnsupportedQuery "Unsupported Query.". Nothing here fails.

#include "query/filter.h"

namespace admin365::query {

bool RequiresAdvancedQuery(const Filter& filter);

}  // namespace admin365::query
