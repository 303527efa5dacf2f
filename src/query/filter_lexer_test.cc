#include "query/filter_lexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace admin365::query {
namespace {

using ::testing::ElementsAre;

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& token : TokenizeFilter(text)) kinds.push_back(token.kind);
  return kinds;
}

TEST(FilterLexerTest, TokenizesALambda) {
  EXPECT_THAT(Kinds("assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)"),
              ElementsAre(TokenKind::kIdentifier, TokenKind::kSlash, TokenKind::kIdentifier,
                          TokenKind::kOpenParen, TokenKind::kIdentifier, TokenKind::kColon,
                          TokenKind::kIdentifier, TokenKind::kSlash, TokenKind::kIdentifier,
                          TokenKind::kIdentifier, TokenKind::kGuid, TokenKind::kCloseParen,
                          TokenKind::kEnd));
}

TEST(FilterLexerTest, RecordsPositionsAndSources) {
  const std::vector<Token> tokens = TokenizeFilter("  mail in ('a','b')");
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].position, 2u);
  EXPECT_EQ(tokens[0].source, "mail");
  EXPECT_EQ(tokens[1].position, 7u);
  EXPECT_EQ(tokens[3].position, 11u);
  EXPECT_EQ(tokens[3].source, "'a'");
  EXPECT_EQ(tokens[7].kind, TokenKind::kEnd);
  EXPECT_EQ(tokens[7].position, 19u);
}

TEST(FilterLexerTest, UnescapesStrings) {
  const std::vector<Token> tokens = TokenizeFilter("'O''Brien' '' ''''");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "O'Brien");
  EXPECT_EQ(tokens[0].source, "'O''Brien'");
  EXPECT_EQ(tokens[1].text, "");
  EXPECT_EQ(tokens[2].text, "'");
}

TEST(FilterLexerTest, ReadsIntegersGuidsAndDatetimes) {
  const std::vector<Token> tokens = TokenizeFilter(
      "42 -7 -9223372036854775808 8F0C0D8A-0000-4000-8000-ABCDEFABCDEF "
      "abcdef01-2345-6789-abcd-ef0123456789 2021-01-01T00:00:00Z");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].integer, 42);
  EXPECT_EQ(tokens[1].integer, -7);
  EXPECT_EQ(tokens[2].integer, INT64_MIN);
  EXPECT_EQ(tokens[3].kind, TokenKind::kGuid);
  EXPECT_EQ(tokens[3].text, "8f0c0d8a-0000-4000-8000-abcdefabcdef");
  EXPECT_EQ(tokens[4].kind, TokenKind::kGuid);  // starts with a letter
  EXPECT_EQ(tokens[5].kind, TokenKind::kDateTime);
  EXPECT_EQ(tokens[5].datetime, (DateTimeLiteral{1609459200, 0}));
}

TEST(FilterLexerTest, StopsAtAnErrorToken) {
  std::vector<Token> tokens = TokenizeFilter("a eq 'open");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kError);
  EXPECT_EQ(tokens[2].position, 10u);
  EXPECT_EQ(tokens[2].text, "a closing quote");
  EXPECT_EQ(DescribeToken(tokens[2]), "end of input");

  tokens = TokenizeFilter("a eq 1.5 and");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kError);
  EXPECT_EQ(tokens[2].text, "a literal");
  EXPECT_EQ(DescribeToken(tokens[2]), "'1.5'");

  tokens = TokenizeFilter("9223372036854775808");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "an integer between -9223372036854775808 and 9223372036854775807");

  tokens = TokenizeFilter("2021-02-30T00:00:00Z");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "a date and time such as 2021-01-01T00:00:00Z");
}

TEST(FilterLexerTest, MakesInvalidTokensOfStrayCharacters) {
  std::vector<Token> tokens = TokenizeFilter("a ; b");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kInvalid);
  EXPECT_EQ(DescribeToken(tokens[1]), "';'");
  tokens = TokenizeFilter("\xC3\xA9");  // é: one token, whole UTF-8 sequence
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].source, "\xC3\xA9");
}

}  // namespace
}  // namespace admin365::query
