#pragma once

// LicenseDetails: a user's licences with their service plans spelled out, as Graph's
// GET /users/{id}/licenseDetails shows them, plus how each was assigned and its state.
// Built from what any Directory returns (the user and ListSubscribedSkus), for display.

#include <string>
#include <vector>

#include "domain/licensing.h"
#include "domain/user.h"

namespace admin365 {

struct ServicePlanDetail {
  std::string service_plan_id;
  std::string service_plan_name;
  // Graph's servicePlanInfo.provisioningStatus: "Success", "Disabled" (a disabled plan), or
  // "ErrorStatus" (every plan of a licence in error).
  std::string provisioning_status;

  friend bool operator==(const ServicePlanDetail&, const ServicePlanDetail&) = default;
};

struct LicenseDetail {
  std::string sku_id;
  std::string sku_part_number;    // empty if `skus` lacks the SKU
  std::string assigned_by_group;  // empty: assigned directly
  std::string state;              // "Active" or "Error"
  std::string error;              // "None" or e.g. "CountViolation"
  std::vector<ServicePlanDetail> service_plans;

  friend bool operator==(const LicenseDetail&, const LicenseDetail&) = default;
};

// One entry per licence state of `user`, in assignment order, with the plans of its SKU as
// `skus` (the tenant's subscriptions) lists them.
std::vector<LicenseDetail> LicenseDetailsOf(const User& user,
                                            const std::vector<SubscribedSku>& skus);

}  // namespace admin365
