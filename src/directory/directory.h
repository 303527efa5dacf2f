#pragma once

// Directory: what admin365 can do to one Entra ID tenant. The embedded tenant
// (engine/LocalDirectory) and a real tenant through Microsoft Graph implement it, and
// everything above (bulk jobs, templates, the CLI, the Graph-compatible server) is
// written against it alone.
//
//   ASSIGN_OR_RETURN(auto created, directory.CreateUser(actor, request));
//   ASSIGN_OR_RETURN(User user, directory.GetUser(created.user.user_principal_name));
//
// Errors are Graph's (domain/graph_errors.h): each method lists the ones it returns
// besides Error::Unavailable (retry later) and Error::Internal (a fault of the store),
// which any method may return. A method that fails changes nothing.
//
// Users are addressed by object id or by userPrincipalName (case-insensitive) wherever a
// `user` parameter appears; an id that is neither a GUID nor contains '@' gives
// InvalidObjectIdentifier. Soft-deleted users are invisible to every call but the
// deleted-item ones.
//
// Implementations are thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/audit_event.h"
#include "domain/authentication.h"
#include "domain/group.h"
#include "domain/licensing.h"
#include "domain/sign_in.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "query/filter.h"

namespace admin365 {

// One step of one row of a bulk job (manage/bulk). A write made on behalf of a step
// records it in the same transaction as the change, so that a job resumed after a crash
// knows exactly which steps committed and repeats none of them.
struct JobStep {
  std::string job_id;
  long long row = 0;   // the input's data row, from 1
  int step = 0;        // the row's write, from 0
  std::string before;  // what undoing the write needs (the job's own encoding), kept with it

  friend bool operator==(const JobStep&, const JobStep&) = default;
};

// Who performs a write, as the audit trail records it ("cli:alice", "app:<client id>"),
// what it is part of (`origin`, recorded with the audit event: "template Sales v3",
// "bulk job 5f0c... row 7") and, for a bulk job, the step it belongs to.
struct Actor {
  std::string name;
  std::string origin;
  std::optional<JobStep> job_step;
};

enum class UserOrder { kId, kDisplayName, kUserPrincipalName, kDeletedDateTime };

// A page request over users. Results are ordered by `order` then by id, ascending unless
// `descending`; `skip_token` is the opaque `next_skip_token` of the previous page.
struct UserListOptions {
  std::optional<query::Filter> filter;
  UserOrder order = UserOrder::kId;
  bool descending = false;
  int page_size = 100;  // 1-999
  std::string skip_token;
  bool count = false;  // also count every match (Graph's $count=true)
};

// Users to add to a group at once (Graph's PATCH /groups/{id} with members@odata.bind and
// owners@odata.bind): ids or UPNs.
struct GroupLinks {
  std::vector<std::string> members;
  std::vector<std::string> owners;
};

struct UserPage {
  std::vector<User> users;
  std::string next_skip_token;  // empty on the last page
  std::optional<long long> total_count;
};

// A password change. `password` empty with `generate` true asks the directory for a
// random password from its CSPRNG, returned once in PasswordResult.
struct PasswordChange {
  std::string password;
  bool generate = false;
  bool force_change_password_next_sign_in = true;
  bool force_change_password_next_sign_in_with_mfa = false;
};

struct CreatedUser {
  User user;
  std::string generated_password;  // set only when the directory generated it
};

struct RestoreOptions {
  // Restore under this UPN instead of the original (which an active user may now hold).
  std::optional<std::string> new_user_principal_name;
  // Drop the proxy addresses an active object now holds instead of refusing.
  bool auto_reconcile_proxy_conflicts = false;
};

// Enable-MSOnlineUser: make a synced or disabled user usable in one step.
struct ActivateRequest {
  PasswordChange password;                    // given or generated
  std::optional<std::string> usage_location;  // required before licences if the user has none
  std::vector<AssignedLicense> add_licenses;
};

struct ActivatedUser {
  User user;
  std::string generated_password;  // set only when the directory generated it
};

struct AuditQuery {
  std::string target_id;  // empty: every target
  int limit = 100;
};

class Directory {
 public:
  virtual ~Directory() = default;

  // --- Tenant and domains ---

  // The tenant. Errors: TenantNotInitialised.
  virtual Result<Tenant> GetTenant() = 0;

  virtual Result<std::vector<Domain>> ListDomains() = 0;

  // Adds an unverified, non-default domain. Errors: InvalidDomainName, DomainAlreadyExists.
  virtual Result<Domain> AddDomain(const Actor& actor, std::string_view name) = 0;

  // Marks a domain verified (the embedded tenant trusts the operator; Graph would check
  // the DNS record). Errors: ResourceNotFound.
  virtual Result<Domain> VerifyDomain(const Actor& actor, std::string_view name) = 0;

