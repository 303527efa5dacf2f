#pragma once

// The SQL of the licence tables (storage/migrations/0002_licences.sql): subscriptions,
// user_licenses (licenseAssignmentStates) and user_assigned_plans. It maps rows to values
// and nothing more: no rule, no audit, no transaction of its own; the caller holds the
// directory's session and, for writes, a transaction.
//
// Group-based licensing stores its licences here too, as user_licenses rows whose
// assigned_by_group is the group's object id ('' marks a direct assignment).
//
// Errors: Internal/Unavailable from SQLite only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/user.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

inline constexpr std::string_view kSubscriptionEnabled = "Enabled";
inline constexpr std::string_view kSubscriptionSuspended = "Suspended";

// One subscription the tenant bought.
struct SubscriptionRow {
  std::string sku_id;
  std::string sku_part_number;
  std::string subscription_id;
  long long units = 0;
  std::string capability_status = std::string(kSubscriptionEnabled);
  UnixSeconds created_at = 0;

  // The seats it gives: its units while Enabled, none while Suspended.
  long long enabled_units() const { return capability_status == kSubscriptionEnabled ? units : 0; }
};

// Every subscription, by part number.
Result<std::vector<SubscriptionRow>> ListSubscriptions(sqlite::Database& db);
// The subscription to `sku_id` (lower-case), or nullopt.
Result<std::optional<SubscriptionRow>> FindSubscription(sqlite::Database& db,
                                                        std::string_view sku_id);
Status InsertSubscription(sqlite::Database& db, const SubscriptionRow& row);
// Writes the units and capability status of the subscription to row.sku_id.
Status UpdateSubscription(sqlite::Database& db, const SubscriptionRow& row);

// Seats of `sku_id` in use: the active (not soft-deleted) users, other than
// `except_user_key`, with an Active licence state of the SKU, each counted once however many
// states (direct, groups) they hold it by.
Result<long long> ConsumedUnits(sqlite::Database& db, std::string_view sku_id,
                                std::int64_t except_user_key = 0);

// Fills `user`'s license_assignment_states and assigned_plans from the tables, and derives
// assigned_licenses from the states (license_rules.h, EffectiveLicenses).
Status LoadUserLicenses(sqlite::Database& db, std::int64_t user_key, User& user);

// Rewrites the user's licence states and assigned plans from `user`, in its order.
Status SaveUserLicenses(sqlite::Database& db, std::int64_t user_key, const User& user);

}  // namespace admin365::engine
