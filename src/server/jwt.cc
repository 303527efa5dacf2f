#include "server/jwt.h"

#include <boost/json.hpp>

#include "common/base64.h"

namespace admin365::server {

namespace json = boost::json;

namespace {

Error Invalid(std::string reason) {
  return Error{.kind = ErrorKind::kUnauthenticated, .http_status = 401, .message = reason};
}

std::string Header(const SigningKey& key) {
  json::object header;
  header["typ"] = "JWT";
  header["alg"] = "RS256";
  header["kid"] = key.key_id();
  return json::serialize(header);
}

json::array Strings(const std::vector<std::string>& values) {
  json::array out;
  for (const std::string& value : values) out.emplace_back(value);
  return out;
}

std::string StringClaim(const json::object& claims, std::string_view name) {
  const json::value* value = claims.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

UnixSeconds TimeClaim(const json::object& claims, std::string_view name) {
  const json::value* value = claims.if_contains(name);
  return value != nullptr && value->is_int64() ? value->get_int64() : 0;
}

}  // namespace

std::string EncodeJwt(const TokenClaims& claims, const KeyStore& keys) {
  json::object payload;
  payload["aud"] = claims.audience;
  payload["iss"] = claims.issuer;
  payload["iat"] = claims.issued_at;
  payload["nbf"] = claims.not_before;
  payload["exp"] = claims.expires_at;
  payload["tid"] = claims.tenant_id;
  payload["appid"] = claims.app_id;
  if (!claims.app_display_name.empty()) payload["app_displayname"] = claims.app_display_name;
  payload["oid"] = claims.object_id;
  payload["sub"] = claims.object_id;
  payload["idtyp"] = claims.id_type;
  if (!claims.upn.empty()) payload["upn"] = claims.upn;
  if (claims.token_use == "refresh") payload["token_use"] = claims.token_use;
  if (!claims.roles.empty()) payload["roles"] = Strings(claims.roles);
  if (!claims.scopes.empty()) {
    std::string scp;
    for (const std::string& scope : claims.scopes) scp += (scp.empty() ? "" : " ") + scope;
    payload["scp"] = scp;
  }
  payload["ver"] = "1.0";
  const std::shared_ptr<const SigningKey> key = keys.Current();
  const std::string signing_input =
      Base64UrlEncode(Header(*key)) + "." + Base64UrlEncode(json::serialize(payload));
  return signing_input + "." + Base64UrlEncode(key->Sign(signing_input));
}

Result<TokenClaims> DecodeJwt(std::string_view token, const KeyStore& keys) {
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return Fail(Invalid("malformed"));
  }
  const auto header = Base64UrlDecode(token.substr(0, first));
  const auto payload = Base64UrlDecode(token.substr(first + 1, second - first - 1));
  const auto signature = Base64UrlDecode(token.substr(second + 1));
  if (!header || !payload || !signature) return Fail(Invalid("malformed"));

  boost::system::error_code ec;
  const json::value header_json = json::parse(*header, ec);
  if (ec || !header_json.is_object()) return Fail(Invalid("malformed"));
  if (StringClaim(header_json.get_object(), "alg") != "RS256") return Fail(Invalid("algorithm"));
  const std::shared_ptr<const SigningKey> key =
      keys.Find(StringClaim(header_json.get_object(), "kid"));
  if (!key || !key->Verify(token.substr(0, second), *signature)) {
    return Fail(Invalid("signature"));
  }

  const json::value payload_json = json::parse(*payload, ec);
  if (ec || !payload_json.is_object()) return Fail(Invalid("malformed"));
  const json::object& object = payload_json.get_object();
  TokenClaims claims{
      .audience = StringClaim(object, "aud"),
      .issuer = StringClaim(object, "iss"),
      .tenant_id = StringClaim(object, "tid"),
      .app_id = StringClaim(object, "appid"),
      .app_display_name = StringClaim(object, "app_displayname"),
      .object_id = StringClaim(object, "oid"),
      .id_type = StringClaim(object, "idtyp"),
      .upn = StringClaim(object, "upn"),
      .token_use = object.contains("token_use") ? StringClaim(object, "token_use") : "access",
      .issued_at = TimeClaim(object, "iat"),
      .not_before = TimeClaim(object, "nbf"),
      .expires_at = TimeClaim(object, "exp"),
  };
  if (const json::value* roles = object.if_contains("roles"); roles && roles->is_array()) {
    for (const json::value& role : roles->get_array()) {
      if (role.is_string()) claims.roles.emplace_back(role.get_string());
    }
  }
  const std::string scp = StringClaim(object, "scp");
  for (std::size_t start = 0; start < scp.size();) {
    const std::size_t end = std::min(scp.find(' ', start), scp.size());
    if (end > start) claims.scopes.push_back(scp.substr(start, end - start));
    start = end + 1;
  }
  return claims;
}

}  // namespace admin365::server
