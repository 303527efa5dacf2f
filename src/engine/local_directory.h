#pragma once

// LocalDirectory: the embedded tenant. A faithful Entra ID user directory on one SQLite
// database, implementing Directory with Entra's validation order, exact Graph errors,
// the 30-day recycle bin and an audit event in the same transaction as every write.
//
//   LocalDirectoryOptions options{.data_directory = "/var/lib/admin365"};
//   ASSIGN_OR_RETURN(auto directory, LocalDirectory::Open(options));
//   ASSIGN_OR_RETURN(Tenant tenant, directory->InitializeTenant(actor, "Contoso", "contoso"));
//
// The data directory (created 0700) holds `tenant.db` and `password.key` (0600, see
// password_hasher.h). Thread-safe: one connection behind a mutex; password hashing runs
// outside it, so concurrent creations and resets hash in parallel.

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "common/clock.h"
#include "common/random.h"
#include "directory/directory.h"
#include "directory/sign_in_directory.h"
#include "domain/hybrid_identity.h"
#include "domain/sign_in.h"
#include "domain/smart_lockout.h"
#include "common/password_hasher.h"
#include "storage/sqlite/database.h"

namespace admin365 {

inline constexpr UnixSeconds kRecycleBinRetention = 30 * 24 * 60 * 60;

struct LocalDirectoryOptions {
  std::filesystem::path data_directory;
  const Clock* clock = nullptr;  // defaults to the system clock
  Random* random = nullptr;      // defaults to libsodium's CSPRNG
  Argon2Parameters argon2;
};

class LocalDirectory final : public SignInDirectory {
 public:
  // Opens (creating if needed) the tenant in options.data_directory and migrates its
  // schema. Errors: Internal if the directory or database cannot be opened.
  static Result<std::unique_ptr<LocalDirectory>> Open(const LocalDirectoryOptions& options);
  ~LocalDirectory() override;

  // Creates the tenant with a verified, default, initial domain
  // "<initial_domain_label>.onmicrosoft.com". Errors: TenantAlreadyInitialised;
  // InvalidDomainName unless the label is 1-27 lower-case letters and digits;
  // InvalidPropertyValue("displayName", "Organization") for an empty or over-256 name.
  Result<Tenant> InitializeTenant(const Actor& actor, std::string_view display_name,
                                  std::string_view initial_domain_label);

  // Hard-deletes the users deleted more than 30 days ago; returns how many. Every call
  // that reads or writes the recycle bin runs it first, so no caller has to.
  Result<int> PurgeExpiredUsers();

  // True if `password` is the user's current password. Counts nothing: sign-ins use
  // SignInWithPassword. Errors: ResourceNotFound, InvalidObjectIdentifier.
  Result<bool> CheckPassword(std::string_view user, std::string_view password);

  // --- Sign-in under smart lockout (sign_in.cc; domain/smart_lockout.h) ---
  // SignInDirectory (directory/sign_in_directory.h):
  Result<PasswordSignIn> SignInWithPassword(const Actor& actor, std::string_view user,
                                            std::string_view password) override;
  // The tenant's Password Rule Settings for smart lockout (default 10 attempts, 60 s).
  Result<LockoutSettings> GetLockoutSettings();
  // Audited "Update directory setting" when it changes something. Errors: as
  // ValidateLockoutSettings; TenantNotInitialised.
  Result<LockoutSettings> SetLockoutSettings(const Actor& actor, const LockoutSettings& settings);
  // Raises (or lowers) the object quota to `total`, as Microsoft Support does for a real
  // tenant; nullopt returns to Entra's (kDefaultObjectQuota, kVerifiedDomainObjectQuota).
  // Audited "Update directory setting" (ObjectQuota) when it changes. Errors:
  // InvalidObjectQuota outside 1-kMaxObjectQuota; TenantNotInitialised.
  Result<DirectorySizeQuota> SetObjectQuota(const Actor& actor, std::optional<long long> total);
  Status RecordSignIn(const SignIn& sign_in) override;
  Result<std::vector<SignIn>> ListSignIns(const SignInQuery& query) override;

