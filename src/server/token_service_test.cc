// The token endpoint's grants and refusals (AADSTS codes) and the bearer-token check.

#include "server/token_service.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cctype>

#include "common/base64.h"
#include "server/identity_test_support.h"
#include "server/jwt.h"

namespace admin365::server {
namespace {

namespace json = boost::json;

using engine_test::kActor;
using engine_test::kGoodPassword;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::string_view kGraphDefault = "https%3A%2F%2Fgraph.microsoft.com%2F.default";

class TokenServiceTest : public IdentityTest {
 protected:
  std::vector<std::string> Permissions() const override {
    return {"User.ReadWrite.All", "Group.Read.All"};
  }

  // POSTs `form` to /{tenant}/oauth2/v2.0/token; returns the status and parsed body.
  std::pair<int, json::object> Post(const std::string& form,
                                    const std::string& tenant = "contoso.onmicrosoft.com") {
    const TokenResponse response = tokens_->Token(
        TokenRequest{.tenant = tenant,
                     .form = form,
                     .context = {.now = clock_.Now(), .trace_id = "t", .correlation_id = "c"}});
    return {response.status, json::parse(response.body).as_object()};
  }

  std::string AppForm(const std::string& scope = std::string(kGraphDefault)) {
    return "grant_type=client_credentials&client_id=" + client_id_ + "&client_secret=" + secret_ +
           "&scope=" + scope;
  }

  std::string PasswordForm(const std::string& user, const std::string& password,
                           const std::string& scope = "User.Read.All+offline_access") {
    return "grant_type=password&client_id=" + client_id_ + "&username=" + Encode(user) +
           "&password=" + Encode(password) + "&scope=" + scope;
  }

  // Form-encodes `text`.
  static std::string Encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out += static_cast<char>(c);
      } else {
        out += fmt::format("%{:02X}", c);
      }
    }
    return out;
  }

  // The AADSTS code of a refusal, checking its shape.
  static long long Code(const std::pair<int, json::object>& response) {
    const json::object& body = response.second;
    EXPECT_TRUE(body.contains("error_description") && body.contains("trace_id") &&
                body.contains("correlation_id") && body.contains("timestamp"));
    return body.at("error_codes").as_array().at(0).as_int64();
  }

  static std::string Error(const std::pair<int, json::object>& response) {
    return std::string(response.second.at("error").as_string());
  }

  std::string UserId(const std::string& alias) {
    return Create(engine_test::MakeNewUser(alias, alias)).id;
  }
};

TEST_F(TokenServiceTest, ClientCredentialsGiveAnAppTokenWithTheGrantedRoles) {
  const auto response = Post(AppForm());
  ASSERT_EQ(response.first, 200) << json::serialize(response.second);
  EXPECT_EQ(S(response.second.at("token_type")), "Bearer");
  EXPECT_EQ(S(response.second.at("expires_in")), "3599");
  EXPECT_EQ(S(response.second.at("ext_expires_in")), "3599");
  const std::string token(response.second.at("access_token").as_string());
  auto claims = DecodeJwt(token, *keys_);
  ASSERT_TRUE(claims.has_value());
  EXPECT_EQ(claims->audience, "https://graph.microsoft.com");
  EXPECT_EQ(claims->issuer, "https://sts.windows.net/" + tenant_id_ + "/");
  EXPECT_EQ(claims->id_type, "app");
  EXPECT_EQ(claims->app_display_name, "Provisioning");  // CLI for Microsoft 365 shows it
  EXPECT_THAT(claims->roles, ElementsAre("Group.Read.All", "User.ReadWrite.All"));
  EXPECT_EQ(claims->expires_at - claims->issued_at, 3599);

  auto caller = tokens_->Authenticate("Bearer " + token);
  ASSERT_TRUE(caller.has_value());
  EXPECT_EQ(caller->principal.kind, Principal::Kind::kApplication);
  EXPECT_EQ(caller->principal.id, client_id_);
  EXPECT_EQ(caller->principal.audit_name, "app:" + client_id_);
  EXPECT_THAT(caller->principal.roles, ElementsAre("Group.Read.All", "User.ReadWrite.All"));
  EXPECT_EQ(caller->app_id, client_id_);
}

