#pragma once

// The field rules and conditional rules of a template applied to what a technician typed.
//
// Input is field name -> value pairs (names as template.h describes, case-insensitive);
// an empty value counts as not given (a CSV's empty cell). In order:
//  1. every name must be a field a template knows, given once;
//  2. a read-only or hidden field may not be given (unless with exactly its preset value);
//  3. fields not given take the template's value (preset or default), if any;
//  4. conditional rules run in order: a rule whose field equals its value
//     (case-insensitively) sets its fields, except those the technician gave;
//  5. every mandatory field must then have a value; `password` is mandatory when the
//     template does not generate one.
// Errors are RejectedInput, target the field, message naming the fix:
//   template "Sales" has no field "colour": use a Graph user property name (givenName,
//     department, ...) or password, manager, groups
//   department is given twice
//   department is read-only in template "Sales": remove it
//   employeeType is hidden in template "Sales": remove it
//   employeeId is mandatory in template "Sales": give it

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "manage/template.h"

namespace admin365::manage {

// Field name -> value, as a technician or a CSV row gives them.
using TemplateInput = std::vector<std::pair<std::string, std::string>>;

struct TemplateValues {
  // Canonical field name -> non-empty value, in the order they were settled.
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<std::size_t> matched_rules;  // indices into Template::rules, ascending

  // The value of `field` (case-insensitive), or null.
  const std::string* Find(std::string_view field) const;
};

Result<TemplateValues> ApplyTemplateRules(const Template& definition, const TemplateInput& input);

}  // namespace admin365::manage
