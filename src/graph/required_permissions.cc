#include "graph/required_permissions.h"

#include <algorithm>

#include "common/ascii.h"

namespace admin365::graph {

std::span<const PermissionNeed> RequiredPermissions() {
  // Microsoft Learn, Microsoft Graph REST API v1.0 reference, "Permissions" of: list users,
  // create/update/delete user, restore deleted item, assignLicense, subscribedSkus,
  // add/remove group member, authentication methods, revokeSignInSessions, list domains.
  static const std::vector<PermissionNeed> kNeeds = {
      {"read users (user list|show, bulk plans, reports)",
       {"User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}},
      {"create, change, delete and restore users",
       {"User.ReadWrite.All", "Directory.ReadWrite.All"}},
      {"reset passwords",
       {"User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}},
      {"assign and remove licences",
       {"LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}},
      {"list subscriptions",
       {"LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All",
        "LicenseAssignment.ReadWrite.All", "Organization.ReadWrite.All",
        "Directory.ReadWrite.All"}},
      {"add and remove group members",
       {"GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"}},
      {"manage MFA methods and authentication contact info",
       {"UserAuthenticationMethod.ReadWrite.All"}},
      {"revoke sign-in sessions",
       {"User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}},
      {"list domains",
       {"Domain.Read.All", "Directory.Read.All", "Domain.ReadWrite.All",
        "Directory.ReadWrite.All"}},
  };
  return kNeeds;
}

std::vector<const PermissionNeed*> MissingPermissions(const std::vector<std::string>& granted) {
  std::vector<const PermissionNeed*> missing;
  for (const PermissionNeed& need : RequiredPermissions()) {
    const bool met = std::ranges::any_of(need.any_of, [&](std::string_view permission) {
      return std::ranges::any_of(
          granted, [&](const std::string& role) { return AsciiIEquals(role, permission); });
    });
    if (!met) missing.push_back(&need);
  }
  return missing;
}

}  // namespace admin365::graph