TEST_F(TokenServiceTest, IgnoresUnknownFieldsAndDecodesFormsAsBrowsersDo) {
  // MSAL's extra fields (entra-graph-facts.md §5.1) hold characters a URL query may not.
  const auto response = Post(AppForm() +
                             "&x-client-SKU=msal.js.node&x-client-current-telemetry=5|771,2,,,|,"
                             "&x-ms-lib-capability=retry-after,+h429&claims=%7B%22access_token"
                             "%22%3A%7B%7D%7D&stray=%zz&&flag");
  EXPECT_EQ(response.first, 200) << json::serialize(response.second);
}

TEST_F(TokenServiceTest, ClientCredentialsMayComeAsHttpBasic) {
  auto post = [&](const std::string& authorization) {
    const TokenResponse response = tokens_->Token(TokenRequest{
        .tenant = "contoso.onmicrosoft.com",
        .form = "grant_type=client_credentials&scope=" + std::string(kGraphDefault),
        .authorization = authorization,
        .context = {.now = clock_.Now(), .trace_id = "t", .correlation_id = "c"}});
    return std::pair<int, json::object>(response.status, json::parse(response.body).as_object());
  };
  // RFC 6749 §2.3.1: base64 (padded) of the form-encoded id, ':' and secret.
  EXPECT_EQ(post("Basic " + Base64Encode(client_id_ + ":" + Encode(secret_))).first, 200);
  const auto wrong = post("Basic " + Base64Encode(client_id_ + ":nope"));
  EXPECT_EQ(wrong.first, 401);
  EXPECT_EQ(Code(wrong), 7000215);
  // Not base64 (extra padding, or not the alphabet): no credentials, so no client.
  EXPECT_EQ(Code(post("Basic " + Base64Encode(client_id_ + ":" + Encode(secret_)) + "=")), 900144);
  EXPECT_EQ(Code(post("Basic %%%")), 900144);
}

TEST_F(TokenServiceTest, TheTenantIsItsIdOrAVerifiedDomain) {
  EXPECT_EQ(Post(AppForm(), tenant_id_).first, 200);
  const auto unknown = Post(AppForm(), "fabrikam.com");
  EXPECT_EQ(unknown.first, 400);
  EXPECT_EQ(Code(unknown), 90002);
  EXPECT_EQ(Error(unknown), "invalid_request");
  const auto common = Post(AppForm(), "common");
  EXPECT_EQ(Code(common), 50194);
}