  // Errors: ResourceNotFound, DomainNotVerified.
  virtual Result<Domain> SetDefaultDomain(const Actor& actor, std::string_view name) = 0;

  // Removes a domain no user (active or deleted) uses. Errors: ResourceNotFound,
  // DomainIsDefaultOrInitial, DomainInUse.
  virtual Status RemoveDomain(const Actor& actor, std::string_view name) = 0;

  // The objects the tenant holds and its quota; creations past the total fail with
  // DirectoryQuotaExceeded. Errors: TenantNotInitialised.
  virtual Result<DirectorySizeQuota> GetDirectorySizeQuota() = 0;

  // --- Users ---

  // Creates a user, validating in the order documented in domain/user_validation.h.
  // With request.password_profile absent or empty and `generate_password`, the directory
  // draws a password and returns it. Errors: RequiredProperty, UnknownProperty,
  // ReadOnlyProperty, InvalidUserPrincipalName, InvalidPropertyValue, UnverifiedUpnDomain,
  // ObjectConflict("userPrincipalName" | "proxyAddresses"), PasswordComplexity,
  // DirectoryQuotaExceeded.
  virtual Result<CreatedUser> CreateUser(const Actor& actor, const NewUser& request,
                                         bool generate_password = false) = 0;

  // Errors: ResourceNotFound, InvalidObjectIdentifier.
  virtual Result<User> GetUser(std::string_view user) = 0;

  // A page of active users. Errors: the filter's (unknown property, not indexed, type
  // mismatch) as query/filter_sql.h documents; BadRequest for a malformed skip token.
  virtual Result<UserPage> ListUsers(const UserListOptions& options) = 0;

  // Applies a partial update with creation's validation. A new userPrincipalName must use
  // a verified domain and be unique; the old one stays as a secondary "smtp:" proxy
  // address when the user has a mailbox address. For a synchronized user
  // (onPremisesSyncEnabled true), a patch naming any on-premises mastered property
  // (domain/hybrid_identity.h) fails whole with OnPremisesMastered. Errors: as CreateUser,
  // plus ResourceNotFound, OnPremisesMastered, ObjectConflict("onPremisesImmutableId").
  virtual Result<User> UpdateUser(const Actor& actor, std::string_view user,
                                  const PropertyMap& patch) = 0;

  // UpdateUser and a given password (SetPassword without generation) in one transaction,
  // as Graph applies a PATCH with passwordProfile: both or neither. The password is
  // checked against the user as the patch leaves it. Errors: UpdateUser's, then
  // SetPassword's.
  virtual Result<User> UpdateUserWithPassword(const Actor& actor, std::string_view user,
                                              const PropertyMap& patch,
                                              const PasswordChange& password) = 0;

  // Sets the password. Returns the generated password, or "" when one was given.
  // Errors: ResourceNotFound, PasswordComplexity; PasswordWritebackDisabled for a
  // synchronized user.
  virtual Result<std::string> SetPassword(const Actor& actor, std::string_view user,
                                          const PasswordChange& change) = 0;

  // Moves a user to the recycle bin. Errors: ResourceNotFound; OnPremisesMastered for a
  // synchronized user (it is deleted on-premises).
  virtual Status DeleteUser(const Actor& actor, std::string_view user) = 0;

  // --- Recycle bin (directory/deletedItems) ---

  // A page of soft-deleted users (the filter and orders apply as for ListUsers).
  virtual Result<UserPage> ListDeletedUsers(const UserListOptions& options) = 0;

  // Errors: ResourceNotFound.
  virtual Result<User> GetDeletedUser(std::string_view id) = 0;

  // Restores a deleted user with its properties. Errors: ResourceNotFound;
  // RestoreUpnConflict when an active user now holds its UPN (give a new one);
  // ObjectConflict("proxyAddresses") when an active object holds one of its proxy
  // addresses (or ask to reconcile); for a new UPN, the UPN errors of UpdateUser.
  virtual Result<User> RestoreUser(const Actor& actor, std::string_view id,
                                   const RestoreOptions& options) = 0;

  // Deletes a soft-deleted user for good. Errors: ResourceNotFound.
  virtual Status PurgeUser(const Actor& actor, std::string_view id) = 0;

  // --- Subscriptions and licences (§3.4) ---

  // The tenant's subscriptions with their catalogue entries and seat counts.
  virtual Result<std::vector<SubscribedSku>> ListSubscribedSkus() = 0;

  // The skuId a skuId or skuPartNumber names: a GUID as given (lower-cased); a part number
  // of one of the tenant's subscriptions; else (the embedded tenant) of the licensing
  // catalogue, so that assignLicense can refuse it with Entra's own error. Errors:
  // UnknownProduct, AmbiguousProduct.
  virtual Result<std::string> ResolveSkuId(std::string_view sku) = 0;

