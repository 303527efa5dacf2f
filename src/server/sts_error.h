#pragma once

// The errors of the identity endpoints (token, OpenID configuration), in Entra's shape
// (entra-graph-facts.md §5.1):
//
//   {"error":"invalid_scope","error_description":"AADSTS70011: ...\r\nTrace ID: ...\r\n
//    Correlation ID: ...\r\nTimestamp: 2026-11-23 04:18:06Z","error_codes":[70011],
//    "timestamp":"2026-11-23 04:18:06Z","trace_id":"...","correlation_id":"...",
//    "error_uri":"https://login.microsoftonline.com/error?code=70011"}

#include <string>
#include <string_view>

#include "common/clock.h"

namespace admin365::server {

struct StsError {
  int status = 400;
  std::string error;        // "invalid_grant", "invalid_client", ...
  int code = 0;             // the AADSTS number
  std::string description;  // the text after "AADSTS<code>: "
  std::string suberror;     // "basic_action", "user_password_expired", or ""
};

struct StsContext {
  UnixSeconds now = 0;
  std::string trace_id;        // a GUID drawn for the request
  std::string correlation_id;  // the client's client-request-id, else a GUID
  std::string client_address;  // the caller's IP address, for the sign-in log
};

// The JSON body for `error`.
std::string StsErrorBody(const StsError& error, const StsContext& context);

}  // namespace admin365::server
