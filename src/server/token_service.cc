#include "server/token_service.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>

#include "common/ascii.h"
#include "common/base64.h"
#include "server/jwt.h"
#include "server/permissions.h"

namespace admin365::server {

namespace json = boost::json;

struct TokenService::Form {
  std::map<std::string, std::string> fields;
  std::string basic_client_id;
  std::string basic_secret;

  // The field, or "" (an empty field counts as absent, as in Entra).
  std::string Get(const std::string& name) const {
    auto it = fields.find(name);
    return it == fields.end() ? "" : it->second;
  }
  std::string ClientId() const {
    return basic_client_id.empty() ? Get("client_id") : basic_client_id;
  }
  std::string Secret() const { return basic_secret.empty() ? Get("client_secret") : basic_secret; }
};

namespace {

StsError Missing(std::string_view parameter) {
  return StsError{.error = "invalid_request",
                  .code = 900144,
                  .description = fmt::format(
                      "The request body must contain the following parameter: '{}'.", parameter)};
}

StsError InvalidGrant(int code, std::string description, std::string suberror = "") {
  return StsError{.error = "invalid_grant",
                  .code = code,
                  .description = std::move(description),
                  .suberror = std::move(suberror)};
}

std::vector<std::string> SplitScopes(std::string_view scope) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < scope.size();) {
    const std::size_t end = std::min(scope.find(' ', start), scope.size());
    if (end > start) out.emplace_back(scope.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "https://graph.microsoft.com/User.Read.All" or the GUID form -> "User.Read.All";
// anything else unchanged.
std::string WithoutGraphResource(std::string_view scope) {
  for (std::string_view resource : {kGraphResource, kGraphAppId}) {
    if (scope.size() > resource.size() &&
        AsciiIEquals(scope.substr(0, resource.size()), resource) && scope[resource.size()] == '/') {
      std::string_view rest = scope.substr(resource.size() + 1);
      while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);  // "...com//.default"
      return std::string(rest);
    }
  }
  return std::string(scope);
}

bool IsOidcScope(std::string_view scope) {
  return scope == "openid" || scope == "profile" || scope == "email" || scope == "offline_access";
}

std::string TokenBody(const std::string& access_token, const std::vector<std::string>& scopes,
                      const std::string& refresh_token) {
  json::object body;
  body["token_type"] = "Bearer";
  if (!scopes.empty()) {
    std::string scope;
    for (const std::string& each : scopes) {
      scope += (scope.empty() ? "" : " ") + std::string(kGraphResource) + "/" + each;
    }
    body["scope"] = scope;
  }
  body["expires_in"] = kAccessTokenLifetime;
  body["ext_expires_in"] = kAccessTokenLifetime;
  body["access_token"] = access_token;
  if (!refresh_token.empty()) body["refresh_token"] = refresh_token;
  return json::serialize(body);
}

// WHATWG's application/x-www-form-urlencoded decoding of one name or value: '+' is a
// space, "%XX" a byte, anything else (a stray '%', '|', '{') stays as it is. Stricter
// parsers (Boost.URL's query grammar) refuse what MSAL sends, e.g. its telemetry fields.
std::string FormDecode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
               hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The form's fields (the first of a repeated name wins) and HTTP Basic credentials.
void ParseForm(std::string_view body, std::string_view authorization,
               std::map<std::string, std::string>& fields, std::string& basic_id,
               std::string& basic_secret) {
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t end = std::min(body.find('&', start), body.size());
    const std::string_view pair = body.substr(start, end - start);
    const std::size_t equals = pair.find('=');
    if (!pair.empty()) {
      fields.emplace(FormDecode(pair.substr(0, equals)),
                     equals == std::string_view::npos ? "" : FormDecode(pair.substr(equals + 1)));
    }
    start = end + 1;
  }
  constexpr std::string_view kBasic = "Basic ";
  if (authorization.size() > kBasic.size() &&
      AsciiIEquals(authorization.substr(0, kBasic.size()), kBasic)) {
    const Result<std::string> credentials = Base64Decode(authorization.substr(kBasic.size()));
    if (!credentials) return;
    const std::string& decoded = *credentials;
    const std::size_t colon = decoded.find(':');
    if (colon == std::string::npos) return;
    // RFC 6749 §2.3.1: both parts are form-urlencoded.
    basic_id = FormDecode(std::string_view(decoded).substr(0, colon));
    basic_secret = FormDecode(std::string_view(decoded).substr(colon + 1));
  }
}

}  // namespace

