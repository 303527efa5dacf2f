#include "common/clock.h"

#include <gtest/gtest.h>

namespace admin365 {
namespace {

TEST(FormatIso8601Test, FormatsUtcWithSecondPrecision) {
  EXPECT_EQ(FormatIso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(1795396662), "2026-11-23T01:17:42Z");
}

TEST(ParseIso8601Test, ReadsGraphsDateTimeOffsets) {
  EXPECT_EQ(ParseIso8601("2026-11-23T01:17:42Z"), 1795396662);
  EXPECT_EQ(ParseIso8601("2026-11-23T01:17:42.1234567Z"), 1795396662);
  EXPECT_EQ(ParseIso8601("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIso8601("2026-11-23T01:17:42"), std::nullopt);
  EXPECT_EQ(ParseIso8601("2026-11-23T01:17:42.Z"), std::nullopt);
  EXPECT_EQ(ParseIso8601("2026-11-23T01:17:42+01:00"), std::nullopt);
  EXPECT_EQ(ParseIso8601("yesterday"), std::nullopt);
}

TEST(FakeClockTest, MovesOnlyWhenAdvanced) {
  FakeClock clock(100);
  EXPECT_EQ(clock.Now(), 100);
  clock.Advance(30 * 86400);
  EXPECT_EQ(clock.Now(), 100 + 30 * 86400);
}

}  // namespace
}  // namespace admin365
