// Groups and their members (entra-graph-facts.md §3.5).

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/object_json.h"
#include "server/graph/query_options.h"
#include "server/graph/reference_body.h"
#include "server/graph/responses.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

// POST /groups: displayName, mailNickname, description, visibility (strings), mailEnabled,
// securityEnabled (booleans) and groupTypes (strings). A member of another type ->
// InvalidPropertyValue(name, "Group"); another member -> UnknownProperty.
Result<NewGroup> ReadNewGroup(const json::object& body) {
  NewGroup group;
  for (const auto& member : body) {
    const std::string_view key = member.key();
    const json::value& value = member.value();
    const auto invalid = [&] { return Fail(errors::InvalidPropertyValue(key, "Group")); };
    if (AsciiIEquals(key, "displayName")) {
      if (!value.is_string()) return invalid();
      group.display_name = value.get_string();
    } else if (AsciiIEquals(key, "mailNickname")) {
      if (!value.is_string()) return invalid();
      group.mail_nickname = value.get_string();
    } else if (AsciiIEquals(key, "description")) {
      if (value.is_null()) continue;
      if (!value.is_string()) return invalid();
      group.description = std::string(value.get_string());
    } else if (AsciiIEquals(key, "visibility")) {
      if (value.is_null()) continue;
      if (!value.is_string()) return invalid();
      group.visibility = std::string(value.get_string());
    } else if (AsciiIEquals(key, "mailEnabled")) {
      if (!value.is_bool()) return invalid();
      group.mail_enabled = value.get_bool();
    } else if (AsciiIEquals(key, "securityEnabled")) {
      if (!value.is_bool()) return invalid();
      group.security_enabled = value.get_bool();
    } else if (AsciiIEquals(key, "groupTypes")) {
      if (!value.is_array()) return invalid();
      for (const json::value& type : value.get_array()) {
        if (!type.is_string()) return invalid();
        group.group_types.emplace_back(type.get_string());
      }
    } else if (key != "@odata.type") {
      return Fail(errors::UnknownProperty(key));
    }
  }
  return group;
}

}  // namespace

Result<GraphResponse> CreateGroup(GraphCall& call) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body));
  ASSIGN_OR_RETURN(const NewGroup request, ReadNewGroup(body));
  ASSIGN_OR_RETURN(const Group group, call.directory.CreateGroup(call.actor, request));
  return JsonResponse(201, EntityJson(call.Context("groups/$entity"), GroupJson(group)));
}

// $filter as on users (an advanced one needs ConsistencyLevel: eventual and $count=true,
// which also adds @odata.count); the other query options are not served on groups yet and
// are ignored.
Result<GraphResponse> ListGroups(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const bool advanced, IsAdvancedQuery(options, call.EventualConsistency()));
  ASSIGN_OR_RETURN(const std::optional<query::Filter> filter, ListFilter(options, advanced));
  std::vector<Group> groups;
  if (filter) {
    ASSIGN_OR_RETURN(groups, call.directory.FindGroups(*filter));
  } else {
    ASSIGN_OR_RETURN(groups, call.directory.ListGroups());
  }
  json::array value;
  for (const Group& group : groups) value.push_back(GroupJson(group));
  json::object body = CollectionJson(call.Context("groups"), std::move(value));
  if (advanced) body["@odata.count"] = static_cast<std::int64_t>(groups.size());
  return JsonResponse(200, body);
}

Result<GraphResponse> GetGroup(GraphCall& call) {
  ASSIGN_OR_RETURN(const Group group, call.directory.GetGroup(call.params[0]));
  return JsonResponse(200, EntityJson(call.Context("groups/$entity"), GroupJson(group)));
}

Result<GraphResponse> DeleteGroup(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.DeleteGroup(call.actor, call.params[0]));
  return NoContent();
}

Result<GraphResponse> ListGroupMembers(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> members,
                   call.directory.ListGroupMembers(call.params[0]));
  return JsonResponse(
      200, CollectionJson(call.Context("directoryObjects"), DirectoryObjectsJson(members)));
}

Result<GraphResponse> AddGroupMember(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::string member, ReadReferencedId(call.request.body));
  RETURN_IF_ERROR(call.directory.AddGroupMember(call.actor, call.params[0], member));
  return NoContent();
}

Result<GraphResponse> RemoveGroupMember(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.RemoveGroupMember(call.actor, call.params[0], call.params[1]));
  return NoContent();
}

Result<GraphResponse> ListGroupOwners(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> owners,
                   call.directory.ListGroupOwners(call.params[0]));
  return JsonResponse(
      200, CollectionJson(call.Context("directoryObjects"), DirectoryObjectsJson(owners)));
}

Result<GraphResponse> AddGroupOwner(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::string owner, ReadReferencedId(call.request.body));
  RETURN_IF_ERROR(call.directory.AddGroupOwner(call.actor, call.params[0], owner));
  return NoContent();
}

Result<GraphResponse> RemoveGroupOwner(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.RemoveGroupOwner(call.actor, call.params[0], call.params[1]));
  return NoContent();
}

}  // namespace admin365::server::handlers
