#pragma once

// DirectoryObjectRef for users, read from SQL rows: what member, manager and direct-report
// listings return.

#include <vector>

#include "common/result.h"
#include "domain/group.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

// The columns a query selects, in this order, for ReadUserRefs.
inline constexpr const char* kUserRefColumns = "u.id, u.display_name, u.user_principal_name";

// Steps `query` to its end, reading one user reference per row from kUserRefColumns.
Result<std::vector<DirectoryObjectRef>> ReadUserRefs(sqlite::Statement& query);

}  // namespace admin365::engine
