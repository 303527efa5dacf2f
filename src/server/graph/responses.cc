#include "server/graph/responses.h"

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "server/graph/api_errors.h"
#include "server/graph/graph_call.h"

namespace admin365::server {

namespace {

GraphResponse JsonText(int status, std::string text) {
  return GraphResponse{.status = status,
                       .headers = {{"Content-Type",
                                    "application/json;odata.metadata=minimal;"
                                    "odata.streaming=true;IEEE754Compatible=false;"
                                    "charset=utf-8"}},
                       .body = std::move(text)};
}

}  // namespace

GraphResponse JsonResponse(int status, const boost::json::value& body) {
  return JsonText(status, boost::json::serialize(body));
}

GraphResponse JsonResponse(int status, const boost::json::object& body) {
  return JsonText(status, boost::json::serialize(body));
}

GraphResponse NoContent() { return GraphResponse{.status = 204}; }

GraphResponse TextResponse(int status, std::string body) {
  return GraphResponse{.status = status,
                       .headers = {{"Content-Type", "text/plain;charset=utf-8"}},
                       .body = std::move(body)};
}

GraphResponse ErrorResponse(const Error& error, const GraphRequest& request, UnixSeconds now) {
  std::string date = FormatIso8601(now);
  if (!date.empty() && date.back() == 'Z') date.pop_back();
  boost::json::object inner{{"date", date},
                            {"request-id", request.request_id},
                            {"client-request-id", ClientRequestId(request)}};
  boost::json::object body{{"code", error.code}, {"message", error.message}};
  body["innerError"] = std::move(inner);
  if (!error.details.empty()) {
    boost::json::array details;
    for (const ErrorDetail& detail : error.details) {
      boost::json::object entry{{"code", detail.code}, {"target", detail.target}};
      if (!detail.message.empty()) entry["message"] = detail.message;
      details.push_back(std::move(entry));
    }
    body["details"] = std::move(details);
  }
  return JsonResponse(error.http_status, boost::json::object{{"error", std::move(body)}});
}

Result<boost::json::object> ParseJsonObject(std::string_view body, bool allow_empty) {
  if (body.size() > kMaxBodyBytes) return Fail(BodyTooLarge(kMaxBodyBytes));
  if (allow_empty && body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return boost::json::object();
  }
  boost::json::parse_options options;
  options.max_depth = 64;
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(body, error, {}, options);
  if (error || !value.is_object()) return Fail(UnreadableJsonPayload());
  return std::move(value.as_object());
}

}  // namespace admin365::server
