#pragma once

// The JSON form of a template, for `template export` / `template import` and for the
// store. Members (all optional but "name"; an absent member takes template.h's default):
//
//   {
//     "name": "Sales",
//     "version": 3,                         (written on export, ignored on import)
//     "description": "Sales representatives",
//     "naming": {"userPrincipalName": "{givenName}.{surname}", "mailNickname": "",
//                "displayName": "{givenName} {surname}", "lowerCase": true},
//     "domain": "contoso.com",
//     "password": {"generate": true, "length": 16,
//                  "classes": ["lower", "upper", "digit", "symbol"],
//                  "forceChangePasswordNextSignIn": true},
//     "licenses": [{"sku": "SPE_E3", "disabledPlans": ["SWAY"]}],
//     "groups": ["Sales-All"],
//     "mfa": {"state": "enforced", "defaultMethod": "sms"},
//     "fields": {"department": {"rule": "readOnly", "value": "Sales"},
//                "employeeId": {"rule": "mandatory"}},
//     "rules": [{"when": {"field": "department", "equals": "Sales"},
//                "set": {"companyName": "Contoso Sales"},
//                "addGroups": ["Sales-All"], "addLicenses": [{"sku": "SPE_E3"}]}]
//   }
//
// Import checks shapes only (template_validation.h checks meaning). Errors are
// InvalidTemplate, target the JSON path, message naming it and what was expected:
//   template JSON: $.fields.department.rule: expected one of "editable", "mandatory",
//   "readOnly", "hidden"
//   template JSON: $.colour: unknown member

#include <string>
#include <string_view>

#include "common/result.h"
#include "manage/template.h"

namespace admin365::manage {

// Pretty-printed (two-space indent) with every member written, then a newline.
std::string TemplateToJson(const Template& definition);

Result<Template> TemplateFromJson(std::string_view text);

}  // namespace admin365::manage
