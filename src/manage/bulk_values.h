#pragma once

// Reading bulk rows' cells: yes/no values, lists, licences, groups, MFA states, each
// with an error that names the field and the fix.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/authentication.h"
#include "domain/authentication_rules.h"
#include "domain/licensing.h"
#include "domain/user.h"
#include "domain/user_properties.h"
#include "manage/bulk_action.h"
#include "manage/tenant_lookup.h"

namespace admin365::manage {

// Yes/No, True/False, 1/0, $true/$false, case-insensitive.
Result<bool> ParseYesNo(std::string_view field, std::string_view text);

// Items separated by ';' or ',' (PowerShell's and M365 Manager Plus's lists), trimmed,
// empty items dropped.
std::vector<std::string> SplitList(std::string_view text);

// The cell as the property's type: a string, a yes/no for booleans, a list for
// collections.
Result<PropertyValue> PropertyValueFromCell(const UserProperty& property, std::string_view text);

// The licences of a list (tenant_lookup.h's FindSubscription), each with the named plans
// (names or ids) disabled where its SKU has them. Errors: FindSubscription's; FieldError
// ("disabledPlans") for a plan no listed licence has.
Result<std::vector<AssignedLicense>> ResolveLicenses(const TenantSnapshot& tenant,
                                                     std::string_view field,
                                                     std::string_view skus,
                                                     std::string_view disabled_plans);

// Disabled, Enabled or Enforced (any case); M365 Manager Plus's "Is MFA Enabled"
// True/False too.
Result<PerUserMfaState> ParseMfaCell(std::string_view field, std::string_view text);

}  // namespace admin365::manage
