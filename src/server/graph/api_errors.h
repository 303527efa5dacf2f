#pragma once

// The errors of the Graph facade itself: malformed requests, unknown routes, query
// options Graph refuses, $batch payloads. Directory failures keep domain/graph_errors.h's
// errors; these complete the catalogue with what Microsoft Graph answers before a request
// reaches the directory (entra-graph-facts.md §3.11-§3.13). Where Graph's exact wording is
// not recorded, the message is admin365's, in Graph's style, and says so here.

#include <cstddef>
#include <string_view>

#include "common/result.h"

namespace admin365::server {

// 400 BadRequest "Unable to read JSON request payload. Please ensure Content-Type header is
// set and payload is of valid JSON format." (Graph's): not JSON, or not the expected shape.
Error UnreadableJsonPayload();
// 413 Request_EntityTooLarge "The request body is larger than the limit of {limit} bytes."
// (admin365's wording).
Error BodyTooLarge(std::size_t limit);
// 400 BadRequest "Resource not found for the segment '{segment}'." (Graph's).
Error SegmentNotFound(std::string_view segment);
// 405 Request_BadRequest "Specified HTTP method is not allowed for the request target."
// (Graph's).
Error MethodNotAllowed();
// 400 BadRequest "/me request is only valid with delegated authentication flow." (Graph's).
Error MeNeedsDelegatedToken();

// --- Query options (§3.12) ---

// 400 BadRequest "The query specified in the URI is not valid." (OData's).
Error InvalidQueryString();
// 400 BadRequest "Query option '{name}' was specified more than once, but it must be
// specified at most once." (OData's).
Error DuplicateQueryOption(std::string_view name);
// 400 Request_UnsupportedQuery "Invalid page size specified: '{text}'. Must be between 1
// and {max} inclusive." (Graph's; 999 for users, 1000 for sign-ins).
Error InvalidPageSize(std::string_view text, int max = 999);
// 400 Request_BadRequest "The specified page token value has expired or is invalid."
// (Graph's), target $skiptoken.
Error InvalidPageToken();
// 400 BadRequest "Invalid value '{text}' for $count query option found. Valid values are
// 'true', 'false'." (OData's).
Error InvalidCountOption(std::string_view text);
// 400 BadRequest "Parsing OData Select and Expand failed: Could not find a property named
// '{name}' on type 'microsoft.graph.user'." (Graph's).
Error UnknownSelectProperty(std::string_view name, std::string_view type);
// 400 Request_UnsupportedQuery "Unsupported Query." (Graph's): an advanced query without
// ConsistencyLevel: eventual and $count=true.
Error UnsupportedQuery();
// 400 Request_UnsupportedQuery "Sorting not supported for current query." (Graph's).
Error SortingNotSupported();
// 400 Request_UnsupportedQuery "Request with $search query parameter only works through
// MSGraph with a special request header: 'ConsistencyLevel: eventual'" (Graph's).
Error SearchNeedsEventualConsistency();
// 400 Request_BadRequest "$count is not currently supported." (Graph's).
Error CountNotSupported();
// 400 BadRequest "Invalid $search: {reason}" (admin365's wording).
Error InvalidSearch(std::string_view reason);
// 400 Request_UnsupportedQuery "Unsupported Query." for GET /directory/deletedItems
// without a type cast (Graph refuses it; its wording for this case is not recorded).
Error DeletedItemsNeedTypeCast();

// --- Request bodies ---

// 400 Request_BadRequest "The value of '@odata.id' must be the URL of a directory object."
// (admin365's wording): a $ref body without a usable @odata.id.
Error InvalidObjectReference();
// 400 Request_BadRequest "The parameter '{name}' of the action is missing or of the wrong
// type." (admin365's wording): getMemberGroups' securityEnabledOnly, checkMemberGroups'
// groupIds, checkMemberObjects' ids.
Error InvalidActionParameter(std::string_view name);
// 400 Request_BadRequest "A resource cannot contain more than 20 link changes" (Graph's,
// observed: microsoft-graph-docs issue 6016): members@odata.bind and owners@odata.bind
// together.
Error TooManyLinkChanges(std::size_t limit);
// 400 Request_BadRequest "admin365 changes a group's members@odata.bind and
// owners@odata.bind only; '{name}' cannot be changed yet." (admin365's: the rest of PATCH
// /groups is not served).
Error GroupPropertyNotServed(std::string_view name);
// 400 Request_BadRequest "At most {limit} ids can be checked in one request; {name} has
// more. Split the list." (admin365's wording; Graph's limit is 20).
Error TooManyCheckedIds(std::string_view name, std::size_t limit);

// --- $batch (§3.11) ---

// 400 BadRequest "Invalid batch payload format: {reason}" (admin365's wording).
Error InvalidBatchPayload(std::string_view reason);
// 400 BadRequest "Number of batch requests exceeds the limit of 20." (admin365's wording).
Error TooManyBatchRequests(std::size_t limit);
// 424 FailedDependency "The request failed because a request it depends on failed."
// (admin365's wording).
Error FailedDependency();

}  // namespace admin365::server
