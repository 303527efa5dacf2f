// ParseFilter's errors: every syntax error with its exact message and position, and each
// limit rejected at limit + 1 and accepted at the limit.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "query/filter_parser.h"

namespace admin365::query {
namespace {

// The Error of ParseFilter(text, limits), checking the fields every filter error shares.
std::string ErrorOf(std::string_view text, const ParseLimits& limits = {}) {
  Result<Filter> result = ParseFilter(text, limits);
  if (result) {
    ADD_FAILURE() << "ParseFilter(\"" << text << "\") unexpectedly succeeded";
    return "";
  }
  const Error& error = result.error();
  EXPECT_EQ(error.kind, ErrorKind::kInvalidArgument) << text;
  EXPECT_EQ(error.http_status, 400) << text;
  EXPECT_EQ(error.code, "BadRequest") << text;
  EXPECT_EQ(error.target, "$filter") << text;
  EXPECT_TRUE(error.details.empty()) << text;
  return error.message;
}

std::string Syntax(int position, std::string_view expected, std::string_view found) {
  return "Invalid $filter: syntax error at position " + std::to_string(position) + ": expected " +
         std::string(expected) + " but found " + std::string(found) + ".";
}

TEST(ParseFilterErrorTest, UnterminatedString) {
  EXPECT_EQ(ErrorOf("displayName eq 'abc"), Syntax(19, "a closing quote", "end of input"));
  EXPECT_EQ(ErrorOf("displayName eq 'O''"), Syntax(19, "a closing quote", "end of input"));
  EXPECT_EQ(ErrorOf("'"), Syntax(1, "a closing quote", "end of input"));
}

TEST(ParseFilterErrorTest, MissingClosingParenthesis) {
  EXPECT_EQ(ErrorOf("(a eq 1"), Syntax(7, "a closing ')'", "end of input"));
  EXPECT_EQ(ErrorOf("not(endswith(mail,'x')"), Syntax(22, "a closing ')'", "end of input"));
  EXPECT_EQ(ErrorOf("startswith(a,'x'"), Syntax(16, "a closing ')'", "end of input"));
  EXPECT_EQ(ErrorOf("(a eq 1 b eq 2)"), Syntax(8, "a closing ')'", "'b'"));
  EXPECT_EQ(ErrorOf("p/any(x: x eq 1"), Syntax(15, "a closing ')'", "end of input"));
  EXPECT_EQ(ErrorOf("a in ('x'"), Syntax(9, "',' or a closing ')'", "end of input"));
}

TEST(ParseFilterErrorTest, TrailingGarbage) {
  EXPECT_EQ(ErrorOf("a eq 1 b"), Syntax(7, "end of input", "'b'"));
  EXPECT_EQ(ErrorOf("a eq 1)"), Syntax(6, "end of input", "')'"));
  EXPECT_EQ(ErrorOf("a eq 1; DROP TABLE users"), Syntax(6, "end of input", "';'"));
  EXPECT_EQ(ErrorOf("a eq 'x' 'y'"), Syntax(9, "end of input", "'y'"));
}

TEST(ParseFilterErrorTest, UnknownFunction) {
  EXPECT_EQ(ErrorOf("contains(displayName,'a')"),
            Syntax(0, "'startswith' or 'endswith'", "'contains'"));
  EXPECT_EQ(ErrorOf("a eq 1 and any(x:x eq 1)"), Syntax(11, "'startswith' or 'endswith'", "'any'"));
}

TEST(ParseFilterErrorTest, BadLiteral) {
  EXPECT_EQ(ErrorOf("a eq foo"), Syntax(5, "a literal", "'foo'"));
  EXPECT_EQ(ErrorOf("a eq"), Syntax(4, "a literal", "end of input"));
  EXPECT_EQ(ErrorOf("a eq 1.5"), Syntax(5, "a literal", "'1.5'"));
  EXPECT_EQ(ErrorOf("a eq 12abc"), Syntax(5, "a literal", "'12abc'"));
  EXPECT_EQ(ErrorOf("a eq (1)"), Syntax(5, "a literal", "'('"));
  EXPECT_EQ(ErrorOf("a eq \xC3\xA9"), Syntax(5, "a literal", "'\xC3\xA9'"));
  EXPECT_EQ(ErrorOf("a eq 99999999999999999999"),
            Syntax(5, "an integer between -9223372036854775808 and 9223372036854775807",
                   "'99999999999999999999'"));
  EXPECT_EQ(ErrorOf("a ge 2021-13-01T00:00:00Z"),
            Syntax(5, "a date and time such as 2021-01-01T00:00:00Z", "'2021-13-01T00:00:00Z'"));
  EXPECT_EQ(
      ErrorOf("a ge 2021-01-01T00:00:00+01:00"),
      Syntax(5, "a date and time such as 2021-01-01T00:00:00Z", "'2021-01-01T00:00:00+01:00'"));
  EXPECT_EQ(ErrorOf("a ge 2021-01-01"),
            Syntax(5, "a date and time such as 2021-01-01T00:00:00Z", "'2021-01-01'"));
  EXPECT_EQ(ErrorOf("a eq 184efa21-98c3-4e5d-95ab-d07053a96e6"),  // one digit short
            Syntax(5, "a literal", "'184efa21-98c3-4e5d-95ab-d07053a96e6'"));
}

TEST(ParseFilterErrorTest, LexicalErrorsAfterAnEarlierMistakeReportTheEarlierOne) {
  EXPECT_EQ(ErrorOf("a xx 'unterminated"), Syntax(2, "an operator such as 'eq'", "'xx'"));
}

TEST(ParseFilterErrorTest, MissingOrUnknownOperator) {
  EXPECT_EQ(ErrorOf("displayName 'x'"), Syntax(12, "an operator such as 'eq'", "'x'"));
  EXPECT_EQ(ErrorOf("displayName"), Syntax(11, "an operator such as 'eq'", "end of input"));
  EXPECT_EQ(ErrorOf("a like 'x'"), Syntax(2, "an operator such as 'eq'", "'like'"));
  EXPECT_EQ(ErrorOf("a == 'x'"), Syntax(2, "an operator such as 'eq'", "'='"));
}

TEST(ParseFilterErrorTest, MissingOperand) {
  EXPECT_EQ(ErrorOf(""), Syntax(0, "a property name", "end of input"));
  EXPECT_EQ(ErrorOf("   "), Syntax(3, "a property name", "end of input"));
  EXPECT_EQ(ErrorOf("a eq 1 and"), Syntax(10, "a property name", "end of input"));
  EXPECT_EQ(ErrorOf("a eq 1 or or b eq 2"), Syntax(10, "a property name", "'or'"));
  EXPECT_EQ(ErrorOf("not"), Syntax(3, "a property name", "end of input"));
  EXPECT_EQ(ErrorOf("'x' eq a"), Syntax(0, "a property name", "'x'"));
  EXPECT_EQ(ErrorOf(")"), Syntax(0, "a property name", "')'"));
  EXPECT_EQ(ErrorOf("()"), Syntax(1, "a property name", "')'"));
}

TEST(ParseFilterErrorTest, BadPath) {
  EXPECT_EQ(ErrorOf("a/ eq 1"), Syntax(6, "an operator such as 'eq'", "'1'"));
  EXPECT_EQ(ErrorOf("a/'x' eq 1"), Syntax(2, "a property name", "'x'"));
  EXPECT_EQ(ErrorOf("a/"), Syntax(2, "a property name", "end of input"));
  EXPECT_EQ(ErrorOf("a//b eq 1"), Syntax(2, "a property name", "'/'"));
}

TEST(ParseFilterErrorTest, BadInList) {
  EXPECT_EQ(ErrorOf("a in 'x'"), Syntax(5, "'('", "'x'"));
  EXPECT_EQ(ErrorOf("a in ()"), Syntax(6, "a literal", "')'"));
  EXPECT_EQ(ErrorOf("a in ('x' 'y')"), Syntax(10, "',' or a closing ')'", "'y'"));
  EXPECT_EQ(ErrorOf("a in ('x',"), Syntax(10, "a literal", "end of input"));
  EXPECT_EQ(ErrorOf("a in ('x',)"), Syntax(10, "a literal", "')'"));
}

TEST(ParseFilterErrorTest, BadFunctionCall) {
  EXPECT_EQ(ErrorOf("startswith(displayName 'a')"), Syntax(23, "','", "'a'"));
  EXPECT_EQ(ErrorOf("startswith(displayName, 5)"), Syntax(24, "a string literal", "'5'"));
  EXPECT_EQ(ErrorOf("startswith('a', displayName)"), Syntax(11, "a property name", "'a'"));
  EXPECT_EQ(ErrorOf("startswith(displayName, 'a', 'b')"), Syntax(27, "a closing ')'", "','"));
}

TEST(ParseFilterErrorTest, BadLambda) {
  EXPECT_EQ(ErrorOf("p/any(x x eq 1)"), Syntax(8, "':'", "'x'"));
  EXPECT_EQ(ErrorOf("p/any()"), Syntax(6, "a range variable", "')'"));
  EXPECT_EQ(ErrorOf("p/any(x: y eq 1)"), Syntax(9, "the range variable 'x'", "'y'"));
  EXPECT_EQ(ErrorOf("p/any(x: startswith(y, 'a'))"), Syntax(20, "the range variable 'x'", "'y'"));
  EXPECT_EQ(ErrorOf("p/any(x: X eq 1)"), Syntax(9, "the range variable 'x'", "'X'"));
  EXPECT_EQ(ErrorOf("p/any(x:x/any(y:y eq 1))"), Syntax(13, "an operator such as 'eq'", "'('"));
  EXPECT_EQ(ErrorOf("p/any(x:x eq 1) and x eq 1 or p/any(y:x eq 1)"),
            Syntax(38, "the range variable 'y'", "'x'"));
}

TEST(ParseFilterErrorTest, BadCount) {
  EXPECT_EQ(ErrorOf("p/$count eq 'x'"), Syntax(12, "an integer", "'x'"));
  EXPECT_EQ(ErrorOf("p/$count in (1)"), Syntax(9, "an operator such as 'eq'", "'in'"));
  EXPECT_EQ(ErrorOf("p/$count"), Syntax(8, "an operator such as 'eq'", "end of input"));
}

// Every prefix and every one-character mutation of a rich filter either parses or fails
// with a well-formed syntax error (and never crashes: this also runs under ASan/UBSan).
TEST(ParseFilterErrorTest, PrefixesAndMutationsFailCleanly) {
  const std::string text =
      "not(endswith(mail,'@x.com')) and (a in ('O''B',null,-1) or p/any(x:x/s eq "
      "184efa21-98c3-4e5d-95ab-d07053a96e67)) and q/$count ge 2 and d lt "
      "2021-01-01T00:00:00.5Z";
  ASSERT_TRUE(ParseFilter(text).has_value());
  const std::string syntax_prefix = "Invalid $filter: syntax error at position ";
  auto check = [&](const std::string& candidate) {
    Result<Filter> result = ParseFilter(candidate);
    if (result) return;
    EXPECT_EQ(result.error().code, "BadRequest") << candidate;
    EXPECT_EQ(result.error().message.rfind(syntax_prefix, 0), 0u)
        << candidate << " -> " << result.error().message;
  };
  for (std::size_t length = 0; length < text.size(); ++length) check(text.substr(0, length));
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (char c : std::string_view("()',/: x1-$")) {
      std::string mutated = text;
      mutated[i] = c;
      check(mutated);
    }
  }
}

// --- Limits -------------------------------------------------------------------------

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(ParseFilterLimitTest, LengthDefaultsTo4096) {
  const std::string at_limit = "a eq '" + std::string(4096 - 7, 'x') + "'";
  ASSERT_EQ(at_limit.size(), 4096u);
  EXPECT_TRUE(ParseFilter(at_limit).has_value());
  const std::string over = "a eq '" + std::string(4096 - 6, 'x') + "'";
  EXPECT_EQ(ErrorOf(over), "Invalid $filter: the expression is longer than 4096 characters.");
}

TEST(ParseFilterLimitTest, LengthIsConfigurable) {
  const ParseLimits limits{.max_length = 10};
  EXPECT_TRUE(ParseFilter("a eq 'xyz'", limits).has_value());
  EXPECT_EQ(ErrorOf("a eq 'xyzw'", limits),
            "Invalid $filter: the expression is longer than 10 characters.");
}

TEST(ParseFilterLimitTest, DepthDefaultsTo32) {
  EXPECT_TRUE(ParseFilter(Repeat("(", 32) + "a eq 1" + Repeat(")", 32)).has_value());
  EXPECT_EQ(ErrorOf(Repeat("(", 33) + "a eq 1" + Repeat(")", 33)),
            "Invalid $filter: the expression is nested deeper than 32 levels.");
}

TEST(ParseFilterLimitTest, EachNotIsALevelAndNotWithParenthesesCountsOnce) {
  EXPECT_TRUE(ParseFilter(Repeat("not ", 32) + "a eq 1").has_value());
  EXPECT_EQ(ErrorOf(Repeat("not ", 33) + "a eq 1"),
            "Invalid $filter: the expression is nested deeper than 32 levels.");
  EXPECT_TRUE(ParseFilter(Repeat("not(", 32) + "a eq 1" + Repeat(")", 32)).has_value());
  EXPECT_EQ(ErrorOf(Repeat("not(", 33) + "a eq 1" + Repeat(")", 33)),
            "Invalid $filter: the expression is nested deeper than 32 levels.");
}

TEST(ParseFilterLimitTest, ALambdaBodyIsALevel) {
  const ParseLimits limits{.max_depth = 1};
  EXPECT_TRUE(ParseFilter("p/any(x:x eq 1) and (a eq 1)", limits).has_value());
  EXPECT_EQ(ErrorOf("p/any(x:(x eq 1))", limits),
            "Invalid $filter: the expression is nested deeper than 1 levels.");
  EXPECT_EQ(ErrorOf("(p/any(x:x eq 1))", limits),
            "Invalid $filter: the expression is nested deeper than 1 levels.");
  EXPECT_EQ(ErrorOf("not p/any(x:x eq 1)", limits),
            "Invalid $filter: the expression is nested deeper than 1 levels.");
}

// `a eq 1 and ... and a eq 1` with n comparisons has 2n - 1 nodes.
std::string Terms(int comparisons) {
  std::string out = "a eq 1";
  for (int i = 1; i < comparisons; ++i) out += " and a eq 1";
  return out;
}

TEST(ParseFilterLimitTest, NodesDefaultTo500) {
  EXPECT_TRUE(ParseFilter("not " + Terms(250)).has_value());  // 500 nodes
  EXPECT_EQ(ErrorOf("not not " + Terms(250)),                 // 501 nodes
            "Invalid $filter: the expression has more than 500 terms.");
}

TEST(ParseFilterLimitTest, NodesAreConfigurableAndCountEveryKind) {
  const ParseLimits limits{.max_nodes = 4};
  EXPECT_TRUE(ParseFilter("a in (1,2,3,4,5) and startswith(b,'x')", limits).has_value());
  EXPECT_TRUE(ParseFilter("p/any(x:x eq 1 or x eq 2)", limits).has_value());
  EXPECT_TRUE(ParseFilter("not(p/$count eq 0) or a eq 1", limits).has_value());
  EXPECT_EQ(ErrorOf("p/any(x:not(x eq 1 or x eq 2))", limits),
            "Invalid $filter: the expression has more than 4 terms.");
  EXPECT_EQ(ErrorOf("a eq 1 and b eq 2 or c eq 3", limits),
            "Invalid $filter: the expression has more than 4 terms.");
}

}  // namespace
}  // namespace admin365::query
