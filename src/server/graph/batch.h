#pragma once

// RunBatch: POST /$batch (JSON batching, entra-graph-facts.md §3.11).
//
// The body is {"requests": [{"id", "method", "url", "headers"?, "body"?, "dependsOn"?}]}:
// at most 20 requests with distinct non-empty ids; urls relative to the batch's version
// ("/users?$top=5" or "users?$top=5"); a request with a body has a Content-Type header;
// dependsOn names other requests of the batch, without cycles. A payload breaking any of
// these fails whole, before any request runs: InvalidBatchPayload, TooManyBatchRequests
// (or UnreadableJsonPayload for a body that is not a JSON object).
//
// Requests run one at a time, each after the ones it depends on, through `dispatch` with
// the batch's principal, request id and base URL (so each checks its own permission). A
// request depending on one that failed (status >= 400, 424 included) does not run and
// gets 424 FailedDependency. The answer is 200 with {"responses": [{"id", "status",
// "headers", "body"?}]} in the order of the requests; a JSON body is embedded as JSON,
// another as a string. A $batch inside a batch gets 400 for that request.

#include <functional>

#include "common/clock.h"
#include "common/result.h"
#include "server/graph/graph_api.h"

namespace admin365::server {

using Dispatch = std::function<GraphResponse(const GraphRequest&)>;

// The most requests one batch may hold.
inline constexpr std::size_t kMaxBatchRequests = 20;

Result<GraphResponse> RunBatch(const GraphRequest& batch, UnixSeconds now,
                               const Dispatch& dispatch);

}  // namespace admin365::server
