// Undo records: each committed write of a bulk job carries, as JSON, the write that
// reverts it (an "op" and its arguments); UndoStep makes that write.

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/user_properties.h"
#include "manage/bulk_row_work.h"
#include "manage/bulk_values.h"

namespace admin365::manage {

namespace json = boost::json;

namespace {

json::value ToJson(const PropertyValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return json::string(*text);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
    json::array array;
    for (const std::string& item : *items) array.emplace_back(item);
    return array;
  }
  return nullptr;
}

PropertyValue FromJson(const json::value& value) {
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_bool()) return value.as_bool();
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const json::value& item : value.as_array()) items.emplace_back(item.as_string());
    return items;
  }
  return std::monostate{};
}

std::vector<std::string> Strings(const json::value& value) {
  std::vector<std::string> items;
  for (const json::value& item : value.as_array()) items.emplace_back(item.as_string());
  return items;
}

json::array StringArray(const std::vector<std::string>& items) {
  json::array array;
  for (const std::string& item : items) array.emplace_back(item);
  return array;
}

std::string Record(json::object object) { return json::serialize(object); }

Error NotReversible() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 400,
               .code = "NotReversible",
               .message = "This change cannot be undone (a password, a hard delete or a session "
                          "revocation)."};
}

}  // namespace

namespace rows {

std::string UndoPatch(const User& user, const PropertyMap& patch) {
  json::object set;
  for (const auto& [name, value] : patch) {
    const UserProperty* property = FindUserProperty(name);
    set[std::string(property->name)] = ToJson(GetUserProperty(user, *property));
  }
  return Record({{"op", "patch"}, {"user", user.id}, {"set", std::move(set)}});
}

std::string UndoDelete(std::string_view user) {
  return Record({{"op", "delete"}, {"user", user}});
}

std::string DeletedUserOf(const std::string& record) {
  boost::system::error_code error;
  const json::value value = json::parse(record, error);
  if (error || !value.is_object() || !value.as_object().contains("user")) return "";
  return std::string(value.at("user").as_string());
}

std::string UndoRestore(std::string_view user_id) {
  return Record({{"op", "restore"}, {"user", user_id}});
}

std::string UndoManager(std::string_view user_id, const std::optional<std::string>& manager_id) {
  json::object record{{"op", "manager"}, {"user", user_id}};
  record["manager"] = manager_id ? json::value(*manager_id) : json::value(nullptr);
  return Record(std::move(record));
}

std::string UndoLicenses(const User& user, const std::vector<std::string>& touched_sku_ids) {
  json::array previous;
  for (const AssignedLicense& license : user.assigned_licenses) {
    previous.push_back(json::object{{"skuId", license.sku_id},
                                    {"disabledPlans", StringArray(license.disabled_plans)}});
  }
  return Record({{"op", "licenses"},
                 {"user", user.id},
                 {"previous", std::move(previous)},
                 {"touched", StringArray(touched_sku_ids)}});
}

std::string UndoMembership(std::string_view op, std::string_view user_id,
                           std::string_view group_id) {
  return Record({{"op", op}, {"user", user_id}, {"group", group_id}});
}

std::string UndoMfaState(std::string_view user_id, PerUserMfaState state) {
  return Record({{"op", "mfa-state"}, {"user", user_id}, {"state", MfaStateName(state)}});
}

std::string UndoAllowedMethods(std::string_view user_id, const std::vector<std::string>& methods) {
  return Record({{"op", "allowed-methods"}, {"user", user_id}, {"methods", StringArray(methods)}});
}

std::string UndoSignInPreferences(std::string_view user_id, const SignInPreferences& preferences) {
  json::object record{{"op", "sign-in-preferences"},
                      {"user", user_id},
                      {"systemPreferred",
                       preferences.is_system_preferred_authentication_method_enabled}};
  const auto& method = preferences.user_preferred_method_for_secondary_authentication;
  record["method"] = method ? json::value(*method) : json::value(nullptr);
  return Record(std::move(record));
}

std::string UndoPhone(std::string_view user_id, std::string_view type, std::string_view number) {
  return Record({{"op", "phone"}, {"user", user_id}, {"type", type}, {"number", number}});
}

std::string UndoEmail(std::string_view user_id, std::string_view address) {
  return Record({{"op", "email"}, {"user", user_id}, {"address", address}});
}

}  // namespace rows