// Rotation of client secrets: the new secret works at once, the old one until removed;
// an expired secret gets AADSTS7000222.
TEST_F(TokenServiceTest, ClientSecretsRotateAndExpire) {
  auto rotated = apps_->AddSecret(client_id_, "rotation", 1);
  ASSERT_TRUE(rotated.has_value());
  auto with = [&](const std::string& secret) {
    return Post("grant_type=client_credentials&client_id=" + client_id_ +
                "&client_secret=" + secret + "&scope=" + std::string(kGraphDefault));
  };
  EXPECT_EQ(with(rotated->secret).first, 200);
  EXPECT_EQ(with(secret_).first, 200);
  const std::string old_key = apps_->Get(client_id_)->secrets.front().key_id;
  ASSERT_TRUE(apps_->RemoveSecret(client_id_, old_key).has_value());
  EXPECT_EQ(Code(with(secret_)), 7000215);

  clock_.Advance(86'400);
  auto expired = with(rotated->secret);
  EXPECT_EQ(expired.first, 401);
  EXPECT_EQ(Error(expired), "invalid_client");
  EXPECT_THAT(std::string(expired.second.at("error_description").as_string()),
              StartsWith(fmt::format("AADSTS7000222: The provided client secret keys for app "
                                     "'{}' are expired. Visit the Azure portal to create new "
                                     "keys for your app: https://aka.ms/NewClientSecret",
                                     client_id_)));
}

TEST_F(TokenServiceTest, ClientCredentialRefusals) {
  auto unknown_app =
      Post("grant_type=client_credentials&client_id=" + std::string(engine_test::kUnknownId) +
           "&client_secret=x&scope=" + std::string(kGraphDefault));
  EXPECT_EQ(unknown_app.first, 400);
  EXPECT_EQ(Code(unknown_app), 700016);
  EXPECT_EQ(Error(unknown_app), "unauthorized_client");

  auto bad_secret = Post("grant_type=client_credentials&client_id=" + client_id_ +
                         "&client_secret=nope&scope=" + std::string(kGraphDefault));
  EXPECT_EQ(bad_secret.first, 401);
  EXPECT_EQ(Code(bad_secret), 7000215);
  EXPECT_EQ(Error(bad_secret), "invalid_client");
  EXPECT_THAT(std::string(bad_secret.second.at("error_description").as_string()),
              StartsWith("AADSTS7000215: Invalid client secret provided."));

  auto no_secret = Post("grant_type=client_credentials&client_id=" + client_id_ +
                        "&scope=" + std::string(kGraphDefault));
  EXPECT_EQ(Code(no_secret), 7000218);

  auto not_default = Post(AppForm("User.Read.All"));
  EXPECT_EQ(not_default.first, 400);
  EXPECT_EQ(Code(not_default), 1002012);
  EXPECT_EQ(Error(not_default), "invalid_scope");

  EXPECT_EQ(Code(Post(AppForm("https%3A%2F%2Foutlook.office.com%2F.default"))), 70011);
  EXPECT_EQ(Code(Post(AppForm(std::string(kGraphDefault) + "+openid"))), 70011);
  EXPECT_EQ(Code(Post("grant_type=client_credentials&client_id=" + client_id_)), 900144);
  EXPECT_EQ(Code(Post("client_id=" + client_id_)), 900144);
  const auto unsupported = Post("grant_type=implicit&client_id=" + client_id_);
  EXPECT_EQ(Code(unsupported), 70003);
  EXPECT_EQ(Error(unsupported), "unsupported_grant_type");
}

TEST_F(TokenServiceTest, PasswordGrantGivesAUserTokenAndARefreshToken) {
  const std::string id = UserId("adele");
  const auto response =
      Post(PasswordForm("adele@contoso.onmicrosoft.com", std::string(kGoodPassword)));
  ASSERT_EQ(response.first, 200) << json::serialize(response.second);
  EXPECT_EQ(S(response.second.at("scope")), "https://graph.microsoft.com/User.Read.All");
  EXPECT_TRUE(response.second.contains("refresh_token"));
  auto caller = tokens_->Authenticate("Bearer " +
                                       std::string(response.second.at("access_token").as_string()));
  ASSERT_TRUE(caller.has_value());
  EXPECT_EQ(caller->principal.kind, Principal::Kind::kUser);
  EXPECT_EQ(caller->principal.id, id);
  EXPECT_EQ(caller->principal.audit_name, "user:adele@contoso.onmicrosoft.com");
  EXPECT_THAT(caller->principal.scopes, ElementsAre("User.Read.All"));

  const auto defaults = Post(PasswordForm("adele@contoso.onmicrosoft.com",
                                          std::string(kGoodPassword), std::string(kGraphDefault)));
  ASSERT_EQ(defaults.first, 200);
  EXPECT_FALSE(defaults.second.contains("refresh_token"));
  EXPECT_EQ(
      S(defaults.second.at("scope")),
      "https://graph.microsoft.com/Group.Read.All https://graph.microsoft.com/User.ReadWrite.All");
}

TEST_F(TokenServiceTest, PasswordGrantRefusals) {
  const std::string id = UserId("adele");
  const std::string upn = "adele@contoso.onmicrosoft.com";
  const std::string good(kGoodPassword);

  auto wrong = Post(PasswordForm(upn, "Wrong-Password-1"));
  EXPECT_EQ(wrong.first, 400);
  EXPECT_EQ(Error(wrong), "invalid_grant");
  EXPECT_EQ(Code(wrong), 50126);
  EXPECT_EQ(Code(Post(PasswordForm("nobody@contoso.onmicrosoft.com", good))), 50034);
  EXPECT_EQ(Code(Post(PasswordForm(upn, good, "Mail.Send"))), 70011);

  ASSERT_TRUE(directory_->SetPerUserMfaState(kActor, id, PerUserMfaState::kEnforced).has_value());
  auto mfa = Post(PasswordForm(upn, good));
  EXPECT_EQ(Code(mfa), 50076);
  EXPECT_EQ(S(mfa.second.at("suberror")), "basic_action");
  ASSERT_TRUE(directory_->SetPerUserMfaState(kActor, id, PerUserMfaState::kEnabled).has_value());
  EXPECT_EQ(Code(Post(PasswordForm(upn, good))), 50076);
  ASSERT_TRUE(directory_->SetPerUserMfaState(kActor, id, PerUserMfaState::kDisabled).has_value());

  ASSERT_TRUE(directory_->UpdateUser(kActor, id, {{"accountEnabled", false}}).has_value());
  auto blocked = Post(PasswordForm(upn, good));
  EXPECT_EQ(Code(blocked), 50057);
  EXPECT_THAT(std::string(blocked.second.at("error_description").as_string()),
              StartsWith("AADSTS50057: The user account is disabled."));
  EXPECT_EQ(Code(Post(PasswordForm(upn, "Wrong-Password-1"))), 50126) << "password first";
}

// Smart lockout: 10 wrong passwords lock the account for 60 s, during which even the
// right one is refused with AADSTS50053; the same wrong password counts once.
TEST_F(TokenServiceTest, TenWrongPasswordsLockTheAccountForAMinute) {
  const std::string id = UserId("adele");
  const std::string upn = "adele@contoso.onmicrosoft.com";
  const std::string good(kGoodPassword);
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(Code(Post(PasswordForm(upn, "Same-Wrong-1"))), 50126);
  }
  ASSERT_EQ(Post(PasswordForm(upn, good)).first, 200) << "one wrong password, counted once";
  for (int i = 1; i <= 10; ++i) {
    EXPECT_EQ(Code(Post(PasswordForm(upn, fmt::format("Wrong-Password-{}", i)))), 50126) << i;
  }
  auto locked = Post(PasswordForm(upn, good));
  EXPECT_EQ(locked.first, 400);
  EXPECT_EQ(Error(locked), "invalid_grant");
  EXPECT_EQ(Code(locked), 50053);
  EXPECT_THAT(std::string(locked.second.at("error_description").as_string()),
              StartsWith("AADSTS50053: The account is locked, you've tried to sign in too many "
                         "times with an incorrect user ID or password."));
  clock_.Advance(59);
  EXPECT_EQ(Code(Post(PasswordForm(upn, good))), 50053);
  clock_.Advance(1);
  ASSERT_EQ(Post(PasswordForm(upn, good)).first, 200);

  auto events = directory_->ListAuditEvents({.target_id = id});
  ASSERT_TRUE(events.has_value());
  ASSERT_FALSE(events->empty());
  const AuditEvent& lock = events->front();  // the newest: a success is not audited
  EXPECT_EQ(lock.action, "Lock user account");
  EXPECT_EQ(lock.actor, "app:" + client_id_);
  EXPECT_EQ(lock.origin, "sign-in");
  ASSERT_EQ(lock.changes.size(), 1u);
  EXPECT_EQ(lock.changes[0].property, "lockedUntil");
  EXPECT_EQ(lock.changes[0].new_value, FormatIso8601(lock.time + 60));
}

