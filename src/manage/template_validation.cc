#include "manage/template_validation.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/ascii.h"
#include "domain/authentication_rules.h"
#include "domain/password_policy.h"
#include "domain/user_properties.h"
#include "manage/template_naming.h"
#include "manage/tenant_lookup.h"

namespace admin365::manage {

namespace {

// Collects problems, each prefixed with the template's name.
class Problems {
 public:
  explicit Problems(const Template& definition) : name_(definition.name) {}

  void Add(std::string target, std::string message) {
    details_.push_back(ErrorDetail{.code = "Template_Invalid",
                                   .target = std::move(target),
                                   .message = fmt::format("template \"{}\": {}", name_, message)});
  }
  void Add(const Error& error) { Add(error.target, error.message); }

  std::vector<ErrorDetail>& details() { return details_; }

 private:
  std::string name_;
  std::vector<ErrorDetail> details_;
};

// Fields that a template may govern but never preset: secrets, and what naming builds.
bool TakesNoValue(std::string_view field) {
  for (std::string_view name :
       {kPasswordField, kGroupsField, std::string_view("userPrincipalName"),
        std::string_view("mailNickname"), std::string_view("displayName")}) {
    if (AsciiIEquals(name, field)) return true;
  }
  return false;
}

void CheckValue(Problems& problems, const std::string& where, const std::string& field,
                const std::string& value) {
  if (AsciiIEquals(field, kManagerField)) return;  // checked against the tenant
  const UserProperty* property = FindUserProperty(field);
  if (property == nullptr) return;
  if (property->type == PropertyType::kBool) {
    if (!AsciiIEquals(value, "true") && !AsciiIEquals(value, "false")) {
      problems.Add(where, fmt::format("{} must be true or false, not \"{}\"", where, value));
    }
    return;
  }
  if (property->type == PropertyType::kStringCollection || value.empty()) return;
  if (!CheckPropertyText(*property, value)) {
    problems.Add(where, fmt::format("\"{}\" is not a valid {}", value, field));
  }
}

void CheckNaming(Problems& problems, const TemplateNaming& naming) {
  for (const auto& [pattern, what] : {std::pair{naming.user_principal_name, "userPrincipalName"},
                                      std::pair{naming.mail_nickname, "mailNickname"},
                                      std::pair{naming.display_name, "displayName"}}) {
    if (pattern.empty()) {
      if (std::string_view(what) != "mailNickname") {
        problems.Add(what, fmt::format("the {} pattern is empty", what));
      }
      continue;
    }
    if (auto attributes = PatternAttributes(pattern, what); !attributes) {
      problems.Add(attributes.error());
    } else if (attributes->empty() && std::string_view(what) != "displayName") {
      problems.Add(what, fmt::format("the {} pattern \"{}\" names no attribute, so every user "
                                     "would get the same name",
                                     what, pattern));
    }
  }
}

void CheckPassword(Problems& problems, const TemplatePassword& password) {
  if (!password.generate) return;
  if (password.length < kMinPasswordLength || password.length > kMaxPasswordLength) {
    problems.Add("password.length",
                 fmt::format("a generated password needs {} to {} characters, not {}",
                             kMinPasswordLength, kMaxPasswordLength, password.length));
  }
  const std::set<CharacterClass> classes(password.classes.begin(), password.classes.end());
  if (classes.size() < 3) {
    problems.Add("password.classes",
                 "a generated password needs at least 3 of the classes lower, upper, digit, "
                 "symbol (Entra's complexity rule)");
  }
}

void CheckFields(Problems& problems, const Template& definition) {
  std::set<std::string, CaseInsensitiveLess> seen;
  for (const auto& [name, rule] : definition.fields) {
    const std::optional<std::string> field = CanonicalFieldName(name);
    if (!field) {
      problems.Add(name, fmt::format("\"{}\" is not a user property nor password, manager or "
                                     "groups",
                                     name));
      continue;
    }
    if (!seen.insert(*field).second) {
      problems.Add(*field, fmt::format("field {} is listed twice", *field));
    }
    if (rule.value && TakesNoValue(*field)) {
      problems.Add(*field, fmt::format("field {} cannot have a value in a template{}", *field,
                                       AsciiIEquals(*field, kGroupsField)
                                           ? ": list the groups under \"groups\""
                                       : AsciiIEquals(*field, kPasswordField)
                                           ? ""
                                           : ": it is built by the naming patterns"));
      continue;
    }
    if (rule.value) CheckValue(problems, *field, *field, *rule.value);
  }
  const FieldRule* usage_location = definition.FindField("usageLocation");
  bool rules_set_usage_location = false;
  for (const ConditionalRule& rule : definition.rules) {
    for (const auto& [name, value] : rule.set) {
      rules_set_usage_location |= AsciiIEquals(name, "usageLocation");
    }
  }
  const bool has_usage_location =
      usage_location && (usage_location->value || usage_location->mode == FieldMode::kMandatory);
  if (!definition.licenses.empty() && !has_usage_location && !rules_set_usage_location) {
    problems.Add("usageLocation",
                 "licences need a usageLocation: give the usageLocation field a value or make "
                 "it mandatory");
  }
}

void CheckRules(Problems& problems, const Template& definition) {
  for (std::size_t i = 0; i < definition.rules.size(); ++i) {
    const ConditionalRule& rule = definition.rules[i];
    const std::string where = fmt::format("rules[{}]", i);
    if (!CanonicalFieldName(rule.field)) {
      problems.Add(where, fmt::format("{}: \"{}\" is not a user property nor password, "
                                      "manager or groups",
                                      where, rule.field));
    }
    for (const auto& [name, value] : rule.set) {
      const std::optional<std::string> field = CanonicalFieldName(name);
      if (!field || TakesNoValue(*field)) {
        problems.Add(where, fmt::format("{}: cannot set \"{}\"", where, name));
        continue;
      }
      CheckValue(problems, *field, *field, value);
    }
  }
}

void CheckDomain(Problems& problems, const Template& definition, const std::vector<Domain>& domains,
                 std::string& resolved) {
  for (const Domain& domain : domains) {
    const bool wanted =
        definition.domain.empty() ? domain.is_default : AsciiIEquals(domain.id, definition.domain);
    if (!wanted) continue;
    if (!domain.is_verified) {
      problems.Add("domain", fmt::format("domain \"{}\" is not verified; verify it or change "
                                         "the template",
                                         definition.domain));
      return;
    }
    resolved = domain.id;
    return;
  }
  problems.Add("domain", fmt::format("domain \"{}\" does not exist in the tenant; add and verify "
                                     "it or change the template",
                                     definition.domain));
}

std::vector<std::string> ResolveGroups(Problems& problems, const std::vector<std::string>& names,
                                       const std::vector<Group>& groups) {
  std::vector<std::string> ids;
  for (const std::string& name : names) {
    Result<std::string> id = FindGroupId(groups, "groups", name);
    if (!id) {
      problems.Add(id.error());
    } else if (std::ranges::find(ids, *id) == ids.end()) {
      ids.push_back(std::move(*id));
    }
  }
  return ids;
}

std::vector<AssignedLicense> ResolveLicenses(Problems& problems,
                                             const std::vector<TemplateLicense>& licenses,
                                             const std::vector<SubscribedSku>& skus) {
  std::vector<AssignedLicense> resolved;
  for (const TemplateLicense& license : licenses) {
    Result<const SubscribedSku*> found = FindSubscription(skus, "licenses", license.sku);
    if (!found) {
      problems.Add(found.error());
      continue;
    }
    AssignedLicense assigned{.sku_id = (*found)->sku.sku_id};
    for (const std::string& plan : license.disabled_plans) {
      Result<std::string> plan_id = FindServicePlanId(**found, "disabledPlans", plan);
      if (!plan_id) {
        problems.Add(plan_id.error());
      } else {
        assigned.disabled_plans.push_back(std::move(*plan_id));
      }
    }
    resolved.push_back(std::move(assigned));
  }
  return resolved;
}

}  // namespace

std::vector<ErrorDetail> CheckTemplateDefinition(const Template& definition) {
  Problems problems(definition);
  if (!IsValidTemplateName(definition.name)) {
    problems.Add("name", "the name must have 1 to 64 letters, digits, spaces, '.', '-' or '_'");
  }
  CheckNaming(problems, definition.naming);
  CheckPassword(problems, definition.password);
  if (definition.default_method && !IsSecondaryAuthenticationMethod(*definition.default_method)) {
    problems.Add("mfa.defaultMethod",
                 fmt::format("\"{}\" is not an authentication method (push, oath, voiceMobile, "
                             "voiceAlternateMobile, voiceOffice, sms)",
                             *definition.default_method));
  }
  CheckFields(problems, definition);
  CheckRules(problems, definition);
  return std::move(problems.details());
}

Result<ResolvedTemplate> ValidateTemplate(Directory& directory, const Template& definition) {
  Problems problems(definition);
  for (ErrorDetail& detail : CheckTemplateDefinition(definition)) {
    problems.details().push_back(std::move(detail));
  }
  ResolvedTemplate resolved{.definition = definition};
  ASSIGN_OR_RETURN(const std::vector<Domain> domains, directory.ListDomains());
  CheckDomain(problems, definition, domains, resolved.domain);
  ASSIGN_OR_RETURN(resolved.tenant_groups, directory.ListGroups());
  const std::vector<Group>& groups = resolved.tenant_groups;
  ASSIGN_OR_RETURN(const std::vector<SubscribedSku> skus, directory.ListSubscribedSkus());
  resolved.group_ids = ResolveGroups(problems, definition.groups, groups);
  resolved.licenses = ResolveLicenses(problems, definition.licenses, skus);
  for (const ConditionalRule& rule : definition.rules) {
    resolved.rule_group_ids.push_back(ResolveGroups(problems, rule.add_groups, groups));
    resolved.rule_licenses.push_back(ResolveLicenses(problems, rule.add_licenses, skus));
  }
  if (const FieldRule* manager = definition.FindField(kManagerField); manager && manager->value) {
    if (auto user = directory.GetUser(*manager->value); !user) {
      if (user.error().kind != ErrorKind::kNotFound &&
          user.error().kind != ErrorKind::kInvalidArgument) {
        return Fail(user.error());
      }
      problems.Add("manager", fmt::format("manager \"{}\" does not exist in the tenant; give an "
                                          "active user or remove it from the template",
                                          *manager->value));
    }
  }
  if (!problems.details().empty()) {
    Error error =
        InvalidTemplate(problems.details().front().message, problems.details().front().target);
    error.details = std::move(problems.details());
    return Fail(std::move(error));
  }
  return resolved;
}

}  // namespace admin365::manage
