#pragma once

// The rules of assignLicense (entra-graph-facts.md §3.4) short of seat counting, as a pure
// function: what a user's licence states become, and which SKUs need a free seat.
// LocalDirectory::AssignLicense checks the seats, inside the same transaction, and writes.

#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/licensing.h"
#include "domain/user.h"
#include "engine/sku_catalog.h"

namespace admin365::engine {

struct PlannedLicenseChange {
  // The user's licence states after the change (license_assignment_states).
  std::vector<LicenseAssignmentState> states;
  // SKUs the user takes a new seat of: added ones it held no Active state of before
  // (including a direct licence in error that is added again).
  std::vector<std::string> seats_needed;
};

// Applies `change` to `user`'s licence states: removals first, then additions, so that one
// call replaces a licence. `subscribed` holds the tenant's subscribed skuIds (lower-case).
//
// Adding a SKU the user holds directly replaces its disabledPlans; adding one the user holds
// only through a group adds a direct assignment next to it (one seat for both). States that
// change take `now` as lastUpdatedDateTime; skuIds and plan ids are stored lower-case.
//
// Errors, checked in this order: InvalidUsageLocationForLicense when adding to a user
// without usageLocation; for each added licence InvalidCompanyLicense (not subscribed) and
// InvalidDisabledPlan (not a plan id of that SKU); for each removed skuId
// InvalidCompanyLicense, LicenseInheritedFromGroup (held only through groups) and
// LicenseNotAssigned (not held at all).
Result<PlannedLicenseChange> PlanLicenseChange(const User& user, const LicenseChange& change,
                                               const std::set<std::string>& subscribed,
                                               const SkuCatalog& catalog, UnixSeconds now);

}  // namespace admin365::engine