Result<std::string> UndoStep(const JobStep& step, Directory& directory, const Actor& actor) {
  if (step.before.empty()) return Fail(NotReversible());
  json::object record;
  try {
    record = json::parse(step.before).as_object();
  } catch (const std::exception& e) {
    return Fail(Error::Internal(fmt::format("bulk job {} row {} step {}: bad undo record: {}",
                                            step.job_id, step.row, step.step, e.what())));
  }
  const std::string op(record.at("op").as_string());
  const std::string user(record.at("user").as_string());
  if (op == "patch") {
    PropertyMap patch;
    for (const auto& [name, value] : record.at("set").as_object()) {
      patch[std::string(name)] = FromJson(value);
    }
    RETURN_IF_ERROR(directory.UpdateUser(actor, user, patch));
    std::string names;
    for (const auto& [name, value] : patch) names += (names.empty() ? "" : ", ") + name;
    return fmt::format("restored {}", names);
  }
  if (op == "delete") {
    RETURN_IF_ERROR(directory.DeleteUser(actor, user));
    return std::string("moved to the recycle bin");
  }
  if (op == "restore") {
    RETURN_IF_ERROR(directory.RestoreUser(actor, user, RestoreOptions{}));
    return std::string("restored from the recycle bin");
  }
  if (op == "manager") {
    const json::value& manager = record.at("manager");
    if (manager.is_null()) {
      RETURN_IF_ERROR(directory.RemoveManager(actor, user));
      return std::string("manager removed");
    }
    RETURN_IF_ERROR(directory.SetManager(actor, user, manager.as_string()));
    return std::string("manager restored");
  }
  if (op == "licenses") {
    const std::vector<std::string> touched = Strings(record.at("touched"));
    LicenseChange change;
    std::vector<std::string> restored;
    for (const json::value& item : record.at("previous").as_array()) {
      const std::string sku(item.at("skuId").as_string());
      if (std::find(touched.begin(), touched.end(), sku) == touched.end()) continue;
      change.add_licenses.push_back(
          AssignedLicense{.sku_id = sku, .disabled_plans = Strings(item.at("disabledPlans"))});
      restored.push_back(sku);
    }
    for (const std::string& sku : touched) {
      if (std::find(restored.begin(), restored.end(), sku) == restored.end()) {
        change.remove_licenses.push_back(sku);
      }
    }
    RETURN_IF_ERROR(directory.AssignLicense(actor, user, change));
    return std::string("licences restored");
  }
  if (op == "group-add" || op == "group-remove") {
    const std::string group(record.at("group").as_string());
    RETURN_IF_ERROR(op == "group-add" ? directory.AddGroupMember(actor, group, user)
                                      : directory.RemoveGroupMember(actor, group, user));
    return op == "group-add" ? std::string("membership restored")
                             : std::string("membership removed");
  }
  if (op == "mfa-state") {
    ASSIGN_OR_RETURN(const PerUserMfaState state,
                     ParseMfaCell("mfaState", record.at("state").as_string()));
    RETURN_IF_ERROR(directory.SetPerUserMfaState(actor, user, state));
    return std::string("MFA state restored");
  }
  if (op == "allowed-methods") {
    RETURN_IF_ERROR(directory.SetAllowedMethods(actor, user, Strings(record.at("methods"))));
    return std::string("allowed methods restored");
  }
  if (op == "sign-in-preferences") {
    SignInPreferences preferences{.is_system_preferred_authentication_method_enabled =
                                      record.at("systemPreferred").as_bool()};
    if (const json::value& method = record.at("method"); !method.is_null()) {
      preferences.user_preferred_method_for_secondary_authentication = std::string(method.as_string());
    }
    RETURN_IF_ERROR(directory.SetSignInPreferences(actor, user, preferences));
    return std::string("default method restored");
  }
  if (op == "phone") {
    const std::string type(record.at("type").as_string());
    const std::string number(record.at("number").as_string());
    if (number.empty()) {
      RETURN_IF_ERROR(directory.RemovePhoneMethod(actor, user, type));
    } else {
      RETURN_IF_ERROR(directory.SetPhoneMethod(
          actor, user, PhoneMethod{.phone_number = number, .phone_type = type}));
    }
    return fmt::format("{} phone restored", type);
  }
  if (op == "email") {
    RETURN_IF_ERROR(directory.SetEmailMethod(actor, user, record.at("address").as_string()));
    return std::string("authentication email restored");
  }
  return Fail(Error::Internal(fmt::format("unknown undo record op '{}'", op)));
}

}  // namespace admin365::manage
