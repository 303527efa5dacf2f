#pragma once

// What a user's licences give them, as pure functions over the licence states the
// directory stores (User::license_assignment_states) and the product catalogue:
// assignedLicenses, assignedPlans, and whether the user has an Exchange Online mailbox.
// docs/entra-rules.md ("Licences") states the same rules for people.

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/licensing.h"
#include "domain/user.h"
#include "engine/sku_catalog.h"

namespace admin365::engine {

inline constexpr std::string_view kLicenseActive = "Active";
inline constexpr std::string_view kLicenseError = "Error";
inline constexpr std::string_view kNoLicenseError = "None";
inline constexpr std::string_view kCountViolation = "CountViolation";
inline constexpr std::string_view kPlanEnabled = "Enabled";
inline constexpr std::string_view kPlanDeleted = "Deleted";

// True for a service plan that gives its user an Exchange Online mailbox: a name starting
// with EXCHANGE_S_, except EXCHANGE_S_FOUNDATION* (part of nearly every SKU, for services
// that store data in Exchange; no mailbox) and EXCHANGE_S_ARCHIVE* (archiving for a mailbox
// the user must already have).
bool IsMailboxPlan(std::string_view service_plan_name);

// assignedPlan.service of a plan: Microsoft's service name for the plan families admin365
// knows ("exchange" for EXCHANGE_*, "SharePoint" for SHAREPOINT*, "MicrosoftOffice" for
// OFFICESUBSCRIPTION, ...); otherwise the plan name up to its first '_'.
std::string ServiceOfPlan(std::string_view service_plan_name);

// assignedLicenses: one entry per SKU with an Active state, in order of first assignment.
// Its disabledPlans are the plans disabled in every Active state of the SKU (a plan that
// any of the user's assignments enables is enabled).
std::vector<AssignedLicense> EffectiveLicenses(const std::vector<LicenseAssignmentState>& states);

// The plans `licenses` enable, each once, in licence order then catalogue order. SKUs the
// catalogue does not know give none.
std::vector<ServicePlan> EnabledPlans(const std::vector<AssignedLicense>& licenses,
                                      const SkuCatalog& catalog);

// assignedPlans after a licence change. Every plan `licenses` enable is "Enabled" (a plan
// new to `before`, or "Deleted" there, takes `now` as its assignedDateTime); a plan of
// `before` they no longer enable is "Deleted", keeping its date. `before`'s order is kept
// and new plans follow.
std::vector<AssignedPlan> NextAssignedPlans(const std::vector<AssignedPlan>& before,
                                            const std::vector<AssignedLicense>& licenses,
                                            const SkuCatalog& catalog, UnixSeconds now);

// True if an enabled plan of `licenses` is a mailbox plan (IsMailboxPlan).
bool HasMailbox(const std::vector<AssignedLicense>& licenses, const SkuCatalog& catalog);

// Recomputes `user`'s assignedLicenses and assignedPlans from its licence states; when the
// user then has a mailbox but no mail address, gives it one as Exchange does: mail = the
// UPN, and "SMTP:<upn>" as the primary proxy address (the old primary, if any, stays as
// "smtp:"). The caller checks the new addresses for conflicts.
void ApplyLicenseStates(User& user, const SkuCatalog& catalog, UnixSeconds now);

}  // namespace admin365::engine
