#include "manage/tenant_lookup.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace admin365::manage {

Error FieldError(std::string_view field, std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::string(field)};
}

Result<const SubscribedSku*> FindSubscription(const std::vector<SubscribedSku>& skus,
                                              std::string_view field, std::string_view sku) {
  std::string_view name = AsciiTrim(sku);
  if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
    name.remove_prefix(colon + 1);  // AccountSkuId: "<tenant>:<part number>"
  }
  for (const SubscribedSku& subscribed : skus) {
    if (AsciiIEquals(subscribed.sku.sku_id, name) ||
        AsciiIEquals(subscribed.sku.sku_part_number, name)) {
      return &subscribed;
    }
  }
  return Fail(FieldError(field, fmt::format("The tenant has no subscription to '{}'; "
                                            "`admin365 subscription list` shows the ones it has.",
                                            AsciiTrim(sku))));
}

const ServicePlan* FindServicePlan(const SubscribedSku& sku, std::string_view plan) {
  const std::string_view wanted = AsciiTrim(plan);
  for (const ServicePlan& service_plan : sku.sku.service_plans) {
    if (AsciiIEquals(service_plan.service_plan_name, wanted) ||
        AsciiIEquals(service_plan.service_plan_id, wanted)) {
      return &service_plan;
    }
  }
  return nullptr;
}

Result<std::string> FindServicePlanId(const SubscribedSku& sku, std::string_view field,
                                      std::string_view plan) {
  if (const ServicePlan* found = FindServicePlan(sku, plan)) return found->service_plan_id;
  return Fail(FieldError(field, fmt::format("{} has no service plan '{}'; `admin365 "
                                            "subscription show {}` lists its plans.",
                                            sku.sku.sku_part_number, AsciiTrim(plan),
                                            sku.sku.sku_part_number)));
}

Result<std::string> FindGroupId(const std::vector<Group>& groups, std::string_view field,
                                std::string_view group) {
  const std::string_view wanted = AsciiTrim(group);
  const Group* found = nullptr;
  for (const Group& candidate : groups) {
    if (AsciiIEquals(candidate.id, wanted)) return candidate.id;
  }
  for (const Group& candidate : groups) {
    if (!AsciiIEquals(candidate.display_name, wanted)) continue;
    if (found) {
      return Fail(FieldError(field, fmt::format("Several groups are named '{}'; give the "
                                                "group's object id instead.",
                                                wanted)));
    }
    found = &candidate;
  }
  if (!found) {
    return Fail(FieldError(field, fmt::format("No group has the id or name '{}'; "
                                              "`admin365 group list` shows the groups.",
                                              wanted)));
  }
  return found->id;
}

}  // namespace admin365::manage
