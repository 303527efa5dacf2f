#include "engine/license_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "engine/license_rules.h"

namespace admin365::engine {

namespace {

constexpr std::string_view kSubscriptionColumns =
    "sku_id, sku_part_number, subscription_id, units, capability_status, created_at";

SubscriptionRow ReadSubscription(sqlite::Statement& row) {
  return SubscriptionRow{.sku_id = row.Text(0),
                         .sku_part_number = row.Text(1),
                         .subscription_id = row.Text(2),
                         .units = row.Int(3),
                         .capability_status = row.Text(4),
                         .created_at = row.Int(5)};
}

// disabled_plans holds plan ids joined with commas.
std::vector<std::string> SplitPlans(const std::string& text) {
  std::vector<std::string> plans;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    plans.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return plans;
}

}  // namespace

Result<std::vector<SubscriptionRow>> ListSubscriptions(sqlite::Database& db) {
  sqlite::Statement& query = db.Prepare(fmt::format(
      "SELECT {} FROM subscriptions ORDER BY sku_part_number, sku_id", kSubscriptionColumns));
  std::vector<SubscriptionRow> rows;
  for (;;) {
    ASSIGN_OR_RETURN(const bool more, query.Step());
    if (!more) return rows;
    rows.push_back(ReadSubscription(query));
  }
}

Result<std::optional<SubscriptionRow>> FindSubscription(sqlite::Database& db,
                                                        std::string_view sku_id) {
  sqlite::Statement& query = db.Prepare(
      fmt::format("SELECT {} FROM subscriptions WHERE sku_id = ?", kSubscriptionColumns));
  query.Bind(1, sku_id);
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return std::optional<SubscriptionRow>();
  return std::optional<SubscriptionRow>(ReadSubscription(query));
}

Status InsertSubscription(sqlite::Database& db, const SubscriptionRow& row) {
  sqlite::Statement& insert = db.Prepare(fmt::format(
      "INSERT INTO subscriptions ({}) VALUES (?, ?, ?, ?, ?, ?)", kSubscriptionColumns));
  insert.Bind(1, row.sku_id);
  insert.Bind(2, row.sku_part_number);
  insert.Bind(3, row.subscription_id);
  insert.Bind(4, static_cast<std::int64_t>(row.units));
  insert.Bind(5, row.capability_status);
  insert.Bind(6, row.created_at);
  return insert.Run();
}

Status UpdateSubscription(sqlite::Database& db, const SubscriptionRow& row) {
  sqlite::Statement& update =
      db.Prepare("UPDATE subscriptions SET units = ?, capability_status = ? WHERE sku_id = ?");
  update.Bind(1, static_cast<std::int64_t>(row.units));
  update.Bind(2, row.capability_status);
  update.Bind(3, row.sku_id);
  return update.Run();
}

Result<long long> ConsumedUnits(sqlite::Database& db, std::string_view sku_id,
                                std::int64_t except_user_key) {
  sqlite::Statement& count = db.Prepare(
      "SELECT count(DISTINCT l.user_key) FROM user_licenses l "
      "JOIN users u ON u.user_key = l.user_key "
      "WHERE l.sku_id = ? AND l.state = 'Active' AND u.deleted_at IS NULL AND l.user_key <> ?");
  count.Bind(1, sku_id);
  count.Bind(2, except_user_key);
  ASSIGN_OR_RETURN(const bool row, count.Step());
  return row ? count.Int(0) : 0;
}

Status LoadUserLicenses(sqlite::Database& db, std::int64_t user_key, User& user) {
  sqlite::Statement& states = db.Prepare(
      "SELECT sku_id, assigned_by_group, disabled_plans, state, error, updated_at "
      "FROM user_licenses WHERE user_key = ? ORDER BY id");
  states.Bind(1, user_key);
  for (;;) {
    ASSIGN_OR_RETURN(const bool more, states.Step());
    if (!more) break;
    user.license_assignment_states.push_back(
        LicenseAssignmentState{.sku_id = states.Text(0),
                               .disabled_plans = SplitPlans(states.Text(2)),
                               .assigned_by_group = states.Text(1),
                               .state = states.Text(3),
                               .error = states.Text(4),
                               .last_updated_date_time = states.Int(5)});
  }
  user.assigned_licenses = EffectiveLicenses(user.license_assignment_states);

  sqlite::Statement& plans = db.Prepare(
      "SELECT service_plan_id, service, capability_status, assigned_at "
      "FROM user_assigned_plans WHERE user_key = ? ORDER BY position");
  plans.Bind(1, user_key);
  for (;;) {
    ASSIGN_OR_RETURN(const bool more, plans.Step());
    if (!more) return Ok();
    user.assigned_plans.push_back(AssignedPlan{.assigned_date_time = plans.Int(3),
                                               .capability_status = plans.Text(2),
                                               .service = plans.Text(1),
                                               .service_plan_id = plans.Text(0)});
  }
}

Status SaveUserLicenses(sqlite::Database& db, std::int64_t user_key, const User& user) {
  for (const char* table : {"user_licenses", "user_assigned_plans"}) {
    sqlite::Statement& clear = db.Prepare(fmt::format("DELETE FROM {} WHERE user_key = ?", table));
    clear.Bind(1, user_key);
    RETURN_IF_ERROR(clear.Run());
  }
  for (const LicenseAssignmentState& state : user.license_assignment_states) {
    sqlite::Statement& insert = db.Prepare(
        "INSERT INTO user_licenses (user_key, sku_id, assigned_by_group, disabled_plans, state, "
        "error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.Bind(1, user_key);
    insert.Bind(2, state.sku_id);
    insert.Bind(3, state.assigned_by_group);
    insert.Bind(4, fmt::format("{}", fmt::join(state.disabled_plans, ",")));
    insert.Bind(5, state.state);
    insert.Bind(6, state.error);
    insert.Bind(7, state.last_updated_date_time);
    RETURN_IF_ERROR(insert.Run());
  }
  for (std::size_t i = 0; i < user.assigned_plans.size(); ++i) {
    const AssignedPlan& plan = user.assigned_plans[i];
    sqlite::Statement& insert = db.Prepare(
        "INSERT INTO user_assigned_plans (user_key, position, service_plan_id, service, "
        "capability_status, assigned_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.Bind(1, user_key);
    insert.Bind(2, static_cast<std::int64_t>(i));
    insert.Bind(3, plan.service_plan_id);
    insert.Bind(4, plan.service);
    insert.Bind(5, plan.capability_status);
    insert.Bind(6, plan.assigned_date_time);
    RETURN_IF_ERROR(insert.Run());
  }
  return Ok();
}

}  // namespace admin365::engine