  // Adds, removes and replaces licences in one atomic step (assignLicense). Returns the
  // updated user. Errors: ResourceNotFound, InvalidObjectIdentifier, and Entra's licence
  // errors (invalid usage location, not a valid company licence, no available licences,
  // an unknown disabled plan, removing a licence inherited from a group).
  virtual Result<User> AssignLicense(const Actor& actor, std::string_view user,
                                     const LicenseChange& change) = 0;

  // --- Groups and membership (§3.5) ---
  //
  // `group` is a group's object id (a GUID, any case): InvalidObjectIdentifier otherwise,
  // ResourceNotFound(group) when no group has it. `member` and `user` are a user's id or
  // UPN, as everywhere. Groups are deleted for good (no recycle bin). Members are users;
  // soft-deleted ones are hidden from every listing and come back with their restore.

  // Creates a security group (securityEnabled, not mailEnabled, no groupTypes) or a
  // Microsoft 365 group (groupTypes ["Unified"], mailEnabled), which gets mail
  // "<mailNickname>@<default domain>" and that address as its "SMTP:" proxy address.
  // Errors, in this order: RequiredProperty(displayName | mailNickname, "Group");
  // InvalidPropertyValue(displayName | mailNickname | description | groupTypes | mailEnabled,
  // "Group"); MailEnabledGroupNotSupported (any other kind of group);
  // ObjectConflict("mailNickname") (another Microsoft 365 group's), ObjectConflict
  // ("proxyAddresses") (a user's or group's address, or a user's UPN); DirectoryQuotaExceeded.
  virtual Result<Group> CreateGroup(const Actor& actor, const NewGroup& request) = 0;
  virtual Result<Group> GetGroup(std::string_view group) = 0;
  // Every group, by displayName then id.
  virtual Result<std::vector<Group>> ListGroups() = 0;
  // The groups matching an OData $filter, by displayName then id: id, displayName,
  // mailNickname, mail, description, mailEnabled, securityEnabled, visibility,
  // createdDateTime, groupTypes/any() and proxyAddresses/any(). Errors: the filter's
  // (query/filter_sql.h).
  virtual Result<std::vector<Group>> FindGroups(const query::Filter& filter) = 0;
  // Errors: GroupHasLicenses (remove its licences first).
  virtual Status DeleteGroup(const Actor& actor, std::string_view group) = 0;
  // Errors: MemberAlreadyExists. A member of a licensed group takes its licences.
  virtual Status AddGroupMember(const Actor& actor, std::string_view group,
                                std::string_view member) = 0;
  // Errors: ResourceNotFound(group's id) when `member` is not a member (Graph names the
  // group). The member loses the licences it inherited from the group.
  virtual Status RemoveGroupMember(const Actor& actor, std::string_view group,
                                   std::string_view member) = 0;
  // Active members, by displayName then id.
  virtual Result<std::vector<DirectoryObjectRef>> ListGroupMembers(std::string_view group) = 0;
  // The groups a user is a direct member of, by displayName then id.
  virtual Result<std::vector<Group>> ListMemberOf(std::string_view user) = 0;
  // A group's owners (users). Errors: MemberAlreadyExists("owners").
  virtual Status AddGroupOwner(const Actor& actor, std::string_view group,
                               std::string_view owner) = 0;
  // Errors: ResourceNotFound(group's id) when `owner` is not an owner; LastGroupOwner:
  // once a group has owners, the last one stays.
  virtual Status RemoveGroupOwner(const Actor& actor, std::string_view group,
                                  std::string_view owner) = 0;
  // Active owners, by displayName then id.
  virtual Result<std::vector<DirectoryObjectRef>> ListGroupOwners(std::string_view group) = 0;
  // Adds every member and owner of `links`, all or none. Errors: AddGroupMember's and
  // AddGroupOwner's, for the first user that fails.
  virtual Status AddGroupLinks(const Actor& actor, std::string_view group,
                               const GroupLinks& links) = 0;
  // Group-based licensing (assignLicense on a group): changes the group's licences, then
  // brings every direct member's inherited licences in line, an empty change included.
  // Members' failures are recorded in their licence states (CountViolation,
  // UniquenessViolation), not returned. Errors: InvalidCompanyLicense, InvalidDisabledPlan,
  // GroupLicenseNotAssigned.
  virtual Result<Group> AssignGroupLicense(const Actor& actor, std::string_view group,
                                           const LicenseChange& change) = 0;

  // --- Manager (§3.5) ---
  //
  // A manager is an active user; deleting it removes its direct reports' links. Cycles are
  // allowed, as in Entra.

