#include "server/permissions.h"

#include "common/ascii.h"

namespace admin365::server {

namespace {

constexpr std::string_view kPermissions[] = {
    "User.Read.All",
    "User.ReadWrite.All",
    "User.ReadBasic.All",
    "User.EnableDisableAccount.All",
    "Group.Read.All",
    "Group.ReadWrite.All",
    "GroupMember.Read.All",
    "GroupMember.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Domain.Read.All",
    "Domain.ReadWrite.All",
    "Organization.Read.All",
    "Organization.ReadWrite.All",
    "UserAuthenticationMethod.Read.All",
    "UserAuthenticationMethod.ReadWrite.All",
    "Policy.ReadWrite.AuthenticationMethod",
    "AuditLog.Read.All",
    "LicenseAssignment.ReadWrite.All",
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
