// Groups and their members (entra-graph-facts.md §3.5).

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "server/graph/api_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/expand.h"
#include "server/graph/object_json.h"
#include "server/graph/query_options.h"
#include "server/graph/user_json.h"
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
  ASSIGN_OR_RETURN(const GroupExpansion expansion, ParseGroupExpand(options.expand));
  std::vector<Group> groups;
  if (filter) {
    ASSIGN_OR_RETURN(groups, call.directory.FindGroups(*filter));
  } else {
    ASSIGN_OR_RETURN(groups, call.directory.ListGroups());
  }
  json::array value;
  for (const Group& group : groups) {
    json::object object = GroupJson(group);
    RETURN_IF_ERROR(RenderGroupExpansion(call.directory, expansion, group, object));
    value.push_back(std::move(object));
  }
  json::object body = CollectionJson(call.Context("groups"), std::move(value));
  if (advanced) body["@odata.count"] = static_cast<std::int64_t>(groups.size());
  return JsonResponse(200, body);
}

Result<GraphResponse> GetGroup(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const GroupExpansion expansion, ParseGroupExpand(options.expand));
  ASSIGN_OR_RETURN(const Group group, call.directory.GetGroup(call.params[0]));
  json::object object = GroupJson(group);
  RETURN_IF_ERROR(RenderGroupExpansion(call.directory, expansion, group, object));
  return JsonResponse(200, EntityJson(call.Context("groups/$entity"), std::move(object)));
}

// PATCH /groups/{id}: members@odata.bind and owners@odata.bind (arrays of directory
// object URLs), at most 20 links in all, added all or none. Other properties are not
// served yet.
Result<GraphResponse> UpdateGroup(GraphCall& call) {
  constexpr std::size_t kMaxLinkChanges = 20;
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body));
  GroupLinks links;
  for (const auto& member : body) {
    std::vector<std::string>* users = nullptr;
    if (AsciiIEquals(member.key(), "members@odata.bind")) users = &links.members;
    if (AsciiIEquals(member.key(), "owners@odata.bind")) users = &links.owners;
    if (users == nullptr) return Fail(GroupPropertyNotServed(member.key()));
    if (!member.value().is_array()) return Fail(InvalidObjectReference());
    for (const json::value& url : member.value().get_array()) {
      if (!url.is_string()) return Fail(InvalidObjectReference());
      ASSIGN_OR_RETURN(std::string id, ReferencedId(url.get_string()));
      users->push_back(std::move(id));
    }
  }
  if (links.members.size() + links.owners.size() > kMaxLinkChanges) {
    return Fail(TooManyLinkChanges(kMaxLinkChanges));
  }
  RETURN_IF_ERROR(call.directory.AddGroupLinks(call.actor, call.params[0], links));
  return NoContent();
}

Result<GraphResponse> DeleteGroup(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.DeleteGroup(call.actor, call.params[0]));
  return NoContent();
}

namespace {

// The members that match `filter` (a users' $filter), as users: the filter and the member
// ids, one page of users after another.
Result<std::vector<User>> FilterMembers(GraphCall& call,
                                        const std::vector<DirectoryObjectRef>& members,
                                        query::Filter filter) {
  std::vector<User> users;
  if (members.empty()) return users;
  query::InList ids{.property = "id"};
  for (const DirectoryObjectRef& member : members) ids.values.emplace_back(member.id);
  UserListOptions list{.filter = query::Filter{query::And{
                           query::Box<query::Filter>(std::move(filter)),
                           query::Box<query::Filter>(query::Filter{std::move(ids)})}},
                       .page_size = 999};
  for (;;) {
    ASSIGN_OR_RETURN(UserPage page, call.directory.ListUsers(list));
    for (User& user : page.users) users.push_back(std::move(user));
    if (page.next_skip_token.empty()) return users;
    list.skip_token = std::move(page.next_skip_token);
  }
}

// The group's members or owners (`list`), as directory objects; with $select or $filter
// (an advanced query on them, as in Graph), as users with the selected properties; with
// $count=true in an advanced query, counted.
Result<GraphResponse> ListLinkedUsers(
    GraphCall& call,
    Result<std::vector<DirectoryObjectRef>> (Directory::*list)(std::string_view)) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const bool advanced, IsAdvancedQuery(options, call.EventualConsistency()));
  if (options.filter && !advanced) return Fail(UnsupportedQuery());
  ASSIGN_OR_RETURN(const std::optional<query::Filter> filter, ListFilter(options, advanced));
  ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> members,
                   (call.directory.*list)(call.params[0]));
  json::array value;
  if (!options.select && !filter) {
    value = DirectoryObjectsJson(members);
  } else {
    ASSIGN_OR_RETURN(const UserSelection selection,
                     SelectionOr(options.select, UserSelection::Default()));
    std::vector<User> users;
    if (filter) {
      ASSIGN_OR_RETURN(users, FilterMembers(call, members, *filter));
    } else {
      for (const DirectoryObjectRef& member : members) {
        ASSIGN_OR_RETURN(User user, call.directory.GetUser(member.id));
        users.push_back(std::move(user));
      }
    }
    for (const User& user : users) {
      json::object object{{"@odata.type", "#microsoft.graph.user"}};
      selection.Render(user, object);
      value.push_back(std::move(object));
    }
  }
  const std::size_t count = value.size();
  json::object body = CollectionJson(call.Context("directoryObjects"), std::move(value));
  if (advanced) body["@odata.count"] = static_cast<std::int64_t>(count);
  return JsonResponse(200, body);
}

}  // namespace

Result<GraphResponse> ListGroupMembers(GraphCall& call) {
  return ListLinkedUsers(call, &Directory::ListGroupMembers);
}

// GET /groups/{id}/members/$count: needs ConsistencyLevel: eventual, as /users/$count.
Result<GraphResponse> CountGroupMembers(GraphCall& call) {
  if (!call.EventualConsistency()) return Fail(CountNotSupported());
  ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> members,
                   call.directory.ListGroupMembers(call.params[0]));
  return TextResponse(200, std::to_string(members.size()));
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
  return ListLinkedUsers(call, &Directory::ListGroupOwners);
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
