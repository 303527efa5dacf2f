#include "domain/smart_lockout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace admin365 {
namespace {

using ::testing::ElementsAre;

constexpr LockoutSettings kThree{.threshold = 3, .duration_seconds = 60};

TEST(SmartLockoutTest, LocksAtTheThresholdForTheDuration) {
  LockoutState state;
  EXPECT_FALSE(CountWrongPassword(state, "a", kThree, 1000));
  EXPECT_FALSE(CountWrongPassword(state, "b", kThree, 1001));
  EXPECT_FALSE(IsLocked(state, 1002));
  EXPECT_TRUE(CountWrongPassword(state, "c", kThree, 1002));
  EXPECT_EQ(state.locked_until, 1062);
  EXPECT_TRUE(IsLocked(state, 1061));
  EXPECT_FALSE(IsLocked(state, 1062));
  EXPECT_EQ(state.lockouts, 1);
}

TEST(SmartLockoutTest, TheSameWrongPasswordIsCountedOnce) {
  LockoutState state;
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(CountWrongPassword(state, "same", kThree, 1000 + i));
  EXPECT_EQ(state.failures, 1);
  EXPECT_THAT(state.recent_wrong, ElementsAre("same"));
}

TEST(SmartLockoutTest, RemembersOnlyTheLastThreeWrongPasswords) {
  const LockoutSettings many{.threshold = 10, .duration_seconds = 60};
  LockoutState state;
  for (const char* password : {"a", "b", "c", "d"}) CountWrongPassword(state, password, many, 1000);
  EXPECT_THAT(state.recent_wrong, ElementsAre("b", "c", "d"));
  EXPECT_FALSE(CountWrongPassword(state, "d", many, 1000));
  EXPECT_EQ(state.failures, 4);
  // "a" is forgotten, so it counts again.
  CountWrongPassword(state, "a", many, 1000);
  EXPECT_EQ(state.failures, 5);
}

TEST(SmartLockoutTest, EachLockoutBeforeASuccessLastsTwiceAsLong) {
  LockoutState state;
  for (const char* password : {"a", "b", "c"}) CountWrongPassword(state, password, kThree, 1000);
  ASSERT_EQ(state.locked_until, 1060);
  // One more wrong password once it ends locks it again, for 120 s, then 240 s.
  EXPECT_TRUE(CountWrongPassword(state, "d", kThree, 1060));
  EXPECT_EQ(state.locked_until, 1180);
  EXPECT_TRUE(CountWrongPassword(state, "e", kThree, 1180));
  EXPECT_EQ(state.locked_until, 1420);
  EXPECT_EQ(state.lockouts, 3);
}

TEST(SmartLockoutTest, LockoutsStopGrowingAt64TimesTheFirst) {
  LockoutState state{.failures = 2, .lockouts = 20};
  EXPECT_TRUE(CountWrongPassword(state, "x", kThree, 0));
  EXPECT_EQ(state.locked_until, 64 * 60);
}

TEST(SmartLockoutTest, SettingsAreValidated) {
  EXPECT_TRUE(ValidateLockoutSettings({}).has_value());
  EXPECT_TRUE(ValidateLockoutSettings({.threshold = 50, .duration_seconds = 5}).has_value());
  auto zero = ValidateLockoutSettings({.threshold = 0, .duration_seconds = 60});
  ASSERT_FALSE(zero.has_value());
  EXPECT_EQ(zero.error().message,
            "Invalid value specified for property 'LockoutThreshold' of resource "
            "'DirectorySetting'.");
  auto short_lock = ValidateLockoutSettings({.threshold = 10, .duration_seconds = 4});
  ASSERT_FALSE(short_lock.has_value());
  EXPECT_EQ(short_lock.error().message,
            "Invalid value specified for property 'LockoutDurationInSeconds' of resource "
            "'DirectorySetting'.");
  EXPECT_FALSE(ValidateLockoutSettings({.threshold = 51, .duration_seconds = 60}).has_value());
  EXPECT_FALSE(ValidateLockoutSettings({.threshold = 10, .duration_seconds = 86'401}).has_value());
}

}  // namespace
}  // namespace admin365
