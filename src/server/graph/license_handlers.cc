// Licences (entra-graph-facts.md §3.4): assignLicense on users and groups,
// users/{user}/licenseDetails and subscribedSkus.

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/object_json.h"
#include "server/graph/responses.h"
#include "server/graph/user_json.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

Result<std::vector<std::string>> StringList(const json::value& value, std::string_view property,
                                            std::string_view resource) {
  if (!value.is_array()) return Fail(errors::InvalidPropertyValue(property, resource));
  std::vector<std::string> items;
  for (const json::value& item : value.get_array()) {
    if (!item.is_string()) return Fail(errors::InvalidPropertyValue(property, resource));
    items.emplace_back(item.get_string());
  }
  return items;
}

Result<AssignedLicense> ReadAssignedLicense(const json::value& value, std::string_view resource) {
  if (!value.is_object()) return Fail(errors::InvalidPropertyValue("addLicenses", resource));
  AssignedLicense licence;
  for (const auto& member : value.get_object()) {
    if (AsciiIEquals(member.key(), "skuId")) {
      if (!member.value().is_string()) return Fail(errors::InvalidPropertyValue("skuId", resource));
      licence.sku_id = member.value().get_string();
    } else if (AsciiIEquals(member.key(), "disabledPlans")) {
      if (member.value().is_null()) continue;
      ASSIGN_OR_RETURN(licence.disabled_plans,
                       StringList(member.value(), "disabledPlans", resource));
    } else if (member.key() != "@odata.type") {
      return Fail(errors::UnknownProperty(member.key()));
    }
  }
  if (licence.sku_id.empty()) return Fail(errors::RequiredProperty("skuId", resource));
  return licence;
}

// The body of assignLicense: addLicenses and removeLicenses, both required (send [] for
// none, as Graph asks).
Result<LicenseChange> ReadLicenseChange(std::string_view text, std::string_view resource) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(text));
  LicenseChange change;
  bool has_add = false;
  bool has_remove = false;
  for (const auto& member : body) {
    if (AsciiIEquals(member.key(), "addLicenses")) {
      has_add = true;
      if (!member.value().is_array()) {
        return Fail(errors::InvalidPropertyValue("addLicenses", resource));
      }
      for (const json::value& item : member.value().get_array()) {
        ASSIGN_OR_RETURN(AssignedLicense licence, ReadAssignedLicense(item, resource));
        change.add_licenses.push_back(std::move(licence));
      }
    } else if (AsciiIEquals(member.key(), "removeLicenses")) {
      has_remove = true;
      ASSIGN_OR_RETURN(change.remove_licenses,
                       StringList(member.value(), "removeLicenses", resource));
    } else {
      return Fail(errors::UnknownProperty(member.key()));
    }
  }
  if (!has_add) return Fail(errors::RequiredProperty("addLicenses", resource));
  if (!has_remove) return Fail(errors::RequiredProperty("removeLicenses", resource));
  return change;
}

json::object ServicePlanJson(const ServicePlan& plan, std::string_view status,
                             std::string_view applies_to) {
  return json::object{{"servicePlanId", plan.service_plan_id},
                      {"servicePlanName", plan.service_plan_name},
                      {"provisioningStatus", status},
                      {"appliesTo", applies_to}};
}

json::object SubscribedSkuJson(const SubscribedSku& sku, const Tenant& tenant) {
  json::array plans;
  for (const ServicePlan& plan : sku.sku.service_plans) {
    plans.push_back(ServicePlanJson(plan, "Success", sku.applies_to));
  }
  return json::object{
      {"accountId", tenant.id},
      {"accountName", tenant.display_name},
      {"appliesTo", sku.applies_to},
      {"capabilityStatus", sku.capability_status},
      {"consumedUnits", sku.consumed_units},
      {"id", fmt::format("{}_{}", tenant.id, sku.sku.sku_id)},
      {"prepaidUnits",
       {{"enabled", sku.enabled_units},
        {"lockedOut", 0},
        {"suspended", sku.suspended_units},
        {"warning", sku.warning_units}}},
      {"servicePlans", std::move(plans)},
      {"skuId", sku.sku.sku_id},
      {"skuPartNumber", sku.sku.sku_part_number},
      {"subscriptionIds", json::array(sku.subscription_ids.begin(), sku.subscription_ids.end())},
  };
}

