#pragma once

// Seat accounting across the licence tables: how many seats a subscription has free, and
// what a restored user gets back. The caller holds the directory's session and the write
// transaction, so that counting and taking a seat are one atomic step.

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/audit_event.h"
#include "domain/user.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

// The free seats of the subscription to `sku_id` for `user_key`: its enabled units (none
// while it is suspended, none without a subscription) minus the seats the other active users
// hold. May be negative after the units were cut.
Result<long long> AvailableUnits(sqlite::Database& db, std::string_view sku_id,
                                 std::int64_t user_key);

// For a soft-deleted user being restored: for each SKU it holds, its states become Active
// if a seat is free and Error / CountViolation if none is (such a licence consumes nothing
// and gives no plans; adding it again takes a seat once one is free). Then recomputes the
// user's assignedLicenses and assignedPlans (license_rules.h, ApplyLicenseStates), writes
// the licence tables, and returns the audit change of the states, if they changed. The
// caller checks the user's proxy addresses afterwards (a mailbox address may be added).
// Errors: SkuCatalog::BuiltIn's, SQLite's.
Result<std::vector<PropertyChange>> RetakeLicenseSeats(sqlite::Database& db, std::int64_t user_key,
                                                       User& user, UnixSeconds now);

}  // namespace admin365::engine
