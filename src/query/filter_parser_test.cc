#include "query/filter_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "query/filter_test_util.h"

namespace admin365::query {
namespace {

using namespace testing_util;  // NOLINT(build/namespaces)

// Parses `text`, failing the test (and returning an empty comparison) on error.
Filter Parse(std::string_view text) {
  Result<Filter> result = ParseFilter(text);
  if (!result) {
    ADD_FAILURE() << "ParseFilter(\"" << text << "\") failed: " << result.error().message;
    return Filter{};
  }
  return *std::move(result);
}

const DateTimeLiteral k2021{1609459200, 0};

// --- Real Graph examples ------------------------------------------------------------

TEST(ParseFilterTest, StartsWith) {
  EXPECT_EQ(Parse("startswith(displayName,'a')"), StartsWith("displayName", "a"));
}

TEST(ParseFilterTest, BooleanComparison) {
  EXPECT_EQ(Parse("accountEnabled eq false"), Eq("accountEnabled", false));
  EXPECT_EQ(Parse("accountEnabled eq true"), Eq("accountEnabled", true));
}

TEST(ParseFilterTest, StringComparison) {
  EXPECT_EQ(Parse("userType eq 'Guest'"), Eq("userType", Str("Guest")));
}

TEST(ParseFilterTest, InList) {
  EXPECT_EQ(Parse("mail in ('a@x.com','b@x.com')"), In("mail", {Str("a@x.com"), Str("b@x.com")}));
  EXPECT_EQ(Parse("mail in ('a@x.com')"), In("mail", {Str("a@x.com")}));
}

TEST(ParseFilterTest, LambdaOnObjectCollection) {
  EXPECT_EQ(
      Parse("assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)"),
      AnyF("assignedLicenses", "x", Eq("x/skuId", Guid("184efa21-98c3-4e5d-95ab-d07053a96e67"))));
}

TEST(ParseFilterTest, LambdaOnStringCollection) {
  EXPECT_EQ(Parse("proxyAddresses/any(x:startswith(x,'smtp:adele'))"),
            AnyF("proxyAddresses", "x", StartsWith("x", "smtp:adele")));
  EXPECT_EQ(Parse("otherMails/any(m: m eq 'a@x.com' or m eq 'b@x.com')"),
            AnyF("otherMails", "m", OrF(Eq("m", Str("a@x.com")), Eq("m", Str("b@x.com")))));
}

TEST(ParseFilterTest, NotEndsWith) {
  EXPECT_EQ(Parse("not(endswith(mail,'@contoso.com'))"), NotF(EndsWith("mail", "@contoso.com")));
}

TEST(ParseFilterTest, DateTimeComparison) {
  EXPECT_EQ(Parse("createdDateTime ge 2021-01-01T00:00:00Z"),
            Cmp("createdDateTime", CompareOp::kGe, k2021));
}

TEST(ParseFilterTest, EqNull) {
  EXPECT_EQ(Parse("department eq null"), Eq("department", nullptr));
  EXPECT_EQ(Parse("department ne null"), Cmp("department", CompareOp::kNe, nullptr));
}

TEST(ParseFilterTest, EscapedQuote) {
  EXPECT_EQ(Parse("displayName eq 'O''Brien'"), Eq("displayName", Str("O'Brien")));
}

TEST(ParseFilterTest, CountOnCollection) {
  EXPECT_EQ(Parse("proxyAddresses/$count eq 0"), Count("proxyAddresses", CompareOp::kEq, 0));
  EXPECT_EQ(Parse("assignedLicenses/$count gt 2"), Count("assignedLicenses", CompareOp::kGt, 2));
}

TEST(ParseFilterTest, PropertyPath) {
  EXPECT_EQ(Parse("onPremisesExtensionAttributes/extensionAttribute1 eq 'HR'"),
            Eq("onPremisesExtensionAttributes/extensionAttribute1", Str("HR")));
}

// --- Every operator and literal -----------------------------------------------------

TEST(ParseFilterTest, EveryComparisonOperator) {
  EXPECT_EQ(Parse("a eq 1"), Cmp("a", CompareOp::kEq, Int(1)));
  EXPECT_EQ(Parse("a ne 1"), Cmp("a", CompareOp::kNe, Int(1)));
  EXPECT_EQ(Parse("a gt 1"), Cmp("a", CompareOp::kGt, Int(1)));
  EXPECT_EQ(Parse("a ge 1"), Cmp("a", CompareOp::kGe, Int(1)));
  EXPECT_EQ(Parse("a lt 1"), Cmp("a", CompareOp::kLt, Int(1)));
  EXPECT_EQ(Parse("a le 1"), Cmp("a", CompareOp::kLe, Int(1)));
}

TEST(ParseFilterTest, EveryLiteralKind) {
  EXPECT_EQ(Parse("a eq null"), Eq("a", nullptr));
  EXPECT_EQ(Parse("a eq true"), Eq("a", true));
  EXPECT_EQ(Parse("a eq -42"), Eq("a", Int(-42)));
  EXPECT_EQ(Parse("a eq 9223372036854775807"), Eq("a", Int(INT64_MAX)));
  EXPECT_EQ(Parse("a eq ''"), Eq("a", Str("")));
  EXPECT_EQ(Parse("a eq 'x; DROP TABLE users'"), Eq("a", Str("x; DROP TABLE users")));
  EXPECT_EQ(Parse("a eq 8F0C0D8A-0000-4000-8000-ABCDEFABCDEF"),
            Eq("a", Guid("8f0c0d8a-0000-4000-8000-abcdefabcdef")));
  EXPECT_EQ(Parse("a eq 2021-01-01T00:00:00.5Z"),
            Eq("a", DateTimeLiteral{1609459200, 500'000'000}));
  EXPECT_EQ(Parse("a in (null, 1, 'x', true)"), In("a", {nullptr, Int(1), Str("x"), true}));
}

TEST(ParseFilterTest, KeywordsAndFunctionNamesAreCaseInsensitive) {
  EXPECT_EQ(Parse("startsWith(displayName,'a')"), StartsWith("displayName", "a"));
  EXPECT_EQ(Parse("STARTSWITH(displayName,'a')"), StartsWith("displayName", "a"));
  EXPECT_EQ(Parse("EndsWith(mail,'a')"), EndsWith("mail", "a"));
  EXPECT_EQ(Parse("NOT (a EQ NULL) AND b Ne TRUE OR c IN (False)"),
            OrF(AndF(NotF(Eq("a", nullptr)), Cmp("b", CompareOp::kNe, true)), In("c", {false})));
  EXPECT_EQ(Parse("p/ANY(x:x eq 'v')"), AnyF("p", "x", Eq("x", Str("v"))));
  EXPECT_EQ(Parse("p/$COUNT EQ 0"), Count("p", CompareOp::kEq, 0));
}

TEST(ParseFilterTest, PropertyNamesKeepTheirSpelling) {
  EXPECT_EQ(Parse("DisplayNAME eq 'x'"), Eq("DisplayNAME", Str("x")));
}

TEST(ParseFilterTest, WhitespaceIsFlexible) {
  EXPECT_EQ(Parse(" \t a  eq\n'x'\r "), Eq("a", Str("x")));
  EXPECT_EQ(Parse("startswith( a , 'x' )"), StartsWith("a", "x"));
  EXPECT_EQ(Parse("p/any( x : x eq 'v' )"), AnyF("p", "x", Eq("x", Str("v"))));
  EXPECT_EQ(Parse("a in('x')"), In("a", {Str("x")}));
}

// --- Precedence and grouping --------------------------------------------------------

TEST(ParseFilterTest, AndBindsTighterThanOr) {
  EXPECT_EQ(Parse("a eq 1 or b eq 2 and c eq 3"),
            OrF(Eq("a", Int(1)), AndF(Eq("b", Int(2)), Eq("c", Int(3)))));
  EXPECT_EQ(Parse("a eq 1 and b eq 2 or c eq 3"),
            OrF(AndF(Eq("a", Int(1)), Eq("b", Int(2))), Eq("c", Int(3))));
}

TEST(ParseFilterTest, NotBindsTighterThanAnd) {
  EXPECT_EQ(Parse("not a eq 1 and b eq 2"), AndF(NotF(Eq("a", Int(1))), Eq("b", Int(2))));
  EXPECT_EQ(Parse("not not a eq 1"), NotF(NotF(Eq("a", Int(1)))));
}

TEST(ParseFilterTest, AndAndOrAreLeftAssociative) {
  EXPECT_EQ(Parse("a eq 1 and b eq 2 and c eq 3"),
            AndF(AndF(Eq("a", Int(1)), Eq("b", Int(2))), Eq("c", Int(3))));
  EXPECT_EQ(Parse("a eq 1 or b eq 2 or c eq 3"),
            OrF(OrF(Eq("a", Int(1)), Eq("b", Int(2))), Eq("c", Int(3))));
}

TEST(ParseFilterTest, ParenthesesGroup) {
  EXPECT_EQ(Parse("(a eq 1 or b eq 2) and c eq 3"),
            AndF(OrF(Eq("a", Int(1)), Eq("b", Int(2))), Eq("c", Int(3))));
  EXPECT_EQ(Parse("a eq 1 and (b eq 2 and c eq 3)"),
            AndF(Eq("a", Int(1)), AndF(Eq("b", Int(2)), Eq("c", Int(3)))));
  EXPECT_EQ(Parse("not (a eq 1 or b eq 2)"), NotF(OrF(Eq("a", Int(1)), Eq("b", Int(2)))));
  EXPECT_EQ(Parse("((a eq 1))"), Eq("a", Int(1)));
}

TEST(ParseFilterTest, CombinesLambdasWithOtherTerms) {
  EXPECT_EQ(Parse("accountEnabled eq true and assignedLicenses/any(x:x/skuId eq "
                  "184efa21-98c3-4e5d-95ab-d07053a96e67) and not(proxyAddresses/$count eq 0)"),
            AndF(AndF(Eq("accountEnabled", true),
                      AnyF("assignedLicenses", "x",
                           Eq("x/skuId", Guid("184efa21-98c3-4e5d-95ab-d07053a96e67")))),
                 NotF(Count("proxyAddresses", CompareOp::kEq, 0))));
}

TEST(ParseFilterTest, InsideALambdaAnyAndCountAreOrdinaryPathSegments) {
  EXPECT_EQ(Parse("p/any(x:x/$count eq 0)"), AnyF("p", "x", Eq("x/$count", Int(0))));
  EXPECT_EQ(Parse("p/any(x:x/any eq 0)"), AnyF("p", "x", Eq("x/any", Int(0))));
}

TEST(ParseFilterTest, AnyNotFollowedByAParenthesisIsAPathSegment) {
  EXPECT_EQ(Parse("a/any eq 1"), Eq("a/any", Int(1)));
}

}  // namespace
}  // namespace admin365::query
