#pragma once

// The Microsoft Graph permissions the embedded tenant knows: those admin365's Graph
// facade checks (application permissions for app tokens, the same names as delegated
// scopes for user tokens).

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace admin365::server {

// "User.ReadWrite.All", "User.Read.All", ... in Graph's spelling.
std::span<const std::string_view> KnownGraphPermissions();

// The permission `name` names in Graph's spelling (case-insensitive), or nullopt.
std::optional<std::string> CanonicalPermission(std::string_view name);

}  // namespace admin365::server
