#include "domain/license_details.h"

#include <algorithm>

#include "common/ascii.h"

namespace admin365 {

std::vector<LicenseDetail> LicenseDetailsOf(const User& user,
                                            const std::vector<SubscribedSku>& skus) {
  std::vector<LicenseDetail> details;
  for (const LicenseAssignmentState& state : user.license_assignment_states) {
    LicenseDetail detail{.sku_id = state.sku_id,
                         .assigned_by_group = state.assigned_by_group,
                         .state = state.state,
                         .error = state.error};
    const auto sku = std::find_if(skus.begin(), skus.end(), [&](const SubscribedSku& each) {
      return AsciiIEquals(each.sku.sku_id, state.sku_id);
    });
    if (sku != skus.end()) {
      detail.sku_part_number = sku->sku.sku_part_number;
      for (const ServicePlan& plan : sku->sku.service_plans) {
        const bool disabled = std::any_of(
            state.disabled_plans.begin(), state.disabled_plans.end(),
            [&](const std::string& id) { return AsciiIEquals(id, plan.service_plan_id); });
        std::string status = disabled ? "Disabled" : "Success";
        if (state.state != "Active") status = "ErrorStatus";
        detail.service_plans.push_back({.service_plan_id = plan.service_plan_id,
                                        .service_plan_name = plan.service_plan_name,
                                        .provisioning_status = std::move(status)});
      }
    }
    details.push_back(std::move(detail));
  }
  return details;
}

}  // namespace admin365
