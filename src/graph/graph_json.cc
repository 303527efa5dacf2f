#include "graph/graph_json.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "common/ascii.h"
#include "domain/user_properties.h"

namespace admin365::graph {

namespace json = boost::json;

namespace {

std::string String(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::optional<std::string> OptionalString(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

bool Bool(const json::object& object, std::string_view name, bool fallback) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_bool() ? value->get_bool() : fallback;
}

long long Integer(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_number() ? value->to_number<long long>() : 0;
}

std::vector<std::string> Strings(const json::object& object, std::string_view name) {
  std::vector<std::string> out;
  const json::value* value = object.if_contains(name);
  if (value == nullptr || !value->is_array()) return out;
  for (const json::value& item : value->get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return out;
}

UnixSeconds Time(const json::object& object, std::string_view name) {
  const std::optional<std::string> text = OptionalString(object, name);
  return text ? ParseIso8601(*text).value_or(0) : 0;
}

const json::array* Array(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_array() ? &value->get_array() : nullptr;
}

std::vector<AssignedLicense> AssignedLicenses(const json::object& object) {
  std::vector<AssignedLicense> out;
  if (const json::array* items = Array(object, "assignedLicenses")) {
    for (const json::value& item : *items) {
      if (!item.is_object()) continue;
      out.push_back({.sku_id = AsciiLower(String(item.get_object(), "skuId")),
                     .disabled_plans = Strings(item.get_object(), "disabledPlans")});
    }
  }
  return out;
}

// A JSON value as a PropertyValue: strings, booleans, string collections, null.
std::optional<PropertyValue> ToPropertyValue(const json::value& value) {
  if (value.is_null()) return PropertyValue(std::monostate{});
  if (value.is_string()) return PropertyValue(std::string(value.get_string()));
  if (value.is_bool()) return PropertyValue(value.get_bool());
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const json::value& item : value.get_array()) {
      if (!item.is_string()) return std::nullopt;
      items.emplace_back(item.get_string());
    }
    return PropertyValue(std::move(items));
  }
  return std::nullopt;
}

json::value ToJson(const PropertyValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return json::string(*text);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
    return json::array(items->begin(), items->end());
  }
  return nullptr;
}

Error Malformed(std::string_view resource, std::string_view property) {
  return Error::Internal(
      fmt::format("Microsoft Graph returned a {} whose '{}' is not of the documented type.",
                  resource, property));
}

}  // namespace

const std::string& UserSelectAll() {
  static const std::string select = [] {
    std::string out;
    for (const UserProperty& property : AllUserProperties()) {
      out += property.name;
      out += ',';
    }
    return out + "assignedLicenses,licenseAssignmentStates,assignedPlans";
  }();
  return select;
}

Result<User> ReadUser(const json::object& object) {
  User user;
  for (const auto& [name, value] : object) {
    const UserProperty* property = FindUserProperty(name);
    if (property == nullptr) continue;
    const std::optional<PropertyValue> converted = ToPropertyValue(value);
    if (!converted || !LoadUserProperty(user, *property, *converted)) {
      return Fail(Malformed("user", name));
    }
  }
  user.id = AsciiLower(user.id);
  user.assigned_licenses = AssignedLicenses(object);
  if (const json::array* states = Array(object, "licenseAssignmentStates")) {
    for (const json::value& item : *states) {
      if (!item.is_object()) continue;
      const json::object& state = item.get_object();
      user.license_assignment_states.push_back(
          {.sku_id = AsciiLower(String(state, "skuId")),
           .disabled_plans = Strings(state, "disabledPlans"),
           .assigned_by_group = String(state, "assignedByGroup"),
           .state = String(state, "state"),
           .error = String(state, "error"),
           .last_updated_date_time = Time(state, "lastUpdatedDateTime")});
    }
  }
  if (const json::array* plans = Array(object, "assignedPlans")) {
    for (const json::value& item : *plans) {
      if (!item.is_object()) continue;
      const json::object& plan = item.get_object();
      user.assigned_plans.push_back({.assigned_date_time = Time(plan, "assignedDateTime"),
                                     .capability_status = String(plan, "capabilityStatus"),
                                     .service = String(plan, "service"),
                                     .service_plan_id = AsciiLower(String(plan, "servicePlanId"))});
    }
  }
  return user;
}

Result<Group> ReadGroup(const json::object& object) {
  if (String(object, "id").empty()) return Fail(Malformed("group", "id"));
  return Group{.id = AsciiLower(String(object, "id")),
               .display_name = String(object, "displayName"),
               .mail_nickname = String(object, "mailNickname"),
               .mail_enabled = Bool(object, "mailEnabled", false),
               .security_enabled = Bool(object, "securityEnabled", false),
               .group_types = Strings(object, "groupTypes"),
               .description = OptionalString(object, "description"),
               .visibility = OptionalString(object, "visibility"),
               .mail = OptionalString(object, "mail"),
               .proxy_addresses = Strings(object, "proxyAddresses"),
               .assigned_licenses = AssignedLicenses(object),
               .created_date_time = Time(object, "createdDateTime")};
}

