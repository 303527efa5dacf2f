#include "engine/group_license_sync.h"

#include <set>
#include <string>

#include "engine/audit_trail.h"
#include "engine/group_license_rules.h"
#include "engine/group_table.h"
#include "engine/license_audit.h"
#include "engine/license_rules.h"
#include "engine/license_seats.h"
#include "engine/license_store.h"
#include "engine/proxy_address_conflicts.h"
#include "engine/sku_catalog.h"

namespace admin365::engine {

Result<GroupLicenseSync> SyncGroupLicenses(sqlite::Database& db, UserTable& users,
                                           const StoredUser& stored, UnixSeconds now) {
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  ASSIGN_OR_RETURN(const std::vector<Group> groups, GroupTable(db).ListWithMember(stored.key));
  std::vector<GroupGrant> grants;
  std::set<std::string> checked;
  std::set<std::string> free_skus;
  for (const Group& group : groups) {
    if (group.assigned_licenses.empty()) continue;
    grants.push_back({.group_id = group.id, .licenses = group.assigned_licenses});
    for (const AssignedLicense& license : group.assigned_licenses) {
      if (!checked.insert(license.sku_id).second) continue;
      ASSIGN_OR_RETURN(const long long available, AvailableUnits(db, license.sku_id, stored.key));
      if (available > 0) free_skus.insert(license.sku_id);
    }
  }

  const std::vector<LicenseAssignmentState>& before = stored.user.license_assignment_states;
  const auto next = [&](const std::set<std::string>& refused) {
    User user = stored.user;
    user.license_assignment_states =
        NextGroupLicenseStates(before, grants, free_skus, refused, now);
    ApplyLicenseStates(user, *catalog, now);
    return user;
  };
  User updated = next({});
  if (updated == stored.user) return GroupLicenseSync{.user = std::move(updated)};
  // A mailbox the groups give needs its address free; if it is not, their new licences fail.
  if (updated.proxy_addresses != stored.user.proxy_addresses) {
    ASSIGN_OR_RETURN(
        const std::optional<std::string> conflict,
        FindProxyAddressConflict(db, updated.proxy_addresses, {.user_key = stored.key}));
    if (conflict) updated = next(NewlyActiveGroups(before, updated.license_assignment_states));
  }

  std::vector<PropertyChange> changes = DiffUsers(&stored.user, updated);
  if (!changes.empty()) RETURN_IF_ERROR(users.Update(stored.key, stored.user, updated));
  RETURN_IF_ERROR(SaveUserLicenses(db, stored.key, updated));
  if (auto states = LicenseStatesChange(before, updated.license_assignment_states, *catalog)) {
    changes.insert(changes.begin(), std::move(*states));
  }
  return GroupLicenseSync{.user = std::move(updated), .changes = std::move(changes)};
}

}  // namespace admin365::engine
