#include "engine/license_change.h"

#include <algorithm>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "engine/license_rules.h"

namespace admin365::engine {

namespace {

bool IsDirect(const LicenseAssignmentState& state) { return state.assigned_by_group.empty(); }

// The disabled plans of an added licence, lower-cased and without repeats, each a plan id
// of the SKU. Errors: InvalidDisabledPlan.
Result<std::vector<std::string>> CheckDisabledPlans(const AssignedLicense& license,
                                                    const SkuCatalog& catalog) {
  const Sku* sku = catalog.FindById(license.sku_id);
  std::vector<std::string> plans;
  for (const std::string& given : license.disabled_plans) {
    const std::string id = AsciiLower(given);
    const bool of_sku =
        sku != nullptr &&
        std::any_of(sku->service_plans.begin(), sku->service_plans.end(),
                    [&](const ServicePlan& plan) { return plan.service_plan_id == id; });
    if (!of_sku) return Fail(errors::InvalidDisabledPlan(license.sku_id, given));
    if (std::find(plans.begin(), plans.end(), id) == plans.end()) plans.push_back(id);
  }
  return plans;
}

bool HoldsActive(const std::vector<LicenseAssignmentState>& states, std::string_view sku_id) {
  return std::any_of(states.begin(), states.end(), [&](const LicenseAssignmentState& state) {
    return state.sku_id == sku_id && state.state == kLicenseActive;
  });
}

}  // namespace

Result<PlannedLicenseChange> PlanLicenseChange(const User& user, const LicenseChange& change,
                                               const std::set<std::string>& subscribed,
                                               const SkuCatalog& catalog, UnixSeconds now) {
  if (!change.add_licenses.empty() && !user.usage_location) {
    return Fail(errors::InvalidUsageLocationForLicense());
  }
  std::vector<AssignedLicense> additions;
  for (const AssignedLicense& given : change.add_licenses) {
    AssignedLicense license{.sku_id = AsciiLower(given.sku_id)};
    if (!subscribed.contains(license.sku_id)) {
      return Fail(errors::InvalidCompanyLicense(given.sku_id));
    }
    license.disabled_plans = given.disabled_plans;
    ASSIGN_OR_RETURN(license.disabled_plans, CheckDisabledPlans(license, catalog));
    additions.push_back(std::move(license));
  }

  const std::vector<LicenseAssignmentState>& before = user.license_assignment_states;
  PlannedLicenseChange planned{.states = before};
  std::vector<LicenseAssignmentState>& states = planned.states;
  for (const std::string& given : change.remove_licenses) {
    const std::string sku_id = AsciiLower(given);
    if (!subscribed.contains(sku_id)) return Fail(errors::InvalidCompanyLicense(given));
    const auto direct = std::find_if(states.begin(), states.end(), [&](const auto& state) {
      return state.sku_id == sku_id && IsDirect(state);
    });
    if (direct != states.end()) {
      states.erase(direct);
      continue;
    }
    const bool inherited = std::any_of(states.begin(), states.end(),
                                       [&](const auto& state) { return state.sku_id == sku_id; });
    return Fail(inherited ? errors::LicenseInheritedFromGroup() : errors::LicenseNotAssigned());
  }

  for (AssignedLicense& license : additions) {
    std::vector<std::string>& seats = planned.seats_needed;
    if (!HoldsActive(before, license.sku_id) &&
        std::find(seats.begin(), seats.end(), license.sku_id) == seats.end()) {
      seats.push_back(license.sku_id);
    }
    const auto direct = std::find_if(states.begin(), states.end(), [&](const auto& state) {
      return state.sku_id == license.sku_id && IsDirect(state);
    });
    if (direct == states.end()) {
      states.push_back({.sku_id = license.sku_id,
                        .disabled_plans = std::move(license.disabled_plans),
                        .state = std::string(kLicenseActive),
                        .error = std::string(kNoLicenseError),
                        .last_updated_date_time = now});
      continue;
    }
    if (direct->disabled_plans != license.disabled_plans || direct->state != kLicenseActive) {
      direct->disabled_plans = std::move(license.disabled_plans);
      direct->state = kLicenseActive;
      direct->error = kNoLicenseError;
      direct->last_updated_date_time = now;
    }
  }
  return planned;
}

}  // namespace admin365::engine
