#pragma once

// Jwt: the server's tokens as compact RS256 JSON Web Tokens (RFC 7519), signed and
// verified with the KeyStore's key.
//
// Access tokens look like Entra's v1 Graph tokens (entra-graph-facts.md §5.1): aud
// "https://graph.microsoft.com", iss "https://sts.windows.net/{tid}/", tid, appid, oid,
// idtyp "app" or "user", roles (application permissions) or scp (delegated, space
// separated), ver "1.0", iat/nbf/exp. Refresh tokens use the same format with aud = the
// client id and token_use "refresh"; Entra's are opaque, ours only have to be unforgeable.
//
//   std::string token = EncodeJwt(claims, keys);
//   ASSIGN_OR_RETURN(TokenClaims claims, DecodeJwt(token, keys));  // signature checked only

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "server/key_store.h"

namespace admin365::server {

struct TokenClaims {
  std::string audience;
  std::string issuer;
  std::string tenant_id;
  std::string app_id;     // the client id of the app the token was issued to
  std::string app_display_name;  // app tokens: the app's name (claim app_displayname)
  std::string object_id;  // the user's object id; for app tokens the client id
  std::string id_type;    // "app" or "user"
  std::string upn;        // user tokens only
  std::string token_use;  // "access" or "refresh"
  std::vector<std::string> roles;
  std::vector<std::string> scopes;
  UnixSeconds issued_at = 0;
  UnixSeconds not_before = 0;
  UnixSeconds expires_at = 0;
};

std::string EncodeJwt(const TokenClaims& claims, const KeyStore& keys);

// The claims of `token` if it is a well-formed JWT with alg RS256 whose signature `keys`
// verifies. Lifetime, audience and issuer are the caller's to check. Error:
// Unauthenticated with a short reason ("malformed", "signature").
Result<TokenClaims> DecodeJwt(std::string_view token, const KeyStore& keys);

}  // namespace admin365::server
