#include "query/datetime_literal.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace admin365::query {
namespace {

using ::testing::Optional;

TEST(ParseDateTimeLiteralTest, ConvertsToUnixSeconds) {
  EXPECT_THAT(ParseDateTimeLiteral("1970-01-01T00:00:00Z"), Optional(DateTimeLiteral{0, 0}));
  EXPECT_THAT(ParseDateTimeLiteral("2021-01-01T00:00:00Z"),
              Optional(DateTimeLiteral{1609459200, 0}));
  EXPECT_THAT(ParseDateTimeLiteral("2026-01-01T00:00:00Z"),
              Optional(DateTimeLiteral{1767225600, 0}));
  EXPECT_THAT(ParseDateTimeLiteral("2024-02-29T23:59:59Z"),
              Optional(DateTimeLiteral{1709251199, 0}));
  EXPECT_THAT(ParseDateTimeLiteral("1969-12-31T23:59:59Z"), Optional(DateTimeLiteral{-1, 0}));
  EXPECT_THAT(ParseDateTimeLiteral("9999-12-31T23:59:59Z"),
              Optional(DateTimeLiteral{253402300799, 0}));
}

TEST(ParseDateTimeLiteralTest, KeepsTheFractionAsNanoseconds) {
  EXPECT_THAT(ParseDateTimeLiteral("2021-01-01T00:00:00.5Z"),
              Optional(DateTimeLiteral{1609459200, 500'000'000}));
  EXPECT_THAT(ParseDateTimeLiteral("2021-01-01T00:00:00.000Z"),
              Optional(DateTimeLiteral{1609459200, 0}));
  EXPECT_THAT(ParseDateTimeLiteral("2021-01-01T00:00:00.1234567Z"),  // Graph's 7 digits
              Optional(DateTimeLiteral{1609459200, 123'456'700}));
  EXPECT_THAT(ParseDateTimeLiteral("2021-01-01T00:00:00.123456789Z"),
              Optional(DateTimeLiteral{1609459200, 123'456'789}));
}

TEST(ParseDateTimeLiteralTest, RejectsEverythingElse) {
  for (const char* text : {
           "",
           "2021-01-01",
           "2021-01-01T00:00:00",              // no Z
           "2021-01-01T00:00Z",                // no seconds
           "2021-01-01T00:00:00+01:00",        // offsets other than Z
           "2021-01-01t00:00:00z",             // lower-case T and Z
           "2021-01-01 00:00:00Z",             // space instead of T
           "2021-13-01T00:00:00Z",             // month 13
           "2021-00-01T00:00:00Z",             // month 0
           "2021-02-29T00:00:00Z",             // not a leap year
           "2021-04-31T00:00:00Z",             // April has 30 days
           "2021-01-00T00:00:00Z",             // day 0
           "2021-01-01T24:00:00Z",             // hour 24
           "2021-01-01T00:60:00Z",             // minute 60
           "2021-01-01T00:00:60Z",             // no leap seconds
           "2021-01-01T00:00:00.Z",            // empty fraction
           "2021-01-01T00:00:00.1234567890Z",  // more than 9 digits
           "2021-1-01T00:00:00Z",              // one-digit month
           "21-01-01T00:00:00Z",               // two-digit year
           "2021-01-01T00:00:00ZZ",            // trailing text
           "+2021-01-01T00:00:00Z",
       }) {
    EXPECT_EQ(ParseDateTimeLiteral(text), std::nullopt) << text;
  }
}

TEST(FormatDateTimeLiteralTest, WritesTheCanonicalForm) {
  EXPECT_EQ(FormatDateTimeLiteral({1609459200, 0}), "2021-01-01T00:00:00Z");
  EXPECT_EQ(FormatDateTimeLiteral({1609459200, 500'000'000}), "2021-01-01T00:00:00.5Z");
  EXPECT_EQ(FormatDateTimeLiteral({1609459200, 123'456'700}), "2021-01-01T00:00:00.1234567Z");
  EXPECT_EQ(FormatDateTimeLiteral({-1, 0}), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatDateTimeLiteral({1709251199, 1}), "2024-02-29T23:59:59.000000001Z");
}

TEST(FormatDateTimeLiteralTest, RoundTrips) {
  for (const char* text :
       {"2021-01-01T00:00:00Z", "1969-12-31T23:59:59.25Z", "2000-02-29T12:34:56.000000001Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"}) {
    const auto parsed = ParseDateTimeLiteral(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(FormatDateTimeLiteral(*parsed), text);
  }
}

}  // namespace
}  // namespace admin365::query
