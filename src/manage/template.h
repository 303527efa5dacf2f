#pragma once

// Template: a user creation template (M365 Manager Plus's "User Creation Templates",
// entra-graph-facts.md §1.3). An admin writes one so that a help-desk technician fills in
// a few fields and gets a correct, complete account in one step.
//
// A template presets and governs:
//  - naming: patterns for userPrincipalName's local part, mailNickname and displayName
//    built from the user's attributes (template_naming.h), and the UPN's domain;
//  - the password: generated (length and character classes) or typed by the technician,
//    and whether it must be changed at next sign-in;
//  - licences (SKU part number or skuId, with disabled plans by name or id), groups (by
//    displayName or object id), per-user MFA state and default method;
//  - every other property, the manager included, through `fields`: one rule per field
//    (mandatory, hidden, read-only or editable) with an optional value (the preset of a
//    hidden or read-only field, the default of an editable or mandatory one);
//  - conditional rules: when a field equals a value, set fields, add groups and licences.
//
// Field names are Graph user property names (user_properties.h) plus the pseudo-fields
// `password`, `manager` (id or UPN) and `groups` (names or ids, ';'-separated) — the same
// names the bulk engine's CSV columns map to. A field a template does not list is
// editable with no default. template_json.h gives the JSON form; template_validation.h
// checks a template against a tenant; template_creation.h applies one.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "domain/authentication.h"

namespace admin365::manage {

enum class FieldMode {
  kEditable,   // the technician may give a value; `value` is the default
  kMandatory,  // the technician must give a value unless `value` (a default) is set
  kReadOnly,   // the technician sees `value` but may not change it
  kHidden,     // the technician does not see the field; `value`, if any, is applied
};

// "editable", "mandatory", "readOnly", "hidden".
std::string_view FieldModeName(FieldMode mode);
std::optional<FieldMode> ParseFieldMode(std::string_view name);

struct FieldRule {
  FieldMode mode = FieldMode::kEditable;
  std::optional<std::string> value;

  friend bool operator==(const FieldRule&, const FieldRule&) = default;
};

struct TemplateLicense {
  std::string sku;                          // skuPartNumber or skuId
  std::vector<std::string> disabled_plans;  // servicePlanName or servicePlanId

  friend bool operator==(const TemplateLicense&, const TemplateLicense&) = default;
};

// Patterns: literal text and {attribute} or {attribute:N} (its first N characters).
struct TemplateNaming {
  std::string user_principal_name = "{givenName}.{surname}";  // the local part
  std::string mail_nickname;  // empty: the same as the UPN's local part
  std::string display_name = "{givenName} {surname}";
  bool lower_case = true;  // lower-case the UPN's local part and the mailNickname

  friend bool operator==(const TemplateNaming&, const TemplateNaming&) = default;
};

enum class CharacterClass { kLower, kUpper, kDigit, kSymbol };

struct TemplatePassword {
  bool generate = true;  // false: the technician types it (field `password`, mandatory)
  std::size_t length = 16;
  std::vector<CharacterClass> classes = {CharacterClass::kLower, CharacterClass::kUpper,
                                         CharacterClass::kDigit, CharacterClass::kSymbol};
  bool force_change_next_sign_in = true;

  friend bool operator==(const TemplatePassword&, const TemplatePassword&) = default;
};

// "lower", "upper", "digit", "symbol".
std::string_view CharacterClassName(CharacterClass character_class);
std::optional<CharacterClass> ParseCharacterClass(std::string_view name);

// When `field` equals `equals` (case-insensitively) once the field rules have been
// applied: set `set` (except fields the technician gave), add `add_groups` and
// `add_licenses`. Rules apply in order; a rule sees the fields earlier rules set.
struct ConditionalRule {
  std::string field;
  std::string equals;
  std::vector<std::pair<std::string, std::string>> set;
  std::vector<std::string> add_groups;
  std::vector<TemplateLicense> add_licenses;

  friend bool operator==(const ConditionalRule&, const ConditionalRule&) = default;
};

struct Template {
  std::string name;  // 1-64 characters: letters, digits, space, '.', '-', '_'
  int version = 0;   // set by the store: 1, 2, ... per name; 0 before the first save
  std::string description;
  TemplateNaming naming;
  std::string domain;  // the UPN's domain; empty: the tenant's default domain
  TemplatePassword password;
  std::vector<TemplateLicense> licenses;
  std::vector<std::string> groups;
  std::optional<PerUserMfaState> mfa_state;
  std::optional<std::string> default_method;              // signInPreferences' preferred method
  std::vector<std::pair<std::string, FieldRule>> fields;  // in the author's order
  std::vector<ConditionalRule> rules;

  // The rule of `field` (case-insensitive), or null when the template does not list it.
  const FieldRule* FindField(std::string_view field) const;

  friend bool operator==(const Template&, const Template&) = default;
};

// The pseudo-fields a template and its input know besides Graph's user properties.
inline constexpr std::string_view kPasswordField = "password";
inline constexpr std::string_view kManagerField = "manager";
inline constexpr std::string_view kGroupsField = "groups";

// The canonical spelling of a field a template may govern (a writable Graph user property
// or a pseudo-field), matched case-insensitively; nullopt for any other name.
std::optional<std::string> CanonicalFieldName(std::string_view name);

// True if `name` is a valid template name (see Template::name).
bool IsValidTemplateName(std::string_view name);

// What the audit trail records as Actor::origin for a creation: `template "Sales" v3`.
std::string TemplateOrigin(const Template& definition);

// Template errors, all 400 unless said otherwise, with `target` the field or JSON path:
// a template that cannot be used as written (code "Template_Invalid"); input a template's
// rules refuse (code "Template_InputRejected"); a name no template has (404,
// "Template_NotFound").
Error InvalidTemplate(std::string message, std::string target = "");
Error RejectedInput(std::string message, std::string target);
Error TemplateNotFound(std::string_view name, std::optional<int> version = std::nullopt);

}  // namespace admin365::manage
