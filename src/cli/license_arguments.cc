#include "cli/license_arguments.h"

#include "manage/tenant_lookup.h"

namespace admin365::cli {

void AddDisabledPlansOption(CLI::App& command, std::vector<std::string>& plans) {
  command
      .add_option("--disabled-plans", plans,
                  "Service plans to turn off, by name (SWAY) or id, comma-separated")
      ->delimiter(',');
}

Result<std::vector<std::string>> PlanIds(Directory& directory, const std::string& sku_id,
                                         const std::vector<std::string>& plans) {
  if (plans.empty()) return plans;
  ASSIGN_OR_RETURN(const std::vector<SubscribedSku> skus, directory.ListSubscribedSkus());
  auto subscription = manage::FindSubscription(skus, "sku", sku_id);
  std::vector<std::string> ids;
  for (const std::string& given : plans) {
    const ServicePlan* plan =
        subscription ? manage::FindServicePlan(**subscription, given) : nullptr;
    ids.push_back(plan != nullptr ? plan->service_plan_id : given);
  }
  return ids;
}

}  // namespace admin365::cli
