#include "common/random.h"

#include <gtest/gtest.h>

namespace admin365 {
namespace {

TEST(NewUuidTest, HasVersion4AndVariantBits) {
  SeededRandom random(7);
  const std::string id = NewUuid(random);
  ASSERT_TRUE(IsUuid(id)) << id;
  EXPECT_EQ(id[14], '4');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
}

TEST(NewUuidTest, SeededSourceIsDeterministic) {
  SeededRandom a(42), b(42);
  EXPECT_EQ(NewUuid(a), NewUuid(b));
}

TEST(IsUuidTest, RejectsMalformedIdentifiers) {
  EXPECT_TRUE(IsUuid("6E4A4D64-2C0B-4F6A-9C33-0A7D3B5E2F11"));
  EXPECT_FALSE(IsUuid("6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f1"));
  EXPECT_FALSE(IsUuid("6e4a4d64x2c0b-4f6a-9c33-0a7d3b5e2f11"));
  EXPECT_FALSE(IsUuid("6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f1g"));
  EXPECT_FALSE(IsUuid(""));
}

TEST(UniformTest, StaysBelowTheBound) {
  SeededRandom random(1);
  for (int i = 0; i < 1000; ++i) EXPECT_LT(random.Uniform(7), 7u);
  EXPECT_EQ(random.Uniform(1), 0u);
}

}  // namespace
}  // namespace admin365
