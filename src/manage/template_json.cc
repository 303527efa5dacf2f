#include "manage/template_json.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <functional>
#include <initializer_list>

#include "domain/authentication_rules.h"

namespace admin365::manage {

namespace json = boost::json;

namespace {

// --- Writing ---

json::array Strings(const std::vector<std::string>& items) {
  json::array array;
  for (const std::string& item : items) array.emplace_back(item);
  return array;
}

json::array Licenses(const std::vector<TemplateLicense>& licenses) {
  json::array array;
  for (const TemplateLicense& license : licenses) {
    array.push_back(
        json::object{{"sku", license.sku}, {"disabledPlans", Strings(license.disabled_plans)}});
  }
  return array;
}

json::object Pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  json::object object;
  for (const auto& [name, value] : pairs) object[name] = value;
  return object;
}

json::object ToJson(const Template& definition) {
  json::object naming{{"userPrincipalName", definition.naming.user_principal_name},
                      {"mailNickname", definition.naming.mail_nickname},
                      {"displayName", definition.naming.display_name},
                      {"lowerCase", definition.naming.lower_case}};
  json::array classes;
  for (CharacterClass c : definition.password.classes) classes.emplace_back(CharacterClassName(c));
  json::object password{
      {"generate", definition.password.generate},
      {"length", definition.password.length},
      {"classes", std::move(classes)},
      {"forceChangePasswordNextSignIn", definition.password.force_change_next_sign_in}};
  json::object mfa;
  mfa["state"] = definition.mfa_state ? json::value(MfaStateName(*definition.mfa_state))
                                      : json::value(nullptr);
  mfa["defaultMethod"] =
      definition.default_method ? json::value(*definition.default_method) : json::value(nullptr);
  json::object fields;
  for (const auto& [name, rule] : definition.fields) {
    json::object field{{"rule", FieldModeName(rule.mode)}};
    if (rule.value) field["value"] = *rule.value;
    fields[name] = std::move(field);
  }
  json::array rules;
  for (const ConditionalRule& rule : definition.rules) {
    rules.push_back(
        json::object{{"when", json::object{{"field", rule.field}, {"equals", rule.equals}}},
                     {"set", Pairs(rule.set)},
                     {"addGroups", Strings(rule.add_groups)},
                     {"addLicenses", Licenses(rule.add_licenses)}});
  }
  return json::object{{"name", definition.name},
                      {"version", definition.version},
                      {"description", definition.description},
                      {"naming", std::move(naming)},
                      {"domain", definition.domain},
                      {"password", std::move(password)},
                      {"licenses", Licenses(definition.licenses)},
                      {"groups", Strings(definition.groups)},
                      {"mfa", std::move(mfa)},
                      {"fields", std::move(fields)},
                      {"rules", std::move(rules)}};
}

void Pretty(std::string& out, const json::value& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  const std::string close_pad(static_cast<std::size_t>(indent), ' ');
  if (const json::object* object = value.if_object(); object && !object->empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& member : *object) {
      if (!first) out += ",\n";
      first = false;
      out += pad + json::serialize(json::value(member.key())) + ": ";
      Pretty(out, member.value(), indent + 2);
    }
    out += "\n" + close_pad + "}";
  } else if (const json::array* array = value.if_array(); array && !array->empty()) {
    out += "[\n";
    bool first = true;
    for (const json::value& item : *array) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      Pretty(out, item, indent + 2);
    }
    out += "\n" + close_pad + "]";
  } else {
    out += json::serialize(value);
  }
}

// --- Reading ---

Error JsonError(const std::string& path, std::string_view what) {
  return InvalidTemplate(fmt::format("template JSON: {}: {}", path, what), path);
}

// Reads the members of one object, refusing those it does not know.
class ObjectReader {
 public:
  ObjectReader(const json::object& object, std::string path)
      : object_(object), path_(std::move(path)) {}

  std::string PathOf(std::string_view key) const { return fmt::format("{}.{}", path_, key); }

  // The member, or null when absent (or JSON null).
  const json::value* Get(std::string_view key) {
    known_.emplace_back(key);
    const json::value* value = object_.if_contains(key);
    return value && !value->is_null() ? value : nullptr;
  }

