#pragma once

// GraphCall: one routed request as a handler sees it — the request, the directory, the
// values of the route's {placeholders} (percent-decoded) and the Actor that
// writes are recorded under (the principal's audit name).
//
// Handlers have the type Handler: they return the response, or the Error that
// graph_api.cc renders in Graph's error shape. A handler checks nothing the router
// already did (method, permission).

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "directory/directory.h"
#include "server/graph/graph_api.h"

namespace admin365::server {

struct GraphCall {
  const GraphRequest& request;
  Directory& directory;
  std::vector<std::string> params;  // the route's {placeholders}, decoded, in order
  Actor actor;

  // The value of header `name` (case-insensitive), "" when absent.
  std::string_view Header(std::string_view name) const;
  // True with the header `ConsistencyLevel: eventual` (Graph's advanced queries, §3.12).
  bool EventualConsistency() const;
  // "https://host/v1.0": where the API's URLs start.
  std::string ServiceRoot() const;
  // "https://host/v1.0/$metadata#{fragment}": an @odata.context value.
  std::string Context(std::string_view fragment) const;
};

using Handler = Result<GraphResponse> (*)(GraphCall& call);

// The value of header `name` in `headers` (case-insensitive), "" when absent.
std::string_view FindHeader(const HeaderList& headers, std::string_view name);

// The request's client-request-id header, or its request id when the client sent none:
// what Graph echoes in the client-request-id response header and error bodies.
std::string_view ClientRequestId(const GraphRequest& request);

}  // namespace admin365::server
