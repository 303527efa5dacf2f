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
#include "engine/password_hasher.h"
#include "storage/sqlite/database.h"

namespace admin365 {

inline constexpr UnixSeconds kRecycleBinRetention = 30 * 24 * 60 * 60;

struct LocalDirectoryOptions {
  std::filesystem::path data_directory;
  const Clock* clock = nullptr;  // defaults to the system clock
  Random* random = nullptr;      // defaults to libsodium's CSPRNG
  Argon2Parameters argon2;
  // The object quota; by default Entra's: 50,000, or 300,000 once a custom domain is
  // verified (entra-graph-facts.md §0.11).
  std::optional<long long> object_quota;
};

class LocalDirectory final : public Directory {
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

  // True if `password` is the user's current password (for sign-in).
  // Errors: ResourceNotFound, InvalidObjectIdentifier.
  Result<bool> CheckPassword(std::string_view user, std::string_view password);

  // Directory:
  Result<Tenant> GetTenant() override;
  Result<std::vector<Domain>> ListDomains() override;
  Result<Domain> AddDomain(const Actor& actor, std::string_view name) override;
  Result<Domain> VerifyDomain(const Actor& actor, std::string_view name) override;
  Result<Domain> SetDefaultDomain(const Actor& actor, std::string_view name) override;
  Status RemoveDomain(const Actor& actor, std::string_view name) override;
  Result<CreatedUser> CreateUser(const Actor& actor, const NewUser& request,
                                 bool generate_password) override;
  Result<User> GetUser(std::string_view user) override;
  Result<UserPage> ListUsers(const UserListOptions& options) override;
  Result<User> UpdateUser(const Actor& actor, std::string_view user,
                          const PropertyMap& patch) override;
  Result<std::string> SetPassword(const Actor& actor, std::string_view user,
                                  const PasswordChange& change) override;
  Status DeleteUser(const Actor& actor, std::string_view user) override;
  Result<UserPage> ListDeletedUsers(const UserListOptions& options) override;
  Result<User> GetDeletedUser(std::string_view id) override;
  Result<User> RestoreUser(const Actor& actor, std::string_view id,
                           const RestoreOptions& options) override;
  Status PurgeUser(const Actor& actor, std::string_view id) override;
  Result<std::vector<AuditEvent>> ListAuditEvents(const AuditQuery& query) override;

  // --- Licences (licensing.cc) ---
  Result<std::vector<SubscribedSku>> ListSubscribedSkus() override;
  Result<User> AssignLicense(const Actor& actor, std::string_view user,
                             const LicenseChange& change) override;

  // --- Groups and manager (groups.cc) ---
  Result<Group> CreateGroup(const Actor& actor, const NewGroup& request) override;
  Result<Group> GetGroup(std::string_view group) override;
  Result<std::vector<Group>> ListGroups() override;
  Status DeleteGroup(const Actor& actor, std::string_view group) override;
  Status AddGroupMember(const Actor& actor, std::string_view group,
                        std::string_view member) override;
  Status RemoveGroupMember(const Actor& actor, std::string_view group,
                           std::string_view member) override;
  Result<std::vector<DirectoryObjectRef>> ListGroupMembers(std::string_view group) override;
  Result<std::vector<Group>> ListMemberOf(std::string_view user) override;
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

 private:
  class Impl;
  explicit LocalDirectory(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace admin365
