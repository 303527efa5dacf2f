#include "graph/graph_client.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <thread>

namespace admin365::graph {

namespace json = boost::json;

namespace {

// A token is renewed this long before it expires, as MSAL does.
constexpr UnixSeconds kTokenRenewalMargin = 300;

std::string StringMember(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

ErrorKind KindFor(long status, const std::vector<ErrorDetail>& details) {
  for (const ErrorDetail& detail : details) {
    if (detail.code == "ObjectConflict") return ErrorKind::kConflict;
  }
  switch (status) {
    case 400: return ErrorKind::kInvalidArgument;
    case 401: return ErrorKind::kUnauthenticated;
    case 403: return ErrorKind::kPermissionDenied;
    case 404: return ErrorKind::kNotFound;
    case 409: return ErrorKind::kConflict;
    case 412: return ErrorKind::kFailedPrecondition;
    case 429:
    case 503:
    case 504: return ErrorKind::kUnavailable;
    default: return status >= 500 ? ErrorKind::kInternal : ErrorKind::kInvalidArgument;
  }
}

bool IsRetryableStatus(long status) { return status == 429 || status == 503 || status == 504; }

// Retry-After in seconds (Graph sends delta-seconds), or nullopt.
std::optional<double> RetryAfter(const HttpReply& reply) {
  const std::string value = reply.Header("Retry-After");
  if (value.empty() || !std::all_of(value.begin(), value.end(), ::isdigit)) return std::nullopt;
  return std::stod(value);
}

void SleepFor(double seconds) {
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

}  // namespace

Error GraphError(long status, std::string_view body, std::string request_id) {
  boost::system::error_code parse_error;
  const json::value parsed = json::parse(body, parse_error);
  const json::object* error = nullptr;
  if (!parse_error && parsed.is_object()) {
    if (const json::value* inner = parsed.get_object().if_contains("error");
        inner != nullptr && inner->is_object()) {
      error = &inner->get_object();
    }
  }
  Error out{.http_status = static_cast<int>(status), .request_id = std::move(request_id)};
  if (error == nullptr) {
    out.code = status >= 500 ? "ServiceUnavailable" : "BadRequest";
    out.message = fmt::format("Microsoft Graph answered HTTP {} without an error body.", status);
    out.kind = KindFor(status, {});
    return out;
  }
  out.code = StringMember(*error, "code");
  out.message = StringMember(*error, "message");
  if (const json::value* details = error->if_contains("details");
      details != nullptr && details->is_array()) {
    for (const json::value& each : details->get_array()) {
      if (!each.is_object()) continue;
      out.details.push_back({.code = StringMember(each.get_object(), "code"),
                             .target = StringMember(each.get_object(), "target"),
                             .message = StringMember(each.get_object(), "message")});
    }
    if (!out.details.empty()) out.target = out.details.front().target;
  }
  if (const json::value* inner = error->if_contains("innerError");
      out.request_id.empty() && inner != nullptr && inner->is_object()) {
    out.request_id = StringMember(inner->get_object(), "request-id");
  }
  out.kind = KindFor(status, out.details);
  return out;
}

GraphClient::GraphClient(GraphClientOptions options, const Clock& clock, Random& random)
    : options_(std::move(options)), clock_(clock), random_(random), http_(options_.http) {
  if (!options_.retry.sleep) options_.retry.sleep = SleepFor;
}

GraphCounters GraphClient::counters() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

Result<std::string> GraphClient::Token(bool renew) {
  if (renew || !token_ || clock_.Now() >= token_->expires_at - kTokenRenewalMargin) {
    ASSIGN_OR_RETURN(token_, AcquireAppToken(http_, options_.credentials, clock_.Now()));
  }
  return token_->token;
}

double GraphClient::Backoff(int attempt) {
  const double ceiling = std::min(options_.retry.max_backoff_seconds,
                                  options_.retry.first_backoff_seconds * std::pow(2.0, attempt));
  // Full jitter: uniform in [ceiling / 2, ceiling], in milliseconds.
  const auto millis = static_cast<std::uint32_t>(ceiling * 500.0);
  return (millis + random_.Uniform(millis + 1)) / 1000.0;
}

Result<HttpReply> GraphClient::SendOnce(const GraphCall& call,
                                        const std::string& client_request_id) {
  HttpCall http{.method = call.method,
                .url = call.path.starts_with("https://") ? call.path
                                                         : options_.graph_endpoint + call.path,
                .headers = call.headers};
  http.headers.emplace_back("client-request-id", client_request_id);
  http.headers.emplace_back("Accept", "application/json");
  if (call.body) {
    http.headers.emplace_back("Content-Type", "application/json");
    http.body = json::serialize(*call.body);
  }
  bool renewed = false;
  for (;;) {
    ASSIGN_OR_RETURN(const std::string token, Token(renewed));
    http.headers.emplace_back("Authorization", "Bearer " + token);
    ++counters_.requests;
    ASSIGN_OR_RETURN(HttpReply reply, http_.Send(http));
    http.headers.pop_back();
    // A token the service no longer takes (expired early, keys rolled): one new token.
    if (reply.status == 401 && !renewed) {
      renewed = true;
      continue;
    }
    return reply;
  }
}

Result<GraphReply> GraphClient::Send(const GraphCall& call) {
  std::lock_guard lock(mutex_);
  const std::string client_request_id = NewUuid(random_);
  for (int attempt = 0;; ++attempt) {
    const bool last = attempt + 1 >= options_.retry.max_attempts;
    Result<HttpReply> reply = SendOnce(call, client_request_id);
    if (!reply) {
      if (reply.error().kind != ErrorKind::kUnavailable) return Fail(reply.error());
      if (call.method == "POST") {
        return Fail(Error::Unavailable(fmt::format(
            "{} (client-request-id {}): the connection failed before Graph answered, so the "
            "{} {} may or may not have been applied.",
            reply.error().message, client_request_id, call.method, call.path)));
      }
      if (last) return Fail(reply.error());
      ++counters_.retries;
      options_.retry.sleep(Backoff(attempt));
      continue;
    }
    const std::string request_id = reply->Header("request-id");
    if (reply->status >= 200 && reply->status < 300) {
      GraphReply out{.status = reply->status,
                     .request_id = request_id,
                     .client_request_id = client_request_id};
      if (!reply->body.empty()) {
        boost::system::error_code error;
        out.body = json::parse(reply->body, error);
        if (error) {
          return Fail(Error::Internal(fmt::format(
              "Microsoft Graph answered {} {} with a body that is not JSON (request-id {}).",
              call.method, call.path, request_id)));
        }
      }
      return out;
    }
    if (reply->status == 429) ++counters_.throttled;
    const bool retryable = IsRetryableStatus(reply->status) &&
                           !(reply->status == 504 && call.method == "POST");
    const std::optional<double> retry_after = RetryAfter(*reply);
    if (!retryable || last ||
        (retry_after && *retry_after > options_.retry.max_retry_after_seconds)) {
      return Fail(GraphError(reply->status, reply->body, request_id));
    }
    ++counters_.retries;
    options_.retry.sleep(retry_after ? *retry_after : Backoff(attempt));
  }
}

Result<std::vector<json::object>> GraphClient::GetAll(std::string path, HttpHeaders headers) {
  std::vector<json::object> items;
  while (!path.empty()) {
    ASSIGN_OR_RETURN(GraphReply reply, Send({.path = path, .headers = headers}));
    if (!reply.body.is_object()) {
      return Fail(Error::Internal(fmt::format("Microsoft Graph answered GET {} without a "
                                              "collection (request-id {}).",
                                              path, reply.request_id)));
    }
    json::object& page = reply.body.get_object();
    if (json::value* value = page.if_contains("value"); value != nullptr && value->is_array()) {
      for (json::value& item : value->get_array()) {
        if (item.is_object()) items.push_back(std::move(item.get_object()));
      }
    }
    path = StringMember(page, "@odata.nextLink");
  }
  return items;
}

}  // namespace admin365::graph
