#pragma once

// GraphDirectory: a real Microsoft 365 tenant through Microsoft Graph, as a Directory
// (directory/directory.h). Every call is one or a few Graph requests made by GraphClient
// (tokens, retries of 429/503/504, Graph's errors unchanged, request ids kept); its
// contract is Directory's, with Graph's own errors where Graph is the judge.
//
//   GraphDirectory tenant(connection, clock, random);
//   ASSIGN_OR_RETURN(User user, tenant.GetUser("adele@contoso.com"));
//
// Where a real tenant differs from the embedded one:
// - Writes are Graph's, one request each: a method that needs several (UpdateUser then
//   reading the user back; ActivateUser's enable, password, usage location and licences)
//   is not atomic. Reads after writes read the object back by id, which Graph serves from
//   the replica that took the write.
// - Passwords admin365 generates are drawn here (domain/password_generator.h) and sent in
//   passwordProfile: Graph has no "generate" option.
// - No Graph API manages the methods a user may register (allowed methods) or exposes a
//   write journal: SetAllowedMethods, ListAuditEvents and ListCommittedJobSteps fail with
//   NotSupportedOnConnectedTenant, naming what is missing.
//
// Thread-safe (GraphClient is).

#include <memory>
#include <string>

#include "common/clock.h"
#include "common/random.h"
#include "directory/directory.h"
#include "graph/connections.h"
#include "graph/graph_client.h"

namespace admin365::graph {

// 501 NotSupportedOnConnectedTenant "{what} is not possible on a connected tenant: {why}"
Error NotSupportedOnConnectedTenant(std::string_view what, std::string_view why);

class GraphDirectory final : public Directory {
 public:
  // Errors: InvalidArgument when the connection's cloud is unknown.
  static Result<std::unique_ptr<GraphDirectory>> Open(const TenantConnection& connection,
                                                      const Clock& clock, Random& random,
                                                      RetryPolicy retry = {});

  GraphDirectory(GraphClientOptions options, const Clock& clock, Random& random);

  GraphClient& client() { return client_; }

  Result<Tenant> GetTenant() override;
  Result<DirectorySizeQuota> GetDirectorySizeQuota() override;
  Result<std::vector<Domain>> ListDomains() override;
  Result<Domain> AddDomain(const Actor& actor, std::string_view name) override;
  Result<Domain> VerifyDomain(const Actor& actor, std::string_view name) override;
  Result<Domain> SetDefaultDomain(const Actor& actor, std::string_view name) override;
  Status RemoveDomain(const Actor& actor, std::string_view name) override;

  Result<CreatedUser> CreateUser(const Actor& actor, const NewUser& request,
                                 bool generate_password = false) override;
  Result<User> GetUser(std::string_view user) override;
  Result<UserPage> ListUsers(const UserListOptions& options) override;
  Result<User> UpdateUser(const Actor& actor, std::string_view user,
                          const PropertyMap& patch) override;
  Result<User> UpdateUserWithPassword(const Actor& actor, std::string_view user,
                                      const PropertyMap& patch,
                                      const PasswordChange& password) override;
  Result<std::string> SetPassword(const Actor& actor, std::string_view user,
                                  const PasswordChange& change) override;
  Status DeleteUser(const Actor& actor, std::string_view user) override;

  Result<UserPage> ListDeletedUsers(const UserListOptions& options) override;
  Result<User> GetDeletedUser(std::string_view id) override;
  Result<User> RestoreUser(const Actor& actor, std::string_view id,
                           const RestoreOptions& options) override;
  Status PurgeUser(const Actor& actor, std::string_view id) override;

  Result<std::vector<SubscribedSku>> ListSubscribedSkus() override;
  Result<std::string> ResolveSkuId(std::string_view sku) override;
  Result<User> AssignLicense(const Actor& actor, std::string_view user,
                             const LicenseChange& change) override;

  Result<Group> CreateGroup(const Actor& actor, const NewGroup& request) override;
  Result<Group> GetGroup(std::string_view group) override;
  Result<std::vector<Group>> ListGroups() override;
  Result<std::vector<Group>> FindGroups(const query::Filter& filter) override;
  Status DeleteGroup(const Actor& actor, std::string_view group) override;
  Status AddGroupMember(const Actor& actor, std::string_view group,
                        std::string_view member) override;
  Status RemoveGroupMember(const Actor& actor, std::string_view group,
                           std::string_view member) override;
  Result<std::vector<DirectoryObjectRef>> ListGroupMembers(std::string_view group) override;
  Result<std::vector<Group>> ListMemberOf(std::string_view user) override;
  Status AddGroupOwner(const Actor& actor, std::string_view group,
                       std::string_view owner) override;
  Status RemoveGroupOwner(const Actor& actor, std::string_view group,
                          std::string_view owner) override;
  Result<std::vector<DirectoryObjectRef>> ListGroupOwners(std::string_view group) override;
  Status AddGroupLinks(const Actor& actor, std::string_view group,
                       const GroupLinks& links) override;
  Result<Group> AssignGroupLicense(const Actor& actor, std::string_view group,
                                   const LicenseChange& change) override;

  Status SetManager(const Actor& actor, std::string_view user, std::string_view manager) override;
  Result<DirectoryObjectRef> GetManager(std::string_view user) override;
  Status RemoveManager(const Actor& actor, std::string_view user) override;
  Result<std::vector<DirectoryObjectRef>> ListDirectReports(std::string_view user) override;

  Result<User> RevokeSignInSessions(const Actor& actor, std::string_view user) override;
  Result<AuthenticationInfo> GetAuthenticationInfo(std::string_view user) override;
  Status SetPerUserMfaState(const Actor& actor, std::string_view user,
                            PerUserMfaState state) override;
  Result<PhoneMethod> SetPhoneMethod(const Actor& actor, std::string_view user,
                                     const PhoneMethod& phone) override;
  Status RemovePhoneMethod(const Actor& actor, std::string_view user,
                           std::string_view phone_type) override;
  Status SetEmailMethod(const Actor& actor, std::string_view user,
                        std::string_view email_address) override;
  Status SetAllowedMethods(const Actor& actor, std::string_view user,
                           const std::vector<std::string>& methods) override;
  Status SetSignInPreferences(const Actor& actor, std::string_view user,
                              const SignInPreferences& preferences) override;

  Result<ActivatedUser> ActivateUser(const Actor& actor, std::string_view user,
                                     const ActivateRequest& request) override;

  Result<std::vector<AuditEvent>> ListAuditEvents(const AuditQuery& query) override;
  Result<std::vector<SignIn>> ListSignIns(const SignInQuery& query) override;
  Result<std::vector<JobStep>> ListCommittedJobSteps(std::string_view job_id) override;

 private:
  // The object id of a user given by id or UPN (one read for a UPN).
  Result<std::string> UserId(std::string_view user);
  Result<UserPage> ListUserPage(std::string_view collection, const UserListOptions& options);
  // The password a change sets: the given one, or one drawn here.
  std::string PasswordFor(const PasswordChange& change);
  // Adds (POST .../{link}/$ref) or removes user `user` in a group's `link`: "members" or
  // "owners".
  Status AddGroupLink(std::string_view group, std::string_view link, std::string_view user);
  Status RemoveGroupLink(std::string_view group, std::string_view link, std::string_view user);

  GraphClient client_;
  std::string endpoint_;
  Random& random_;
};

}  // namespace admin365::graph