  // Sets or replaces the manager (setting the same one again changes nothing). Errors:
  // ResourceNotFound for the user, then for the manager; ManagerIsSelf.
  virtual Status SetManager(const Actor& actor, std::string_view user,
                            std::string_view manager) = 0;
  // Errors: ResourceNotFound("manager") when the user has none.
  virtual Result<DirectoryObjectRef> GetManager(std::string_view user) = 0;
  // Errors: ResourceNotFound("manager") when the user has none.
  virtual Status RemoveManager(const Actor& actor, std::string_view user) = 0;
  // The active users the user manages, by displayName then id.
  virtual Result<std::vector<DirectoryObjectRef>> ListDirectReports(std::string_view user) = 0;

  // --- Sessions and authentication (§3.7) ---
  // Each of these takes a `user` as above (errors ResourceNotFound, InvalidObjectIdentifier)
  // and works for synchronized users too. Rules and messages: domain/authentication_rules.h
  // and docs/entra-rules.md, "Sessions, MFA and synced users". A write that changes
  // nothing succeeds and records nothing.

  // Sets signInSessionsValidFromDateTime to now (revokeSignInSessions); returns the user.
  virtual Result<User> RevokeSignInSessions(const Actor& actor, std::string_view user) = 0;

  // The MFA state, the password, phone and email methods, the allowed methods and the
  // sign-in preferences (defaults where none were set).
  virtual Result<AuthenticationInfo> GetAuthenticationInfo(std::string_view user) = 0;
  virtual Status SetPerUserMfaState(const Actor& actor, std::string_view user,
                                    PerUserMfaState state) = 0;
  // Adds or replaces the phone method of `phone.phone_type`; removes it when the number is
  // empty (returning an empty method). Returns the stored method (with its fixed id).
  // Errors: InvalidPhoneType, InvalidPhoneNumber, AlternateMobileNeedsMobile; when
  // removing, RemovePhoneMethod's.
  virtual Result<PhoneMethod> SetPhoneMethod(const Actor& actor, std::string_view user,
                                             const PhoneMethod& phone) = 0;
  // A default method that used the phone falls back to none. Errors: InvalidPhoneType,
  // ResourceNotFound(method id) when there is none, MobileNeededByAlternateMobile.
  virtual Status RemovePhoneMethod(const Actor& actor, std::string_view user,
                                   std::string_view phone_type) = 0;
  // Sets (or, with an empty address, removes) the email method. Errors:
  // InvalidEmailMethodAddress; ResourceNotFound(method id) when removing none.
  virtual Status SetEmailMethod(const Actor& actor, std::string_view user,
                                std::string_view email_address) = 0;
  // Empty allows every method; a default method no longer allowed falls back to none.
  // Errors: InvalidPropertyValue("allowedMethods").
  virtual Status SetAllowedMethods(const Actor& actor, std::string_view user,
                                   const std::vector<std::string>& methods) = 0;
  // Errors: InvalidAuthenticationMethod, MethodNotAllowed, DefaultMethodNotRegistered.
  virtual Status SetSignInPreferences(const Actor& actor, std::string_view user,
                                      const SignInPreferences& preferences) = 0;

  // --- Classic cmdlet jobs (§6) ---

  // Enable-MSOnlineUser: enables the user (cloud users: a synchronized user's
  // accountEnabled is on-premises AD's), sets the password, the usage location and adds the
  // licences, all or nothing. Errors: RequiredProperty("passwordProfile") with neither a
  // password nor `generate`; PasswordComplexity; InvalidPropertyValue("usageLocation");
  // AssignLicense's.
  virtual Result<ActivatedUser> ActivateUser(const Actor& actor, std::string_view user,
                                             const ActivateRequest& request) = 0;

  // --- Audit ---

  // The newest events first.
  virtual Result<std::vector<AuditEvent>> ListAuditEvents(const AuditQuery& query) = 0;

  // The sign-in log (Graph's /auditLogs/signIns): the user sign-ins with a password, newest
  // first, at most query.limit, older than query.before_sequence when set.
  virtual Result<std::vector<SignIn>> ListSignIns(const SignInQuery& query) = 0;

  // --- Bulk jobs ---

  // Write batching: lets the directory group the writes that follow into fewer, larger
  // commits until EndWriteBatch. Each write still succeeds or fails whole, with its
  // JobStep; a write that returned becomes durable, and visible to other processes,
  // within a moment and for certain once FlushWrites returns. FlushWrites' error (a
  // storage fault) means the writes since the last flush were undone, steps included.
  // By default writes commit one by one and these do nothing.
  virtual Status BeginWriteBatch() { return Ok(); }
  virtual Status FlushWrites() { return Ok(); }
  virtual Status EndWriteBatch() { return Ok(); }

  // The steps of job `job_id` whose writes committed (Actor::job_step), by row then step.
  // A write that changed nothing records no step: repeating it changes nothing either.
  virtual Result<std::vector<JobStep>> ListCommittedJobSteps(std::string_view job_id) = 0;
};

}  // namespace admin365
