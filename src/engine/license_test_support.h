#pragma once

// Test-only support for the licensing tests: LicensingTest, the engine fixture
// (engine_test_support.h) with helpers to buy subscriptions, create users who may hold
// licences, assign them and read seat counts; and the real catalogue's ids the tests use.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {

// From data/m365-licensing-catalog.csv.
inline const std::string kE3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";        // ENTERPRISEPACK
inline const std::string kE5 = "c7df2760-2c81-4ef7-b578-5b5392b571df";        // ENTERPRISEPREMIUM
inline const std::string kFlowFree = "f30db892-07e9-47e9-837c-80727f46fd3d";  // FLOW_FREE
inline const std::string kExchangeOnline1 =
    "4b9405b0-7788-4568-add1-99614e613b69";  // EXCHANGESTANDARD
inline const std::string kExchangeE3 =
    "efb87545-963c-4e0d-99df-69c6916d9eb0";                                // EXCHANGE_S_ENTERPRISE
inline const std::string kSway = "a23b959c-7ce8-4e57-9140-b90eb88a9e97";   // SWAY
inline const std::string kTeams = "57ff2da0-773e-42df-b2af-ffb7a2317929";  // TEAMS1
inline const std::string kFoundation =
    "113feb6c-3fe4-4440-bddc-54d774bf0318";  // EXCHANGE_S_FOUNDATION

class LicensingTest : public LocalDirectoryTest {
 protected:
  SubscribedSku Subscribe(const std::string& sku, long long units) {
    auto added = directory_->AddSubscription(kActor, sku, units);
    EXPECT_THAT(added, Succeeds());
    return added ? *added : SubscribedSku{};
  }

  // A user with usage location US (fast to create: generated password).
  User CreateLicensable(const std::string& alias) {
    return CreateFast(alias, alias, {{"usageLocation", std::string("US")}});
  }

  Result<User> Assign(const std::string& user, const std::vector<AssignedLicense>& add,
                      const std::vector<std::string>& remove = {}) {
    return directory_->AssignLicense(kActor, user,
                                     LicenseChange{.add_licenses = add, .remove_licenses = remove});
  }

  // The subscription to `sku_id`, as ListSubscribedSkus shows it.
  SubscribedSku Subscription(const std::string& sku_id) {
    auto skus = directory_->ListSubscribedSkus();
    EXPECT_THAT(skus, Succeeds());
    if (!skus) return {};
    const auto it = std::find_if(skus->begin(), skus->end(), [&](const SubscribedSku& sku) {
      return sku.sku.sku_id == sku_id;
    });
    EXPECT_NE(it, skus->end()) << sku_id;
    return it == skus->end() ? SubscribedSku{} : *it;
  }

  long long Consumed(const std::string& sku_id) { return Subscription(sku_id).consumed_units; }

  // Stores a group-based licence for `user_id` as group-based licensing does (a
  // user_licenses row naming the group), through a second connection.
  void InheritFromGroup(const std::string& user_id, const std::string& sku_id,
                        const std::string& group_id) {
    auto db = OpenDatabase();
    ASSERT_NE(db, nullptr);
    auto insert = db->PrepareUncached(
        "INSERT INTO user_licenses (user_key, sku_id, assigned_by_group, updated_at) "
        "SELECT user_key, ?, ?, 0 FROM users WHERE id = ?");
    ASSERT_THAT(insert, Succeeds());
    (*insert)->Bind(1, sku_id);
    (*insert)->Bind(2, group_id);
    (*insert)->Bind(3, user_id);
    ASSERT_THAT((*insert)->Run(), Succeeds());
  }
};

// The assigned plan `id` of `user`, or nullptr.
inline const AssignedPlan* FindPlan(const User& user, const std::string& id) {
  const auto it =
      std::find_if(user.assigned_plans.begin(), user.assigned_plans.end(),
                   [&](const AssignedPlan& plan) { return plan.service_plan_id == id; });
  return it == user.assigned_plans.end() ? nullptr : &*it;
}

}  // namespace admin365::engine_test
