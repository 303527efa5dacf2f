#pragma once

// Building GraphResponses: JSON bodies (serialized with Boost.JSON), 204, text/plain, the
// error body of a failed call, and reading a request's JSON body.
//
// Error body (entra-graph-facts.md §3.13):
//   {"error":{"code","message","innerError":{"date","request-id","client-request-id"},
//             "details"?:[{"code","target","message"?}]}}
// `date` is the UTC time without zone ("2026-01-01T00:00:00"); `client-request-id` echoes
// the request's header, or repeats the request id when the client sent none.

#include <boost/json/fwd.hpp>
#include <cstddef>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"
#include "server/graph/graph_api.h"

namespace admin365::server {

// The largest request body the facade reads (Graph's 4 MB request limit).
inline constexpr std::size_t kMaxBodyBytes = 4 * 1024 * 1024;

// `status` with `body` as application/json.
GraphResponse JsonResponse(int status, const boost::json::value& body);
GraphResponse JsonResponse(int status, const boost::json::object& body);
GraphResponse NoContent();
GraphResponse TextResponse(int status, std::string body);

// OData's metadata levels: when the request's Accept asks for odata.metadata=none (as
// CLI for Microsoft 365 does), a successful JSON body loses its control information
// ("@odata.context", "@odata.type", "@odata.id", ...) at every level, except
// "@odata.nextLink" and "@odata.count", and says so in its Content-Type. Other responses
// are left as they are.
void ApplyMetadataLevel(const GraphRequest& request, GraphResponse& response);

GraphResponse ErrorResponse(const Error& error, const GraphRequest& request, UnixSeconds now);

// The body as a JSON object. Errors: BodyTooLarge; UnreadableJsonPayload when it is not
// JSON, nests deeper than 64 levels or is not an object. An empty body reads as {} when
// `allow_empty`.
Result<boost::json::object> ParseJsonObject(std::string_view body, bool allow_empty = false);

}  // namespace admin365::server
