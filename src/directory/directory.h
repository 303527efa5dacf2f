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
#include "domain/tenant.h"
#include "domain/user.h"
#include "query/filter.h"

namespace admin365 {

// Who performs a write, as the audit trail records it ("cli:alice", "app:<client id>").
struct Actor {
  std::string name;
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
  // address when the user has a mailbox address. Errors: as CreateUser, plus
  // ResourceNotFound.
  virtual Result<User> UpdateUser(const Actor& actor, std::string_view user,
                                  const PropertyMap& patch) = 0;

  // Sets the password. Returns the generated password, or "" when one was given.
  // Errors: ResourceNotFound, PasswordComplexity.
  virtual Result<std::string> SetPassword(const Actor& actor, std::string_view user,
                                          const PasswordChange& change) = 0;

  // Moves a user to the recycle bin. Errors: ResourceNotFound.
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

  // --- Audit ---

  // The newest events first.
  virtual Result<std::vector<AuditEvent>> ListAuditEvents(const AuditQuery& query) = 0;
};

}  // namespace admin365
