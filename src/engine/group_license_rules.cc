#include "engine/group_license_rules.h"

#include <algorithm>

#include "domain/graph_errors.h"
#include "engine/license_change.h"
#include "engine/license_rules.h"

namespace admin365::engine {

namespace {

// Any usage location: a group has none, and needs none.
constexpr std::string_view kGroupUsageLocation = "US";

bool IsActive(const LicenseAssignmentState& state) { return state.state == kLicenseActive; }

}  // namespace

Result<std::vector<AssignedLicense>> PlanGroupLicenseChange(const Group& group,
                                                            const LicenseChange& change,
                                                            const std::set<std::string>& subscribed,
                                                            const SkuCatalog& catalog,
                                                            UnixSeconds now) {
  // The group's licences play a user's direct licences.
  User holder{.usage_location = std::string(kGroupUsageLocation)};
  for (const AssignedLicense& license : group.assigned_licenses) {
    holder.license_assignment_states.push_back({.sku_id = license.sku_id,
                                                .disabled_plans = license.disabled_plans,
                                                .state = std::string(kLicenseActive)});
  }
  auto planned = PlanLicenseChange(holder, change, subscribed, catalog, now);
  if (!planned) {
    if (planned.error().message == errors::LicenseNotAssigned().message) {
      return Fail(errors::GroupLicenseNotAssigned());
    }
    return Fail(planned.error());
  }
  std::vector<AssignedLicense> licenses;
  for (LicenseAssignmentState& state : planned->states) {
    licenses.push_back(
        {.sku_id = std::move(state.sku_id), .disabled_plans = std::move(state.disabled_plans)});
  }
  return licenses;
}

std::vector<LicenseAssignmentState> NextGroupLicenseStates(
    const std::vector<LicenseAssignmentState>& current, const std::vector<GroupGrant>& grants,
    const std::set<std::string>& free_skus, const std::set<std::string>& refused, UnixSeconds now) {
  // What each grant gives the member: its state and error, all or nothing per group.
  std::set<std::string> held;  // SKUs the member holds an Active state of so far
  for (const LicenseAssignmentState& state : current) {
    if (state.assigned_by_group.empty() && IsActive(state)) held.insert(state.sku_id);
  }
  std::vector<LicenseAssignmentState> wanted;
  for (const GroupGrant& grant : grants) {
    const bool seats = std::all_of(
        grant.licenses.begin(), grant.licenses.end(), [&](const AssignedLicense& license) {
          return held.contains(license.sku_id) || free_skus.contains(license.sku_id);
        });
    std::string_view state = kLicenseActive;
    std::string_view error = kNoLicenseError;
    if (refused.contains(grant.group_id)) {
      state = kLicenseError;
      error = kUniquenessViolation;
    } else if (!seats) {
      state = kLicenseError;
      error = kCountViolation;
    }
    for (const AssignedLicense& license : grant.licenses) {
      if (state == kLicenseActive) held.insert(license.sku_id);
      wanted.push_back({.sku_id = license.sku_id,
                        .disabled_plans = license.disabled_plans,
                        .assigned_by_group = grant.group_id,
                        .state = std::string(state),
                        .error = std::string(error),
                        .last_updated_date_time = now});
    }
  }

  const auto same_origin = [](const LicenseAssignmentState& a, const LicenseAssignmentState& b) {
    return a.sku_id == b.sku_id && a.assigned_by_group == b.assigned_by_group;
  };
  std::vector<LicenseAssignmentState> next;
  for (const LicenseAssignmentState& state : current) {
    if (state.assigned_by_group.empty()) {
      next.push_back(state);
      continue;
    }
    const auto want = std::find_if(wanted.begin(), wanted.end(),
                                   [&](const auto& w) { return same_origin(w, state); });
    if (want == wanted.end()) continue;
    const bool unchanged = want->disabled_plans == state.disabled_plans &&
                           want->state == state.state && want->error == state.error;
    next.push_back(unchanged ? state : *want);
  }
  for (const LicenseAssignmentState& want : wanted) {
    if (std::none_of(next.begin(), next.end(),
                     [&](const auto& state) { return same_origin(state, want); })) {
      next.push_back(want);
    }
  }
  return next;
}

std::set<std::string> NewlyActiveGroups(const std::vector<LicenseAssignmentState>& before,
                                        const std::vector<LicenseAssignmentState>& after) {
  std::set<std::string> groups;
  for (const LicenseAssignmentState& state : after) {
    if (state.assigned_by_group.empty() || !IsActive(state)) continue;
    const bool was_active =
        std::any_of(before.begin(), before.end(), [&](const LicenseAssignmentState& old) {
          return old.sku_id == state.sku_id && old.assigned_by_group == state.assigned_by_group &&
                 IsActive(old);
        });
    if (!was_active) groups.insert(state.assigned_by_group);
  }
  return groups;
}

}  // namespace admin365::engine
