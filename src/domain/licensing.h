#pragma once

// Licences (entra-graph-facts.md §3.4): the product catalogue (SKUs and their service
// plans, from Microsoft's published list), the subscriptions a tenant bought, and what a
// user holds.

#include <string>
#include <vector>

#include "common/clock.h"

namespace admin365 {

struct ServicePlan {
  std::string service_plan_id;    // lower-case GUID
  std::string service_plan_name;  // e.g. "EXCHANGE_S_ENTERPRISE"
  std::string friendly_name;      // e.g. "Exchange Online (Plan 2)"

  friend bool operator==(const ServicePlan&, const ServicePlan&) = default;
};

// One product of the catalogue.
struct Sku {
  std::string sku_id;           // lower-case GUID
  std::string sku_part_number;  // e.g. "ENTERPRISEPACK"
  std::string product_name;     // e.g. "Office 365 E3"
  std::vector<ServicePlan> service_plans;

  friend bool operator==(const Sku&, const Sku&) = default;
};

// A subscription the tenant holds (Graph's subscribedSku, MSOnline's AccountSku).
struct SubscribedSku {
  Sku sku;
  std::string capability_status = "Enabled";  // Enabled, Warning, Suspended, LockedOut
  long long enabled_units = 0;                // prepaidUnits.enabled
  long long warning_units = 0;
  long long suspended_units = 0;
  long long consumed_units = 0;
  std::string applies_to = "User";
  std::vector<std::string> subscription_ids;

  long long available_units() const { return enabled_units - consumed_units; }
  friend bool operator==(const SubscribedSku&, const SubscribedSku&) = default;
};

// assignedLicense: a SKU on a user, with the plans turned off.
struct AssignedLicense {
  std::string sku_id;
  std::vector<std::string> disabled_plans;

  friend bool operator==(const AssignedLicense&, const AssignedLicense&) = default;
};

// licenseAssignmentState: how the user came to hold a licence.
struct LicenseAssignmentState {
  std::string sku_id;
  std::vector<std::string> disabled_plans;
  std::string assigned_by_group;  // empty: assigned directly
  std::string state = "Active";
  std::string error = "None";
  UnixSeconds last_updated_date_time = 0;

  friend bool operator==(const LicenseAssignmentState&, const LicenseAssignmentState&) = default;
};

// assignedPlan: one service plan the user's licences give (or gave) them.
struct AssignedPlan {
  UnixSeconds assigned_date_time = 0;
  std::string capability_status;  // "Enabled" or "Deleted"
  std::string service;            // e.g. "exchange"
  std::string service_plan_id;

  friend bool operator==(const AssignedPlan&, const AssignedPlan&) = default;
};

// The body of assignLicense: added and removed in one atomic step.
struct LicenseChange {
  std::vector<AssignedLicense> add_licenses;
  std::vector<std::string> remove_licenses;  // sku ids
};

}  // namespace admin365
