// The tenant: organization and domains (entra-graph-facts.md §3.8).

#include <boost/json.hpp>
#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/object_json.h"
#include "server/graph/responses.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

// A domain with Graph's properties; those the directory does not keep take the values of
// a managed cloud domain (passwords never expire, the 14-day notification window).
json::object DomainJson(const Domain& domain) {
  return json::object{
      {"id", domain.id},
      {"authenticationType", domain.authentication_type},
      {"availabilityStatus", nullptr},
      {"isAdminManaged", true},
      {"isDefault", domain.is_default},
      {"isInitial", domain.is_initial},
      {"isRoot", domain.is_verified},
      {"isVerified", domain.is_verified},
      {"passwordNotificationWindowInDays", 14},
      {"passwordValidityPeriodInDays", 2147483647},
      {"supportedServices",
       domain.is_verified ? json::array{"Email", "OfficeCommunicationsOnline"} : json::array{}},
  };
}

// The organization: the tenant with its verified domains; in beta, its directory quota.
Result<json::object> OrganizationJson(GraphCall& call, const Tenant& tenant) {
  ASSIGN_OR_RETURN(const std::vector<Domain> domains, call.directory.ListDomains());
  json::array verified;
  for (const Domain& domain : domains) {
    if (!domain.is_verified) continue;
    verified.push_back(json::object{{"capabilities", "Email, OfficeCommunicationsOnline"},
                                    {"isDefault", domain.is_default},
                                    {"isInitial", domain.is_initial},
                                    {"name", domain.id},
                                    {"type", domain.authentication_type}});
  }
  json::object organization{{"id", tenant.id},
                            {"createdDateTime", FormatIso8601(tenant.created_date_time)},
                            {"displayName", tenant.display_name},
                            {"verifiedDomains", std::move(verified)}};
  if (call.request.version == "beta") {
    ASSIGN_OR_RETURN(const DirectorySizeQuota quota, call.directory.GetDirectorySizeQuota());
    organization["directorySizeQuota"] = json::object{{"used", quota.used}, {"total", quota.total}};
  }
  return organization;
}

}  // namespace

Result<GraphResponse> ListOrganization(GraphCall& call) {
  ASSIGN_OR_RETURN(const Tenant tenant, call.directory.GetTenant());
  ASSIGN_OR_RETURN(json::object organization, OrganizationJson(call, tenant));
  return JsonResponse(
      200, CollectionJson(call.Context("organization"), json::array{std::move(organization)}));
}

Result<GraphResponse> GetOrganization(GraphCall& call) {
  ASSIGN_OR_RETURN(const Tenant tenant, call.directory.GetTenant());
  if (!AsciiIEquals(tenant.id, call.params[0]))
    return Fail(errors::ResourceNotFound(call.params[0]));
  ASSIGN_OR_RETURN(json::object organization, OrganizationJson(call, tenant));
  return JsonResponse(200,
                      EntityJson(call.Context("organization/$entity"), std::move(organization)));
}

Result<GraphResponse> ListDomains(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::vector<Domain> domains, call.directory.ListDomains());
  json::array value;
  for (const Domain& domain : domains) value.push_back(DomainJson(domain));
  return JsonResponse(200, CollectionJson(call.Context("domains"), std::move(value)));
}

Result<GraphResponse> GetDomain(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::vector<Domain> domains, call.directory.ListDomains());
  for (const Domain& domain : domains) {
    if (AsciiIEquals(domain.id, call.params[0])) {
      return JsonResponse(200, EntityJson(call.Context("domains/$entity"), DomainJson(domain)));
    }
  }
  return Fail(errors::ResourceNotFound(call.params[0]));
}

}  // namespace admin365::server::handlers