  Status String(std::string_view key, std::string& out) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (!value->is_string()) return Fail(JsonError(PathOf(key), "expected a string"));
    out = std::string(value->get_string());
    return Ok();
  }

  Status OptionalString(std::string_view key, std::optional<std::string>& out) {
    if (Get(key) == nullptr) return Ok();
    std::string text;
    RETURN_IF_ERROR(String(key, text));
    out = std::move(text);
    return Ok();
  }

  Status Bool(std::string_view key, bool& out) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (!value->is_bool()) return Fail(JsonError(PathOf(key), "expected true or false"));
    out = value->get_bool();
    return Ok();
  }

  Status Size(std::string_view key, std::size_t& out) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (value->is_int64() && value->get_int64() >= 0) {
      out = static_cast<std::size_t>(value->get_int64());
    } else if (value->is_uint64()) {
      out = static_cast<std::size_t>(value->get_uint64());
    } else {
      return Fail(JsonError(PathOf(key), "expected a whole number"));
    }
    return Ok();
  }

  Status Strings(std::string_view key, std::vector<std::string>& out) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (!value->is_array()) return Fail(JsonError(PathOf(key), "expected an array of strings"));
    out.clear();
    for (std::size_t i = 0; i < value->get_array().size(); ++i) {
      const json::value& item = value->get_array()[i];
      if (!item.is_string()) {
        return Fail(JsonError(fmt::format("{}[{}]", PathOf(key), i), "expected a string"));
      }
      out.emplace_back(item.get_string());
    }
    return Ok();
  }

  // Calls `read` with a reader for the member object, when present.
  Status Object(std::string_view key, const std::function<Status(ObjectReader&)>& read) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (!value->is_object()) return Fail(JsonError(PathOf(key), "expected an object"));
    ObjectReader reader(value->get_object(), PathOf(key));
    RETURN_IF_ERROR(read(reader));
    return reader.Finish();
  }

  // Calls `read` for each element of the member array, each an object.
  Status Objects(std::string_view key, const std::function<Status(ObjectReader&)>& read) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (!value->is_array()) return Fail(JsonError(PathOf(key), "expected an array of objects"));
    for (std::size_t i = 0; i < value->get_array().size(); ++i) {
      const json::value& item = value->get_array()[i];
      const std::string path = fmt::format("{}[{}]", PathOf(key), i);
      if (!item.is_object()) return Fail(JsonError(path, "expected an object"));
      ObjectReader reader(item.get_object(), path);
      RETURN_IF_ERROR(read(reader));
      RETURN_IF_ERROR(reader.Finish());
    }
    return Ok();
  }

  // Every member of the member object, each a string: name -> value.
  Status StringMap(std::string_view key, std::vector<std::pair<std::string, std::string>>& out) {
    const json::value* value = Get(key);
    if (value == nullptr) return Ok();
    if (!value->is_object()) return Fail(JsonError(PathOf(key), "expected an object"));
    for (const auto& member : value->get_object()) {
      if (!member.value().is_string()) {
        return Fail(JsonError(fmt::format("{}.{}", PathOf(key), std::string(member.key())),
                              "expected a string"));
      }
      out.emplace_back(std::string(member.key()), std::string(member.value().get_string()));
    }
    return Ok();
  }

  const json::object& object() const { return object_; }
  const std::string& path() const { return path_; }

  // Refuses the members no reader asked for.
  Status Finish() const {
    for (const auto& member : object_) {
      if (std::ranges::find(known_, std::string_view(member.key())) == known_.end()) {
        return Fail(JsonError(PathOf(member.key()), "unknown member"));
      }
    }
    return Ok();
  }

 private:
  const json::object& object_;
  std::string path_;
  std::vector<std::string_view> known_;
};

Status ReadLicense(ObjectReader& reader, std::vector<TemplateLicense>& out) {
  TemplateLicense license;
  RETURN_IF_ERROR(reader.String("sku", license.sku));
  if (license.sku.empty()) return Fail(JsonError(reader.PathOf("sku"), "expected a SKU"));
  RETURN_IF_ERROR(reader.Strings("disabledPlans", license.disabled_plans));
  out.push_back(std::move(license));
  return Ok();
}

Status ReadPassword(ObjectReader& reader, TemplatePassword& password) {
  RETURN_IF_ERROR(reader.Bool("generate", password.generate));
  RETURN_IF_ERROR(reader.Size("length", password.length));
  std::vector<std::string> classes;
  if (reader.Get("classes") != nullptr) {
    RETURN_IF_ERROR(reader.Strings("classes", classes));
    password.classes.clear();
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const std::optional<CharacterClass> parsed = ParseCharacterClass(classes[i]);
      if (!parsed) {
        return Fail(JsonError(fmt::format("{}[{}]", reader.PathOf("classes"), i),
                              "expected one of \"lower\", \"upper\", \"digit\", \"symbol\""));
      }
      password.classes.push_back(*parsed);
    }
  }
  return reader.Bool("forceChangePasswordNextSignIn", password.force_change_next_sign_in);
}

Status ReadMfa(ObjectReader& reader, Template& definition) {
  std::optional<std::string> state;
  RETURN_IF_ERROR(reader.OptionalString("state", state));
  if (state) {
    definition.mfa_state = ParseMfaState(*state);
    if (!definition.mfa_state) {
      return Fail(JsonError(reader.PathOf("state"),
                            "expected one of \"disabled\", \"enabled\", \"enforced\""));
    }
  }
  return reader.OptionalString("defaultMethod", definition.default_method);
}

