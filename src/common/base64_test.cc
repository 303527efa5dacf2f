#include "common/base64.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace admin365 {
namespace {

// RFC 4648 §10's test vectors.
const std::vector<std::pair<std::string, std::string>> kRfc4648 = {
    {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};

std::string Unpadded(std::string text) {
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

TEST(Base64Test, EncodesAndDecodesRfc4648VectorsWithPadding) {
  for (const auto& [bytes, text] : kRfc4648) {
    EXPECT_EQ(Base64Encode(bytes), text);
    EXPECT_EQ(Base64Decode(text), bytes) << text;
  }
}

TEST(Base64Test, EncodesAndDecodesRfc4648VectorsUnpadded) {
  for (const auto& [bytes, text] : kRfc4648) {
    EXPECT_EQ(Base64Encode(bytes, Base64::kStandardUnpadded), Unpadded(text));
    EXPECT_EQ(Base64Decode(Unpadded(text), Base64::kStandardUnpadded), bytes) << text;
  }
}

TEST(Base64UrlTest, EncodesAndDecodesRfc4648VectorsWithoutPadding) {
  for (const auto& [bytes, text] : kRfc4648) {
    EXPECT_EQ(Base64UrlEncode(bytes), Unpadded(text));
    EXPECT_EQ(Base64UrlDecode(Unpadded(text)), bytes) << text;
  }
}

TEST(Base64Test, TheAlphabetsDifferInTheirLastTwoCharacters) {
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64Decode("+/8="), "\xfb\xff");
  EXPECT_EQ(Base64UrlDecode("-_8"), "\xfb\xff");
  const std::string binary("\x00\x01\x02\xfd\xfe\xff", 6);
  EXPECT_EQ(Base64Decode(Base64Encode(binary)), binary);
  EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(binary)), binary);
}

TEST(Base64Test, StandardDecodingRefusesMissingOrExtraPaddingAndTheUrlAlphabet) {
  for (const char* text : {"Zg", "Zg=", "Zg===", "Zm8", "Zm9v=", "-_8=", "Zm9v Zg==", "Zm9*",
                           "Zh==" /* unused bits set */, "Z", "=", "Zg==Zg=="}) {
    const auto decoded = Base64Decode(text);
    ASSERT_FALSE(decoded.has_value()) << text;
    EXPECT_EQ(decoded.error().code, "BadRequest");
    EXPECT_EQ(decoded.error().message, "The value is not valid base64.");
    EXPECT_EQ(decoded.error().http_status, 400);
  }
}

TEST(Base64UrlTest, DecodingRefusesPaddingTheStandardAlphabetAndBadLengths) {
  for (const char* text : {"Zg==", "Zm8=", "+/8", "Zm9vY", "Zm9*", "Zm9v\n", "Zh"}) {
    EXPECT_FALSE(Base64UrlDecode(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace admin365
