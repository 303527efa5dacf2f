#pragma once

// LocalDirectory::Impl: the embedded tenant's state and the helpers its operations share.
// Internal to src/engine: each feature (users, licences, groups, security information)
// implements its LocalDirectory methods in its own .cc file on top of this class.
//
// Every operation takes a Session (the mutex, and statement hygiene on leaving), then a
// transaction for writes; the helpers below assume the caller holds the Session.

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/random.h"
#include "domain/graph_errors.h"
#include "domain/upn.h"
#include "engine/audit_trail.h"
#include "engine/group_members.h"
#include "engine/group_table.h"
#include "engine/local_directory.h"
#include "common/password_hasher.h"
#include "engine/user_table.h"
#include "storage/sqlite/database.h"

namespace admin365 {

inline Domain ReadDomain(sqlite::Statement& row) {
  return Domain{.id = row.Text(0),
                .authentication_type = row.Text(1),
                .is_default = row.Int(2) != 0,
                .is_initial = row.Int(3) != 0,
                .is_verified = row.Int(4) != 0,
                .created_date_time = row.Int(5)};
}

class LocalDirectory::Impl {
 public:
  Impl(std::unique_ptr<sqlite::Database> db, const Clock& clock, Random& random,
       const PasswordKey& key, const LocalDirectoryOptions& options)
      : db_(std::move(db)),
        users_(*db_),
        clock_(clock),
        random_(random),
        hasher_(key, options.argon2, random) {}

  std::unique_ptr<sqlite::Database> db_;
  engine::UserTable users_;
  const Clock& clock_;
  Random& random_;
  PasswordHasher hasher_;
  std::mutex mutex_;
  std::unique_ptr<SystemClock> owned_clock_;
  std::unique_ptr<CryptoRandom> owned_random_;

  // Holds mutex_ for one call, and on leaving resets the connection's statements
  // (Database::ResetStatements says why). Declared before any Transaction, so that the
  // transaction ends first.
  class Session {
   public:
    explicit Session(Impl& impl) : impl_(impl), lock_(impl.mutex_) {}
    ~Session() { impl_.db_->ResetStatements(); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

   private:
    Impl& impl_;
    std::lock_guard<std::mutex> lock_;
  };

  // --- helpers; the caller holds mutex_ ---

  Result<Tenant> LoadTenant() {
    sqlite::Statement& query = db_->Prepare(
        "SELECT t.id, t.display_name, t.created_at, d.name FROM tenant t "
        "JOIN domains d ON d.is_initial = 1");
    ASSIGN_OR_RETURN(const bool found, query.Step());
    if (!found) return Fail(errors::TenantNotInitialised());
    return Tenant{.id = query.Text(0),
                  .display_name = query.Text(1),
                  .initial_domain = query.Text(3),
                  .created_date_time = query.Int(2)};
  }

  Result<std::optional<Domain>> FindDomain(std::string_view name) {
    sqlite::Statement& query = db_->Prepare(
        "SELECT name, authentication_type, is_default, is_initial, is_verified, created_at "
        "FROM domains WHERE name = ?");
    query.Bind(1, name);
    ASSIGN_OR_RETURN(const bool found, query.Step());
    if (!found) return std::optional<Domain>();
    return std::optional<Domain>(ReadDomain(query));
  }

  Result<Domain> RequireDomain(std::string_view name) {
    ASSIGN_OR_RETURN(std::optional<Domain> domain, FindDomain(name));
    if (!domain) return Fail(errors::ResourceNotFound(name));
    return *domain;
  }

  // Steps 5 and 6 of the validation order for `user`'s UPN, proxy addresses and
  // onPremisesImmutableId (unique among active users).
  Status CheckUpnAndAddresses(const User& user, std::int64_t except_key) {
    ASSIGN_OR_RETURN(const UpnParts parts, ParseUpn(user.user_principal_name));
    ASSIGN_OR_RETURN(std::optional<Domain> domain, FindDomain(parts.domain));
    if (!domain || !domain->is_verified) return Fail(errors::UnverifiedUpnDomain());
    ASSIGN_OR_RETURN(const bool taken, users_.IsUpnTaken(user.user_principal_name, except_key));
    if (taken) return Fail(errors::ObjectConflict("userPrincipalName"));
    std::vector<std::string> addresses = user.proxy_addresses;
    addresses.push_back(user.user_principal_name);
    ASSIGN_OR_RETURN(std::optional<std::string> conflict,
                     users_.FindProxyConflict(addresses, except_key));
    if (conflict) return Fail(errors::ObjectConflict("proxyAddresses"));
    if (user.on_premises_immutable_id) {
      ASSIGN_OR_RETURN(const bool id_taken,
                       users_.IsImmutableIdTaken(*user.on_premises_immutable_id, except_key));
      if (id_taken) return Fail(errors::ObjectConflict("onPremisesImmutableId"));
    }
    return Ok();
  }

  // assignLicense for `stored` inside the caller's session and transaction, so that other
  // writes (activation) can include it: checks the change, takes the seats, writes the
  // licences and audits "Change user license". Returns the updated user. Defined in
  // licensing.cc; errors as LocalDirectory::AssignLicense's.
  Result<User> AssignLicenseLocked(const Actor& actor, const engine::StoredUser& stored,
                                   const LicenseChange& change);

  // Applies `patch` to `stored` with UpdateUser's validation (steps 2-6) and proxy-address
  // bookkeeping, without the synced-user lock (Entra Connect writes through it too).
  // Returns the updated user, not yet written. Defined in local_directory.cc.
  Result<User> PrepareUpdate(const engine::StoredUser& stored, const PropertyMap& patch);

