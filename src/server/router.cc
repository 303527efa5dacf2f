#include "server/router.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cctype>

#include "common/ascii.h"
#include "server/oidc_documents.h"
#include "server/sts_error.h"
#include "server/tenant_route.h"

namespace admin365::server {

namespace json = boost::json;

namespace {

constexpr std::string_view kJson = "application/json; charset=utf-8";
constexpr UnixSeconds kTenantSizeRefresh = 60;

// "2026-11-23T04:18:06" (Graph's innerError date has no zone).
std::string InnerErrorDate(UnixSeconds now) {
  std::string date = FormatIso8601(now);
  date.pop_back();
  return date;
}

HttpResponse JsonResponse(int status, std::string body) {
  return HttpResponse{
      .status = status, .headers = {{"Content-Type", std::string(kJson)}}, .body = std::move(body)};
}

HttpResponse StsErrorResponse(const StsError& error, const StsContext& context) {
  HttpResponse response = JsonResponse(error.status, StsErrorBody(error, context));
  response.headers.emplace_back("Cache-Control", "no-store, no-cache");
  response.headers.emplace_back("Pragma", "no-cache");
  return response;
}

StsError TenantNotFound(std::string_view tenant) {
  return StsError{
      .error = "invalid_tenant",
      .code = 90002,
      .description = fmt::format(
          "Tenant '{}' not found. Check to make sure you have the correct tenant ID and are "
          "signing into the correct cloud. Check with your subscription administrator, this may "
          "happen if there are no active subscriptions for the tenant.",
          tenant)};
}

// The summed cost of a $batch body's requests (each is throttled on its own in Graph;
// here the batch is admitted or refused whole).
RequestCost BatchCost(std::string_view body) {
  RequestCost total{.resource_units = 0, .writes = 0};
  boost::system::error_code ec;
  const json::value batch = json::parse(body, ec);
  const json::value* requests =
      !ec && batch.is_object() ? batch.get_object().if_contains("requests") : nullptr;
  if (requests == nullptr || !requests->is_array()) return RequestCost{};
  for (const json::value& each : requests->get_array()) {
    if (!each.is_object()) continue;
    const json::value* method = each.get_object().if_contains("method");
    const json::value* url = each.get_object().if_contains("url");
    if (method == nullptr || url == nullptr || !method->is_string() || !url->is_string()) continue;
    const std::string_view target = url->get_string();
    const std::size_t question = target.find('?');
    std::string verb(method->get_string());
    for (char& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const RequestCost cost =
        CostOf(verb, target.substr(0, question),
               question == std::string_view::npos ? "" : target.substr(question + 1));
    total.resource_units += cost.resource_units;
    total.writes += cost.writes;
  }
  return total.resource_units > 0 ? total : RequestCost{};
}

}  // namespace

std::string_view HeaderValue(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (AsciiIEquals(key, name)) return value;
  }
  return {};
}

HttpResponse GraphErrorResponse(int status, std::string_view code, std::string_view message,
                                std::string_view request_id, std::string_view client_request_id,
                                UnixSeconds now) {
  json::object inner;
  inner["date"] = InnerErrorDate(now);
  inner["request-id"] = request_id;
  inner["client-request-id"] = client_request_id;
  json::object error;
  error["code"] = code;
  error["message"] = message;
  error["innerError"] = inner;
  HttpResponse response = JsonResponse(status, json::serialize(json::object{{"error", error}}));
  response.headers.emplace_back("request-id", request_id);
  response.headers.emplace_back("client-request-id", client_request_id);
  return response;
}

Router::Router(RouterOptions options, SignInDirectory& directory, TokenService& tokens,
               const KeyStore& keys, GraphHandler graph, const Clock& clock, Random& random)
    : options_(options),
      directory_(directory),
      tokens_(tokens),
      keys_(keys),
      graph_(std::move(graph)),
      clock_(clock),
      throttle_(options.throttle ? std::make_unique<Throttle>(clock, options.throttle_limits)
                                 : nullptr),
      random_(random) {}

std::string Router::NewRequestId() {
  std::lock_guard lock(mutex_);
  return NewUuid(random_);
}

HttpResponse Router::Handle(const HttpRequest& request) {
  const std::string request_id = NewRequestId();
  const std::string_view host = HeaderValue(request.headers, "Host");
  const std::string base_url = fmt::format("https://{}", host.empty() ? "localhost" : host);
  const std::size_t question = request.target.find('?');
  const std::string_view path = std::string_view(request.target).substr(0, question);
  const std::string_view query = question == std::string::npos
                                     ? std::string_view()
                                     : std::string_view(request.target).substr(question + 1);

  HttpResponse response;
  if (path == "/health") {
    response = JsonResponse(200, R"({"status":"ok"})");
  } else if (path.starts_with("/v1.0/") || path == "/v1.0" || path.starts_with("/beta/") ||
             path == "/beta") {
    const std::size_t slash = path.find('/', 1);
    const std::string_view version =
        path.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1);
    const std::string_view rest =
        slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
    response = Api(request, version, rest, query, base_url, request_id);
  } else {
    response = Identity(request, path, base_url, request_id);
  }
  if (HeaderValue(response.headers, "request-id").empty()) {
    const std::string_view client_request_id = HeaderValue(request.headers, "client-request-id");
    response.headers.emplace_back("request-id", request_id);
    response.headers.emplace_back("client-request-id", client_request_id.empty()
                                                           ? request_id
                                                           : std::string(client_request_id));
  }
  return response;
}

