#include "manage/bulk_values.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace admin365::manage {

namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IEquals(std::string_view a, std::string_view b) { return AsciiIEquals(a, b); }

}  // namespace

Error FieldError(std::string_view field, std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::string(field)};
}

Result<bool> ParseYesNo(std::string_view field, std::string_view text) {
  const std::string_view value = Trim(text);
  for (std::string_view yes : {"yes", "true", "1", "$true", "y"}) {
    if (IEquals(value, yes)) return true;
  }
  for (std::string_view no : {"no", "false", "0", "$false", "n"}) {
    if (IEquals(value, no)) return false;
  }
  return Fail(FieldError(field, fmt::format("{} is '{}'; write Yes or No (or True or False).",
                                            field, value)));
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ';' || text[i] == ',') {
      const std::string_view item = Trim(text.substr(start, i - start));
      if (!item.empty()) items.emplace_back(item);
      start = i + 1;
    }
  }
  return items;
}

Result<PropertyValue> PropertyValueFromCell(const UserProperty& property, std::string_view text) {
  switch (property.type) {
    case PropertyType::kBool: {
      ASSIGN_OR_RETURN(const bool value, ParseYesNo(property.name, text));
      return PropertyValue(value);
    }
    case PropertyType::kStringCollection: return PropertyValue(SplitList(text));
    default: return PropertyValue(std::string(Trim(text)));
  }
}

Result<std::string> ResolveSkuId(const TenantSnapshot& tenant, std::string_view field,
                                 std::string_view sku) {
  std::string_view name = Trim(sku);
  if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
    name.remove_prefix(colon + 1);  // AccountSkuId: "<tenant>:<part number>"
  }
  for (const SubscribedSku& subscribed : tenant.skus) {
    if (IEquals(subscribed.sku.sku_id, name) || IEquals(subscribed.sku.sku_part_number, name)) {
      return subscribed.sku.sku_id;
    }
  }
  return Fail(FieldError(field, fmt::format("The tenant has no subscription to '{}'; "
                                            "`admin365 subscription list` shows the ones it has.",
                                            sku)));
}

Result<std::vector<AssignedLicense>> ResolveLicenses(const TenantSnapshot& tenant,
                                                     std::string_view field,
                                                     std::string_view skus,
                                                     std::string_view disabled_plans) {
  const std::vector<std::string> plans = SplitList(disabled_plans);
  std::vector<AssignedLicense> licenses;
  for (const std::string& sku : SplitList(skus)) {
    ASSIGN_OR_RETURN(std::string sku_id, ResolveSkuId(tenant, field, sku));
    AssignedLicense license{.sku_id = sku_id};
    for (const SubscribedSku& subscribed : tenant.skus) {
      if (subscribed.sku.sku_id != sku_id) continue;
      for (const ServicePlan& plan : subscribed.sku.service_plans) {
        for (const std::string& wanted : plans) {
          if (IEquals(plan.service_plan_name, wanted) || IEquals(plan.service_plan_id, wanted)) {
            license.disabled_plans.push_back(plan.service_plan_id);
          }
        }
      }
    }
    licenses.push_back(std::move(license));
  }
  // A plan no listed licence has is a mistake, not something to skip silently.
  for (const std::string& wanted : plans) {
    const bool known = std::any_of(licenses.begin(), licenses.end(), [&](const auto& license) {
      for (const SubscribedSku& subscribed : tenant.skus) {
        if (subscribed.sku.sku_id != license.sku_id) continue;
        for (const ServicePlan& plan : subscribed.sku.service_plans) {
          if (IEquals(plan.service_plan_name, wanted) || IEquals(plan.service_plan_id, wanted)) {
            return true;
          }
        }
      }
      return false;
    });
    if (!known) {
      return Fail(FieldError("disabledPlans",
                             fmt::format("No licence of the row has a service plan '{}'; "
                                         "`admin365 subscription show SKU` lists the plans.",
                                         wanted)));
    }
  }
  return licenses;
}

Result<std::string> ResolveGroupId(const TenantSnapshot& tenant, std::string_view field,
                                   std::string_view group) {
  const std::string_view wanted = Trim(group);
  const Group* found = nullptr;
  for (const Group& candidate : tenant.groups) {
    if (IEquals(candidate.id, wanted)) return candidate.id;
    if (IEquals(candidate.display_name, wanted)) {
      if (found) {
        return Fail(FieldError(field, fmt::format("Several groups are named '{}'; give the "
                                                  "group's object id instead.",
                                                  wanted)));
      }
      found = &candidate;
    }
  }
  if (!found) {
    return Fail(FieldError(field, fmt::format("No group has the id or name '{}'; "
                                              "`admin365 group list` shows the groups.",
                                              wanted)));
  }
  return found->id;
}

Result<PerUserMfaState> ParseMfaCell(std::string_view field, std::string_view text) {
  const std::string value = AsciiLower(Trim(text));
  // M365 Manager Plus's "Is MFA Enabled" column says True or False.
  const std::optional<PerUserMfaState> state =
      ParseMfaState(value == "true" ? "enabled" : value == "false" ? "disabled" : value);
  if (!state) {
    return Fail(FieldError(
        field, fmt::format("{} is '{}'; write Disabled, Enabled or Enforced.", field, Trim(text))));
  }
  return *state;
}

}  // namespace admin365::manage
