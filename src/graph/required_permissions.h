#pragma once

// The Microsoft Graph application permissions admin365's work on a real tenant needs,
// by feature, each met by any one of several permissions (least privileged first), as
// Microsoft's Graph permissions reference gives them for the calls the feature makes.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace admin365::graph {

struct PermissionNeed {
  std::string_view feature;                // "assign and remove licences"
  std::vector<std::string_view> any_of;    // "LicenseAssignment.ReadWrite.All", ...
};

std::span<const PermissionNeed> RequiredPermissions();

// The needs that none of `granted` (a token's roles) meets, in RequiredPermissions' order.
std::vector<const PermissionNeed*> MissingPermissions(const std::vector<std::string>& granted);

}  // namespace admin365::graph
