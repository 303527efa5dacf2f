#include "engine/license_rules.h"

#include <algorithm>

#include "common/ascii.h"
#include "engine/proxy_addresses.h"

namespace admin365::engine {

namespace {

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && AsciiIEquals(text.substr(0, prefix.size()), prefix);
}

// Plan-name prefixes and the service Microsoft reports for them in assignedPlans. Longer
// prefixes come first where one extends another.
struct ServicePrefix {
  std::string_view prefix;
  std::string_view service;
};
constexpr ServicePrefix kServices[] = {
    {"EXCHANGE", "exchange"},
    {"MYANALYTICS", "exchange"},
    {"SHAREPOINT", "SharePoint"},
    {"OFFICESUBSCRIPTION", "MicrosoftOffice"},
    {"TEAMS", "TeamspaceAPI"},
    {"MCO", "MicrosoftCommunicationsOnline"},
    {"PROJECTWORKMANAGEMENT", "ProjectWorkManagement"},
    {"PROJECT", "ProjectProgramsAndPortfolios"},
    {"RMS_S_", "RMSOnline"},
    {"AAD_PREMIUM", "AADPremiumService"},
    {"MFA_PREMIUM", "MultiFactorService"},
    {"INTUNE", "SCO"},
    {"SWAY", "Sway"},
    {"YAMMER", "YammerEnterprise"},
    {"ADALLOM", "Adallom"},
    {"STREAM", "MicrosoftStream"},
    {"FORMS", "OfficeForms"},
    {"DESKLESS", "Deskless"},
    {"KAIZALA", "MicrosoftKaizala"},
    {"WHITEBOARD", "WhiteboardServices"},
    {"FLOW", "ProcessSimple"},
    {"POWERAPPS", "PowerAppsService"},
    {"BPOS_S_TODO", "To-Do"},
    {"BI_AZURE", "PowerBI"},
    {"WINDEFATP", "WindowsDefenderATP"},
};

bool Contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::any_of(ids.begin(), ids.end(),
                     [&](const std::string& each) { return AsciiIEquals(each, id); });
}

}  // namespace

bool IsMailboxPlan(std::string_view service_plan_name) {
  return StartsWithIgnoringCase(service_plan_name, "EXCHANGE_S_") &&
         !StartsWithIgnoringCase(service_plan_name, "EXCHANGE_S_FOUNDATION") &&
         !StartsWithIgnoringCase(service_plan_name, "EXCHANGE_S_ARCHIVE");
}

std::string ServiceOfPlan(std::string_view service_plan_name) {
  for (const ServicePrefix& entry : kServices) {
    if (StartsWithIgnoringCase(service_plan_name, entry.prefix)) return std::string(entry.service);
  }
  return std::string(service_plan_name.substr(0, service_plan_name.find('_')));
}

std::vector<AssignedLicense> EffectiveLicenses(const std::vector<LicenseAssignmentState>& states) {
  std::vector<AssignedLicense> licenses;
  for (const LicenseAssignmentState& state : states) {
    if (state.state != kLicenseActive) continue;
    const auto same_sku = [&](const AssignedLicense& license) {
      return AsciiIEquals(license.sku_id, state.sku_id);
    };
    const auto it = std::find_if(licenses.begin(), licenses.end(), same_sku);
    if (it == licenses.end()) {
      licenses.push_back({.sku_id = state.sku_id, .disabled_plans = state.disabled_plans});
    } else {
      std::erase_if(it->disabled_plans,
                    [&](const std::string& plan) { return !Contains(state.disabled_plans, plan); });
    }
  }
  return licenses;
}

std::vector<ServicePlan> EnabledPlans(const std::vector<AssignedLicense>& licenses,
                                      const SkuCatalog& catalog) {
  std::vector<ServicePlan> plans;
  for (const AssignedLicense& license : licenses) {
    const Sku* sku = catalog.FindById(license.sku_id);
    if (sku == nullptr) continue;
    for (const ServicePlan& plan : sku->service_plans) {
      const bool listed = std::any_of(plans.begin(), plans.end(), [&](const ServicePlan& each) {
        return each.service_plan_id == plan.service_plan_id;
      });
      if (!listed && !Contains(license.disabled_plans, plan.service_plan_id)) {
        plans.push_back(plan);
      }
    }
  }
  return plans;
}

std::vector<AssignedPlan> NextAssignedPlans(const std::vector<AssignedPlan>& before,
                                            const std::vector<AssignedLicense>& licenses,
                                            const SkuCatalog& catalog, UnixSeconds now) {
  const std::vector<ServicePlan> enabled = EnabledPlans(licenses, catalog);
  const auto is_enabled = [&](std::string_view id) {
    return std::any_of(enabled.begin(), enabled.end(),
                       [&](const ServicePlan& plan) { return plan.service_plan_id == id; });
  };
  std::vector<AssignedPlan> plans = before;
  for (AssignedPlan& plan : plans) {
    if (!is_enabled(plan.service_plan_id)) {
      plan.capability_status = kPlanDeleted;
    } else if (plan.capability_status != kPlanEnabled) {
      plan.capability_status = kPlanEnabled;
      plan.assigned_date_time = now;
    }
  }
  for (const ServicePlan& plan : enabled) {
    const bool known = std::any_of(plans.begin(), plans.end(), [&](const AssignedPlan& each) {
      return each.service_plan_id == plan.service_plan_id;
    });
    if (!known) {
      plans.push_back({.assigned_date_time = now,
                       .capability_status = std::string(kPlanEnabled),
                       .service = ServiceOfPlan(plan.service_plan_name),
                       .service_plan_id = plan.service_plan_id});
    }
  }
  return plans;
}

bool HasMailbox(const std::vector<AssignedLicense>& licenses, const SkuCatalog& catalog) {
  const std::vector<ServicePlan> enabled = EnabledPlans(licenses, catalog);
  return std::any_of(enabled.begin(), enabled.end(),
                     [](const ServicePlan& plan) { return IsMailboxPlan(plan.service_plan_name); });
}

void ApplyLicenseStates(User& user, const SkuCatalog& catalog, UnixSeconds now) {
  user.assigned_licenses = EffectiveLicenses(user.license_assignment_states);
  user.assigned_plans =
      NextAssignedPlans(user.assigned_plans, user.assigned_licenses, catalog, now);
  if (!user.mail && HasMailbox(user.assigned_licenses, catalog)) {
    user.mail = user.user_principal_name;
    SetPrimarySmtpAddress(user.proxy_addresses, user.user_principal_name);
  }
}

}  // namespace admin365::engine