HttpResponse Router::Identity(const HttpRequest& request, std::string_view path,
                              const std::string& base_url, const std::string& request_id) {
  const std::string_view client_request_id = HeaderValue(request.headers, "client-request-id");
  const StsContext context{
      .now = clock_.Now(),
      .trace_id = request_id,
      .correlation_id = client_request_id.empty() ? request_id : std::string(client_request_id),
      .client_address = request.client_address};
  const std::size_t slash = path.find('/', 1);
  if (slash == std::string_view::npos) {
    return GraphErrorResponse(404, "NotFound", "No such endpoint.", request_id,
                              context.correlation_id, context.now);
  }
  const std::string tenant(path.substr(1, slash - 1));
  const std::string_view endpoint = path.substr(slash);

  if (endpoint == "/oauth2/v2.0/token") {
    if (request.method != "POST") {
      return StsErrorResponse(StsError{.error = "invalid_request",
                                       .code = 900561,
                                       .description = "The endpoint only accepts POST requests."},
                              context);
    }
    const TokenResponse token = tokens_.Token(
        TokenRequest{.tenant = tenant,
                     .form = request.body,
                     .authorization = std::string(HeaderValue(request.headers, "Authorization")),
                     .context = context});
    HttpResponse response = JsonResponse(token.status, token.body);
    response.headers.emplace_back("Cache-Control", "no-store, no-cache");
    response.headers.emplace_back("Pragma", "no-cache");
    return response;
  }
  if (request.method != "GET") {
    return GraphErrorResponse(405, "MethodNotAllowed", "The endpoint only accepts GET requests.",
                              request_id, context.correlation_id, context.now);
  }
  if (AsciiIEquals(tenant, "common") && endpoint == "/discovery/instance") {
    HttpResponse response = JsonResponse(
        200, InstanceDiscovery(base_url, base_url.substr(std::string_view("https://").size())));
    response.headers.emplace_back("Access-Control-Allow-Origin", "*");
    return response;
  }
  const bool configuration = endpoint == "/v2.0/.well-known/openid-configuration";
  const bool keys = endpoint == "/discovery/v2.0/keys" || endpoint == "/discovery/keys";
  if (!configuration && !keys) {
    return GraphErrorResponse(404, "NotFound", "No such endpoint.", request_id,
                              context.correlation_id, context.now);
  }
  auto route = ResolveTenant(directory_, tenant);
  if (!route) return StsErrorResponse(TenantNotFound(tenant), context);
  HttpResponse response = JsonResponse(
      200, configuration
               ? OpenIdConfiguration(base_url, tenant, route->alias ? "" : route->tenant_id)
               : JsonWebKeySet(keys_, route->alias
                                          ? fmt::format("{}/{{tenantid}}/v2.0", base_url)
                                          : fmt::format("{}/{}/v2.0", base_url, route->tenant_id)));
  response.headers.emplace_back("Cache-Control", "max-age=86400, private");
  response.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return response;
}

