#include "server/graph/responses.h"

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "server/graph/api_errors.h"
#include "server/graph/graph_call.h"

namespace admin365::server {

namespace {

constexpr std::string_view kJsonType = "application/json;odata.metadata=minimal;"
                                      "odata.streaming=true;IEEE754Compatible=false;"
                                      "charset=utf-8";

GraphResponse JsonText(int status, std::string text) {
  return GraphResponse{.status = status,
                       .headers = {{"Content-Type", std::string(kJsonType)}},
                       .body = std::move(text)};
}

// Removes the control information of `value` and of everything it holds.
void StripControlInformation(boost::json::value& value) {
  if (auto* array = value.if_array()) {
    for (boost::json::value& item : *array) StripControlInformation(item);
    return;
  }
  auto* object = value.if_object();
  if (object == nullptr) return;
  for (auto it = object->begin(); it != object->end();) {
    const std::string_view key = it->key();
    if (key.starts_with("@odata.") && key != "@odata.nextLink" && key != "@odata.count") {
      it = object->erase(it);
    } else {
      StripControlInformation(it->value());
      ++it;
    }
  }
}

}  // namespace

GraphResponse JsonResponse(int status, const boost::json::value& body) {
  return JsonText(status, boost::json::serialize(body));
}

GraphResponse JsonResponse(int status, const boost::json::object& body) {
  return JsonText(status, boost::json::serialize(body));
}

void ApplyMetadataLevel(const GraphRequest& request, GraphResponse& response) {
  if (response.status >= 300 || response.body.empty()) return;
  if (AsciiLower(FindHeader(request.headers, "Accept")).find("odata.metadata=none") ==
      std::string::npos) {
    return;
  }
  for (auto& [name, type] : response.headers) {
    if (!AsciiIEquals(name, "Content-Type") || type != kJsonType) continue;
    boost::system::error_code error;
    boost::json::value body = boost::json::parse(response.body, error);
    if (error) return;
    StripControlInformation(body);
    response.body = boost::json::serialize(body);
    type = "application/json;odata.metadata=none;odata.streaming=true;"
           "IEEE754Compatible=false;charset=utf-8";
    return;
  }
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
