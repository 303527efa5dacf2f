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
  if (name.empty() || name.size() > 64 || AsciiIEquals(name, kEmbeddedTenant)) return false;
  return std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_';
  });
}

Result<ConnectionStore::Document> ConnectionStore::Read() const {
  Document document;
  std::error_code missing;
  if (!std::filesystem::exists(path_, missing)) return document;
  std::ifstream in(path_);
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code error;
  const json::value parsed = json::parse(text.str(), error);
  const json::value* list =
      !error && parsed.is_object() ? parsed.get_object().if_contains("connections") : nullptr;
  if (!in || list == nullptr || !list->is_array()) {
    return Fail(Error::Internal(fmt::format("{} is damaged: it is not the JSON admin365 wrote",
                                            path_.string())));
  }
  for (const json::value& each : list->get_array()) {
    if (each.is_object()) document.connections.push_back(FromJson(each.get_object()));
  }
  std::ranges::sort(document.connections, {}, &TenantConnection::name);
  document.current = Text(parsed.get_object(), "current");
  return document;
}

Result<std::vector<TenantConnection>> ConnectionStore::List() const {
  ASSIGN_OR_RETURN(Document document, Read());
  return std::move(document.connections);
}

Result<std::string> ConnectionStore::Current() const {
  ASSIGN_OR_RETURN(Document document, Read());
  return std::move(document.current);
}

Status ConnectionStore::Use(std::string_view name) {
  ASSIGN_OR_RETURN(Document document, Read());
  if (AsciiIEquals(name, kEmbeddedTenant)) {
    document.current.clear();
  } else {
    ASSIGN_OR_RETURN(const TenantConnection found, Get(name));
    document.current = found.name;
  }
  return Write(document);
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
  ASSIGN_OR_RETURN(Document document, Read());
  std::erase_if(document.connections, [&](const TenantConnection& each) {
    return AsciiIEquals(each.name, connection.name);
  });
  document.connections.push_back(connection);
  return Write(document);
}

Status ConnectionStore::Remove(std::string_view name) {
  ASSIGN_OR_RETURN(const TenantConnection found, Get(name));
  ASSIGN_OR_RETURN(Document document, Read());
  std::erase_if(document.connections,
                [&](const TenantConnection& each) { return each.name == found.name; });
  if (document.current == found.name) document.current.clear();
  return Write(document);
}

Status ConnectionStore::Write(const Document& document) {
  json::array list;
  for (const TenantConnection& connection : document.connections) {
    list.push_back(ToJson(connection));
  }
  json::object out{{"connections", std::move(list)}};
  if (!document.current.empty()) out["current"] = document.current;
  return ReplacePrivateFile(path_, json::serialize(out));
}

}  // namespace admin365::graph
