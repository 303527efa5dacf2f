#pragma once

// The route handlers, one group per file; router.cc maps method and path to them. Each
// takes the GraphCall of its route (the placeholders in the order of the path) and
// returns Graph's response for it or an Error (graph_call.h).

#include "server/graph/graph_call.h"

namespace admin365::server::handlers {

// user_handlers.cc: users/{user} and the collection.
Result<GraphResponse> CreateUser(GraphCall& call);
Result<GraphResponse> ListUsers(GraphCall& call);
Result<GraphResponse> CountUsers(GraphCall& call);
Result<GraphResponse> GetUser(GraphCall& call);
Result<GraphResponse> UpdateUser(GraphCall& call);
Result<GraphResponse> DeleteUser(GraphCall& call);
Result<GraphResponse> RevokeSignInSessions(GraphCall& call);

// license_handlers.cc
Result<GraphResponse> AssignUserLicense(GraphCall& call);
Result<GraphResponse> ListLicenseDetails(GraphCall& call);
Result<GraphResponse> ListSubscribedSkus(GraphCall& call);
Result<GraphResponse> GetSubscribedSku(GraphCall& call);
Result<GraphResponse> AssignGroupLicense(GraphCall& call);

// relationship_handlers.cc: users/{user}/manager, directReports, memberOf.
Result<GraphResponse> GetManager(GraphCall& call);
Result<GraphResponse> GetManagerReference(GraphCall& call);
Result<GraphResponse> SetManager(GraphCall& call);
Result<GraphResponse> RemoveManager(GraphCall& call);
Result<GraphResponse> ListDirectReports(GraphCall& call);
Result<GraphResponse> ListMemberOf(GraphCall& call);

// member_check_handlers.cc: {users|groups|directoryObjects}/{id}/ getMemberGroups (and
// getMemberObjects, which answers the same here), checkMemberGroups, checkMemberObjects.
Result<GraphResponse> UserGetMemberGroups(GraphCall& call);
Result<GraphResponse> GroupGetMemberGroups(GraphCall& call);
Result<GraphResponse> ObjectGetMemberGroups(GraphCall& call);
Result<GraphResponse> UserCheckMemberGroups(GraphCall& call);
Result<GraphResponse> GroupCheckMemberGroups(GraphCall& call);
Result<GraphResponse> ObjectCheckMemberGroups(GraphCall& call);
Result<GraphResponse> UserCheckMemberObjects(GraphCall& call);
Result<GraphResponse> GroupCheckMemberObjects(GraphCall& call);
Result<GraphResponse> ObjectCheckMemberObjects(GraphCall& call);

// group_handlers.cc
Result<GraphResponse> CreateGroup(GraphCall& call);
Result<GraphResponse> ListGroups(GraphCall& call);
Result<GraphResponse> GetGroup(GraphCall& call);
Result<GraphResponse> UpdateGroup(GraphCall& call);
Result<GraphResponse> DeleteGroup(GraphCall& call);
Result<GraphResponse> ListGroupMembers(GraphCall& call);
Result<GraphResponse> CountGroupMembers(GraphCall& call);
Result<GraphResponse> AddGroupMember(GraphCall& call);
Result<GraphResponse> RemoveGroupMember(GraphCall& call);
Result<GraphResponse> ListGroupOwners(GraphCall& call);
Result<GraphResponse> AddGroupOwner(GraphCall& call);
Result<GraphResponse> RemoveGroupOwner(GraphCall& call);

// auth_method_handlers.cc: users/{user}/authentication/...
Result<GraphResponse> ListAuthenticationMethods(GraphCall& call);
Result<GraphResponse> ListPasswordMethods(GraphCall& call);
Result<GraphResponse> GetPasswordMethod(GraphCall& call);
Result<GraphResponse> ResetPassword(GraphCall& call);
Result<GraphResponse> ListPhoneMethods(GraphCall& call);
Result<GraphResponse> AddPhoneMethod(GraphCall& call);
Result<GraphResponse> GetPhoneMethod(GraphCall& call);
Result<GraphResponse> UpdatePhoneMethod(GraphCall& call);
Result<GraphResponse> DeletePhoneMethod(GraphCall& call);
Result<GraphResponse> ListEmailMethods(GraphCall& call);
Result<GraphResponse> AddEmailMethod(GraphCall& call);
Result<GraphResponse> GetEmailMethod(GraphCall& call);
Result<GraphResponse> UpdateEmailMethod(GraphCall& call);
Result<GraphResponse> DeleteEmailMethod(GraphCall& call);
Result<GraphResponse> GetAuthenticationRequirements(GraphCall& call);  // beta
Result<GraphResponse> UpdateAuthenticationRequirements(GraphCall& call);
Result<GraphResponse> GetSignInPreferences(GraphCall& call);  // beta
Result<GraphResponse> UpdateSignInPreferences(GraphCall& call);

// deleted_item_handlers.cc: directory/deletedItems.
Result<GraphResponse> ListDeletedUsers(GraphCall& call);
Result<GraphResponse> ListDeletedItemsWithoutCast(GraphCall& call);
Result<GraphResponse> GetDeletedItem(GraphCall& call);
Result<GraphResponse> RestoreDeletedItem(GraphCall& call);
Result<GraphResponse> PurgeDeletedItem(GraphCall& call);

// tenant_handlers.cc: organization and domains.
Result<GraphResponse> ListOrganization(GraphCall& call);
Result<GraphResponse> GetOrganization(GraphCall& call);
Result<GraphResponse> ListDomains(GraphCall& call);
Result<GraphResponse> GetDomain(GraphCall& call);

// sign_in_handlers.cc: auditLogs/signIns, the sign-in log.
Result<GraphResponse> ListSignIns(GraphCall& call);

}  // namespace admin365::server::handlers