  // The last step of creating `user` (id, timestamps and defaults already set), inside the
  // caller's session and transaction: re-checks steps 5-6, purges expired deleted users,
  // checks the quota, inserts the row with password hash `hash` and audits "Add user".
  // Defined in local_directory.cc; errors as LocalDirectory::CreateUser's.
  Status InsertNewUserLocked(const Actor& actor, const User& user, const std::string& hash);

  // An active user and the tenant's display name, read under a Session of their own (the
  // caller must not hold one): for the password policy, checked outside the lock.
  struct UserInTenant {
    User user;
    std::string tenant_name;
  };
  Result<UserInTenant> LoadUserInTenant(std::string_view user) {
    Session session(*this);
    ASSIGN_OR_RETURN(Tenant tenant, LoadTenant());
    ASSIGN_OR_RETURN(engine::StoredUser stored, RequireUser(user, false));
    return UserInTenant{.user = std::move(stored.user),
                        .tenant_name = std::move(tenant.display_name)};
  }

  // Add/RemoveGroupMember and Add/RemoveGroupOwner, under a Session and transaction of
  // their own: LinkUser. Defined in groups.cc; errors as those methods'.
  Status ChangeGroupLink(const Actor& actor, std::string_view group, std::string_view user,
                         engine::GroupLink link, bool add);
  // Adds (`add`) or removes `user` in the group's members or owners and audits it; a
  // member of a licensed group has its group-based licences re-derived. The caller holds
  // the Session and a transaction. Defined in groups.cc.
  Status LinkUser(const Actor& actor, const engine::StoredGroup& stored, std::string_view user,
                  engine::GroupLink link, bool add);

  // SuspendSubscription (`status` "Suspended", audited as `action`) or ResumeSubscription
  // ("Enabled"), under a Session and transaction of its own; no change and no event when
  // the subscription already has `status`. Defined in licensing.cc; errors as theirs.
  Result<SubscribedSku> SetSubscriptionStatus(const Actor& actor, std::string_view sku,
                                              std::string_view status, std::string action);

  // Step 7 and hashing, for outside the lock: when `generated`, a password drawn for `user`
  // (`password` is ignored), else `password` checked against the policy; with its hash
  // (HashPassword's). Defined in local_directory.cc; errors: CheckUserPassword's, the
  // hasher's.
  struct HashedPassword {
    std::string password;
    std::string hash;
  };
  Result<HashedPassword> PreparePassword(std::string password, bool generated, bool force_change,
                                         const User& user, const std::string& tenant_name);

  // The objects held and the quota: the tenant's raised one, else Entra's (object_quota.cc).
  Result<DirectorySizeQuota> SizeQuota();

  // DirectoryQuotaExceeded when the tenant holds as many objects as its quota allows.
  Status CheckQuota() {
    ASSIGN_OR_RETURN(const DirectorySizeQuota quota, SizeQuota());
    if (quota.used >= quota.total) return Fail(errors::DirectoryQuotaExceeded());
    return Ok();
  }

  Result<engine::StoredUser> RequireUser(std::string_view user, bool deleted) {
    if (user.find('@') == std::string_view::npos && !IsUuid(user)) {
      return Fail(errors::InvalidObjectIdentifier(user));
    }
    ASSIGN_OR_RETURN(std::optional<engine::StoredUser> stored, users_.Find(user, deleted));
    if (!stored) return Fail(errors::ResourceNotFound(user));
    return std::move(*stored);
  }

  // Appends the audit event of a write and, for a bulk job's step, the step's journal
  // entry: both commit or roll back with the write.
  Status Audit(const Actor& actor, std::string action, std::string target_type,
               std::string target_id, std::string target_name,
               std::vector<PropertyChange> changes = {}) {
    if (actor.job_step) RETURN_IF_ERROR(engine::RecordJobStep(*db_, *actor.job_step));
    return engine::AppendAuditEvent(*db_, AuditEvent{.time = clock_.Now(),
                                                     .actor = actor.name,
                                                     .origin = actor.origin,
                                                     .action = std::move(action),
                                                     .target_type = std::move(target_type),
                                                     .target_id = std::move(target_id),
                                                     .target_name = std::move(target_name),
                                                     .changes = std::move(changes)});
  }

  Status AuditUser(const Actor& actor, std::string action, const User& user,
                   std::vector<PropertyChange> changes = {}) {
    return Audit(actor, std::move(action), "User", user.id, user.user_principal_name,
                 std::move(changes));
  }

  // Runs inside a transaction the caller owns.
  Result<int> PurgeExpiredLocked() {
    ASSIGN_OR_RETURN(std::vector<engine::StoredUser> expired,
                     users_.DeletedBefore(clock_.Now() - kRecycleBinRetention));
    for (const engine::StoredUser& stored : expired) {
      RETURN_IF_ERROR(users_.Remove(stored.key));
      RETURN_IF_ERROR(AuditUser(Actor{"system"}, "Hard delete user", stored.user));
    }
    return static_cast<int>(expired.size());
  }

  // Purges in a transaction of its own, so that the purge (and its audit events) stays even
  // when the call that triggered it then fails.
  Status PurgeExpiredCommitted() {
    ASSIGN_OR_RETURN(auto txn, db_->Begin());
    RETURN_IF_ERROR(PurgeExpiredLocked());
    return txn.Commit();
  }

  // A hash for `password`: keyed BLAKE2b only for a generated, must-change password.
  Result<std::string> HashPassword(std::string_view password, bool generated, bool force_change) {
    if (generated && force_change) return hasher_.HashGenerated(password);
    return hasher_.HashChosen(password);
  }
};

}  // namespace admin365
