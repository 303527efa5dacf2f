#include "server/graph/graph_api.h"

#include <boost/url/parse_path.hpp>
#include <exception>
#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "server/graph/api_errors.h"
#include "server/graph/batch.h"
#include "server/graph/graph_call.h"
#include "server/graph/responses.h"
#include "server/graph/router.h"

namespace admin365::server {
namespace {

// The decoded segments of `path` (a leading and a trailing '/' add none); /me/... becomes
// /users/{the signed-in user's id}/....
Result<std::vector<std::string>> PathSegments(const GraphRequest& request) {
  std::string_view path = request.path;
  if (path.starts_with('/')) path.remove_prefix(1);
  if (path.ends_with('/')) path.remove_suffix(1);
  std::vector<std::string> segments;
  if (path.empty()) return segments;
  auto parsed = boost::urls::parse_path(path);
  if (!parsed) return Fail(SegmentNotFound(path));
  for (const auto& segment : *parsed) segments.push_back(segment.decode());
  if (!segments.empty() && AsciiIEquals(segments.front(), "me")) {
    if (request.principal.kind != Principal::Kind::kUser) return Fail(MeNeedsDelegatedToken());
    segments.front() = request.principal.id;
    segments.insert(segments.begin(), "users");
  }
  return segments;
}

}  // namespace

struct GraphApi::Impl {
  Directory& directory;
  Clock& clock;

  Result<GraphResponse> Route(const GraphRequest& request) {
    if (request.body.size() > kMaxBodyBytes) return Fail(BodyTooLarge(kMaxBodyBytes));
    ASSIGN_OR_RETURN(const std::vector<std::string> segments, PathSegments(request));
    if (segments.size() == 1 && segments.front() == "$batch") {
      if (request.method != "POST") return Fail(MethodNotAllowed());
      return RunBatch(request, clock.Now(),
                      [this](const GraphRequest& inner) { return Handle(inner); });
    }
    ASSIGN_OR_RETURN(RouteMatch route, MatchRoute(request.method, request.version, segments));
    if (!IsGranted(request.principal, route.permission)) {
      return Fail(errors::InsufficientPrivileges());
    }
    GraphCall call{.request = request,
                   .directory = directory,
                   .params = std::move(route.params),
                   .actor = Actor{.name = request.principal.audit_name}};
    return route.handler(call);
  }

  GraphResponse Handle(const GraphRequest& request) {
    GraphResponse response;
    try {
      Result<GraphResponse> routed = Route(request);
      response = routed ? std::move(*routed) : ErrorResponse(routed.error(), request, clock.Now());
      ApplyMetadataLevel(request, response);
    } catch (const std::exception&) {
      response =
          ErrorResponse(Error::Internal("An unexpected error occurred."), request, clock.Now());
    }
    response.headers.emplace_back("request-id", request.request_id);
    response.headers.emplace_back("client-request-id", std::string(ClientRequestId(request)));
    return response;
  }
};

GraphApi::GraphApi(Directory& directory, Clock& clock)
    : impl_(std::make_unique<Impl>(Impl{.directory = directory, .clock = clock})) {}

GraphApi::~GraphApi() = default;

GraphResponse GraphApi::Handle(const GraphRequest& request) { return impl_->Handle(request); }

}  // namespace admin365::server
