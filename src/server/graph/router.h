#pragma once

// The route table of the Graph facade: method + path (decoded segments after the version)
// -> the handler and the permission it requires. Literal segments match
// case-insensitively, as Graph's do; "{}" matches any one segment and becomes a
// GraphCall parameter. A key may also be given in OData's key syntax, in the segment
// that names its collection: "users('{id or UPN}')", "groups({id})". Some routes exist only in beta (authentication/requirements and
// signInPreferences).
//
// Errors: SegmentNotFound(first segment no route knows) when no route has the path, or
// (the segment) for a key that is not closed or quoted right;
// MethodNotAllowed when routes have the path but not the method.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "server/graph/graph_call.h"
#include "server/graph/permissions.h"

namespace admin365::server {

struct RouteMatch {
  Handler handler = nullptr;
  Permission permission = Permission::kUserRead;
  std::vector<std::string> params;
};

Result<RouteMatch> MatchRoute(std::string_view method, std::string_view version,
                              const std::vector<std::string>& segments);

}  // namespace admin365::server
