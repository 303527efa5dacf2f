#include "engine/license_seats.h"

#include <algorithm>
#include <string>

#include "engine/license_audit.h"
#include "engine/license_rules.h"
#include "engine/license_store.h"
#include "engine/sku_catalog.h"

namespace admin365::engine {

Result<long long> AvailableUnits(sqlite::Database& db, std::string_view sku_id,
                                 std::int64_t user_key) {
  ASSIGN_OR_RETURN(const std::optional<SubscriptionRow> subscription, FindSubscription(db, sku_id));
  if (!subscription) return 0;
  ASSIGN_OR_RETURN(const long long consumed, ConsumedUnits(db, sku_id, user_key));
  return subscription->enabled_units() - consumed;
}

Result<std::vector<PropertyChange>> RetakeLicenseSeats(sqlite::Database& db, std::int64_t user_key,
                                                       User& user, UnixSeconds now) {
  const std::vector<LicenseAssignmentState> before = user.license_assignment_states;
  std::vector<std::string> checked;
  for (const LicenseAssignmentState& each : before) {
    if (std::find(checked.begin(), checked.end(), each.sku_id) != checked.end()) continue;
    checked.push_back(each.sku_id);
    ASSIGN_OR_RETURN(const long long available, AvailableUnits(db, each.sku_id, user_key));
    const std::string_view state = available > 0 ? kLicenseActive : kLicenseError;
    const std::string_view error = available > 0 ? kNoLicenseError : kCountViolation;
    for (LicenseAssignmentState& target : user.license_assignment_states) {
      if (target.sku_id != each.sku_id || (target.state == state && target.error == error)) {
        continue;
      }
      target.state = state;
      target.error = error;
      target.last_updated_date_time = now;
    }
  }
  if (user.license_assignment_states == before) return std::vector<PropertyChange>();
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  ApplyLicenseStates(user, *catalog, now);
  RETURN_IF_ERROR(SaveUserLicenses(db, user_key, user));
  std::vector<PropertyChange> changes;
  if (auto change = LicenseStatesChange(before, user.license_assignment_states, *catalog)) {
    changes.push_back(std::move(*change));
  }
  return changes;
}

}  // namespace admin365::engine
