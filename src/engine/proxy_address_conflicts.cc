#include "engine/proxy_address_conflicts.h"

#include "engine/proxy_addresses.h"

namespace admin365::engine {

Result<std::optional<std::string>> FindProxyAddressConflict(
    sqlite::Database& db, const std::vector<std::string>& proxy_addresses,
    ProxyAddressOwner except) {
  for (const std::string& value : proxy_addresses) {
    sqlite::Statement& query = db.Prepare(
        "SELECT 1 FROM proxy_addresses WHERE address = ?1 AND active = 1 AND user_key <> ?2 "
        "UNION ALL "
        "SELECT 1 FROM group_proxy_addresses WHERE address = ?1 AND group_key <> ?3 "
        "LIMIT 1");
    query.Bind(1, AddressOf(value));
    query.Bind(2, except.user_key);
    query.Bind(3, except.group_key);
    ASSIGN_OR_RETURN(const bool taken, query.Step());
    if (taken) return std::optional<std::string>(value);
  }
  return std::optional<std::string>();
}

}  // namespace admin365::engine
