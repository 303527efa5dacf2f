// Transitive membership checks on a user, a group or a directoryObject: getMemberGroups,
// getMemberObjects, checkMemberGroups and checkMemberObjects. Groups hold only users here
// (no nesting), so a user's transitive groups are its direct ones and a group is in none;
// the objects a user is a member of are its groups (no directory roles or administrative
// units are kept).

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "common/random.h"
#include "domain/graph_errors.h"
#include "server/graph/api_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/responses.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

// Graph's limit on the ids one checkMemberGroups or checkMemberObjects call takes.
constexpr std::size_t kMaxCheckedIds = 20;

enum class Subject { kUser, kGroup, kDirectoryObject };

// The groups the object the route names is a member of. Errors: the directory's
// ResourceNotFound or InvalidObjectIdentifier.
Result<std::vector<Group>> GroupsOf(GraphCall& call, Subject subject) {
  const std::string& id = call.params[0];
  if (subject == Subject::kGroup) {
    RETURN_IF_ERROR(call.directory.GetGroup(id));
    return std::vector<Group>();
  }
  if (subject == Subject::kDirectoryObject && !call.directory.GetUser(id)) {
    if (!IsUuid(id)) return Fail(errors::InvalidObjectIdentifier(id));
    RETURN_IF_ERROR(call.directory.GetGroup(id));
    return std::vector<Group>();
  }
  return call.directory.ListMemberOf(id);
}

// The body's one parameter `name`, checked against `is_type`; others are refused.
Result<json::value> ReadParameter(std::string_view body, std::string_view name, bool required,
                                  bool (json::value::*is_type)() const noexcept) {
  ASSIGN_OR_RETURN(const json::object object, ParseJsonObject(body, !required));
  json::value value;
  for (const auto& member : object) {
    if (!AsciiIEquals(member.key(), name)) return Fail(errors::UnknownProperty(member.key()));
    if (!(member.value().*is_type)()) return Fail(InvalidActionParameter(name));
    value = member.value();
  }
  if (value.is_null() && required) return Fail(InvalidActionParameter(name));
  return value;
}

GraphResponse IdsResponse(GraphCall& call, json::array ids) {
  return JsonResponse(200, json::object{{"@odata.context", call.Context("Collection(Edm.String)")},
                                        {"value", std::move(ids)}});
}

// getMemberGroups, getMemberObjects: {"securityEnabledOnly": bool}, false when left out.
Result<GraphResponse> GetMemberIds(GraphCall& call, Subject subject) {
  ASSIGN_OR_RETURN(
      const json::value security_only,
      ReadParameter(call.request.body, "securityEnabledOnly", false, &json::value::is_bool));
  ASSIGN_OR_RETURN(const std::vector<Group> groups, GroupsOf(call, subject));
  json::array ids;
  for (const Group& group : groups) {
    if (security_only.is_bool() && security_only.get_bool() && !group.security_enabled) continue;
    ids.emplace_back(group.id);
  }
  return IdsResponse(call, std::move(ids));
}

// checkMemberGroups ("groupIds"), checkMemberObjects ("ids"): the given ids, up to 20, of
// the groups the object is a member of, in the order given.
Result<GraphResponse> CheckMemberIds(GraphCall& call, Subject subject, std::string_view name) {
  ASSIGN_OR_RETURN(const json::value given,
                   ReadParameter(call.request.body, name, true, &json::value::is_array));
  const json::array& asked = given.get_array();
  if (asked.size() > kMaxCheckedIds) return Fail(TooManyCheckedIds(name, kMaxCheckedIds));
  if (!std::all_of(asked.begin(), asked.end(),
                   [](const json::value& id) { return id.is_string(); })) {
    return Fail(InvalidActionParameter(name));
  }
  ASSIGN_OR_RETURN(const std::vector<Group> groups, GroupsOf(call, subject));
  json::array ids;
  for (const json::value& id : asked) {
    const bool member = std::any_of(groups.begin(), groups.end(), [&](const Group& group) {
      return AsciiIEquals(group.id, id.get_string());
    });
    if (member) ids.push_back(id);
  }
  return IdsResponse(call, std::move(ids));
}

}  // namespace

Result<GraphResponse> UserGetMemberGroups(GraphCall& call) {
  return GetMemberIds(call, Subject::kUser);
}
Result<GraphResponse> GroupGetMemberGroups(GraphCall& call) {
  return GetMemberIds(call, Subject::kGroup);
}
Result<GraphResponse> ObjectGetMemberGroups(GraphCall& call) {
  return GetMemberIds(call, Subject::kDirectoryObject);
}
Result<GraphResponse> UserCheckMemberGroups(GraphCall& call) {
  return CheckMemberIds(call, Subject::kUser, "groupIds");
}
Result<GraphResponse> GroupCheckMemberGroups(GraphCall& call) {
  return CheckMemberIds(call, Subject::kGroup, "groupIds");
}
Result<GraphResponse> ObjectCheckMemberGroups(GraphCall& call) {
  return CheckMemberIds(call, Subject::kDirectoryObject, "groupIds");
}
Result<GraphResponse> UserCheckMemberObjects(GraphCall& call) {
  return CheckMemberIds(call, Subject::kUser, "ids");
}
Result<GraphResponse> GroupCheckMemberObjects(GraphCall& call) {
  return CheckMemberIds(call, Subject::kGroup, "ids");
}
Result<GraphResponse> ObjectCheckMemberObjects(GraphCall& call) {
  return CheckMemberIds(call, Subject::kDirectoryObject, "ids");
}

}  // namespace admin365::server::handlers
