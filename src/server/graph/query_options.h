#pragma once

// OData system query options (entra-graph-facts.md §3.12): reading them from a raw query
// string (Boost.URL decodes it), and the rules Graph applies to a list of users — page
// size, $count, $search and $filter through query/, $orderby, and which of them need the
// advanced-query parameters (header ConsistencyLevel: eventual plus $count=true).
//
// Options are matched by name case-insensitively; options Graph does not serve here
// ($format, custom ones) are ignored, as Graph ignores unsupported parameters. $expand is
// read by expand.h.

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "directory/directory.h"

namespace admin365::server {

struct QueryOptions {
  std::optional<std::string> select;
  std::optional<std::string> filter;
  std::optional<std::string> orderby;
  std::optional<std::string> top;
  std::optional<std::string> count;
  std::optional<std::string> search;
  std::optional<std::string> skiptoken;
  std::optional<std::string> expand;
};

// The options of `query` (without '?'), decoded ('+' reads as a space); characters a
// query may not hold (spaces, '"') are taken as they are. Errors: InvalidQueryString for
// a bad percent-encoding; DuplicateQueryOption.
Result<QueryOptions> ParseQueryOptions(std::string_view query);

// True for an advanced query: header ConsistencyLevel: eventual (`eventual_consistency`)
// with $count=true. Errors: InvalidCountOption for a $count other than true/false.
Result<bool> IsAdvancedQuery(const QueryOptions& options, bool eventual_consistency);

// The parsed $filter, if any: ParseFilter's errors; UnsupportedQuery for a filter that
// RequiresAdvancedQuery outside an advanced query.
Result<std::optional<query::Filter>> ListFilter(const QueryOptions& options, bool advanced);

// Which users a list reads: the active ones (/users) or the recycle bin
// (/directory/deletedItems/microsoft.graph.user, which may also sort on deletedDateTime).
enum class UserCollection { kActive, kDeleted };

// The Directory page request for a list of users, applying Graph's rules:
//  - $top: 1-999, default 100; else InvalidPageSize;
//  - $count: true/false, else InvalidCountOption; it counts only in an advanced query
//    (eventual consistency), and is silently ignored otherwise;
//  - $search needs eventual consistency (SearchNeedsEventualConsistency); it is parsed by
//    ParseUserSearch (user_search.h) and combined with $filter by `and`;
//  - $filter: ParseFilter's errors; a filter that RequiresAdvancedQuery, without
//    eventual consistency and $count=true, gives UnsupportedQuery;
//  - $orderby: one of displayName, userPrincipalName (and deletedDateTime for the recycle
//    bin, in an advanced query only) with optional asc/desc; anything else, or an
//    $orderby with $filter or $search outside an advanced query, gives SortingNotSupported;
//  - $skiptoken is passed on as the Directory's skip token.
Result<UserListOptions> UserListRequest(const QueryOptions& options, bool eventual_consistency,
                                        UserCollection collection);

// `query` with its $skiptoken (if any) replaced by `skip_token`: the query string of an
// @odata.nextLink.
std::string QueryWithSkipToken(std::string_view query, std::string_view skip_token);

}  // namespace admin365::server
