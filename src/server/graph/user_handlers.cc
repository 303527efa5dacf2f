// users and users/{user}: create, list, count, read, update, delete, revoke sessions.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <string>
#include <utility>

#include "domain/graph_errors.h"
#include "server/graph/api_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/query_options.h"
#include "server/graph/responses.h"
#include "server/graph/user_body.h"
#include "server/graph/expand.h"
#include "server/graph/user_json.h"
#include "server/graph/user_page.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

// A single user with @odata.context "users{selection}/$entity".
Result<GraphResponse> UserResponse(const GraphCall& call, int status, const User& user,
                                   const UserSelection& selection,
                                   const UserExpansion& expansion = {}) {
  json::object body;
  body["@odata.context"] = call.Context(fmt::format("users{}/$entity", selection.context_suffix()));
  selection.Render(user, body);
  RETURN_IF_ERROR(RenderExpansion(call.directory, expansion, user, body));
  return JsonResponse(status, body);
}

}  // namespace

Result<GraphResponse> CreateUser(GraphCall& call) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body));
  ASSIGN_OR_RETURN(const NewUser request, ParseNewUser(body));
  ASSIGN_OR_RETURN(const CreatedUser created, call.directory.CreateUser(call.actor, request));
  return UserResponse(call, 201, created.user, UserSelection::Default());
}

Result<GraphResponse> ListUsers(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const UserSelection selection,
                   SelectionOr(options.select, UserSelection::Default()));
  ASSIGN_OR_RETURN(const UserExpansion expansion, ParseUserExpand(options.expand));
  ASSIGN_OR_RETURN(const UserListOptions list,
                   UserListRequest(options, call.EventualConsistency(), UserCollection::kActive));
  ASSIGN_OR_RETURN(const UserPage page, call.directory.ListUsers(list));
  return UserPageResponse(call, page, selection, "users", false, expansion);
}

// users/$count: the number of users matching $filter and $search, as text/plain. Graph
// serves it as an advanced query only.
Result<GraphResponse> CountUsers(GraphCall& call) {
  if (!call.EventualConsistency()) return Fail(CountNotSupported());
  ASSIGN_OR_RETURN(QueryOptions options, ParseQueryOptions(call.request.query));
  options.count = "true";
  options.top.reset();
  options.orderby.reset();
  options.skiptoken.reset();
  ASSIGN_OR_RETURN(UserListOptions list, UserListRequest(options, true, UserCollection::kActive));
  list.page_size = 1;
  ASSIGN_OR_RETURN(const UserPage page, call.directory.ListUsers(list));
  return TextResponse(200, std::to_string(page.total_count.value_or(0)));
}

Result<GraphResponse> GetUser(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  ASSIGN_OR_RETURN(const UserSelection selection,
                   SelectionOr(options.select, UserSelection::Default()));
  ASSIGN_OR_RETURN(const UserExpansion expansion, ParseUserExpand(options.expand));
  ASSIGN_OR_RETURN(const User user, call.directory.GetUser(call.params[0]));
  return UserResponse(call, 200, user, selection, expansion);
}

// The properties first, then the password: a patch that fails on its properties changes
// nothing; one whose new password is refused keeps its other changes.
Result<GraphResponse> UpdateUser(GraphCall& call) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(call.request.body));
  ASSIGN_OR_RETURN(const UserPatch patch, ParseUserPatch(body));
  if (!patch.password_profile) {
    RETURN_IF_ERROR(call.directory.UpdateUser(call.actor, call.params[0], patch.properties));
    return NoContent();
  }
  const PasswordProfile& profile = *patch.password_profile;
  if (profile.password.empty()) return Fail(errors::RequiredProperty("passwordProfile"));
  // The properties and the password together, or neither (Graph applies a PATCH whole).
  RETURN_IF_ERROR(call.directory.UpdateUserWithPassword(
      call.actor, call.params[0], patch.properties,
      PasswordChange{
          .password = profile.password,
          .force_change_password_next_sign_in = profile.force_change_password_next_sign_in,
          .force_change_password_next_sign_in_with_mfa =
              profile.force_change_password_next_sign_in_with_mfa}));
  return NoContent();
}

Result<GraphResponse> DeleteUser(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.DeleteUser(call.actor, call.params[0]));
  return NoContent();
}

Result<GraphResponse> RevokeSignInSessions(GraphCall& call) {
  RETURN_IF_ERROR(call.directory.RevokeSignInSessions(call.actor, call.params[0]));
  return JsonResponse(
      200, json::object{{"@odata.context", call.Context("Edm.Boolean")}, {"value", true}});
}

}  // namespace admin365::server::handlers
