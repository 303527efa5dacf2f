// The embedded tenant's subscriptions: buying, changing units, suspending and reactivating,
// and ListSubscribedSkus with exact seat counts.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/random.h"
#include "engine/license_test_support.h"
#include "engine/sku_catalog.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

using SubscriptionTest = LicensingTest;

const Sku& CatalogueSku(const std::string& sku_id) {
  return *(*engine::SkuCatalog::BuiltIn())->FindById(sku_id);
}

TEST_F(SubscriptionTest, AddBuysSeatsOfACatalogueProduct) {
  clock_.Advance(5);
  auto added = directory_->AddSubscription(kActor, "enterprisepack", 25);
  ASSERT_THAT(added, Succeeds());
  EXPECT_EQ(added->sku, CatalogueSku(kE3));
  EXPECT_EQ(added->capability_status, "Enabled");
  EXPECT_EQ(added->enabled_units, 25);
  EXPECT_EQ(added->warning_units, 0);
  EXPECT_EQ(added->suspended_units, 0);
  EXPECT_EQ(added->consumed_units, 0);
  EXPECT_EQ(added->applies_to, "User");
  ASSERT_THAT(added->subscription_ids, SizeIs(1));
  EXPECT_TRUE(IsUuid(added->subscription_ids[0]));

  auto listed = directory_->ListSubscribedSkus();
  ASSERT_THAT(listed, Succeeds());
  EXPECT_THAT(*listed, ElementsAre(*added));

  const AuditEvent event = Events()[0];
  EXPECT_EQ(event.action, "Add subscription");
  EXPECT_EQ(event.target_type, "SubscribedSku");
  EXPECT_EQ(event.target_id, kE3);
  EXPECT_EQ(event.target_name, "ENTERPRISEPACK");
  EXPECT_EQ(event.time, kStart + 5);
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"prepaidUnits", std::nullopt, "25"},
                          PropertyChange{"capabilityStatus", std::nullopt, "Enabled"}));
}

TEST_F(SubscriptionTest, ProductsAreNamedBySkuIdOrPartNumber) {
  EXPECT_THAT(directory_->AddSubscription(kActor, "6FD2C87F-B296-42F0-B197-1E91E994B900", 1),
              Succeeds());
  EXPECT_THAT(directory_->AddSubscription(kActor, "NO_SUCH_SKU", 1),
              FailsWith(expected::UnknownProduct("NO_SUCH_SKU")));
  EXPECT_THAT(directory_->AddSubscription(kActor, "MCOPSTN5", 1),
              FailsWith(expected::AmbiguousProduct(
                  "MCOPSTN5",
                  "d43177b5-475b-4880-92d4-d54c27b5efbd, 54a152dc-90de-4996-93d2-bc47e670fc06")));
  ASSERT_THAT(directory_->AddSubscription(kActor, "54a152dc-90de-4996-93d2-bc47e670fc06", 1),
              Succeeds());
  // Once bought, the part number means the tenant's SKU.
  EXPECT_THAT(directory_->ResolveSkuId("mcopstn5"),
              ::testing::Optional(std::string("54a152dc-90de-4996-93d2-bc47e670fc06")));
  EXPECT_THAT(directory_->SetSubscriptionUnits(kActor, "MCOPSTN5", 3), Succeeds());
  EXPECT_THAT(directory_->ResolveSkuId("FLOW_FREE"), ::testing::Optional(kFlowFree));
  EXPECT_THAT(directory_->ResolveSkuId("00000000-0000-0000-0000-00000000000A"),
              ::testing::Optional(std::string("00000000-0000-0000-0000-00000000000a")));
}

TEST_F(SubscriptionTest, AProductIsBoughtOnceWithSensibleUnits) {
  Subscribe("ENTERPRISEPACK", 25);
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->AddSubscription(kActor, kE3, 5),
              FailsWith(expected::SubscriptionExists("ENTERPRISEPACK", kE3)));
  for (long long units : {0LL, -1LL, 1'000'001LL}) {
    EXPECT_THAT(directory_->AddSubscription(kActor, "FLOW_FREE", units),
                FailsWith(expected::InvalidValue("prepaidUnits", "SubscribedSku")));
    EXPECT_THAT(directory_->SetSubscriptionUnits(kActor, kE3, units),
                FailsWith(expected::InvalidValue("prepaidUnits", "SubscribedSku")));
  }
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(*directory_->ListSubscribedSkus(), SizeIs(1));
}

