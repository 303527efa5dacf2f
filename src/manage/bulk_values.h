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

namespace admin365::manage {

// A row's input error: Request_BadRequest, with `field` as the target.
Error FieldError(std::string_view field, std::string message);

// Yes/No, True/False, 1/0, $true/$false, case-insensitive.
Result<bool> ParseYesNo(std::string_view field, std::string_view text);

// Items separated by ';' or ',' (PowerShell's and M365 Manager Plus's lists), trimmed,
// empty items dropped.
std::vector<std::string> SplitList(std::string_view text);

// The cell as the property's type: a string, a yes/no for booleans, a list for
// collections.
Result<PropertyValue> PropertyValueFromCell(const UserProperty& property, std::string_view text);

// "contoso:ENTERPRISEPACK" (MSOnline's AccountSkuId), "ENTERPRISEPACK" or a skuId, among
// the tenant's subscriptions. Errors: FieldError naming the field.
Result<std::string> ResolveSkuId(const TenantSnapshot& tenant, std::string_view field,
                                 std::string_view sku);
// The licences of a list, each with the named plans (names or ids) disabled where its SKU
// has them.
Result<std::vector<AssignedLicense>> ResolveLicenses(const TenantSnapshot& tenant,
                                                     std::string_view field,
                                                     std::string_view skus,
                                                     std::string_view disabled_plans);

// A group's object id from its id or its displayName (which must name one group).
Result<std::string> ResolveGroupId(const TenantSnapshot& tenant, std::string_view field,
                                   std::string_view group);

// Disabled, Enabled or Enforced (any case); M365 Manager Plus's "Is MFA Enabled"
// True/False too.
Result<PerUserMfaState> ParseMfaCell(std::string_view field, std::string_view text);

}  // namespace admin365::manage