HttpResponse Router::Api(const HttpRequest& request, std::string_view version,
                         std::string_view rest, std::string_view query, const std::string& base_url,
                         const std::string& request_id) {
  const std::string_view header_client_request_id =
      HeaderValue(request.headers, "client-request-id");
  const std::string client_request_id =
      header_client_request_id.empty() ? request_id : std::string(header_client_request_id);
  auto caller = tokens_.Authenticate(HeaderValue(request.headers, "Authorization"));
  if (!caller) {
    HttpResponse response = GraphErrorResponse(
        caller.error().http_status,
        caller.error().code.empty() ? "InternalServerError" : caller.error().code,
        caller.error().message, request_id, client_request_id, clock_.Now());
    if (caller.error().http_status == 401) {
      response.headers.emplace_back(
          "WWW-Authenticate",
          "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/"
          "oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }
    return response;
  }

  std::optional<ThrottleDecision> decision;
  if (throttle_) {
    auto tenant_id = tokens_.TenantId();
    const RequestCost cost = rest == "/$batch" && request.method == "POST"
                                 ? BatchCost(request.body)
                                 : CostOf(request.method, rest, query);
    decision =
        throttle_->Admit(caller->app_id, tenant_id ? *tenant_id : "", CurrentTenantSize(), cost);
    if (!decision->admitted) {
      json::object inner;
      inner["code"] = "429";
      inner["date"] = InnerErrorDate(clock_.Now());
      inner["message"] = "Please retry after";
      inner["request-id"] = request_id;
      inner["client-request-id"] = client_request_id;
      inner["status"] = "429";
      json::object error;
      error["code"] = "TooManyRequests";
      error["innerError"] = inner;
      error["message"] = "Please retry again later.";
      HttpResponse response = JsonResponse(429, json::serialize(json::object{{"error", error}}));
      response.headers.emplace_back("Retry-After", std::to_string(decision->retry_after));
      response.headers.emplace_back("x-ms-throttle-scope", decision->scope);
      response.headers.emplace_back("x-ms-throttle-information", decision->information);
      response.headers.emplace_back("x-ms-resource-unit", std::to_string(decision->resource_units));
      if (decision->limit_percentage) {
        response.headers.emplace_back("x-ms-throttle-limit-percentage",
                                      fmt::format("{:.1f}", *decision->limit_percentage));
      }
      return response;
    }
  }

  GraphResponse graph = graph_(GraphRequest{.method = request.method,
                                            .version = std::string(version),
                                            .path = std::string(rest),
                                            .query = std::string(query),
                                            .headers = request.headers,
                                            .body = request.body,
                                            .principal = std::move(caller->principal),
                                            .request_id = request_id,
                                            .base_url = base_url});
  HttpResponse response{
      .status = graph.status, .headers = std::move(graph.headers), .body = std::move(graph.body)};
  if (HeaderValue(response.headers, "request-id").empty()) {
    response.headers.emplace_back("request-id", request_id);
    response.headers.emplace_back("client-request-id", client_request_id);
  }
  if (decision) {
    response.headers.emplace_back("x-ms-resource-unit", std::to_string(decision->resource_units));
    if (decision->limit_percentage) {
      response.headers.emplace_back("x-ms-throttle-limit-percentage",
                                    fmt::format("{:.1f}", *decision->limit_percentage));
    }
  }
  return response;
}

TenantSize Router::CurrentTenantSize() {
  const UnixSeconds now = clock_.Now();
  {
    std::lock_guard lock(mutex_);
    if (tenant_size_known_ && now - tenant_size_counted_ < kTenantSizeRefresh) return tenant_size_;
  }
  auto page = directory_.ListUsers(UserListOptions{.page_size = 1, .count = true});
  std::lock_guard lock(mutex_);
  if (page && page->total_count) {
    tenant_size_ = TenantSizeFor(*page->total_count);
    tenant_size_counted_ = now;
    tenant_size_known_ = true;
  }
  return tenant_size_;
}

}  // namespace admin365::server