TEST_F(SubscriptionTest, UnitsChangeButNeverBelowTheSeatsInUse) {
  Subscribe("ENTERPRISEPACK", 3);
  for (const char* alias : {"adele", "bob"}) {
    ASSERT_THAT(Assign(CreateLicensable(alias).id, {{.sku_id = kE3}}), Succeeds());
  }
  auto grown = directory_->SetSubscriptionUnits(kActor, "ENTERPRISEPACK", 40);
  ASSERT_THAT(grown, Succeeds());
  EXPECT_EQ(grown->enabled_units, 40);
  EXPECT_EQ(grown->consumed_units, 2);
  EXPECT_EQ(grown->available_units(), 38);
  EXPECT_THAT(Events()[0].changes, ElementsAre(PropertyChange{"prepaidUnits", "3", "40"}));
  EXPECT_EQ(Events()[0].action, "Change subscription units");

  EXPECT_THAT(directory_->SetSubscriptionUnits(kActor, kE3, 1),
              FailsWith(expected::UnitsBelowConsumed(kE3, 2, 1)));
  EXPECT_THAT(directory_->SetSubscriptionUnits(kActor, kE3, 2), Succeeds());

  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->SetSubscriptionUnits(kActor, kE3, 2), Succeeds());
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->SetSubscriptionUnits(kActor, "FLOW_FREE", 2),
              FailsWith(expected::InvalidCompanyLicense(kFlowFree)));
}

TEST_F(SubscriptionTest, SuspendAndReactivate) {
  Subscribe("ENTERPRISEPACK", 25);
  ASSERT_THAT(Assign(CreateLicensable("adele").id, {{.sku_id = kE3}}), Succeeds());

  auto suspended = directory_->SuspendSubscription(kActor, "ENTERPRISEPACK");
  ASSERT_THAT(suspended, Succeeds());
  EXPECT_EQ(suspended->capability_status, "Suspended");
  EXPECT_EQ(suspended->enabled_units, 0);
  EXPECT_EQ(suspended->suspended_units, 25);
  EXPECT_EQ(suspended->consumed_units, 1);
  EXPECT_EQ(Subscription(kE3), *suspended);
  EXPECT_EQ(Events()[0].action, "Suspend subscription");
  EXPECT_THAT(Events()[0].changes,
              ElementsAre(PropertyChange{"capabilityStatus", "Enabled", "Suspended"}));
  std::size_t events = EventCount();
  EXPECT_THAT(directory_->SuspendSubscription(kActor, kE3), Succeeds());
  EXPECT_EQ(EventCount(), events);

  auto resumed = directory_->ResumeSubscription(kActor, kE3);
  ASSERT_THAT(resumed, Succeeds());
  EXPECT_EQ(resumed->capability_status, "Enabled");
  EXPECT_EQ(resumed->enabled_units, 25);
  EXPECT_EQ(resumed->suspended_units, 0);
  EXPECT_EQ(Events()[0].action, "Reactivate subscription");
  EXPECT_THAT(Events()[0].changes,
              ElementsAre(PropertyChange{"capabilityStatus", "Suspended", "Enabled"}));
  events = EventCount();
  EXPECT_THAT(directory_->ResumeSubscription(kActor, kE3), Succeeds());
  EXPECT_EQ(EventCount(), events);

  EXPECT_THAT(directory_->SuspendSubscription(kActor, "FLOW_FREE"),
              FailsWith(expected::InvalidCompanyLicense(kFlowFree)));
  EXPECT_THAT(directory_->ResumeSubscription(kActor, "NOPE"),
              FailsWith(expected::UnknownProduct("NOPE")));
}

TEST_F(SubscriptionTest, ListIsOrderedByPartNumberWithExactCounts) {
  Subscribe("FLOW_FREE", 10000);
  Subscribe("ENTERPRISEPACK", 25);
  Subscribe("EXCHANGESTANDARD", 5);
  const User adele = CreateLicensable("adele");
  ASSERT_THAT(Assign(adele.id, {{.sku_id = kE3}, {.sku_id = kFlowFree}}), Succeeds());
  ASSERT_THAT(Assign(CreateLicensable("bob").id, {{.sku_id = kE3}}), Succeeds());
  auto listed = directory_->ListSubscribedSkus();
  ASSERT_THAT(listed, Succeeds());
  std::vector<std::pair<std::string, long long>> counts;
  for (const SubscribedSku& sku : *listed) {
    counts.emplace_back(sku.sku.sku_part_number, sku.consumed_units);
  }
  EXPECT_THAT(counts, ElementsAre(std::pair<std::string, long long>{"ENTERPRISEPACK", 2},
                                  std::pair<std::string, long long>{"EXCHANGESTANDARD", 0},
                                  std::pair<std::string, long long>{"FLOW_FREE", 1}));
}

TEST_F(UninitialisedDirectoryTest, SubscriptionsNeedATenant) {
  EXPECT_THAT(directory_->ListSubscribedSkus(), FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 1),
              FailsWith(expected::TenantNotInitialised()));
}

}  // namespace
}  // namespace admin365::engine_test