// Every password sign-in of a user is in the sign-in log with its outcome.
TEST_F(TokenServiceTest, PasswordSignInsAreLoggedWithTheirErrorCodes) {
  const std::string id = UserId("adele");
  ASSERT_TRUE(
      directory_->SetLockoutSettings(kActor, {.threshold = 1, .duration_seconds = 60}).has_value());
  const std::string upn = "adele@contoso.onmicrosoft.com";
  Post(PasswordForm(upn, "Wrong-Password-1"));
  Post(PasswordForm(upn, std::string(kGoodPassword)));
  clock_.Advance(60);
  ASSERT_EQ(Post(PasswordForm(upn, std::string(kGoodPassword))).first, 200);
  Post(PasswordForm("nobody@contoso.onmicrosoft.com", std::string(kGoodPassword)));

  auto log = directory_->ListSignIns({.user_id = id});
  ASSERT_TRUE(log.has_value());
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].error_code, 0);
  EXPECT_EQ((*log)[0].failure_reason, "");
  EXPECT_EQ((*log)[0].created_date_time, clock_.Now());
  EXPECT_EQ((*log)[1].error_code, 50053);
  EXPECT_EQ((*log)[1].failure_reason,
            "The account is locked, you've tried to sign in too many times with an incorrect "
            "user ID or password.");
  EXPECT_EQ((*log)[2].error_code, 50126);
  EXPECT_EQ((*log)[2].user_principal_name, upn);
  EXPECT_EQ((*log)[2].app_id, client_id_);
  EXPECT_EQ((*log)[2].app_display_name, "Provisioning");
  EXPECT_EQ((*log)[2].correlation_id, "c");
  EXPECT_EQ(directory_->ListSignIns({})->size(), 3u) << "no entry for an unknown user";
}

