#pragma once

// Router: what the server answers to one HTTP request, without the transport.
//
//   GET  /health                                       {"status":"ok"}
//   GET  /{tenant}/v2.0/.well-known/openid-configuration
//   GET  /{tenant}/discovery/v2.0/keys                 (also /{tenant}/discovery/keys)
//   POST /{tenant}/oauth2/v2.0/token                   (server/token_service.h)
//   GET  /common/discovery/instance
//   *    /v1.0/..., /beta/...                          bearer token checked, throttled when
//                                                      enabled, then the Graph facade
//
// Every response carries `request-id` (a GUID drawn here) and `client-request-id` (the
// caller's, else the same GUID), as Graph's do. Errors of the API paths have Graph's
// body; those of the identity paths Entra's (server/sts_error.h).
//
// Thread-safe: the transport calls Handle from several threads at once.

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/random.h"
#include "server/graph/graph_api.h"
#include "server/key_store.h"
#include "server/throttle.h"
#include "server/token_service.h"

namespace admin365::server {

struct HttpRequest {
  std::string method;
  std::string target;  // path and query, as received
  HeaderList headers;
  std::string body;
  std::string client_address;  // the peer's IP address
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;
  std::string body;
};

// The value of header `name` (case-insensitive), or "".
std::string_view HeaderValue(const HeaderList& headers, std::string_view name);

// A Graph error response: {"error":{"code","message","innerError":{"date","request-id",
// "client-request-id"}}} with its request-id headers. For requests the transport refuses
// itself (413, 431, 400) as well as the router's own errors.
HttpResponse GraphErrorResponse(int status, std::string_view code, std::string_view message,
                                std::string_view request_id, std::string_view client_request_id,
                                UnixSeconds now);

using GraphHandler = std::function<GraphResponse(const GraphRequest&)>;

struct RouterOptions {
  bool throttle = false;
  ThrottleLimits throttle_limits;
};

class Router {
 public:
  Router(RouterOptions options, SignInDirectory& directory, TokenService& tokens,
         const KeyStore& keys, GraphHandler graph, const Clock& clock, Random& random);

  HttpResponse Handle(const HttpRequest& request);

  // A fresh request id.
  std::string NewRequestId();
  const Clock& clock() const { return clock_; }

 private:
  HttpResponse Identity(const HttpRequest& request, std::string_view path,
                        const std::string& base_url, const std::string& request_id);
  HttpResponse Api(const HttpRequest& request, std::string_view version, std::string_view rest,
                   std::string_view query, const std::string& base_url,
                   const std::string& request_id);
  // The tier of the tenant by its user count, recounted at most once a minute.
  TenantSize CurrentTenantSize();

  const RouterOptions options_;
  SignInDirectory& directory_;
  TokenService& tokens_;
  const KeyStore& keys_;
  GraphHandler graph_;
  const Clock& clock_;
  std::unique_ptr<Throttle> throttle_;

  std::mutex mutex_;  // guards random_ and the tenant size
  Random& random_;
  TenantSize tenant_size_ = TenantSize::kSmall;
  UnixSeconds tenant_size_counted_ = 0;
  bool tenant_size_known_ = false;
};

}  // namespace admin365::server
