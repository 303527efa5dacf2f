#include "server/tenant_route.h"

#include "common/ascii.h"

namespace admin365::server {

Result<TenantRoute> ResolveTenant(Directory& directory, std::string_view segment) {
  ASSIGN_OR_RETURN(const Tenant tenant, directory.GetTenant());
  TenantRoute route{.tenant_id = tenant.id, .display_name = tenant.display_name};
  if (AsciiIEquals(segment, "common") || AsciiIEquals(segment, "organizations")) {
    route.alias = true;
    return route;
  }
  if (AsciiIEquals(segment, tenant.id)) return route;
  ASSIGN_OR_RETURN(const std::vector<Domain> domains, directory.ListDomains());
  for (const Domain& domain : domains) {
    if (domain.is_verified && AsciiIEquals(domain.id, segment)) return route;
  }
  return Fail(Error{.kind = ErrorKind::kNotFound, .http_status = 400, .code = "TenantNotFound"});
}

}  // namespace admin365::server
