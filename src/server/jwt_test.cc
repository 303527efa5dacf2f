#include "server/jwt.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>

#include "common/base64.h"

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
  EXPECT_EQ((*again)->Current()->key_id(), keys_->Current()->key_id());
  EXPECT_EQ((*again)->Current()->modulus(), keys_->Current()->modulus());
  EXPECT_EQ(keys_->Current()->exponent(), "AQAB");
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
            R"({"typ":"JWT","alg":"RS256","kid":")" + keys_->Current()->key_id() + "\"}");
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

// Rotation: new tokens are signed with the new key, tokens of the previous key still
// verify and both keys are published, until a rotation drops the previous key.
TEST_F(JwtTest, RotationKeepsThePreviousKeyUntilTheNextOneDropsIt) {
  const std::string first_kid = keys_->Current()->key_id();
  const std::string before = EncodeJwt(AppClaims(), *keys_);
  ASSERT_TRUE(KeyStore::Rotate(dir_ / "key.pem", /*keep_previous=*/true).has_value());
  struct stat info {};
  ASSERT_EQ(::stat((dir_ / "key.previous.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  ASSERT_EQ(::stat((dir_ / "key.pem").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);

  keys_->Refresh();  // a running server does this by itself within a second
  const std::string second_kid = keys_->Current()->key_id();
  EXPECT_NE(second_kid, first_kid);
  ASSERT_EQ(keys_->Published().size(), 2u);
  EXPECT_EQ(keys_->Published()[0]->key_id(), second_kid);
  EXPECT_EQ(keys_->Published()[1]->key_id(), first_kid);
  EXPECT_TRUE(DecodeJwt(before, *keys_).has_value());
  const std::string after = EncodeJwt(AppClaims(), *keys_);
  EXPECT_EQ(Base64UrlDecode(after.substr(0, after.find('.'))),
            R"({"typ":"JWT","alg":"RS256","kid":")" + second_kid + "\"}");
  // Another process reading the files sees the same two keys.
  auto reread = KeyStore::LoadOrCreate(dir_ / "key.pem");
  ASSERT_TRUE(reread.has_value());
  EXPECT_EQ((*reread)->Published().size(), 2u);
  EXPECT_TRUE(DecodeJwt(before, **reread).has_value());

  // A second rotation that drops the previous key: both older keys are gone.
  ASSERT_TRUE(KeyStore::Rotate(dir_ / "key.pem", /*keep_previous=*/false).has_value());
  keys_->Refresh();
  ASSERT_EQ(keys_->Published().size(), 1u);
  EXPECT_EQ(DecodeJwt(before, *keys_).error().message, "signature");
  EXPECT_EQ(DecodeJwt(after, *keys_).error().message, "signature");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "key.previous.pem"));
}

}  // namespace
}  // namespace admin365::server
