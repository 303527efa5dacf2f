#pragma once

// Microsoft Graph permissions as the facade checks them. Each route requires one
// permission; a principal holds it when its token carries it or a permission that implies
// it, as Graph's permission reference describes: a ReadWrite permission implies its Read,
// Directory.Read.All implies every *.Read.All of directory objects (users, groups,
// organization, domains) and Directory.ReadWrite.All every *.ReadWrite.All of them.
// Authentication methods are apart: only UserAuthenticationMethod.* grants them.
//
// An application principal is checked against its roles, a user principal against its
// delegated scopes.

#include "server/graph/graph_api.h"

namespace admin365::server {

enum class Permission {
  kUserRead,                   // User.Read.All
  kUserReadWrite,              // User.ReadWrite.All
  kGroupRead,                  // Group.Read.All
  kGroupReadWrite,             // Group.ReadWrite.All
  kGroupMemberReadWrite,       // GroupMember.ReadWrite.All
  kLicenseAssignment,          // LicenseAssignment.ReadWrite.All
  kOrganizationRead,           // Organization.Read.All
  kDomainRead,                 // Domain.Read.All
  kAuthenticationMethodRead,   // UserAuthenticationMethod.Read.All
  kAuthenticationMethodWrite,  // UserAuthenticationMethod.ReadWrite.All
  kAuditLogRead,               // AuditLog.Read.All (no Directory.* implies it)
};

// Whether `principal` holds `permission` or one that implies it.
bool IsGranted(const Principal& principal, Permission permission);

}  // namespace admin365::server
