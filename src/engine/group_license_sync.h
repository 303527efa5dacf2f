#pragma once

// Applies group-based licensing to one user: recomputes the licence states it inherits
// from the groups it is a direct member of (group_license_rules.h), with its groups in
// displayName order and seats counted now, then what those states give it (assignedPlans,
// and a mailbox address as Exchange would: license_rules.h, ApplyLicenseStates). Runs
// inside the caller's transaction; writes the licence tables and, when mail or proxy
// addresses change, the user's row. The caller records the audit event.
//
// A soft-deleted member is brought in line too (its licences consume no seat until it is
// restored, when the directory counts its seats again).

#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "directory/directory.h"
#include "domain/audit_event.h"
#include "domain/user.h"
#include "engine/user_table.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

struct GroupLicenseSync {
  User user;                            // as written
  std::vector<PropertyChange> changes;  // for "Change user license"; empty: nothing changed
};

// Errors: SkuCatalog::BuiltIn's, SQLite's.
Result<GroupLicenseSync> SyncGroupLicenses(sqlite::Database& db, UserTable& users,
                                           const StoredUser& stored, UnixSeconds now);

// SyncGroupLicenses for `member` in LocalDirectory's state `impl`, recorded as "Change user
// license" by `actor` when it changes anything. (A template: LocalDirectory::Impl is private
// to LocalDirectory's own files, which call this.)
template <class DirectoryState>
Status SyncAndAuditGroupLicenses(DirectoryState& impl, const Actor& actor,
                                 const StoredUser& member) {
  ASSIGN_OR_RETURN(GroupLicenseSync sync,
                   SyncGroupLicenses(*impl.db_, impl.users_, member, impl.clock_.Now()));
  if (sync.changes.empty()) return Ok();
  return impl.AuditUser(actor, "Change user license", sync.user, std::move(sync.changes));
}

}  // namespace admin365::engine