TokenResponse TokenService::Token(const TokenRequest& request) {
  auto respond = [&](const Grant& grant) {
    if (grant) return TokenResponse{.status = 200, .body = *grant};
    return TokenResponse{.status = grant.error().status,
                         .body = StsErrorBody(grant.error(), request.context)};
  };
  Form form;
  ParseForm(request.form, request.authorization, form.fields, form.basic_client_id,
            form.basic_secret);
  auto tenant = ResolveTenant(directory_, request.tenant);
  if (!tenant) {
    return respond(std::unexpected(StsError{
        .error = "invalid_request",
        .code = 90002,
        .description = fmt::format(
            "Tenant '{}' not found. Check to make sure you have the correct tenant ID and are "
            "signing into the correct cloud. Check with your subscription administrator, this "
            "may happen if there are no active subscriptions for the tenant.",
            request.tenant)}));
  }
  const std::string grant_type = form.Get("grant_type");
  if (grant_type.empty()) return respond(std::unexpected(Missing("grant_type")));
  if (grant_type == "client_credentials") return respond(ClientCredentials(form, *tenant));
  if (grant_type == "password") return respond(Password(form, *tenant, request.context));
  if (grant_type == "refresh_token") return respond(RefreshToken(form, *tenant));
  return respond(std::unexpected(
      StsError{.error = "unsupported_grant_type",
               .code = 70003,
               .description =
                   fmt::format("The app requested an unsupported grant type '{}'.", grant_type)}));
}

std::expected<AppRegistration, StsError> TokenService::Client(const Form& form,
                                                              const TenantRoute& tenant,
                                                              bool secret_required) {
  const std::string client_id = form.ClientId();
  if (client_id.empty()) return std::unexpected(Missing("client_id"));
  auto app = apps_.Get(client_id);
  if (!app) {
    return std::unexpected(StsError{
        .error = "unauthorized_client",
        .code = 700016,
        .description = fmt::format(
            "Application with identifier '{}' was not found in the directory '{}'. This can "
            "happen if the application has not been installed by the administrator of the "
            "tenant or consented to by any user in the tenant. You may have sent your "
            "authentication request to the wrong tenant.",
            client_id, tenant.display_name)});
  }
  const std::string secret = form.Secret();
  if (secret.empty()) {
    if (!secret_required) return *app;
    return std::unexpected(StsError{.status = 401,
                                    .error = "invalid_client",
                                    .code = 7000218,
                                    .description =
                                        "The request body must contain the following parameter: "
                                        "'client_assertion' or 'client_secret'."});
  }
  auto matches = apps_.CheckSecret(app->client_id, secret);
  if (matches && *matches == SecretCheck::kExpired) {
    return std::unexpected(StsError{
        .status = 401,
        .error = "invalid_client",
        .code = 7000222,
        .description = fmt::format(
            "The provided client secret keys for app '{}' are expired. Visit the Azure portal "
            "to create new keys for your app: https://aka.ms/NewClientSecret, or consider "
            "using certificate credentials for added security: https://aka.ms/certCreds.",
            app->client_id)});
  }
  if (!matches || *matches != SecretCheck::kValid) {
    return std::unexpected(StsError{
        .status = 401,
        .error = "invalid_client",
        .code = 7000215,
        .description = fmt::format(
            "Invalid client secret provided. Ensure the secret being sent in the request is the "
            "client secret value, not the client secret ID, for a secret added to app '{}'.",
            app->client_id)});
  }
  return *app;
}

