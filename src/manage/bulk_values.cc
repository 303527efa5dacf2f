#include "manage/bulk_values.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace admin365::manage {

namespace {

std::string_view Trim(std::string_view text) { return AsciiTrim(text); }

bool IEquals(std::string_view a, std::string_view b) { return AsciiIEquals(a, b); }

}  // namespace

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

Result<std::vector<AssignedLicense>> ResolveLicenses(const TenantSnapshot& tenant,
                                                     std::string_view field,
                                                     std::string_view skus,
                                                     std::string_view disabled_plans) {
  const std::vector<std::string> plans = SplitList(disabled_plans);
  std::vector<const SubscribedSku*> subscriptions;
  std::vector<AssignedLicense> licenses;
  for (const std::string& sku : SplitList(skus)) {
    ASSIGN_OR_RETURN(const SubscribedSku* subscribed, FindSubscription(tenant.skus, field, sku));
    AssignedLicense license{.sku_id = subscribed->sku.sku_id};
    for (const std::string& wanted : plans) {
      if (const ServicePlan* plan = FindServicePlan(*subscribed, wanted)) {
        license.disabled_plans.push_back(plan->service_plan_id);
      }
    }
    subscriptions.push_back(subscribed);
    licenses.push_back(std::move(license));
  }
  // A plan no listed licence has is a mistake, not something to skip silently.
  for (const std::string& wanted : plans) {
    const bool known = std::any_of(subscriptions.begin(), subscriptions.end(),
                                   [&](const SubscribedSku* subscribed) {
                                     return FindServicePlan(*subscribed, wanted) != nullptr;
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
