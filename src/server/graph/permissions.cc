#include "server/graph/permissions.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace admin365::server {
namespace {

// The permissions that grant a permission: itself and those that imply it.
struct Grants {
  Permission permission;
  std::array<std::string_view, 4> names;  // "" pads
};

constexpr auto kGrants = std::to_array<Grants>({
    {Permission::kUserRead,
     {"User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}},
    {Permission::kUserReadWrite, {"User.ReadWrite.All", "Directory.ReadWrite.All"}},
    {Permission::kGroupRead,
     {"Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}},
    {Permission::kGroupReadWrite, {"Group.ReadWrite.All", "Directory.ReadWrite.All"}},
    {Permission::kGroupMemberReadWrite,
     {"GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"}},
    {Permission::kLicenseAssignment,
     {"LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}},
    {Permission::kOrganizationRead,
     {"Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All",
      "Directory.ReadWrite.All"}},
    {Permission::kDomainRead,
     {"Domain.Read.All", "Domain.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}},
    {Permission::kAuthenticationMethodRead,
     {"UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"}},
    {Permission::kAuthenticationMethodWrite, {"UserAuthenticationMethod.ReadWrite.All"}},
    {Permission::kAuditLogRead, {"AuditLog.Read.All"}},
});

const std::array<std::string_view, 4>& GrantedBy(Permission permission) {
  for (const Grants& grants : kGrants) {
    if (grants.permission == permission) return grants.names;
  }
  return kGrants.front().names;  // unreachable: every permission has an entry
}

}  // namespace

bool IsGranted(const Principal& principal, Permission permission) {
  const std::set<std::string>& held =
      principal.kind == Principal::Kind::kApplication ? principal.roles : principal.scopes;
  const auto& granted = GrantedBy(permission);
  return std::any_of(granted.begin(), granted.end(), [&](std::string_view name) {
    return !name.empty() && held.contains(std::string(name));
  });
}

}  // namespace admin365::server
