#include "manage/template.h"

#include <fmt/format.h>

#include "common/ascii.h"
#include "domain/user_properties.h"

namespace admin365::manage {

namespace {

constexpr std::pair<FieldMode, std::string_view> kFieldModes[] = {
    {FieldMode::kEditable, "editable"},
    {FieldMode::kMandatory, "mandatory"},
    {FieldMode::kReadOnly, "readOnly"},
    {FieldMode::kHidden, "hidden"},
};

constexpr std::pair<CharacterClass, std::string_view> kCharacterClasses[] = {
    {CharacterClass::kLower, "lower"},
    {CharacterClass::kUpper, "upper"},
    {CharacterClass::kDigit, "digit"},
    {CharacterClass::kSymbol, "symbol"},
};

constexpr std::size_t kMaxTemplateNameLength = 64;

}  // namespace

std::string_view FieldModeName(FieldMode mode) {
  for (const auto& [value, name] : kFieldModes) {
    if (value == mode) return name;
  }
  return "editable";
}

std::optional<FieldMode> ParseFieldMode(std::string_view name) {
  for (const auto& [value, known] : kFieldModes) {
    if (AsciiIEquals(known, name)) return value;
  }
  return std::nullopt;
}

std::string_view CharacterClassName(CharacterClass character_class) {
  for (const auto& [value, name] : kCharacterClasses) {
    if (value == character_class) return name;
  }
  return "lower";
}

std::optional<CharacterClass> ParseCharacterClass(std::string_view name) {
  for (const auto& [value, known] : kCharacterClasses) {
    if (AsciiIEquals(known, name)) return value;
  }
  return std::nullopt;
}

const FieldRule* Template::FindField(std::string_view field) const {
  for (const auto& [name, rule] : fields) {
    if (AsciiIEquals(name, field)) return &rule;
  }
  return nullptr;
}

std::optional<std::string> CanonicalFieldName(std::string_view name) {
  for (std::string_view pseudo : {kPasswordField, kManagerField, kGroupsField}) {
    if (AsciiIEquals(pseudo, name)) return std::string(pseudo);
  }
  const UserProperty* property = FindUserProperty(name);
  if (property == nullptr || property->access == PropertyAccess::kReadOnly) return std::nullopt;
  return std::string(property->name);
}

bool IsValidTemplateName(std::string_view name) {
  if (name.empty() || name.size() > kMaxTemplateNameLength) return false;
  if (name.front() == ' ' || name.back() == ' ') return false;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && c != ' ' && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

std::string TemplateOrigin(const Template& definition) {
  return fmt::format("template \"{}\" v{}", definition.name, definition.version);
}

Error InvalidTemplate(std::string message, std::string target) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Template_Invalid",
               .message = std::move(message),
               .target = std::move(target)};
}

Error RejectedInput(std::string message, std::string target) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Template_InputRejected",
               .message = std::move(message),
               .target = std::move(target)};
}

Error TemplateNotFound(std::string_view name, std::optional<int> version) {
  return Error{.kind = ErrorKind::kNotFound,
               .http_status = 404,
               .code = "Template_NotFound",
               .message = version
                              ? fmt::format("Template \"{}\" has no version {}.", name, *version)
                              : fmt::format("No template is named \"{}\".", name),
               .target = "template"};
}

}  // namespace admin365::manage
