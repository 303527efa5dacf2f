#pragma once

// The group an id names, with Graph's errors: shared by the group operations.

#include <string_view>

#include "common/result.h"
#include "engine/group_table.h"

namespace admin365::engine {

// Errors: InvalidObjectIdentifier unless `id` is a GUID; ResourceNotFound(id).
Result<StoredGroup> RequireGroup(GroupTable& groups, std::string_view id);

}  // namespace admin365::engine
