#include "server/jwt.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>

#include "server/base64url.h"

namespace admin365::server {
namespace {

class JwtTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/admin365-jwt-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    auto keys = KeyStore::LoadOrCreate(dir_ / "key.pem");
    ASSERT_TRUE(keys.has_value());
    keys_ = std::move(*keys);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  TokenClaims AppClaims() {
    return TokenClaims{.audience = "https://graph.microsoft.com",
                       .issuer = "https://sts.windows.net/t/",
                       .tenant_id = "t",
                       .app_id = "a",
                       .object_id = "a",
                       .id_type = "app",
                       .token_use = "access",
                       .roles = {"User.Read.All", "Group.Read.All"},
                       .issued_at = 100,
                       .not_before = 100,
                       .expires_at = 3699};
  }

  std::filesystem::path dir_;
  std::unique_ptr<KeyStore> keys_;
};

TEST_F(JwtTest, TheKeyFileIsPrivateAndReloadsAsTheSameKey) {
  struct stat info {};
  ASSERT_EQ(::stat((dir_ / "key.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  auto again = KeyStore::LoadOrCreate(dir_ / "key.pem");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ((*again)->key_id(), keys_->key_id());
  EXPECT_EQ((*again)->modulus(), keys_->modulus());
  EXPECT_EQ(keys_->exponent(), "AQAB");
}

TEST_F(JwtTest, RoundTripsTheClaims) {
  TokenClaims user = AppClaims();
  user.id_type = "user";
  user.upn = "adele@contoso.com";
  user.roles.clear();
  user.scopes = {"User.Read.All", "User.ReadWrite.All"};
  for (const TokenClaims& claims : {AppClaims(), user}) {
    auto decoded = DecodeJwt(EncodeJwt(claims, *keys_), *keys_);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->audience, claims.audience);
    EXPECT_EQ(decoded->issuer, claims.issuer);
    EXPECT_EQ(decoded->tenant_id, "t");
    EXPECT_EQ(decoded->id_type, claims.id_type);
    EXPECT_EQ(decoded->upn, claims.upn);
    EXPECT_EQ(decoded->token_use, "access");
    EXPECT_EQ(decoded->roles, claims.roles);
    EXPECT_EQ(decoded->scopes, claims.scopes);
    EXPECT_EQ(decoded->expires_at, 3699);
  }
}

TEST_F(JwtTest, TheHeaderNamesRs256AndTheKey) {
  const std::string token = EncodeJwt(AppClaims(), *keys_);
  EXPECT_EQ(Base64UrlDecode(token.substr(0, token.find('.'))),
            R"({"typ":"JWT","alg":"RS256","kid":")" + keys_->key_id() + "\"}");
}

TEST_F(JwtTest, RefusesATamperedPayloadAnotherKeyAndAlgNone) {
  const std::string token = EncodeJwt(AppClaims(), *keys_);
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  TokenClaims forged = AppClaims();
  forged.roles.push_back("Directory.ReadWrite.All");
  const std::string other = EncodeJwt(forged, *keys_);
  const std::string spliced = token.substr(0, first) +
                              other.substr(other.find('.'), other.rfind('.') - other.find('.')) +
                              token.substr(second);
  EXPECT_EQ(DecodeJwt(spliced, *keys_).error().message, "signature");

  auto stranger = KeyStore::LoadOrCreate(dir_ / "other.pem");
  ASSERT_TRUE(stranger.has_value());
  EXPECT_EQ(DecodeJwt(EncodeJwt(AppClaims(), **stranger), *keys_).error().message, "signature");

  const std::string none =
      Base64UrlEncode(R"({"alg":"none"})") + token.substr(first, second - first) + ".";
  EXPECT_EQ(DecodeJwt(none, *keys_).error().message, "algorithm");
  EXPECT_EQ(DecodeJwt("not-a-token", *keys_).error().message, "malformed");
  EXPECT_EQ(DecodeJwt("a.b.c.d", *keys_).error().message, "malformed");
}

}  // namespace
}  // namespace admin365::server
