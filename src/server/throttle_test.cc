// The throttling simulator against entra-graph-facts.md §4.2, on a FakeClock.

#include "server/throttle.h"

#include <gtest/gtest.h>

namespace admin365::server {
namespace {

constexpr UnixSeconds kStart = 1'767'225'600;

TEST(CostOfTest, BaseCostsFromTheTable) {
  EXPECT_EQ(CostOf("GET", "/users", ""), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("GET", "/users/adele@contoso.com", ""), (RequestCost{1, 0}));
  EXPECT_EQ(CostOf("GET", "/subscribedSkus", ""), (RequestCost{3, 0}));
  EXPECT_EQ(CostOf("GET", "/groups/g1/members", ""), (RequestCost{3, 0}));
  EXPECT_EQ(CostOf("GET", "/groups/g1/transitiveMembers", ""), (RequestCost{5, 0}));
  EXPECT_EQ(CostOf("GET", "/applications", ""), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("GET", "/me/memberOf", ""), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("GET", "/users/u1/licenseDetails", ""), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("GET", "/domains/contoso.com/domainNameReferences", ""), (RequestCost{4, 0}));
  EXPECT_EQ(CostOf("GET", "/contracts", ""), (RequestCost{3, 0}));
  EXPECT_EQ(CostOf("POST", "/users/u1/checkMemberGroups", ""), (RequestCost{4, 0}));
  EXPECT_EQ(CostOf("POST", "/me/getMemberObjects", ""), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("POST", "/directoryObjects/getByIds", ""), (RequestCost{3, 0}));
}

TEST(CostOfTest, WritesCostOneUnitAndOneWrite) {
  EXPECT_EQ(CostOf("POST", "/users", ""), (RequestCost{1, 1}));
  EXPECT_EQ(CostOf("PATCH", "/users/u1", ""), (RequestCost{1, 1}));
  EXPECT_EQ(CostOf("DELETE", "/users/u1", ""), (RequestCost{1, 1}));
  EXPECT_EQ(CostOf("POST", "/users/u1/assignLicense", ""), (RequestCost{1, 1}));
}

TEST(CostOfTest, QueryModifiersNeverBelowOne) {
  EXPECT_EQ(CostOf("GET", "/users", "$select=id"), (RequestCost{1, 0}));
  EXPECT_EQ(CostOf("GET", "/users", "%24select=id"), (RequestCost{1, 0}));
  EXPECT_EQ(CostOf("GET", "/users", "$expand=manager"), (RequestCost{3, 0}));
  EXPECT_EQ(CostOf("GET", "/users", "$top=5"), (RequestCost{1, 0}));
  EXPECT_EQ(CostOf("GET", "/users", "$top=20"), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("GET", "/users", "$top=999"), (RequestCost{2, 0}));
  EXPECT_EQ(CostOf("GET", "/users", "$select=id&$top=5"), (RequestCost{1, 0}));
  EXPECT_EQ(CostOf("GET", "/groups/g/transitiveMembers", "$select=id&$top=5&$expand=x"),
            (RequestCost{4, 0}));
}

TEST(TenantSizeTest, Boundaries) {
  EXPECT_EQ(TenantSizeFor(0), TenantSize::kSmall);
  EXPECT_EQ(TenantSizeFor(49), TenantSize::kSmall);
  EXPECT_EQ(TenantSizeFor(50), TenantSize::kMedium);
  EXPECT_EQ(TenantSizeFor(500), TenantSize::kMedium);
  EXPECT_EQ(TenantSizeFor(501), TenantSize::kLarge);
}

class ThrottleTest : public ::testing::Test {
 protected:
  ThrottleDecision Admit(RequestCost cost, TenantSize size = TenantSize::kSmall,
                         const std::string& app = "app") {
    return throttle_.Admit(app, "tenant", size, cost);
  }

  FakeClock clock_{kStart};
  Throttle throttle_{clock_};
};

TEST_F(ThrottleTest, SmallTenantGets3500UnitsPer10Seconds) {
  for (int i = 0; i < 1750; ++i) ASSERT_TRUE(Admit({2, 0}).admitted) << i;
  const ThrottleDecision refused = Admit({2, 0});
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retry_after, 1);
  EXPECT_EQ(refused.resource_units, 2);
  EXPECT_EQ(refused.scope, "Tenant_Application/ReadWrite/app/tenant");
  EXPECT_EQ(refused.information, "ResourceUnitLimitExceeded");
  clock_.Advance(1);  // 350 units back
  for (int i = 0; i < 175; ++i) ASSERT_TRUE(Admit({2, 0}).admitted) << i;
  EXPECT_FALSE(Admit({2, 0}).admitted);
}

TEST_F(ThrottleTest, RetryAfterIsTheTimeToRefillTheCost) {
  ASSERT_TRUE(Admit({3500, 0}).admitted);
  const ThrottleDecision refused = Admit({1000, 0});
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retry_after, 3);  // 1000 units at 350/s
  clock_.Advance(3);
  EXPECT_TRUE(Admit({1000, 0}).admitted);
}

