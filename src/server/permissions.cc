#include "server/permissions.h"

#include "common/ascii.h"

namespace admin365::server {

namespace {

// Exactly the permissions some route honours (graph/permissions.cc): granting one that
// none checks would succeed and give no access.
constexpr std::string_view kPermissions[] = {
    "User.Read.All",
    "User.ReadWrite.All",
    "Group.Read.All",
    "Group.ReadWrite.All",
    "GroupMember.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Domain.Read.All",
    "Domain.ReadWrite.All",
    "Organization.Read.All",
    "Organization.ReadWrite.All",
    "UserAuthenticationMethod.Read.All",
    "UserAuthenticationMethod.ReadWrite.All",
    "LicenseAssignment.ReadWrite.All",
    "AuditLog.Read.All",
};

}  // namespace

std::span<const std::string_view> KnownGraphPermissions() { return kPermissions; }

std::optional<std::string> CanonicalPermission(std::string_view name) {
  for (std::string_view permission : kPermissions) {
    if (AsciiIEquals(permission, name)) return std::string(permission);
  }
  return std::nullopt;
}

}  // namespace admin365::server
