#include "server/graph/user_json.h"

#include <boost/json.hpp>
#include <utility>
#include <variant>

#include "common/ascii.h"
#include "server/graph/api_errors.h"

namespace admin365::server {
namespace {

namespace json = boost::json;

json::value ToJson(PropertyValue value, const json::storage_ptr& storage) {
  if (auto* text = std::get_if<std::string>(&value)) return json::string(*text, storage);
  if (const auto* flag = std::get_if<bool>(&value)) return json::value(*flag, storage);
  if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
    json::array array(storage);
    array.reserve(items->size());
    for (const std::string& item : *items) array.emplace_back(item);
    return array;
  }
  return json::value(nullptr, storage);
}

json::array StringArray(const std::vector<std::string>& items, const json::storage_ptr& storage) {
  json::array array(storage);
  for (const std::string& item : items) array.emplace_back(item);
  return array;
}

json::value DateTimeOrNull(UnixSeconds time, const json::storage_ptr& storage) {
  if (time == 0) return json::value(nullptr, storage);
  return json::string(FormatIso8601(time), storage);
}

json::array AssignedLicenses(const User& user, const json::storage_ptr& storage) {
  json::array array(storage);
  for (const AssignedLicense& licence : user.assigned_licenses) {
    json::object entry(storage);
    entry["disabledPlans"] = StringArray(licence.disabled_plans, storage);
    entry["skuId"] = licence.sku_id;
    array.push_back(std::move(entry));
  }
  return array;
}

json::array AssignedPlans(const User& user, const json::storage_ptr& storage) {
  json::array array(storage);
  for (const AssignedPlan& plan : user.assigned_plans) {
    json::object entry(storage);
    entry["assignedDateTime"] = DateTimeOrNull(plan.assigned_date_time, storage);
    entry["capabilityStatus"] = plan.capability_status;
    entry["service"] = plan.service;
    entry["servicePlanId"] = plan.service_plan_id;
    array.push_back(std::move(entry));
  }
  return array;
}

json::array AssignmentStates(const User& user, const json::storage_ptr& storage) {
  json::array array(storage);
  for (const LicenseAssignmentState& state : user.license_assignment_states) {
    json::object entry(storage);
    entry["assignedByGroup"] = state.assigned_by_group.empty()
                                   ? json::value(nullptr)
                                   : json::value(state.assigned_by_group);
    entry["disabledPlans"] = StringArray(state.disabled_plans, storage);
    entry["error"] = state.error;
    entry["lastUpdatedDateTime"] = DateTimeOrNull(state.last_updated_date_time, storage);
    entry["skuId"] = state.sku_id;
    entry["state"] = state.state;
    array.push_back(std::move(entry));
  }
  return array;
}

}  // namespace

UserSelection UserSelection::Default() {
  UserSelection selection;
  for (const UserProperty& property : AllUserProperties()) {
    if (property.in_default_select && property.name != "id") {
      selection.fields_.push_back({.property = &property});
    }
  }
  selection.fields_.push_back({.property = FindUserProperty("id")});
  return selection;
}

UserSelection UserSelection::DefaultDeleted() {
  UserSelection selection = Default();
  selection.fields_.push_back({.property = FindUserProperty("deletedDateTime")});
  return selection;
}

Result<UserSelection> UserSelection::Parse(std::string_view select) {
  UserSelection selection;
  std::string names;
  for (;;) {
    const std::size_t comma = select.find(',');
    std::string_view name = select.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "*") {
      for (const UserProperty& property : AllUserProperties()) {
        selection.fields_.push_back({.property = &property});
      }
      for (Computed computed :
           {Computed::kAssignedLicenses, Computed::kAssignedPlans, Computed::kAssignmentStates}) {
        selection.fields_.push_back({.computed = computed});
      }
    } else if (const UserProperty* property = FindUserProperty(name)) {
      selection.fields_.push_back({.property = property});
      name = property->name;
    } else if (AsciiIEquals(name, "assignedLicenses")) {
      selection.fields_.push_back({.computed = Computed::kAssignedLicenses});
      name = "assignedLicenses";
    } else if (AsciiIEquals(name, "assignedPlans")) {
      selection.fields_.push_back({.computed = Computed::kAssignedPlans});
      name = "assignedPlans";
    } else if (AsciiIEquals(name, "licenseAssignmentStates")) {
      selection.fields_.push_back({.computed = Computed::kAssignmentStates});
      name = "licenseAssignmentStates";
    } else if (AsciiIEquals(name, "passwordProfile")) {
      selection.fields_.push_back({.computed = Computed::kPasswordProfile});
      name = "passwordProfile";
    } else if (!name.empty()) {
      return Fail(UnknownSelectProperty(name, "microsoft.graph.user"));
    }
    if (!name.empty()) {
      if (!names.empty()) names += ',';
      names += name;
    }
    if (comma == std::string_view::npos) break;
    select.remove_prefix(comma + 1);
  }
  if (selection.fields_.empty()) return Default();
  selection.context_suffix_ = "(" + names + ")";
  return selection;
}

void UserSelection::Render(const User& user, json::object& out) const {
  const json::storage_ptr& storage = out.storage();
  out.reserve(out.size() + fields_.size());
  for (const Field& field : fields_) {
    switch (field.computed) {
      case Computed::kNone:
        out.emplace(field.property->name, ToJson(GetUserProperty(user, *field.property), storage));
        break;
      case Computed::kAssignedLicenses:
        out.emplace("assignedLicenses", AssignedLicenses(user, storage));
        break;
      case Computed::kAssignedPlans:
        out.emplace("assignedPlans", AssignedPlans(user, storage));
        break;
      case Computed::kAssignmentStates:
        out.emplace("licenseAssignmentStates", AssignmentStates(user, storage));
        break;
      case Computed::kPasswordProfile:
        out.emplace("passwordProfile", nullptr);
        break;
    }
  }
}

Result<UserSelection> SelectionOr(const std::optional<std::string>& select,
                                  const UserSelection& fallback) {
  if (!select) return fallback;
  return UserSelection::Parse(*select);
}

}  // namespace admin365::server
