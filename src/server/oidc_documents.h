#pragma once

// The identity metadata MSAL and other OAuth clients read before asking for a token, in
// the shapes Entra serves (entra-graph-facts.md §5.2-5.4), with this server's own base URL
// ("https://127.0.0.1:8443") in place of https://login.microsoftonline.com.

#include <string>
#include <string_view>

#include "server/key_store.h"

namespace admin365::server {

// GET /{tenant}/v2.0/.well-known/openid-configuration. `tenant_segment` is the path's
// segment; `tenant_id` the tenant's GUID, or "" for common/organizations, whose issuer
// keeps Entra's "{tenantid}" placeholder.
std::string OpenIdConfiguration(std::string_view base_url, std::string_view tenant_segment,
                                std::string_view tenant_id);

// GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...: this host as
// its own cloud (preferred_network and preferred_cache = `host`).
std::string InstanceDiscovery(std::string_view base_url, std::string_view host);

// GET /{tenant}/discovery/v2.0/keys: the JWKS with the token-signing keys, current first.
std::string JsonWebKeySet(const KeyStore& keys, std::string_view issuer);

}  // namespace admin365::server