Status ReadFields(const ObjectReader& parent, const json::value& value, Template& definition) {
  const std::string path = parent.PathOf("fields");
  if (!value.is_object()) return Fail(JsonError(path, "expected an object"));
  for (const auto& member : value.get_object()) {
    const std::string name(member.key());
    const std::string field_path = fmt::format("{}.{}", path, name);
    if (!member.value().is_object()) {
      return Fail(JsonError(field_path, "expected an object with \"rule\" and \"value\""));
    }
    ObjectReader reader(member.value().get_object(), field_path);
    FieldRule rule;
    std::string mode = "editable";
    RETURN_IF_ERROR(reader.String("rule", mode));
    const std::optional<FieldMode> parsed = ParseFieldMode(mode);
    if (!parsed) {
      return Fail(JsonError(reader.PathOf("rule"),
                            "expected one of \"editable\", \"mandatory\", \"readOnly\", "
                            "\"hidden\""));
    }
    rule.mode = *parsed;
    RETURN_IF_ERROR(reader.OptionalString("value", rule.value));
    RETURN_IF_ERROR(reader.Finish());
    definition.fields.emplace_back(name, std::move(rule));
  }
  return Ok();
}

Status ReadRule(ObjectReader& reader, std::vector<ConditionalRule>& out) {
  ConditionalRule rule;
  if (reader.Get("when") == nullptr) {
    return Fail(JsonError(reader.PathOf("when"), "expected {\"field\": ..., \"equals\": ...}"));
  }
  RETURN_IF_ERROR(reader.Object("when", [&](ObjectReader& when) -> Status {
    RETURN_IF_ERROR(when.String("field", rule.field));
    RETURN_IF_ERROR(when.String("equals", rule.equals));
    if (rule.field.empty()) return Fail(JsonError(when.PathOf("field"), "expected a field name"));
    return Ok();
  }));
  RETURN_IF_ERROR(reader.StringMap("set", rule.set));
  RETURN_IF_ERROR(reader.Strings("addGroups", rule.add_groups));
  RETURN_IF_ERROR(reader.Objects("addLicenses", [&](ObjectReader& license) {
    return ReadLicense(license, rule.add_licenses);
  }));
  out.push_back(std::move(rule));
  return Ok();
}

}  // namespace

std::string TemplateToJson(const Template& definition) {
  std::string out;
  Pretty(out, ToJson(definition), 0);
  out += "\n";
  return out;
}

Result<Template> TemplateFromJson(std::string_view text) {
  boost::system::error_code error;
  const json::value document = json::parse(text, error);
  if (error) {
    return Fail(
        InvalidTemplate(fmt::format("template JSON: not valid JSON: {}", error.message()), "$"));
  }
  if (!document.is_object()) return Fail(JsonError("$", "expected an object"));
  ObjectReader reader(document.get_object(), "$");
  Template definition;
  RETURN_IF_ERROR(reader.String("name", definition.name));
  if (definition.name.empty()) return Fail(JsonError("$.name", "expected the template's name"));
  reader.Get("version");  // the store's, not the author's
  RETURN_IF_ERROR(reader.String("description", definition.description));
  RETURN_IF_ERROR(reader.Object("naming", [&](ObjectReader& naming) -> Status {
    RETURN_IF_ERROR(naming.String("userPrincipalName", definition.naming.user_principal_name));
    RETURN_IF_ERROR(naming.String("mailNickname", definition.naming.mail_nickname));
    RETURN_IF_ERROR(naming.String("displayName", definition.naming.display_name));
    return naming.Bool("lowerCase", definition.naming.lower_case);
  }));
  RETURN_IF_ERROR(reader.String("domain", definition.domain));
  RETURN_IF_ERROR(reader.Object("password", [&](ObjectReader& password) {
    return ReadPassword(password, definition.password);
  }));
  RETURN_IF_ERROR(reader.Objects("licenses", [&](ObjectReader& license) {
    return ReadLicense(license, definition.licenses);
  }));
  RETURN_IF_ERROR(reader.Strings("groups", definition.groups));
  RETURN_IF_ERROR(
      reader.Object("mfa", [&](ObjectReader& mfa) { return ReadMfa(mfa, definition); }));
  if (const json::value* fields = reader.Get("fields")) {
    RETURN_IF_ERROR(ReadFields(reader, *fields, definition));
  }
  RETURN_IF_ERROR(reader.Objects(
      "rules", [&](ObjectReader& rule) { return ReadRule(rule, definition.rules); }));
  RETURN_IF_ERROR(reader.Finish());
  return definition;
}

}  // namespace admin365::manage
