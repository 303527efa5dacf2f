#include "server/graph/object_json.h"

#include <boost/json.hpp>
#include <utility>

namespace admin365::server {
namespace {

namespace json = boost::json;

json::value OptionalString(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return json::string(*text);
}

json::array Strings(const std::vector<std::string>& items) {
  return json::array(items.begin(), items.end());
}

}  // namespace

json::object CollectionJson(std::string context, json::array value) {
  json::object object;
  object["@odata.context"] = std::move(context);
  object["value"] = std::move(value);
  return object;
}

json::object EntityJson(std::string context, json::object entity) {
  json::object object;
  object.reserve(entity.size() + 1);
  object["@odata.context"] = std::move(context);
  for (auto& member : entity) object.emplace(member.key(), std::move(member.value()));
  return object;
}

json::object GroupObjectJson(const Group& group) {
  json::object object{{"@odata.type", "#microsoft.graph.group"}};
  for (auto& member : GroupJson(group)) object.emplace(member.key(), std::move(member.value()));
  return object;
}

json::object GroupJson(const Group& group) {
  json::array licences;
  for (const AssignedLicense& licence : group.assigned_licenses) {
    licences.push_back(json::object{{"disabledPlans", Strings(licence.disabled_plans)},
                                    {"skuId", licence.sku_id}});
  }
  return json::object{
      {"id", group.id},
      {"createdDateTime", group.created_date_time == 0
                              ? json::value(nullptr)
                              : json::value(FormatIso8601(group.created_date_time))},
      {"description", OptionalString(group.description)},
      {"displayName", group.display_name},
      {"groupTypes", Strings(group.group_types)},
      {"mail", OptionalString(group.mail)},
      {"mailEnabled", group.mail_enabled},
      {"mailNickname", group.mail_nickname},
      {"proxyAddresses", Strings(group.proxy_addresses)},
      {"securityEnabled", group.security_enabled},
      {"visibility", OptionalString(group.visibility)},
      {"assignedLicenses", std::move(licences)},
  };
}

json::object DirectoryObjectJson(const DirectoryObjectRef& object) {
  json::object out;
  out["@odata.type"] = "#microsoft.graph." + object.object_type;
  out["id"] = object.id;
  out["displayName"] = object.display_name;
  if (object.object_type == "user") out["userPrincipalName"] = object.user_principal_name;
  return out;
}

json::array DirectoryObjectsJson(const std::vector<DirectoryObjectRef>& objects) {
  json::array array;
  array.reserve(objects.size());
  for (const DirectoryObjectRef& object : objects) array.push_back(DirectoryObjectJson(object));
  return array;
}

}  // namespace admin365::server
