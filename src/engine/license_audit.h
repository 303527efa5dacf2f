#pragma once

// How a licence change reads in the audit trail: one "licenseAssignmentStates" property
// change, each state described by part number, e.g.
//   "ENTERPRISEPACK (disabled: SWAY, TEAMS1); EMS via group 5c3a...; POWER_BI_PRO [Error:
//   CountViolation]"

#include <optional>
#include <vector>

#include "domain/audit_event.h"
#include "domain/licensing.h"
#include "engine/sku_catalog.h"

namespace admin365::engine {

// The change from `before` to `after`, or nullopt when they read the same. An empty list
// has no value (nullopt).
std::optional<PropertyChange> LicenseStatesChange(const std::vector<LicenseAssignmentState>& before,
                                                  const std::vector<LicenseAssignmentState>& after,
                                                  const SkuCatalog& catalog);

}  // namespace admin365::engine
