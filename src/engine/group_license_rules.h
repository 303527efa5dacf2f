#pragma once

// Group-based licensing as pure functions (entra-graph-facts.md §3.4; Microsoft's "Resolve
// group license assignment problems"): what a group's assignLicense makes of its licences,
// and which licence states its members then hold. docs/entra-rules.md ("Groups and
// managers", group-based licensing) states the same rules for people.
//
// A member holds one state per (group, SKU) of the groups it is a direct member of
// (LicenseAssignmentState::assigned_by_group = the group's id); nesting passes nothing on.
// Errors land in the member's states, never in the call that caused them, as in Entra:
//   - a group's licences are all or nothing for a member: if one SKU has no seat for it
//     (no free seat, and the member holds no Active state of the SKU by another way), every
//     state from that group is Error / CountViolation;
//   - if the group's licences would give the member a mailbox whose address another object
//     holds, every state from that group that was not Active is Error / UniquenessViolation.
// A seat is counted once per member and SKU, whatever the ways it holds the SKU.

#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/group.h"
#include "domain/licensing.h"
#include "engine/sku_catalog.h"

namespace admin365::engine {

inline constexpr std::string_view kUniquenessViolation = "UniquenessViolation";

// The licences a group gives its members.
struct GroupGrant {
  std::string group_id;
  std::vector<AssignedLicense> licenses;
};

// The group's licences after `change`, under assignLicense's rules for a user's direct
// licences (license_change.h, PlanLicenseChange) except the usage location, which a group
// does not have: removals then additions; SKU and plan ids lower-cased. Errors:
// InvalidCompanyLicense, InvalidDisabledPlan, GroupLicenseNotAssigned (removing a SKU the
// group does not give).
Result<std::vector<AssignedLicense>> PlanGroupLicenseChange(const Group& group,
                                                            const LicenseChange& change,
                                                            const std::set<std::string>& subscribed,
                                                            const SkuCatalog& catalog,
                                                            UnixSeconds now);

// A member's licence states with its group-inherited ones recomputed from `grants` (its
// groups, in the order they are evaluated). Direct states are kept as they are; a group
// state that no grant gives any more goes; new ones follow the kept ones. `free_skus` are
// the SKUs with a seat free for this member (other members' seats counted); `refused` are
// groups whose new states fail with UniquenessViolation. A state whose SKU, plans, state or
// error changes takes `now` as lastUpdatedDateTime.
std::vector<LicenseAssignmentState> NextGroupLicenseStates(
    const std::vector<LicenseAssignmentState>& current, const std::vector<GroupGrant>& grants,
    const std::set<std::string>& free_skus, const std::set<std::string>& refused, UnixSeconds now);

// The groups with a state Active in `after` whose counterpart in `before` (same group and
// SKU) was missing or not Active.
std::set<std::string> NewlyActiveGroups(const std::vector<LicenseAssignmentState>& before,
                                        const std::vector<LicenseAssignmentState>& after);

}  // namespace admin365::engine
