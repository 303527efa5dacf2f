#pragma once

// Proxy addresses are unique across users and groups (entra-graph-facts.md §3.1, §7.2):
// the one query that both the user and the group checks run, so that each sees the
// other's addresses. Active users' addresses count; soft-deleted users' do not (see
// docs/entra-rules.md, Recycle bin); every group's do (groups are deleted for good).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

// The object whose own addresses are left out of the check (0: none of that kind), so
// that an object never conflicts with itself.
struct ProxyAddressOwner {
  std::int64_t user_key = 0;
  std::int64_t group_key = 0;
};

// The first of `proxy_addresses` ("smtp:x@y", any prefix) whose address an active user
// or a group other than `except` holds, or nullopt. Errors: the store's.
Result<std::optional<std::string>> FindProxyAddressConflict(
    sqlite::Database& db, const std::vector<std::string>& proxy_addresses,
    ProxyAddressOwner except);

}  // namespace admin365::engine