TokenService::Grant TokenService::ClientCredentials(const Form& form, const TenantRoute& tenant) {
  const std::string scope = form.Get("scope");
  if (scope.empty()) return std::unexpected(Missing("scope"));
  auto app = Client(form, tenant, /*secret_required=*/true);
  if (!app) return std::unexpected(app.error());
  if (tenant.alias) {
    return std::unexpected(StsError{
        .error = "invalid_request",
        .code = 50194,
        .description = fmt::format(
            "Application '{}'({}) is not configured as a multi-tenant application. Usage of the "
            "/common endpoint is not supported for such applications created after "
            "'10/15/2018'. Use a tenant-specific endpoint or configure the application to be "
            "multi-tenant.",
            app->client_id, app->display_name)});
  }
  const std::vector<std::string> scopes = SplitScopes(scope);
  const std::string single = scopes.size() == 1 ? WithoutGraphResource(scopes[0]) : "";
  if (scopes.size() == 1 && single != ".default" && !single.ends_with("/.default")) {
    return std::unexpected(StsError{
        .error = "invalid_scope",
        .code = 1002012,
        .description = fmt::format(
            "The provided value for scope {} is not valid. Client credential flows must have a "
            "scope value with /.default suffixed to the resource identifier (application ID URI).",
            scope)});
  }
  if (single != ".default") {
    return std::unexpected(StsError{
        .error = "invalid_scope",
        .code = 70011,
        .description = fmt::format(
            "The provided request must include a 'scope' input parameter. The provided value for "
            "the input parameter 'scope' is not valid. The scope {} is not valid.",
            scope)});
  }
  const UnixSeconds now = clock_.Now();
  const TokenClaims claims{.audience = std::string(kGraphResource),
                           .issuer = fmt::format("https://sts.windows.net/{}/", tenant.tenant_id),
                           .tenant_id = tenant.tenant_id,
                           .app_id = app->client_id,
                           .app_display_name = app->display_name,
                           .object_id = app->client_id,
                           .id_type = "app",
                           .token_use = "access",
                           .roles = app->permissions,
                           .issued_at = now,
                           .not_before = now,
                           .expires_at = now + kAccessTokenLifetime};
  return TokenBody(EncodeJwt(claims, keys_), {}, "");
}

TokenService::Grant TokenService::Password(const Form& form, const TenantRoute& tenant,
                                           const StsContext& context) {
  const std::string username = form.Get("username");
  const std::string password = form.Get("password");
  const std::string scope = form.Get("scope");
  if (form.ClientId().empty()) return std::unexpected(Missing("client_id"));
  if (username.empty()) return std::unexpected(Missing("username"));
  if (password.empty()) return std::unexpected(Missing("password"));
  if (scope.empty()) return std::unexpected(Missing("scope"));
  auto app = Client(form, tenant, /*secret_required=*/false);
  if (!app) return std::unexpected(app.error());

  std::vector<std::string> scopes;
  bool offline_access = false;
  for (const std::string& requested : SplitScopes(scope)) {
    if (IsOidcScope(requested)) {
      offline_access = offline_access || requested == "offline_access";
      continue;
    }
    const std::string name = WithoutGraphResource(requested);
    if (name == ".default") {
      scopes.insert(scopes.end(), app->permissions.begin(), app->permissions.end());
    } else if (auto known = CanonicalPermission(name)) {
      scopes.push_back(*known);
    } else {
      return std::unexpected(StsError{
          .error = "invalid_scope",
          .code = 70011,
          .description = fmt::format(
              "The provided value for the input parameter 'scope' is not valid. The scope {} is "
              "not valid.",
              requested)});
    }
  }
  std::sort(scopes.begin(), scopes.end());
  scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());

  auto user = directory_.GetUser(username);
  if (!user || username.find('@') == std::string::npos) {
    return std::unexpected(InvalidGrant(
        50034, fmt::format("The user account {{EUII Hidden}} does not exist in the {} directory. "
                           "To sign into this application, the account must be added to the "
                           "directory.",
                           tenant.tenant_id)));
  }
  const auto checked = CheckSignIn(*user, password, *app);
  const SignIn sign_in{.id = context.trace_id,
                       .created_date_time = context.now,
                       .user_id = user->id,
                       .user_principal_name = user->user_principal_name,
                       .user_display_name = user->display_name,
                       .app_id = app->client_id,
                       .app_display_name = app->display_name,
                       .ip_address = context.client_address,
                       .correlation_id = context.correlation_id,
                       .error_code = checked ? 0 : checked.error().code,
                       .failure_reason = checked ? "" : checked.error().description};
  if (auto recorded = directory_.RecordSignIn(sign_in); !recorded) {
    return std::unexpected(StsError{.status = 500,
                                    .error = "server_error",
                                    .code = 90033,
                                    .description = "A transient error has occurred. Please try "
                                                   "again."});
  }
  if (!checked) return std::unexpected(checked.error());
  return UserTokens(*user, app->client_id, tenant.tenant_id, scopes, offline_access);
}

