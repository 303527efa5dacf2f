#include "server/oidc_documents.h"

#include <fmt/format.h>

#include <boost/json.hpp>

namespace admin365::server {

namespace json = boost::json;

namespace {

json::array Strings(std::initializer_list<std::string_view> values) {
  json::array out;
  for (std::string_view value : values) out.emplace_back(value);
  return out;
}

}  // namespace

std::string OpenIdConfiguration(std::string_view base_url, std::string_view tenant_segment,
                                std::string_view tenant_id) {
  // Entra writes a tenant's GUID into its endpoints, whichever name the path used.
  const std::string tenant =
      tenant_id.empty() ? std::string(tenant_segment) : std::string(tenant_id);
  const std::string root = fmt::format("{}/{}", base_url, tenant);
  json::object doc;
  doc["token_endpoint"] = root + "/oauth2/v2.0/token";
  doc["token_endpoint_auth_methods_supported"] =
      Strings({"client_secret_post", "private_key_jwt", "client_secret_basic"});
  doc["jwks_uri"] = root + "/discovery/v2.0/keys";
  doc["response_modes_supported"] = Strings({"query", "fragment", "form_post"});
  doc["subject_types_supported"] = Strings({"pairwise"});
  doc["id_token_signing_alg_values_supported"] = Strings({"RS256"});
  doc["response_types_supported"] =
      Strings({"code", "id_token", "code id_token", "id_token token"});
  doc["scopes_supported"] = Strings({"openid", "profile", "email", "offline_access"});
  doc["issuer"] =
      tenant_id.empty() ? fmt::format("{}/{{tenantid}}/v2.0", base_url) : root + "/v2.0";
  doc["request_uri_parameter_supported"] = false;
  doc["userinfo_endpoint"] = "https://graph.microsoft.com/oidc/userinfo";
  doc["authorization_endpoint"] = root + "/oauth2/v2.0/authorize";
  doc["device_authorization_endpoint"] = root + "/oauth2/v2.0/devicecode";
  doc["http_logout_supported"] = true;
  doc["frontchannel_logout_supported"] = true;
  doc["end_session_endpoint"] = root + "/oauth2/v2.0/logout";
  doc["claims_supported"] =
      Strings({"sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
               "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr",
               "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"});
  doc["kerberos_endpoint"] = root + "/kerberos";
  doc["tenant_region_scope"] = nullptr;
  doc["cloud_instance_name"] = "microsoftonline.com";
  doc["cloud_graph_host_name"] = "graph.windows.net";
  doc["msgraph_host"] = "graph.microsoft.com";
  doc["rbac_url"] = "https://pas.windows.net";
  return json::serialize(doc);
}

std::string InstanceDiscovery(std::string_view base_url, std::string_view host) {
  json::object metadata;
  metadata["preferred_network"] = host;
  metadata["preferred_cache"] = host;
  metadata["aliases"] = Strings({host});
  json::object doc;
  doc["tenant_discovery_endpoint"] =
      fmt::format("{}/{{tenant}}/v2.0/.well-known/openid-configuration", base_url);
  doc["api-version"] = "1.1";
  doc["metadata"] = json::array{metadata};
  return json::serialize(doc);
}

std::string JsonWebKeySet(const KeyStore& keys, std::string_view issuer) {
  json::array published;
  for (const std::shared_ptr<const SigningKey>& each : keys.Published()) {
    json::object key;
    key["kty"] = "RSA";
    key["use"] = "sig";
    key["kid"] = each->key_id();
    key["n"] = each->modulus();
    key["e"] = each->exponent();
    key["issuer"] = issuer;
    published.push_back(std::move(key));
  }
  json::object doc;
  doc["keys"] = std::move(published);
  return json::serialize(doc);
}

}  // namespace admin365::server
