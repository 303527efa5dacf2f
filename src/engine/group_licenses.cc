// LocalDirectory: group-based licensing (entra-graph-facts.md §3.4): a group's licences
// flow to its direct members. The rules are in group_license_rules.h; seats, states and what
// licences give are the licence engine's (license_seats.h, license_rules.h).

#include <set>
#include <string>

#include "engine/group_license_rules.h"
#include "engine/group_license_sync.h"
#include "engine/group_lookup.h"
#include "engine/group_members.h"
#include "engine/group_table.h"
#include "engine/license_audit.h"
#include "engine/license_rules.h"
#include "engine/license_store.h"
#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/sku_catalog.h"

namespace admin365 {

namespace {

// How the group's licences read in the audit trail: as the licence engine describes a
// user's direct licences, under the group's property name.
std::optional<PropertyChange> AssignedLicensesChange(const std::vector<AssignedLicense>& before,
                                                     const std::vector<AssignedLicense>& after,
                                                     const engine::SkuCatalog& catalog) {
  const auto as_states = [](const std::vector<AssignedLicense>& licenses) {
    std::vector<LicenseAssignmentState> states;
    for (const AssignedLicense& license : licenses) {
      states.push_back({.sku_id = license.sku_id, .disabled_plans = license.disabled_plans});
    }
    return states;
  };
  std::optional<PropertyChange> change =
      engine::LicenseStatesChange(as_states(before), as_states(after), catalog);
  if (change) change->property = "assignedLicenses";
  return change;
}

}  // namespace

Result<Group> LocalDirectory::AssignGroupLicense(const Actor& actor, std::string_view group,
                                                 const LicenseChange& change) {
  ASSIGN_OR_RETURN(const engine::SkuCatalog* catalog, engine::SkuCatalog::BuiltIn());
  Impl::Session session(*impl_);
  sqlite::Database& db = *impl_->db_;
  ASSIGN_OR_RETURN(auto txn, db.Begin());
  engine::GroupTable groups(db);
  ASSIGN_OR_RETURN(engine::StoredGroup stored, engine::RequireGroup(groups, group));
  ASSIGN_OR_RETURN(const std::vector<engine::SubscriptionRow> subscriptions,
                   engine::ListSubscriptions(db));
  std::set<std::string> subscribed;
  for (const engine::SubscriptionRow& row : subscriptions) subscribed.insert(row.sku_id);
  const UnixSeconds now = impl_->clock_.Now();

  Group updated = stored.group;
  ASSIGN_OR_RETURN(updated.assigned_licenses,
                   engine::PlanGroupLicenseChange(stored.group, change, subscribed, *catalog, now));
  if (auto licenses = AssignedLicensesChange(stored.group.assigned_licenses,
                                             updated.assigned_licenses, *catalog)) {
    RETURN_IF_ERROR(groups.SetLicenses(stored.key, updated.assigned_licenses));
    RETURN_IF_ERROR(impl_->Audit(actor, "Set group license", "Group", updated.id,
                                 updated.display_name, {std::move(*licenses)}));
  }
  // Every member is processed, even when the group's licences did not change (Entra's
  // "Reprocess"): states in error take a seat that has become free.
  ASSIGN_OR_RETURN(const std::vector<engine::MemberId> members,
                   engine::GroupMembers(db).ListAll(stored.key));
  for (const engine::MemberId& member : members) {
    ASSIGN_OR_RETURN(std::optional<engine::StoredUser> user,
                     impl_->users_.Find(member.id, member.deleted));
    if (!user) return Fail(Error::Internal("A group member vanished during its processing"));
    RETURN_IF_ERROR(engine::SyncAndAuditGroupLicenses(*impl_, actor, *user));
  }
  RETURN_IF_ERROR(txn.Commit());
  return updated;
}

}  // namespace admin365
