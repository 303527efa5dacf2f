// A user's relationships (entra-graph-facts.md §3.5): manager, directReports, memberOf.

#include <boost/json.hpp>
#include <utility>

#include "server/graph/handlers.h"
#include "server/graph/object_json.h"
#include "server/graph/reference_body.h"
#include "server/graph/responses.h"
#include "server/graph/user_json.h"

namespace admin365::server::handlers {

namespace json = boost::json;

// The manager as a directoryObject of type user, with the default user properties.
Result<GraphResponse> GetManager(GraphCall& call) {
  ASSIGN_OR_RETURN(const DirectoryObjectRef manager, call.directory.GetManager(call.params[0]));
  ASSIGN_OR_RETURN(const User user, call.directory.GetUser(manager.id));
  json::object body{{"@odata.context", call.Context("directoryObjects/$entity")},
                    {"@odata.type", "#microsoft.graph.user"}};
  UserSelection::Default().Render(user, body);
  return JsonResponse(200, body);
}

Result<GraphResponse> GetManagerReference(GraphCall& call) {
  ASSIGN_OR_RETURN(const DirectoryObjectRef manager, call.directory.GetManager(call.params[0]));
  return JsonResponse(
      200, json::object{{"@odata.context", call.Context("directoryObjects/$entity")},
                        {"@odata.id", call.ServiceRoot() + "/directoryObjects/" + manager.id}});
}

Result<GraphResponse> SetManager(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::string manager, ReadReferencedId(call.request.body));
  RETURN_IF_ERROR(call.directory.SetManager(call.actor, call.params[0], manager));
  return NoContent();
}

Result<GraphResponse> RemoveManager(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.RemoveManager(call.actor, call.params[0]));
  return NoContent();
}

Result<GraphResponse> ListDirectReports(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> reports,
                   call.directory.ListDirectReports(call.params[0]));
  return JsonResponse(
      200, CollectionJson(call.Context("directoryObjects"), DirectoryObjectsJson(reports)));
}

Result<GraphResponse> ListMemberOf(GraphCall& call) {
  ASSIGN_OR_RETURN(const std::vector<Group> groups, call.directory.ListMemberOf(call.params[0]));
  json::array value;
  for (const Group& group : groups) value.push_back(GroupObjectJson(group));
  return JsonResponse(200, CollectionJson(call.Context("directoryObjects"), std::move(value)));
}

}  // namespace admin365::server::handlers
