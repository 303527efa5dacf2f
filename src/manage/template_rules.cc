#include "manage/template_rules.h"

#include <fmt/format.h>

#include <set>

#include "common/ascii.h"
#include "domain/user.h"

namespace admin365::manage {

namespace {

// Sets or replaces a field's value.
void Put(TemplateValues& values, const std::string& field, const std::string& value) {
  for (auto& [name, current] : values.fields) {
    if (name == field) {
      current = value;
      return;
    }
  }
  values.fields.emplace_back(field, value);
}

}  // namespace

const std::string* TemplateValues::Find(std::string_view field) const {
  for (const auto& [name, value] : fields) {
    if (AsciiIEquals(name, field)) return &value;
  }
  return nullptr;
}

Result<TemplateValues> ApplyTemplateRules(const Template& definition, const TemplateInput& input) {
  TemplateValues values;
  std::set<std::string, CaseInsensitiveLess> given;
  for (const auto& [name, value] : input) {
    if (value.empty()) continue;
    const std::optional<std::string> field = CanonicalFieldName(name);
    if (!field) {
      return Fail(RejectedInput(
          fmt::format("template \"{}\" has no field \"{}\": use a Graph user property name "
                      "(givenName, department, ...) or password, manager, groups",
                      definition.name, name),
          name));
    }
    if (!given.insert(*field).second) {
      return Fail(RejectedInput(fmt::format("{} is given twice", *field), *field));
    }
    if (const FieldRule* rule = definition.FindField(*field);
        rule && (rule->mode == FieldMode::kReadOnly || rule->mode == FieldMode::kHidden) &&
        rule->value != value) {
      return Fail(RejectedInput(
          fmt::format("{} is {} in template \"{}\": remove it", *field,
                      rule->mode == FieldMode::kReadOnly ? "read-only" : "hidden", definition.name),
          *field));
    }
    values.fields.emplace_back(*field, value);
  }
  for (const auto& [name, rule] : definition.fields) {
    if (rule.value && !rule.value->empty() && !given.contains(name)) Put(values, name, *rule.value);
  }
  for (std::size_t i = 0; i < definition.rules.size(); ++i) {
    const ConditionalRule& rule = definition.rules[i];
    const std::string* current = values.Find(rule.field);
    if (current == nullptr || !AsciiIEquals(*current, rule.equals)) continue;
    values.matched_rules.push_back(i);
    for (const auto& [name, value] : rule.set) {
      const std::string field = CanonicalFieldName(name).value_or(name);
      if (!given.contains(field)) Put(values, field, value);
    }
  }
  for (const auto& [name, rule] : definition.fields) {
    if (rule.mode == FieldMode::kMandatory && values.Find(name) == nullptr) {
      return Fail(RejectedInput(
          fmt::format("{} is mandatory in template \"{}\": give it", name, definition.name), name));
    }
  }
  if (!definition.password.generate && values.Find(kPasswordField) == nullptr) {
    return Fail(RejectedInput(
        fmt::format("{} is mandatory in template \"{}\": give it", kPasswordField, definition.name),
        std::string(kPasswordField)));
  }
  return values;
}

}  // namespace admin365::manage