std::expected<void, StsError> TokenService::CheckSignIn(const User& user,
                                                       std::string_view password,
                                                       const AppRegistration& app) {
  // Smart lockout: a locked account is refused whatever the password.
  auto sign_in = directory_.SignInWithPassword(
      Actor{.name = "app:" + app.client_id, .origin = "sign-in"}, user.id, password);
  if (sign_in && *sign_in == SignInDirectory::PasswordSignIn::kLocked) {
    return std::unexpected(InvalidGrant(
        50053, "The account is locked, you've tried to sign in too many times with an "
               "incorrect user ID or password."));
  }
  if (!sign_in || *sign_in != SignInDirectory::PasswordSignIn::kAccepted) {
    return std::unexpected(
        InvalidGrant(50126, "Error validating credentials due to invalid username or password."));
  }
  if (!user.account_enabled) {
    return std::unexpected(InvalidGrant(50057, "The user account is disabled."));
  }
  if (user.force_change_password_next_sign_in) {
    return std::unexpected(
        InvalidGrant(50055, "The password is expired.", "user_password_expired"));
  }
  auto authentication = directory_.GetAuthenticationInfo(user.id);
  if (authentication && authentication->per_user_mfa_state != PerUserMfaState::kDisabled) {
    return std::unexpected(InvalidGrant(
        50076,
        fmt::format("Due to a configuration change made by your administrator, or because you "
                    "moved to a new location, you must use multi-factor authentication to "
                    "access '{}'.",
                    kGraphAppId),
        "basic_action"));
  }
  return {};
}

TokenService::Grant TokenService::RefreshToken(const Form& form, const TenantRoute& tenant) {
  const std::string refresh_token = form.Get("refresh_token");
  if (form.ClientId().empty()) return std::unexpected(Missing("client_id"));
  if (refresh_token.empty()) return std::unexpected(Missing("refresh_token"));
  auto app = Client(form, tenant, /*secret_required=*/false);
  if (!app) return std::unexpected(app.error());
  auto claims = DecodeJwt(refresh_token, keys_);
  if (!claims || claims->token_use != "refresh" || claims->tenant_id != tenant.tenant_id) {
    return std::unexpected(
        InvalidGrant(9002313, "Invalid request. Request is malformed or invalid."));
  }
  if (claims->audience != app->client_id) {
    return std::unexpected(InvalidGrant(70000, "Provided grant is invalid or malformed."));
  }
  const UnixSeconds now = clock_.Now();
  if (now >= claims->expires_at) {
    return std::unexpected(InvalidGrant(
        700082, fmt::format("The refresh token has expired due to inactivity. The token was "
                            "issued on {} and was inactive for 90.00:00:00.",
                            FormatIso8601(claims->issued_at))));
  }
  auto user = directory_.GetUser(claims->object_id);
  if (!user) {
    return std::unexpected(InvalidGrant(
        50034, fmt::format("The user account {{EUII Hidden}} does not exist in the {} directory. "
                           "To sign into this application, the account must be added to the "
                           "directory.",
                           tenant.tenant_id)));
  }
  if (!user->account_enabled) {
    return std::unexpected(InvalidGrant(50057, "The user account is disabled."));
  }
  if (claims->issued_at < user->sign_in_sessions_valid_from_date_time) {
    return std::unexpected(InvalidGrant(
        50173, fmt::format("The provided grant has expired due to it being revoked, a fresh auth "
                           "token is needed. The user might have changed or reset their "
                           "password. The grant was issued on '{}' and the TokensValidFrom date "
                           "(before which tokens are not valid) for this user is '{}'.",
                           FormatIso8601(claims->issued_at),
                           FormatIso8601(user->sign_in_sessions_valid_from_date_time))));
  }
  return UserTokens(*user, app->client_id, tenant.tenant_id, claims->scopes, true);
}

