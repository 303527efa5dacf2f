#include "engine/license_audit.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/license_rules.h"

namespace admin365::engine {

namespace {

std::string Describe(const LicenseAssignmentState& state, const SkuCatalog& catalog) {
  const Sku* sku = catalog.FindById(state.sku_id);
  std::string text = sku != nullptr ? sku->sku_part_number : state.sku_id;
  if (!state.disabled_plans.empty()) {
    std::vector<std::string> names;
    for (const std::string& id : state.disabled_plans) {
      const ServicePlan* plan = sku != nullptr ? FindServicePlan(*sku, id) : nullptr;
      names.push_back(plan != nullptr ? plan->service_plan_name : id);
    }
    text += fmt::format(" (disabled: {})", fmt::join(names, ", "));
  }
  if (!state.assigned_by_group.empty()) text += " via group " + state.assigned_by_group;
  if (state.state != kLicenseActive) text += fmt::format(" [{}: {}]", state.state, state.error);
  return text;
}

std::optional<std::string> DescribeAll(const std::vector<LicenseAssignmentState>& states,
                                       const SkuCatalog& catalog) {
  if (states.empty()) return std::nullopt;
  std::vector<std::string> parts;
  for (const LicenseAssignmentState& state : states) parts.push_back(Describe(state, catalog));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::optional<PropertyChange> LicenseStatesChange(const std::vector<LicenseAssignmentState>& before,
                                                  const std::vector<LicenseAssignmentState>& after,
                                                  const SkuCatalog& catalog) {
  std::optional<std::string> old_value = DescribeAll(before, catalog);
  std::optional<std::string> new_value = DescribeAll(after, catalog);
  if (old_value == new_value) return std::nullopt;
  return PropertyChange{"licenseAssignmentStates", std::move(old_value), std::move(new_value)};
}

}  // namespace admin365::engine
