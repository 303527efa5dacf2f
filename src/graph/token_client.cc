#include "graph/token_client.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "common/base64.h"
#include "graph/graph_paths.h"

namespace admin365::graph {

namespace json = boost::json;

namespace {

std::string StringMember(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

// The claims of a JWT, unverified; an empty object if it is not one.
json::object Claims(std::string_view token) {
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first == std::string_view::npos ? 0 : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return {};
  auto payload = Base64UrlDecode(token.substr(first + 1, second - first - 1));
  if (!payload) return {};
  boost::system::error_code error;
  json::value claims = json::parse(*payload, error);
  return !error && claims.is_object() ? claims.get_object() : json::object{};
}

Error TokenRefused(long status, const json::object& body) {
  std::string description = StringMember(body, "error_description");
  // Entra appends "\r\nTrace ID: ...\r\nCorrelation ID: ...\r\nTimestamp: ..." lines.
  if (const std::size_t end = description.find_first_of("\r\n"); end != std::string::npos) {
    description.resize(end);
  }
  return Error{.kind = ErrorKind::kUnauthenticated,
               .http_status = static_cast<int>(status),
               .code = StringMember(body, "error"),
               .message = std::move(description)};
}

}  // namespace

Result<AccessToken> AcquireAppToken(HttpClient& http, const AppCredentials& credentials,
                                    UnixSeconds now) {
  const std::string url = fmt::format("{}/{}/oauth2/v2.0/token", credentials.authority_host,
                                      PercentEncode(credentials.tenant));
  const std::string form = fmt::format(
      "grant_type=client_credentials&client_id={}&client_secret={}&scope={}",
      PercentEncode(credentials.client_id), PercentEncode(credentials.client_secret),
      PercentEncode(credentials.graph_resource + "/.default"));
  ASSIGN_OR_RETURN(const HttpReply reply,
                   http.Send({.method = "POST",
                              .url = url,
                              .headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Accept", "application/json"}},
                              .body = form}));
  boost::system::error_code error;
  const json::value body = json::parse(reply.body, error);
  if (error || !body.is_object()) {
    return Fail(Error::Internal(fmt::format(
        "The token endpoint {} answered {} with a body that is not JSON", url, reply.status)));
  }
  if (reply.status != 200) return Fail(TokenRefused(reply.status, body.get_object()));
  AccessToken token{.token = StringMember(body.get_object(), "access_token")};
  const json::value* expires_in = body.get_object().if_contains("expires_in");
  if (token.token.empty() || expires_in == nullptr || !expires_in->is_number()) {
    return Fail(Error::Internal(fmt::format("The token endpoint {} gave no access token", url)));
  }
  token.expires_at = now + expires_in->to_number<std::int64_t>();
  const json::object claims = Claims(token.token);
  token.tenant_id = StringMember(claims, "tid");
  if (const json::value* roles = claims.if_contains("roles"); roles && roles->is_array()) {
    for (const json::value& role : roles->get_array()) {
      if (role.is_string()) token.roles.emplace_back(role.get_string());
    }
  }
  return token;
}

}  // namespace admin365::graph
