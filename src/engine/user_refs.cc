#include "engine/user_refs.h"

namespace admin365::engine {

Result<std::vector<DirectoryObjectRef>> ReadUserRefs(sqlite::Statement& query) {
  std::vector<DirectoryObjectRef> refs;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return refs;
    refs.push_back(DirectoryObjectRef{.id = query.Text(0),
                                      .object_type = "user",
                                      .display_name = query.Text(1),
                                      .user_principal_name = query.Text(2)});
  }
}

}  // namespace admin365::engine