  // Directory:
  Result<Tenant> GetTenant() override;
  Result<std::vector<Domain>> ListDomains() override;
  Result<Domain> AddDomain(const Actor& actor, std::string_view name) override;
  Result<Domain> VerifyDomain(const Actor& actor, std::string_view name) override;
  Result<Domain> SetDefaultDomain(const Actor& actor, std::string_view name) override;
  Status RemoveDomain(const Actor& actor, std::string_view name) override;
  Result<DirectorySizeQuota> GetDirectorySizeQuota() override;
  Result<CreatedUser> CreateUser(const Actor& actor, const NewUser& request,
                                 bool generate_password) override;
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
  Result<std::vector<AuditEvent>> ListAuditEvents(const AuditQuery& query) override;
  Result<std::vector<JobStep>> ListCommittedJobSteps(std::string_view job_id) override;
  Status BeginWriteBatch() override;
  Status FlushWrites() override;
  Status EndWriteBatch() override;

  // --- Licences (licensing.cc) ---
  Result<std::vector<SubscribedSku>> ListSubscribedSkus() override;
  Result<User> AssignLicense(const Actor& actor, std::string_view user,
                             const LicenseChange& change) override;

  // Subscriptions, the embedded tenant's own (a real tenant buys from Microsoft). `sku` is
  // a skuId or a skuPartNumber (case-insensitive) of the catalogue (engine/sku_catalog.h);
  // `units` is 1-1,000,000 (else InvalidPropertyValue("prepaidUnits", "SubscribedSku")).
  // Each write is audited; a call that changes nothing is not.
  //
  // Buys `units` seats of a product. Errors: UnknownProduct, AmbiguousProduct,
  // SubscriptionExists.
  Result<SubscribedSku> AddSubscription(const Actor& actor, std::string_view sku, long long units);
  // Sets a subscription's units. Errors: UnknownProduct, AmbiguousProduct,
  // InvalidCompanyLicense (no subscription to it), UnitsBelowConsumed.
  Result<SubscribedSku> SetSubscriptionUnits(const Actor& actor, std::string_view sku,
                                             long long units);
  // capabilityStatus "Suspended": its units become suspended units and it gives no new
  // seats; users keep the licences they hold. Errors: as SetSubscriptionUnits.
  Result<SubscribedSku> SuspendSubscription(const Actor& actor, std::string_view sku);
  // capabilityStatus "Enabled" again. Errors: as SetSubscriptionUnits.
  Result<SubscribedSku> ResumeSubscription(const Actor& actor, std::string_view sku);
  // The skuId a skuId or part number names: a GUID as given (lower-cased); a part number
  // of a subscription first (so a part number Microsoft reuses resolves to the SKU the
  // tenant bought), else of the catalogue. Errors: UnknownProduct, AmbiguousProduct.
  Result<std::string> ResolveSkuId(std::string_view sku) override;

  // --- Groups and manager (groups.cc, group_licenses.cc, manager.cc) ---
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

  // --- Sessions, authentication methods and activation (security_info.cc) ---
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

  // Plays Entra Connect for rehearsals (sync.cc; domain/hybrid_identity.h): writes the
  // cloud user of an on-premises object. The user is found by identity.immutable_id (a hard
  // match), else by the UPN of a cloud user without an immutable id (a soft match, which
  // makes it synchronized); otherwise it is created, with request's properties and
  // validation as CreateUser's (accountEnabled defaults to true and mailNickname to the
  // UPN's alias, as an AD account's would). A found user gets request.properties as a
  // patch, with UpdateUser's validation but past the synced-user lock. Either way it ends
  // with onPremisesSyncEnabled true, the identity's onPremises* values and
  // onPremisesLastSyncDateTime now.
  //
  // request.password_profile, when it has a password, plays password hash sync: the
  // password is stored as given (on-premises AD's policy applied to it, not Entra's). A
  // user created without one gets a random password nobody knows. Audit: "Add user" or
  // "Update user" (nothing when no property changed).
  //
  // Errors: ValidateOnPremisesIdentity's; ObjectConflict("userPrincipalName") when the UPN
  // belongs to a user with another immutable id; otherwise as CreateUser (create) or
  // UpdateUser (update), ObjectConflict("onPremisesImmutableId") included.
  Result<User> SyncUser(const Actor& actor, const NewUser& request,
                        const OnPremisesIdentity& identity);

 private:
  class Impl;
  explicit LocalDirectory(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace admin365
