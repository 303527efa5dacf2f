// The recycle bin (entra-graph-facts.md §3.6): directory/deletedItems, users only.

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "server/graph/api_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/query_options.h"
#include "server/graph/responses.h"
#include "server/graph/user_json.h"
#include "server/graph/user_page.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

// A deleted user as a directoryObject.
GraphResponse DeletedUserResponse(const GraphCall& call, const User& user,
                                  const UserSelection& selection) {
  json::object body{{"@odata.context", call.Context("directoryObjects/$entity")},
                    {"@odata.type", "#microsoft.graph.user"}};
  selection.Render(user, body);
  return JsonResponse(200, body);
}

// The optional body of restore: autoReconcileProxyConflict (Graph's) and
// newUserPrincipalName (admin365's, for a user whose UPN an active user now holds).
Result<RestoreOptions> ReadRestoreOptions(std::string_view text) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(text, /*allow_empty=*/true));
  RestoreOptions options;
  for (const auto& member : body) {
    const json::value& value = member.value();
    if (AsciiIEquals(member.key(), "autoReconcileProxyConflict")) {
      if (!value.is_bool()) {
        return Fail(errors::InvalidPropertyValue("autoReconcileProxyConflict"));
      }
      options.auto_reconcile_proxy_conflicts = value.get_bool();
    } else if (AsciiIEquals(member.key(), "newUserPrincipalName")) {
      if (!value.is_string()) return Fail(errors::InvalidPropertyValue("newUserPrincipalName"));
      options.new_user_principal_name = std::string(value.get_string());
    } else {
      return Fail(errors::UnknownProperty(member.key()));
    }
  }
  return options;
}

}  // namespace

Result<GraphResponse> ListDeletedUsers(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const UserSelection selection,
                   SelectionOr(options.select, UserSelection::DefaultDeleted()));
  ASSIGN_OR_RETURN(const UserListOptions list,
                   UserListRequest(options, call.EventualConsistency(), UserCollection::kDeleted));
  ASSIGN_OR_RETURN(const UserPage page, call.directory.ListDeletedUsers(list));
  return UserPageResponse(call, page, selection, "directory/deletedItems/microsoft.graph.user",
                          false);
}

Result<GraphResponse> ListDeletedItemsWithoutCast(GraphCall&) {
  return Fail(DeletedItemsNeedTypeCast());
}

Result<GraphResponse> GetDeletedItem(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const UserSelection selection,
                   SelectionOr(options.select, UserSelection::DefaultDeleted()));
  ASSIGN_OR_RETURN(const User user, call.directory.GetDeletedUser(call.params[0]));
  return DeletedUserResponse(call, user, selection);
}

Result<GraphResponse> RestoreDeletedItem(GraphCall& call) {
  ASSIGN_OR_RETURN(const RestoreOptions options, ReadRestoreOptions(call.request.body));
  ASSIGN_OR_RETURN(const User user,
                   call.directory.RestoreUser(call.actor, call.params[0], options));
  return DeletedUserResponse(call, user, UserSelection::Default());
}

Result<GraphResponse> PurgeDeletedItem(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.PurgeUser(call.actor, call.params[0]));
  return NoContent();
}

}  // namespace admin365::server::handlers
