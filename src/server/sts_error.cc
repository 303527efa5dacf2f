#include "server/sts_error.h"

#include <fmt/format.h>

#include <boost/json.hpp>

namespace admin365::server {

std::string StsErrorBody(const StsError& error, const StsContext& context) {
  // "2026-11-23T04:18:06Z" -> "2026-11-23 04:18:06Z"
  std::string timestamp = FormatIso8601(context.now);
  timestamp[10] = ' ';
  boost::json::object body;
  body["error"] = error.error;
  body["error_description"] =
      fmt::format("AADSTS{}: {}\r\nTrace ID: {}\r\nCorrelation ID: {}\r\nTimestamp: {}", error.code,
                  error.description, context.trace_id, context.correlation_id, timestamp);
  body["error_codes"] = boost::json::array{error.code};
  body["timestamp"] = timestamp;
  body["trace_id"] = context.trace_id;
  body["correlation_id"] = context.correlation_id;
  body["error_uri"] = fmt::format("https://login.microsoftonline.com/error?code={}", error.code);
  if (!error.suberror.empty()) body["suberror"] = error.suberror;
  return boost::json::serialize(body);
}

}  // namespace admin365::server