TEST_F(TokenServiceTest, ALockoutFollowsTheTenantsSettingsAndLengthensOnRepeat) {
  const std::string id = UserId("adele");
  ASSERT_TRUE(
      directory_->SetLockoutSettings(kActor, {.threshold = 2, .duration_seconds = 30}).has_value());
  const std::string upn = "adele@contoso.onmicrosoft.com";
  const std::string good(kGoodPassword);
  Post(PasswordForm(upn, "Wrong-Password-1"));
  Post(PasswordForm(upn, "Wrong-Password-2"));
  EXPECT_EQ(Code(Post(PasswordForm(upn, good))), 50053);
  clock_.Advance(30);
  // One more wrong password after the lockout locks it again, for twice as long.
  EXPECT_EQ(Code(Post(PasswordForm(upn, "Wrong-Password-3"))), 50126);
  clock_.Advance(59);
  EXPECT_EQ(Code(Post(PasswordForm(upn, good))), 50053);
  clock_.Advance(1);
  EXPECT_EQ(Post(PasswordForm(upn, good)).first, 200);
}

TEST_F(TokenServiceTest, APasswordResetEndsALockout) {
  const std::string id = UserId("adele");
  ASSERT_TRUE(
      directory_->SetLockoutSettings(kActor, {.threshold = 1, .duration_seconds = 600}).has_value());
  const std::string upn = "adele@contoso.onmicrosoft.com";
  Post(PasswordForm(upn, "Wrong-Password-1"));
  EXPECT_EQ(Code(Post(PasswordForm(upn, std::string(kGoodPassword)))), 50053);
  ASSERT_TRUE(directory_
                  ->SetPassword(kActor, id,
                                {.password = "Kd8$wQz!4rTn", .force_change_password_next_sign_in = false})
                  .has_value());
  EXPECT_EQ(Post(PasswordForm(upn, "Kd8$wQz!4rTn")).first, 200);
}

TEST_F(TokenServiceTest, APasswordThatMustBeChangedIsExpired) {
  NewUser request = engine_test::MakeNewUser("megan", "Megan");
  request.password_profile->force_change_password_next_sign_in = true;
  Create(request);
  auto expired = Post(PasswordForm("megan@contoso.onmicrosoft.com", std::string(kGoodPassword)));
  EXPECT_EQ(Code(expired), 50055);
  EXPECT_EQ(S(expired.second.at("suberror")), "user_password_expired");
}

