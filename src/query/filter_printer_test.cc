#include "query/filter_printer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "query/filter_parser.h"
#include "query/filter_test_util.h"

namespace admin365::query {
namespace {

using namespace testing_util;  // NOLINT(build/namespaces)

std::string Canonical(std::string_view text) {
  Result<Filter> parsed = ParseFilter(text);
  if (!parsed) {
    ADD_FAILURE() << text << ": " << parsed.error().message;
    return "";
  }
  return PrintFilter(*parsed);
}

TEST(PrintFilterTest, PrintsEveryNodeCanonically) {
  EXPECT_EQ(Canonical("startsWith( displayName , 'a' )"), "startswith(displayName,'a')");
  EXPECT_EQ(Canonical("ENDSWITH(mail,'@x.com')"), "endswith(mail,'@x.com')");
  EXPECT_EQ(Canonical("accountEnabled EQ False"), "accountEnabled eq false");
  EXPECT_EQ(Canonical("userType eq 'Guest'"), "userType eq 'Guest'");
  EXPECT_EQ(Canonical("mail in ( 'a@x.com' , 'b@x.com' )"), "mail in ('a@x.com','b@x.com')");
  EXPECT_EQ(Canonical("assignedLicenses/any(x: x/skuId eq 184EFA21-98C3-4E5D-95AB-D07053A96E67)"),
            "assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)");
  EXPECT_EQ(Canonical("proxyAddresses/any(x:startswith(x,'smtp:adele'))"),
            "proxyAddresses/any(x:startswith(x,'smtp:adele'))");
  EXPECT_EQ(Canonical("not(endswith(mail,'@contoso.com'))"), "not(endswith(mail,'@contoso.com'))");
  EXPECT_EQ(Canonical("not endswith(mail,'@contoso.com')"), "not(endswith(mail,'@contoso.com'))");
  EXPECT_EQ(Canonical("createdDateTime ge 2021-01-01T00:00:00.000Z"),
            "createdDateTime ge 2021-01-01T00:00:00Z");
  EXPECT_EQ(Canonical("createdDateTime lt 2021-01-01T00:00:00.1234567Z"),
            "createdDateTime lt 2021-01-01T00:00:00.1234567Z");
  EXPECT_EQ(Canonical("department eq NULL"), "department eq null");
  EXPECT_EQ(Canonical("displayName eq 'O''Brien'"), "displayName eq 'O''Brien'");
  EXPECT_EQ(Canonical("proxyAddresses/$Count eq 0"), "proxyAddresses/$count eq 0");
  EXPECT_EQ(Canonical("a ne -007"), "a ne -7");
  EXPECT_EQ(Canonical("a gt 1 and a ge 2 and a lt 3 and a le 4"),
            "a gt 1 and a ge 2 and a lt 3 and a le 4");
}

TEST(PrintFilterTest, ParenthesizesOnlyWhereTheTreeNeedsIt) {
  EXPECT_EQ(Canonical("((a eq 1) and (b eq 2)) or (c eq 3)"), "a eq 1 and b eq 2 or c eq 3");
  EXPECT_EQ(Canonical("(a eq 1 or b eq 2) and c eq 3"), "(a eq 1 or b eq 2) and c eq 3");
  EXPECT_EQ(Canonical("a eq 1 and (b eq 2 or c eq 3)"), "a eq 1 and (b eq 2 or c eq 3)");
  EXPECT_EQ(Canonical("a eq 1 and (b eq 2 and c eq 3)"), "a eq 1 and (b eq 2 and c eq 3)");
  EXPECT_EQ(Canonical("a eq 1 or (b eq 2 or c eq 3)"), "a eq 1 or (b eq 2 or c eq 3)");
  EXPECT_EQ(Canonical("a eq 1 or (b eq 2 and c eq 3)"), "a eq 1 or b eq 2 and c eq 3");
  EXPECT_EQ(Canonical("not a eq 1"), "not(a eq 1)");
  EXPECT_EQ(Canonical("not not (a eq 1 and b eq 2)"), "not(not(a eq 1 and b eq 2))");
  EXPECT_EQ(Canonical("p/any(x: (x eq 'a' or x eq 'b'))"), "p/any(x:x eq 'a' or x eq 'b')");
}

TEST(PrintFilterTest, PrintsHandBuiltTrees) {
  EXPECT_EQ(PrintFilter(
                AndF(OrF(Eq("a", Int(1)), Eq("b", Int(2))), OrF(Eq("c", Int(3)), Eq("d", Int(4))))),
            "(a eq 1 or b eq 2) and (c eq 3 or d eq 4)");
  EXPECT_EQ(PrintFilter(Count("p", CompareOp::kNe, 0)), "p/$count ne 0");
}

TEST(PrintLiteralTest, PrintsEveryKind) {
  EXPECT_EQ(PrintLiteral(nullptr), "null");
  EXPECT_EQ(PrintLiteral(true), "true");
  EXPECT_EQ(PrintLiteral(false), "false");
  EXPECT_EQ(PrintLiteral(Int(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(PrintLiteral(Str("it's")), "'it''s'");
  EXPECT_EQ(PrintLiteral(Str("''")), "''''''");
  EXPECT_EQ(PrintLiteral(Guid("184efa21-98c3-4e5d-95ab-d07053a96e67")),
            "184efa21-98c3-4e5d-95ab-d07053a96e67");
  EXPECT_EQ(PrintLiteral(DateTimeLiteral{0, 0}), "1970-01-01T00:00:00Z");
}

// Parse(Print(f)) == f for every tree the parser produces.
class RoundTripTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTripTest, ParsePrintParseIsIdentity) {
  Result<Filter> first = ParseFilter(GetParam());
  ASSERT_TRUE(first.has_value()) << first.error().message;
  const std::string printed = PrintFilter(*first);
  Result<Filter> second = ParseFilter(printed);
  ASSERT_TRUE(second.has_value()) << printed << ": " << second.error().message;
  EXPECT_EQ(*second, *first) << printed;
  EXPECT_EQ(PrintFilter(*second), printed);
}

INSTANTIATE_TEST_SUITE_P(
    Examples, RoundTripTest,
    ::testing::Values(
        "startswith(displayName,'a')", "accountEnabled eq false", "userType eq 'Guest'",
        "mail in ('a@x.com','b@x.com')",
        "assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)",
        "proxyAddresses/any(x:startswith(x,'smtp:adele'))", "not(endswith(mail,'@contoso.com'))",
        "createdDateTime ge 2021-01-01T00:00:00Z", "department eq null",
        "displayName eq 'O''Brien'", "proxyAddresses/$count eq 0",
        "onPremisesExtensionAttributes/extensionAttribute1 eq 'x'", "a eq 1 or b eq 2 and c eq 3",
        "(a eq 1 or b eq 2) and c eq 3", "a eq 1 and (b eq 2 and c eq 3)",
        "a eq 1 or (b eq 2 or c eq 3)", "not not a eq 1", "not (a eq 1 or b eq 2)",
        "a in (null,true,-1,'x',2021-01-01T00:00:00.5Z)",
        "p/any(x:x eq 'a' or x eq 'b') and not(p/$count gt 3)", "p/any(x:x/$count eq 0)",
        "a/any eq 1", "displayName eq 'x'' OR 1=1 --'", "a eq ''''", "DisplayName EQ 'X'"));

TEST(RoundTripTest, HoldsAtTheDepthLimit) {
  std::string text;
  for (int i = 0; i < 32; ++i) text += "not ";
  text += "(a eq 1)";  // `not (` counts once, so this is exactly 32 levels
  Result<Filter> first = ParseFilter(text);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  Result<Filter> second = ParseFilter(PrintFilter(*first));
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(*second, *first);
}

}  // namespace
}  // namespace admin365::query
