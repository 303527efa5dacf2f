#include "engine/group_lookup.h"

#include "common/random.h"
#include "domain/graph_errors.h"

namespace admin365::engine {

Result<StoredGroup> RequireGroup(GroupTable& groups, std::string_view id) {
  if (!IsUuid(id)) return Fail(errors::InvalidObjectIdentifier(id));
  ASSIGN_OR_RETURN(std::optional<StoredGroup> found, groups.Find(id));
  if (!found) return Fail(errors::ResourceNotFound(id));
  return std::move(*found);
}

}  // namespace admin365::engine