TEST_F(ThrottleTest, ThrottledRequestsStillCountAgainstUsage) {
  ASSERT_TRUE(Admit({3400, 0}).admitted);  // 100 left
  EXPECT_FALSE(Admit({200, 0}).admitted);  // charged: 0 left
  EXPECT_FALSE(Admit({1, 0}).admitted);
}

TEST_F(ThrottleTest, TenantSizeSetsTheUnitLimit) {
  EXPECT_TRUE(Admit({5000, 0}, TenantSize::kMedium, "m").admitted);
  EXPECT_FALSE(Admit({1, 0}, TenantSize::kMedium, "m").admitted);
  EXPECT_TRUE(Admit({8000, 0}, TenantSize::kLarge, "l").admitted);
  EXPECT_FALSE(Admit({1, 0}, TenantSize::kLarge, "l").admitted);
  EXPECT_FALSE(Admit({3501, 0}, TenantSize::kSmall, "s").admitted);
}

TEST_F(ThrottleTest, AppWriteQuotaIs3000Per150Seconds) {
  for (int i = 0; i < 3000; ++i) {
    ASSERT_TRUE(Admit({1, 1}).admitted) << i;
    if (i % 300 == 299) clock_.Advance(10);  // keep the unit bucket full, refill 200 writes
  }
  // 3000 writes drawn, 10 x 10 s x 20/s = 2000 refilled: 2000 left.
  for (int i = 0; i < 2000; ++i) ASSERT_TRUE(Admit({1, 1}).admitted) << i;
  const ThrottleDecision refused = Admit({1, 1});
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.scope, "Tenant_Application/Write/app/tenant");
  EXPECT_EQ(refused.information, "WriteLimitExceeded");
  EXPECT_EQ(refused.retry_after, 1);  // 20 writes/s
  EXPECT_TRUE(Admit({1, 0}).admitted) << "reads go on";
}

TEST_F(ThrottleTest, TenantWriteQuotaIs18000Per300SecondsAcrossApps) {
  for (int app = 0; app < 6; ++app) {
    for (int i = 0; i < 3000; ++i) {
      ASSERT_TRUE(Admit({1, 1}, TenantSize::kSmall, "app" + std::to_string(app)).admitted);
    }
  }
  const ThrottleDecision refused = Admit({1, 1}, TenantSize::kSmall, "app6");
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.scope, "Tenant/Write/app6/tenant");
  EXPECT_EQ(refused.information, "WriteLimitExceeded");
  EXPECT_EQ(refused.retry_after, 1);  // 60 writes/s
}

TEST_F(ThrottleTest, LimitPercentageAppearsFromEightyPercent) {
  EXPECT_EQ(Admit({2799, 0}).limit_percentage, std::nullopt);
  EXPECT_EQ(Admit({1, 0}).limit_percentage, 0.8);
  EXPECT_EQ(Admit({350, 0}).limit_percentage, 0.9);
  const ThrottleDecision refused = Admit({700, 0});  // 350 left
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.limit_percentage, 1.1);
}

}  // namespace
}  // namespace admin365::server

namespace admin365::server {
namespace {

// 4 units per 10 s: a unit comes back every 2.5 s, and a caller asking every second must
// get it on the third second, not lose each second's fraction.
TEST(ThrottleRefillTest, FractionsOfAUnitCarryOverBetweenCalls) {
  FakeClock clock{kStart};
  Throttle throttle{clock, ThrottleLimits{.small_units = 4, .unit_window = 10}};
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(throttle.Admit("app", "t", TenantSize::kSmall, {1, 0}).admitted);
  clock.Advance(1);
  EXPECT_FALSE(throttle.Admit("app", "t", TenantSize::kSmall, {1, 0}).admitted);
  clock.Advance(1);
  EXPECT_FALSE(throttle.Admit("app", "t", TenantSize::kSmall, {1, 0}).admitted);
  clock.Advance(1);
  EXPECT_TRUE(throttle.Admit("app", "t", TenantSize::kSmall, {1, 0}).admitted);
}

}  // namespace
}  // namespace admin365::server
