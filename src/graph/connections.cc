#include "graph/connections.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "common/ascii.h"
#include "common/private_file.h"

namespace admin365::graph {

namespace json = boost::json;

namespace {

std::string Text(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

json::object ToJson(const TenantConnection& connection) {
  json::array granted;
  for (const std::string& permission : connection.granted) granted.emplace_back(permission);
  return json::object{{"name", connection.name},
                      {"tenant", connection.tenant},
                      {"tenantId", connection.tenant_id},
                      {"clientId", connection.client_id},
                      {"clientSecret", connection.client_secret},
                      {"cloud", connection.cloud},
                      {"authorityHost", connection.authority_host},
                      {"graphEndpoint", connection.graph_endpoint},
                      {"caFile", connection.ca_file},
                      {"granted", std::move(granted)},
                      {"connectedAt", connection.connected_at}};
}

TenantConnection FromJson(const json::object& object) {
  TenantConnection connection{.name = Text(object, "name"),
                              .tenant = Text(object, "tenant"),
                              .tenant_id = Text(object, "tenantId"),
                              .client_id = Text(object, "clientId"),
                              .client_secret = Text(object, "clientSecret"),
                              .cloud = Text(object, "cloud"),
                              .authority_host = Text(object, "authorityHost"),
                              .graph_endpoint = Text(object, "graphEndpoint"),
                              .ca_file = Text(object, "caFile")};
  if (const json::value* granted = object.if_contains("granted"); granted && granted->is_array()) {
    for (const json::value& permission : granted->get_array()) {
      if (permission.is_string()) connection.granted.emplace_back(permission.get_string());
    }
  }
  if (const json::value* at = object.if_contains("connectedAt"); at && at->is_int64()) {
    connection.connected_at = at->get_int64();
  }
  return connection;
}

}  // namespace

bool IsValidConnectionName(std::string_view name) {
  if (name.empty() || name.size() > 64 || AsciiIEquals(name, "embedded")) return false;
  return std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_';
  });
}

Result<std::vector<TenantConnection>> ConnectionStore::List() const {
  std::vector<TenantConnection> connections;
  std::error_code missing;
  if (!std::filesystem::exists(path_, missing)) return connections;
  std::ifstream in(path_);
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code error;
  const json::value document = json::parse(text.str(), error);
  const json::value* list =
      !error && document.is_object() ? document.get_object().if_contains("connections") : nullptr;
  if (!in || list == nullptr || !list->is_array()) {
    return Fail(Error::Internal(fmt::format("{} is damaged: it is not the JSON admin365 wrote",
                                            path_.string())));
  }
  for (const json::value& each : list->get_array()) {
    if (each.is_object()) connections.push_back(FromJson(each.get_object()));
  }
  std::ranges::sort(connections, {}, &TenantConnection::name);
  return connections;
}

Result<TenantConnection> ConnectionStore::Get(std::string_view name) const {
  ASSIGN_OR_RETURN(const std::vector<TenantConnection> connections, List());
  std::vector<std::string> names;
  for (const TenantConnection& connection : connections) {
    if (AsciiIEquals(connection.name, name)) return connection;
    names.push_back(connection.name);
  }
  return Fail(Error{
      .kind = ErrorKind::kNotFound,
      .http_status = 404,
      .code = "Tenant_ConnectionNotFound",
      .message = names.empty()
                     ? fmt::format("No tenant is connected as '{}'; there is no connection yet.",
                                   name)
                     : fmt::format("No tenant is connected as '{}'; the connections are: {}.",
                                   name, fmt::join(names, ", "))});
}

Status ConnectionStore::Save(const TenantConnection& connection) {
  ASSIGN_OR_RETURN(std::vector<TenantConnection> connections, List());
  std::erase_if(connections, [&](const TenantConnection& each) {
    return AsciiIEquals(each.name, connection.name);
  });
  connections.push_back(connection);
  return Write(connections);
}

Status ConnectionStore::Remove(std::string_view name) {
  ASSIGN_OR_RETURN(const TenantConnection found, Get(name));
  ASSIGN_OR_RETURN(std::vector<TenantConnection> connections, List());
  std::erase_if(connections,
                [&](const TenantConnection& each) { return each.name == found.name; });
  return Write(connections);
}

Status ConnectionStore::Write(const std::vector<TenantConnection>& connections) {
  json::array list;
  for (const TenantConnection& connection : connections) list.push_back(ToJson(connection));
  return ReplacePrivateFile(path_, json::serialize(json::object{{"connections", std::move(list)}}));
}

}  // namespace admin365::graph