// One licenseDetails entry: the SKU's plans, "Disabled" for the licence's disabled plans.
json::object LicenseDetailJson(const AssignedLicense& licence,
                               const std::vector<SubscribedSku>& skus) {
  const auto sku = std::find_if(skus.begin(), skus.end(), [&](const SubscribedSku& each) {
    return AsciiIEquals(each.sku.sku_id, licence.sku_id);
  });
  json::array plans;
  json::value part_number = nullptr;
  if (sku != skus.end()) {
    part_number = sku->sku.sku_part_number;
    for (const ServicePlan& plan : sku->sku.service_plans) {
      const bool disabled = std::any_of(
          licence.disabled_plans.begin(), licence.disabled_plans.end(),
          [&](const std::string& id) { return AsciiIEquals(id, plan.service_plan_id); });
      plans.push_back(ServicePlanJson(plan, disabled ? "Disabled" : "Success", sku->applies_to));
    }
  }
  return json::object{{"id", licence.sku_id},
                      {"skuId", licence.sku_id},
                      {"skuPartNumber", std::move(part_number)},
                      {"servicePlans", std::move(plans)}};
}

}  // namespace

Result<GraphResponse> AssignUserLicense(GraphCall& call) {
  ASSIGN_OR_RETURN(const LicenseChange change, ReadLicenseChange(call.request.body, "User"));
  ASSIGN_OR_RETURN(const User user,
                   call.directory.AssignLicense(call.actor, call.params[0], change));
  json::object body{{"@odata.context", call.Context("users/$entity")}};
  UserSelection::Default().Render(user, body);
  return JsonResponse(200, body);
}

Result<GraphResponse> AssignGroupLicense(GraphCall& call) {
  ASSIGN_OR_RETURN(const LicenseChange change, ReadLicenseChange(call.request.body, "Group"));
  ASSIGN_OR_RETURN(const Group group,
                   call.directory.AssignGroupLicense(call.actor, call.params[0], change));
  return JsonResponse(200, EntityJson(call.Context("groups/$entity"), GroupJson(group)));
}

Result<GraphResponse> ListLicenseDetails(GraphCall& call) {
  ASSIGN_OR_RETURN(const User user, call.directory.GetUser(call.params[0]));
  ASSIGN_OR_RETURN(const std::vector<SubscribedSku> skus, call.directory.ListSubscribedSkus());
  json::array details;
  for (const AssignedLicense& licence : user.assigned_licenses) {
    details.push_back(LicenseDetailJson(licence, skus));
  }
  return JsonResponse(
      200, CollectionJson(call.Context(fmt::format("users('{}')/licenseDetails", user.id)),
                          std::move(details)));
}

Result<GraphResponse> ListSubscribedSkus(GraphCall& call) {
  ASSIGN_OR_RETURN(const Tenant tenant, call.directory.GetTenant());
  ASSIGN_OR_RETURN(const std::vector<SubscribedSku> skus, call.directory.ListSubscribedSkus());
  json::array value;
  for (const SubscribedSku& sku : skus) value.push_back(SubscribedSkuJson(sku, tenant));
  return JsonResponse(200, CollectionJson(call.Context("subscribedSkus"), std::move(value)));
}

Result<GraphResponse> GetSubscribedSku(GraphCall& call) {
  ASSIGN_OR_RETURN(const Tenant tenant, call.directory.GetTenant());
  ASSIGN_OR_RETURN(const std::vector<SubscribedSku> skus, call.directory.ListSubscribedSkus());
  for (const SubscribedSku& sku : skus) {
    if (!AsciiIEquals(fmt::format("{}_{}", tenant.id, sku.sku.sku_id), call.params[0])) continue;
    return JsonResponse(
        200, EntityJson(call.Context("subscribedSkus/$entity"), SubscribedSkuJson(sku, tenant)));
  }
  return Fail(errors::ResourceNotFound(call.params[0]));
}

}  // namespace admin365::server::handlers
