#pragma once

// Template validation: a template is checked on its own (names, patterns, field rules,
// values, password policy) and against a live tenant, which also resolves the names it
// uses to the ids a creation needs. A template that fails is refused whole, with every
// problem listed:
//   template "Sales": group "Sales-All" does not exist in the tenant; create it or remove
//   it from the template
//
// Against the tenant: the domain exists and is verified (empty: the default domain); each
// group exists, by object id or by displayName (case-insensitive, exactly one group); each
// SKU is subscribed (skuPartNumber or skuId) and each disabled plan is one of its service
// plans (servicePlanName or servicePlanId); a manager preset is an active user. The same
// for the groups and licences of conditional rules.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "directory/directory.h"
#include "domain/group.h"
#include "domain/licensing.h"
#include "manage/template.h"

namespace admin365::manage {

// A template checked against a tenant, with what it names resolved.
struct ResolvedTemplate {
  Template definition;
  std::string domain;                     // the UPN domain, as the tenant spells it
  std::vector<AssignedLicense> licenses;  // skuIds, with disabled servicePlanIds
  std::vector<std::string> group_ids;
  // Per Template::rules entry, what it adds.
  std::vector<std::vector<AssignedLicense>> rule_licenses;
  std::vector<std::vector<std::string>> rule_group_ids;
  // The tenant's groups when the template was validated: the groups a creation's input
  // names are looked up here, so a job lists them once, not once a row.
  std::vector<Group> tenant_groups;
};

// The problems of `definition` that need no tenant, each an ErrorDetail with code
// "Template_Invalid", target the field or setting, and a message starting
// `template "<name>": `. Empty when there are none.
std::vector<ErrorDetail> CheckTemplateDefinition(const Template& definition);

// CheckTemplateDefinition, then the tenant checks. Error: InvalidTemplate whose message
// is the first problem's and whose details are all of them; the directory's errors for a
// failed read (Unavailable, TenantNotInitialised, ...).
Result<ResolvedTemplate> ValidateTemplate(Directory& directory, const Template& definition);

}  // namespace admin365::manage