TEST_F(TokenServiceTest, RefreshTokensStopWorkingWhenSessionsAreRevoked) {
  const std::string id = UserId("adele");
  auto first = Post(PasswordForm("adele@contoso.onmicrosoft.com", std::string(kGoodPassword)));
  ASSERT_EQ(first.first, 200);
  const std::string refresh(first.second.at("refresh_token").as_string());
  const std::string form =
      "grant_type=refresh_token&client_id=" + client_id_ + "&refresh_token=" + refresh;

  clock_.Advance(60);
  auto refreshed = Post(form);
  ASSERT_EQ(refreshed.first, 200) << json::serialize(refreshed.second);
  EXPECT_EQ(S(refreshed.second.at("scope")), "https://graph.microsoft.com/User.Read.All");

  ASSERT_TRUE(directory_->RevokeSignInSessions(kActor, id).has_value());
  auto revoked = Post(form);
  EXPECT_EQ(Code(revoked), 50173);
  EXPECT_THAT(std::string(revoked.second.at("error_description").as_string()),
              HasSubstr("The grant was issued on '"));

  EXPECT_EQ(
      Code(Post("grant_type=refresh_token&client_id=" + client_id_ + "&refresh_token=garbage")),
      9002313);
  auto other = apps_->Add("Other");
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(Code(Post("grant_type=refresh_token&client_id=" + other->app.client_id +
                      "&refresh_token=" + refresh)),
            70000);
}

TEST_F(TokenServiceTest, AuthenticateRefusesWithGraphsMessages) {
  auto message = [&](const std::string& header) {
    auto caller = tokens_->Authenticate(header);
    EXPECT_FALSE(caller.has_value());
    if (caller) return std::string();
    EXPECT_EQ(caller.error().http_status, 401);
    EXPECT_EQ(caller.error().code, "InvalidAuthenticationToken");
    return caller.error().message;
  };
  EXPECT_EQ(message(""), "Access token is empty.");
  EXPECT_EQ(message("Bearer "), "Access token is empty.");
  EXPECT_EQ(message("Bearer abc"), "Access token validation failure.");

  const std::string token(Post(AppForm()).second.at("access_token").as_string());
  clock_.Advance(3599);
  EXPECT_EQ(message("Bearer " + token), "Access token has expired or is not yet valid.");

  const UnixSeconds now = clock_.Now();
  TokenClaims claims{.audience = "https://outlook.office.com",
                     .issuer = "https://sts.windows.net/" + tenant_id_ + "/",
                     .tenant_id = tenant_id_,
                     .app_id = client_id_,
                     .id_type = "app",
                     .issued_at = now,
                     .not_before = now,
                     .expires_at = now + 100};
  EXPECT_EQ(message("Bearer " + EncodeJwt(claims, *keys_)),
            "Access token validation failure. Invalid audience.");
  claims.audience = "https://graph.microsoft.com";
  claims.tenant_id = std::string(engine_test::kUnknownId);
  claims.issuer = "https://sts.windows.net/" + claims.tenant_id + "/";
  EXPECT_EQ(message("Bearer " + EncodeJwt(claims, *keys_)),
            "Access token validation failure. Invalid issuer.");
  claims.not_before = now + 10;
  claims.tenant_id = tenant_id_;
  claims.issuer = "https://sts.windows.net/" + tenant_id_ + "/";
  EXPECT_EQ(message("Bearer " + EncodeJwt(claims, *keys_)),
            "Access token has expired or is not yet valid.");

  // Signed with the server's key but valid for longer than the server issues tokens (31
  // years, as a leaked key would make one), or issued in the future: refused.
  claims.not_before = now;
  claims.expires_at = now + 31LL * 365 * 86'400;
  EXPECT_EQ(message("Bearer " + EncodeJwt(claims, *keys_)),
            "Access token validation failure. Invalid lifetime.");
  claims.expires_at = now + kAccessTokenLifetime + 1;
  EXPECT_EQ(message("Bearer " + EncodeJwt(claims, *keys_)),
            "Access token validation failure. Invalid lifetime.");
  claims.issued_at = now + 60;
  claims.expires_at = now + 100;
  EXPECT_EQ(message("Bearer " + EncodeJwt(claims, *keys_)),
            "Access token validation failure. Invalid lifetime.");
  claims.issued_at = now;
  claims.expires_at = now + kAccessTokenLifetime;
  EXPECT_TRUE(tokens_->Authenticate("Bearer " + EncodeJwt(claims, *keys_)).has_value());
}

}  // namespace
}  // namespace admin365::server
