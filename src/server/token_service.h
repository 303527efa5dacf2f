#pragma once

// TokenService: the embedded tenant's security token service. It answers
// POST /{tenant}/oauth2/v2.0/token the way Entra does (entra-graph-facts.md §5.1) and checks
// the bearer token of every API call.
//
// Grants:
//   client_credentials  an app registration (server/app_registry.h) with its secret, in the
//                       form or HTTP Basic; scope "https://graph.microsoft.com/.default";
//                       the token's roles are the app's granted permissions.
//   password (ROPC)     a user of the tenant with their password, for a registered app (a
//                       secret, if sent, must be right); scope: Graph permissions, or
//                       ".default" for the app's; "offline_access" adds a refresh token.
//   refresh_token       a refresh token this service issued to the same app.
// Refusals carry Entra's AADSTS codes: 900144 (missing parameter), 90002 (unknown
// tenant), 50194 (client credentials on common/organizations), 700016 (unknown app),
// 7000218/7000215 (missing/wrong secret), 1002012/70011 (scope), 50034 (unknown user),
// 50126 (wrong password), 50057 (blocked user), 50055 (password must be changed),
// 50076 (per-user MFA enabled or enforced), 9002313/70000/700082 (bad, foreign or expired
// refresh token), 50173 (sessions revoked after the refresh token was issued), 70003
// (unsupported grant type).
//
// Tokens: see server/jwt.h. Access tokens live 3599 s, refresh tokens 90 days.
//
// Thread-safe.

#include <expected>
#include <set>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/random.h"
#include "common/result.h"
#include "directory/sign_in_directory.h"
#include "server/app_registry.h"
#include "server/graph/graph_api.h"
#include "server/key_store.h"
#include "server/sts_error.h"
#include "server/tenant_route.h"

namespace admin365::server {

inline constexpr std::string_view kGraphResource = "https://graph.microsoft.com";
inline constexpr std::string_view kGraphAppId = "00000003-0000-0000-c000-000000000000";
inline constexpr UnixSeconds kAccessTokenLifetime = 3599;
inline constexpr UnixSeconds kRefreshTokenLifetime = 90 * 24 * 60 * 60;

struct TokenRequest {
  std::string tenant;         // the {tenant} path segment
  std::string form;           // the application/x-www-form-urlencoded body
  std::string authorization;  // the Authorization header, for HTTP Basic client auth
  StsContext context;
};

struct TokenResponse {
  int status = 200;
  std::string body;  // JSON: the tokens, or an StsErrorBody
};

// The caller an API call's bearer token proves, and the app it came through (for the
// throttle's per-app buckets).
struct Caller {
  Principal principal;
  std::string app_id;
};

class TokenService {
 public:
  TokenService(SignInDirectory& directory, AppRegistry& apps, const KeyStore& keys,
               const Clock& clock)
      : directory_(directory), apps_(apps), keys_(keys), clock_(clock) {}

  TokenResponse Token(const TokenRequest& request);

  // Checks `authorization` ("Bearer <jwt>"): signature, lifetime, audience (Graph),
  // issuer and tenant. Error: 401 InvalidAuthenticationToken with Graph's message
  // ("Access token is empty.", "Access token has expired or is not yet valid.",
  // "Access token validation failure. Invalid audience.", ...).
  Result<Caller> Authenticate(std::string_view authorization);

  // The tenant's id, read from the directory once (it never changes after init) rather
  // than on every call under the directory's lock.
  Result<std::string> TenantId();

 private:
  struct Form;
  // The success body, or the refusal.
  using Grant = std::expected<std::string, StsError>;
  Grant ClientCredentials(const Form& form, const TenantRoute& tenant);
  // Records each attempt for an existing user in the sign-in log.
  Grant Password(const Form& form, const TenantRoute& tenant, const StsContext& context);
  // Whether `user` may sign in with `password` through `app` now (smart lockout, the
  // password, then the account's state), as Entra checks them.
  std::expected<void, StsError> CheckSignIn(const User& user, std::string_view password,
                                            const AppRegistration& app);
  Grant RefreshToken(const Form& form, const TenantRoute& tenant);
  // Checks the client id (and the secret when sent, or when `secret_required`).
  std::expected<AppRegistration, StsError> Client(const Form& form, const TenantRoute& tenant,
                                                  bool secret_required);
  Grant UserTokens(const User& user, const std::string& client_id, const std::string& tenant_id,
                   const std::vector<std::string>& scopes, bool offline_access);

  SignInDirectory& directory_;
  AppRegistry& apps_;
  const KeyStore& keys_;
  const Clock& clock_;
  std::mutex tenant_mutex_;
  std::string tenant_id_;  // "" until first read
};

}  // namespace admin365::server
