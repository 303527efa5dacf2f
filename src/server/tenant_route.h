#pragma once

// The {tenant} segment of the identity endpoints' paths (/{tenant}/oauth2/v2.0/token, ...):
// the tenant id, one of its verified domains, or the multi-tenant aliases "organizations"
// and "common" as Entra accepts them. The embedded tenant is the only tenant there is.

#include <string>
#include <string_view>

#include "common/result.h"
#include "directory/directory.h"

namespace admin365::server {

struct TenantRoute {
  std::string tenant_id;     // the tenant's GUID
  bool alias = false;        // "common" or "organizations"
  std::string display_name;  // the organisation's name, for messages
};

// Error: NotFound (TenantNotFound) when `segment` names no tenant; Directory errors.
Result<TenantRoute> ResolveTenant(Directory& directory, std::string_view segment);

}  // namespace admin365::server