Tenant ReadOrganization(const json::object& object) {
  Tenant tenant{.id = String(object, "id"),
                .display_name = String(object, "displayName"),
                .created_date_time = Time(object, "createdDateTime")};
  if (const json::array* domains = Array(object, "verifiedDomains")) {
    for (const json::value& item : *domains) {
      if (item.is_object() && Bool(item.get_object(), "isInitial", false)) {
        tenant.initial_domain = String(item.get_object(), "name");
      }
    }
  }
  return tenant;
}

std::optional<DirectorySizeQuota> ReadDirectorySizeQuota(const json::object& object) {
  const json::value* quota = object.if_contains("directorySizeQuota");
  if (quota == nullptr || !quota->is_object()) return std::nullopt;
  return DirectorySizeQuota{.used = Integer(quota->get_object(), "used"),
                            .total = Integer(quota->get_object(), "total")};
}

Domain ReadDomain(const json::object& object) {
  return Domain{.id = AsciiLower(String(object, "id")),
                .authentication_type = String(object, "authenticationType"),
                .is_default = Bool(object, "isDefault", false),
                .is_initial = Bool(object, "isInitial", false),
                .is_verified = Bool(object, "isVerified", false)};
}

SubscribedSku ReadSubscribedSku(const json::object& object) {
  SubscribedSku sku{.sku = {.sku_id = AsciiLower(String(object, "skuId")),
                            .sku_part_number = String(object, "skuPartNumber")},
                    .capability_status = String(object, "capabilityStatus"),
                    .consumed_units = Integer(object, "consumedUnits"),
                    .applies_to = String(object, "appliesTo"),
                    .subscription_ids = Strings(object, "subscriptionIds")};
  if (const json::value* units = object.if_contains("prepaidUnits");
      units != nullptr && units->is_object()) {
    sku.enabled_units = Integer(units->get_object(), "enabled");
    sku.warning_units = Integer(units->get_object(), "warning");
    sku.suspended_units = Integer(units->get_object(), "suspended");
  }
  if (const json::array* plans = Array(object, "servicePlans")) {
    for (const json::value& item : *plans) {
      if (!item.is_object()) continue;
      sku.sku.service_plans.push_back(
          {.service_plan_id = AsciiLower(String(item.get_object(), "servicePlanId")),
           .service_plan_name = String(item.get_object(), "servicePlanName")});
    }
  }
  return sku;
}

SignIn ReadSignIn(const json::object& object) {
  SignIn sign_in{.id = String(object, "id"),
                 .created_date_time = Time(object, "createdDateTime"),
                 .user_id = String(object, "userId"),
                 .user_principal_name = String(object, "userPrincipalName"),
                 .user_display_name = String(object, "userDisplayName"),
                 .app_id = String(object, "appId"),
                 .app_display_name = String(object, "appDisplayName"),
                 .ip_address = String(object, "ipAddress"),
                 .correlation_id = String(object, "correlationId")};
  if (const json::value* status = object.if_contains("status"); status && status->is_object()) {
    sign_in.error_code = static_cast<int>(Integer(status->get_object(), "errorCode"));
    sign_in.failure_reason = String(status->get_object(), "failureReason");
  }
  return sign_in;
}

DirectoryObjectRef ReadDirectoryObject(const json::object& object) {
  std::string type = String(object, "@odata.type");
  if (type.starts_with("#microsoft.graph.")) type.erase(0, sizeof("#microsoft.graph.") - 1);
  return DirectoryObjectRef{.id = AsciiLower(String(object, "id")),
                            .object_type = type,
                            .display_name = String(object, "displayName"),
                            .user_principal_name = String(object, "userPrincipalName")};
}

json::object WriteProperties(const PropertyMap& properties) {
  json::object out;
  for (const auto& [name, value] : properties) {
    // Graph's spelling, whatever case the caller used.
    const UserProperty* property = FindUserProperty(name);
    out[property != nullptr ? property->name : std::string_view(name)] = ToJson(value);
  }
  return out;
}

json::object WritePasswordProfile(const PasswordProfile& profile) {
  return json::object{{"password", profile.password},
                      {"forceChangePasswordNextSignIn", profile.force_change_password_next_sign_in},
                      {"forceChangePasswordNextSignInWithMfa",
                       profile.force_change_password_next_sign_in_with_mfa}};
}

json::object WriteNewGroup(const NewGroup& group) {
  json::object out{{"displayName", group.display_name},
                   {"mailNickname", group.mail_nickname},
                   {"mailEnabled", group.mail_enabled},
                   {"securityEnabled", group.security_enabled},
                   {"groupTypes", json::array(group.group_types.begin(), group.group_types.end())}};
  if (group.description) out["description"] = *group.description;
  if (group.visibility) out["visibility"] = *group.visibility;
  return out;
}

json::object WriteLicenseChange(const LicenseChange& change) {
  json::array add;
  for (const AssignedLicense& licence : change.add_licenses) {
    add.push_back(json::object{{"skuId", licence.sku_id},
                               {"disabledPlans", json::array(licence.disabled_plans.begin(),
                                                             licence.disabled_plans.end())}});
  }
  return json::object{{"addLicenses", std::move(add)},
                      {"removeLicenses",
                       json::array(change.remove_licenses.begin(), change.remove_licenses.end())}};
}

}  // namespace admin365::graph