TokenService::Grant TokenService::UserTokens(const User& user, const std::string& client_id,
                                             const std::string& tenant_id,
                                             const std::vector<std::string>& scopes,
                                             bool offline_access) {
  const UnixSeconds now = clock_.Now();
  TokenClaims claims{.audience = std::string(kGraphResource),
                     .issuer = fmt::format("https://sts.windows.net/{}/", tenant_id),
                     .tenant_id = tenant_id,
                     .app_id = client_id,
                     .object_id = user.id,
                     .id_type = "user",
                     .upn = user.user_principal_name,
                     .token_use = "access",
                     .scopes = scopes,
                     .issued_at = now,
                     .not_before = now,
                     .expires_at = now + kAccessTokenLifetime};
  const std::string access_token = EncodeJwt(claims, keys_);
  std::string refresh_token;
  if (offline_access) {
    claims.audience = client_id;
    claims.token_use = "refresh";
    claims.expires_at = now + kRefreshTokenLifetime;
    refresh_token = EncodeJwt(claims, keys_);
  }
  return TokenBody(access_token, scopes, refresh_token);
}

Result<std::string> TokenService::TenantId() {
  std::lock_guard lock(tenant_mutex_);
  if (tenant_id_.empty()) {
    ASSIGN_OR_RETURN(const Tenant tenant, directory_.GetTenant());
    tenant_id_ = tenant.id;
  }
  return tenant_id_;
}

Result<Caller> TokenService::Authenticate(std::string_view authorization) {
  auto refuse = [](std::string message) {
    return std::unexpected(Error{.kind = ErrorKind::kUnauthenticated,
                                 .http_status = 401,
                                 .code = "InvalidAuthenticationToken",
                                 .message = std::move(message)});
  };
  constexpr std::string_view kBearer = "Bearer ";
  std::string_view token;
  if (authorization.size() > kBearer.size() &&
      AsciiIEquals(authorization.substr(0, kBearer.size()), kBearer)) {
    token = authorization.substr(kBearer.size());
  }
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  if (token.empty()) return refuse("Access token is empty.");
  auto claims = DecodeJwt(token, keys_);
  if (!claims) {
    return refuse(claims.error().message == "signature"
                      ? "Access token validation failure. Invalid signature."
                      : "Access token validation failure.");
  }
  const UnixSeconds now = clock_.Now();
  if (now < claims->not_before || now >= claims->expires_at) {
    return refuse("Access token has expired or is not yet valid.");
  }
  if (claims->audience != kGraphResource && claims->audience != kGraphAppId) {
    return refuse("Access token validation failure. Invalid audience.");
  }
  ASSIGN_OR_RETURN(const std::string tenant_id, TenantId());
  if (claims->tenant_id != tenant_id ||
      claims->issuer != fmt::format("https://sts.windows.net/{}/", tenant_id)) {
    return refuse("Access token validation failure. Invalid issuer.");
  }
  // Only a forged token, or one signed with a leaked key, lives longer than this issuer
  // makes them or was issued in the future.
  if (claims->expires_at - claims->issued_at > kAccessTokenLifetime || claims->issued_at > now) {
    return refuse("Access token validation failure. Invalid lifetime.");
  }
  Caller caller{.app_id = claims->app_id};
  if (claims->id_type == "app") {
    caller.principal = Principal{.kind = Principal::Kind::kApplication,
                                 .id = claims->app_id,
                                 .audit_name = "app:" + claims->app_id,
                                 .roles = {claims->roles.begin(), claims->roles.end()}};
  } else {
    caller.principal = Principal{.kind = Principal::Kind::kUser,
                                 .id = claims->object_id,
                                 .audit_name = "user:" + claims->upn,
                                 .scopes = {claims->scopes.begin(), claims->scopes.end()}};
  }
  return caller;
}

}  // namespace admin365::server
