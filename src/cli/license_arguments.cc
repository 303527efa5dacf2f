#include "cli/license_arguments.h"

#include "engine/sku_catalog.h"

namespace admin365::cli {

void AddDisabledPlansOption(CLI::App& command, std::vector<std::string>& plans) {
  command
      .add_option("--disabled-plans", plans,
                  "Service plans to turn off, by name (SWAY) or id, comma-separated")
      ->delimiter(',');
}

std::vector<std::string> PlanIds(const std::string& sku_id, const std::vector<std::string>& plans) {
  auto catalog = engine::SkuCatalog::BuiltIn();
  const Sku* sku = catalog ? (*catalog)->FindById(sku_id) : nullptr;
  std::vector<std::string> ids;
  for (const std::string& given : plans) {
    const ServicePlan* plan = sku != nullptr ? engine::FindServicePlan(*sku, given) : nullptr;
    ids.push_back(plan != nullptr ? plan->service_plan_id : given);
  }
  return ids;
}

}  // namespace admin365::cli
