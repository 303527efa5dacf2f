#include "engine/local_directory.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/hybrid_identity.h"
#include "domain/upn.h"
#include "domain/user_properties.h"
#include "domain/user_validation.h"
#include "engine/audit_trail.h"
#include "engine/license_seats.h"
#include "engine/local_directory_impl.h"
#include "engine/manager_links.h"
#include "engine/proxy_addresses.h"
#include "engine/sign_in_lockouts.h"
#include "engine/user_password.h"
#include "engine/user_table.h"
#include "storage/sqlite/migrator.h"

namespace admin365 {

using engine::AddSecondarySmtpAddress;
using engine::CheckUserPassword;
using engine::GenerateUserPassword;
using engine::SetPrimarySmtpAddress;

namespace {

constexpr std::string_view kInitialDomainSuffix = ".onmicrosoft.com";

// The source-of-authority lock (domain/hybrid_identity.h): Entra Connect alone writes the
// on-premises mastered properties of a synchronized user, and a cloud patch naming any of
// them fails whole, whatever the values.
Status CheckCloudWritable(const User& user, const PropertyMap& patch) {
  if (user.on_premises_sync_enabled != true) return Ok();
  for (const auto& [name, value] : patch) {
    if (IsOnPremisesMastered(name)) return Fail(errors::OnPremisesMastered());
  }
  return Ok();
}

// After proxy addresses were dropped: if the primary went, the first remaining address
// becomes primary and `mail` follows it (or is cleared), so that `mail` never names an
// address the user no longer holds.
void RepairPrimaryAddress(User& user) {
  const bool has_primary =
      std::any_of(user.proxy_addresses.begin(), user.proxy_addresses.end(),
                  [](const std::string& entry) { return entry.starts_with("SMTP:"); });
  if (has_primary) return;
  const auto smtp = std::find_if(
      user.proxy_addresses.begin(), user.proxy_addresses.end(), [](const std::string& entry) {
        return AsciiIEquals(entry.substr(0, std::min<std::size_t>(entry.size(), 5)), "smtp:");
      });
  if (smtp == user.proxy_addresses.end()) {
    if (user.mail) user.mail.reset();
    return;
  }
  const std::string address(engine::AddressOf(*smtp));
  SetPrimarySmtpAddress(user.proxy_addresses, address);
  user.mail = address;
}

}  // namespace

LocalDirectory::LocalDirectory(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LocalDirectory::~LocalDirectory() = default;

Result<std::unique_ptr<LocalDirectory>> LocalDirectory::Open(const LocalDirectoryOptions& options) {
  if (!InitCrypto()) return Fail(Error::Internal("libsodium could not be initialised"));
  std::error_code error;
  std::filesystem::create_directories(options.data_directory, error);
  if (error) {
    return Fail(Error::Internal(fmt::format("Cannot create the data directory {}: {}",
                                            options.data_directory.string(), error.message())));
  }
  ::chmod(options.data_directory.c_str(), 0700);

  auto owned_clock = options.clock ? nullptr : std::make_unique<SystemClock>();
  auto owned_random = options.random ? nullptr : std::make_unique<CryptoRandom>();
  const Clock& clock = options.clock ? *options.clock : *owned_clock;
  Random& random = options.random ? *options.random : *owned_random;

  ASSIGN_OR_RETURN(const PasswordKey key,
                   LoadOrCreatePasswordKey(options.data_directory / "password.key", random));
  ASSIGN_OR_RETURN(auto db,
                   sqlite::Database::Open((options.data_directory / "tenant.db").string()));
  RETURN_IF_ERROR(sqlite::Migrate(*db));
  db->ResetStatements();
  auto impl = std::make_unique<Impl>(std::move(db), clock, random, key, options);
  impl->owned_clock_ = std::move(owned_clock);
  impl->owned_random_ = std::move(owned_random);
  return std::unique_ptr<LocalDirectory>(new LocalDirectory(std::move(impl)));
}

Result<Tenant> LocalDirectory::InitializeTenant(const Actor& actor, std::string_view display_name,
                                                std::string_view initial_domain_label) {
  if (display_name.empty() || Utf8Length(display_name) > 256 || !IsCleanUtf8(display_name)) {
    return Fail(errors::InvalidPropertyValue("displayName", "Organization"));
  }
  const std::string domain_name = fmt::format("{}{}", initial_domain_label, kInitialDomainSuffix);
  const bool label_ok =
      !initial_domain_label.empty() && initial_domain_label.size() <= 27 &&
      std::all_of(initial_domain_label.begin(), initial_domain_label.end(),
                  [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
  if (!label_ok) return Fail(errors::InvalidDomainName(domain_name));

  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  if (Result<Tenant> existing = impl_->LoadTenant(); existing) {
    return Fail(errors::TenantAlreadyInitialised());
  } else if (existing.error().code != errors::TenantNotInitialised().code) {
    return Fail(existing.error());  // a fault of the store, not "no tenant yet"
  }
  const Tenant tenant{.id = NewUuid(impl_->random_),
                      .display_name = std::string(display_name),
                      .initial_domain = domain_name,
                      .created_date_time = impl_->clock_.Now()};
  sqlite::Statement& insert_tenant = impl_->db_->Prepare(
      "INSERT INTO tenant (singleton, id, display_name, created_at) VALUES (1, ?, ?, ?)");
  insert_tenant.Bind(1, tenant.id);
  insert_tenant.Bind(2, tenant.display_name);
  insert_tenant.Bind(3, tenant.created_date_time);
  RETURN_IF_ERROR(insert_tenant.Run());
  sqlite::Statement& insert_domain = impl_->db_->Prepare(
      "INSERT INTO domains (name, is_verified, is_default, is_initial, created_at) "
      "VALUES (?, 1, 1, 1, ?)");
  insert_domain.Bind(1, domain_name);
  insert_domain.Bind(2, tenant.created_date_time);
  RETURN_IF_ERROR(insert_domain.Run());
  RETURN_IF_ERROR(impl_->Audit(actor, "Create company", "Tenant", tenant.id, tenant.display_name,
                               {{"displayName", std::nullopt, tenant.display_name},
                                {"initialDomain", std::nullopt, domain_name}}));
  RETURN_IF_ERROR(txn.Commit());
  return tenant;
}

Result<Tenant> LocalDirectory::GetTenant() {
  Impl::Session session(*impl_);
  return impl_->LoadTenant();
}

Result<std::vector<Domain>> LocalDirectory::ListDomains() {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->LoadTenant());
  sqlite::Statement& query = impl_->db_->Prepare(
      "SELECT name, authentication_type, is_default, is_initial, is_verified, created_at "
      "FROM domains ORDER BY is_initial DESC, name");
  std::vector<Domain> domains;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return domains;
    domains.push_back(ReadDomain(query));
  }
}

Result<Domain> LocalDirectory::AddDomain(const Actor& actor, std::string_view name) {
  if (!IsValidDomainName(name)) return Fail(errors::InvalidDomainName(name));
  const std::string lower = AsciiLower(name);
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(std::optional<Domain> existing, impl_->FindDomain(lower));
  if (existing) return Fail(errors::DomainAlreadyExists());
  const Domain domain{.id = lower, .created_date_time = impl_->clock_.Now()};
  sqlite::Statement& insert = impl_->db_->Prepare(
      "INSERT INTO domains (name, is_verified, is_default, is_initial, created_at) "
      "VALUES (?, 0, 0, 0, ?)");
  insert.Bind(1, domain.id);
  insert.Bind(2, domain.created_date_time);
  RETURN_IF_ERROR(insert.Run());
  RETURN_IF_ERROR(impl_->Audit(actor, "Add unverified domain", "Domain", domain.id, domain.id));
  RETURN_IF_ERROR(txn.Commit());
  return domain;
}

Result<Domain> LocalDirectory::VerifyDomain(const Actor& actor, std::string_view name) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(Domain domain, impl_->RequireDomain(name));
  if (domain.is_verified) return domain;
  sqlite::Statement& update =
      impl_->db_->Prepare("UPDATE domains SET is_verified = 1 WHERE name = ?");
  update.Bind(1, domain.id);
  RETURN_IF_ERROR(update.Run());
  RETURN_IF_ERROR(impl_->Audit(actor, "Verify domain", "Domain", domain.id, domain.id,
                               {{"isVerified", "false", "true"}}));
  RETURN_IF_ERROR(txn.Commit());
  domain.is_verified = true;
  return domain;
}

Result<Domain> LocalDirectory::SetDefaultDomain(const Actor& actor, std::string_view name) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(Domain domain, impl_->RequireDomain(name));
  if (!domain.is_verified) return Fail(errors::DomainNotVerified(domain.id));
  if (domain.is_default) return domain;
  RETURN_IF_ERROR(impl_->db_->Exec("UPDATE domains SET is_default = 0 WHERE is_default = 1"));
  sqlite::Statement& update =
      impl_->db_->Prepare("UPDATE domains SET is_default = 1 WHERE name = ?");
  update.Bind(1, domain.id);
  RETURN_IF_ERROR(update.Run());
  RETURN_IF_ERROR(impl_->Audit(actor, "Set default domain", "Domain", domain.id, domain.id,
                               {{"isDefault", "false", "true"}}));
  RETURN_IF_ERROR(txn.Commit());
  domain.is_default = true;
  return domain;
}

Status LocalDirectory::RemoveDomain(const Actor& actor, std::string_view name) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->PurgeExpiredCommitted());
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(Domain domain, impl_->RequireDomain(name));
  if (domain.is_default || domain.is_initial) {
    return Fail(errors::DomainIsDefaultOrInitial(domain.id));
  }
  ASSIGN_OR_RETURN(const long long users, impl_->users_.CountInDomain(domain.id));
  if (users > 0) return Fail(errors::DomainInUse(domain.id, users));
  sqlite::Statement& remove = impl_->db_->Prepare("DELETE FROM domains WHERE name = ?");
  remove.Bind(1, domain.id);
  RETURN_IF_ERROR(remove.Run());
  RETURN_IF_ERROR(impl_->Audit(
      actor, domain.is_verified ? "Remove verified domain" : "Remove unverified domain", "Domain",
      domain.id, domain.id));
  return txn.Commit();
}

Result<CreatedUser> LocalDirectory::CreateUser(const Actor& actor, const NewUser& request,
                                               bool generate_password) {
  NewUser effective = request;
  const bool generated = generate_password &&
                         (!request.password_profile || request.password_profile->password.empty());
  if (generated) {
    // A placeholder satisfies step 1; the real password is drawn once the user is known.
    if (!effective.password_profile) effective.password_profile = PasswordProfile{};
    effective.password_profile->password = "generated";
  }
  // Steps 1-4: pure.
  ASSIGN_OR_RETURN(ValidatedNewUser validated, ValidateNewUser(effective));
  User& user = validated.user;
  PasswordProfile& profile = validated.password_profile;
  if (user.mail) SetPrimarySmtpAddress(user.proxy_addresses, *user.mail);

  // Steps 5-6 against the tenant, before the slow part.
  std::string tenant_name;
  {
    Impl::Session session(*impl_);
    ASSIGN_OR_RETURN(Tenant tenant, impl_->LoadTenant());
    tenant_name = tenant.display_name;
    RETURN_IF_ERROR(impl_->CheckUpnAndAddresses(user, 0));
  }
  // Step 7, and hashing, outside the lock.
  ASSIGN_OR_RETURN(
      Impl::HashedPassword prepared,
      impl_->PreparePassword(std::move(profile.password), generated,
                             profile.force_change_password_next_sign_in, user, tenant_name));
  profile.password = std::move(prepared.password);
  const std::string& hash = prepared.hash;

  const UnixSeconds now = impl_->clock_.Now();
  user.id = NewUuid(impl_->random_);
  user.created_date_time = now;
  user.last_password_change_date_time = now;
  user.sign_in_sessions_valid_from_date_time = now;
  user.force_change_password_next_sign_in = profile.force_change_password_next_sign_in;
  user.force_change_password_next_sign_in_with_mfa =
      profile.force_change_password_next_sign_in_with_mfa;
  if (!user.user_type) user.user_type = "Member";

  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  // Another writer may have taken the UPN while we hashed: check again, then the quota.
  RETURN_IF_ERROR(impl_->InsertNewUserLocked(actor, user, hash));
  RETURN_IF_ERROR(txn.Commit());
  return CreatedUser{.user = std::move(user),
                     .generated_password = generated ? std::move(profile.password) : ""};
}

Status LocalDirectory::Impl::InsertNewUserLocked(const Actor& actor, const User& user,
                                                 const std::string& hash) {
  RETURN_IF_ERROR(CheckUpnAndAddresses(user, 0));
  RETURN_IF_ERROR(PurgeExpiredLocked());
  RETURN_IF_ERROR(CheckQuota());
  RETURN_IF_ERROR(users_.Insert(user, hash));
  std::vector<PropertyChange> changes = engine::DiffUsers(nullptr, user);
  changes.push_back({"passwordProfile", std::nullopt, std::string(kRedacted)});
  return AuditUser(actor, "Add user", user, std::move(changes));
}

Result<LocalDirectory::Impl::HashedPassword> LocalDirectory::Impl::PreparePassword(
    std::string password, bool generated, bool force_change, const User& user,
    const std::string& tenant_name) {
  if (generated) {
    password = GenerateUserPassword(random_, user, tenant_name);
  } else {
    RETURN_IF_ERROR(CheckUserPassword(password, user, tenant_name));
  }
  ASSIGN_OR_RETURN(std::string hash, HashPassword(password, generated, force_change));
  return HashedPassword{.password = std::move(password), .hash = std::move(hash)};
}

Result<User> LocalDirectory::GetUser(std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  return std::move(stored.user);
}

Result<UserPage> LocalDirectory::ListUsers(const UserListOptions& options) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->LoadTenant());
  return impl_->users_.List(options, false);
}

Result<User> LocalDirectory::Impl::PrepareUpdate(const engine::StoredUser& stored,
                                                 const PropertyMap& patch) {
  ASSIGN_OR_RETURN(User updated, ApplyUserPatch(stored.user, patch));
  const bool upn_changed = updated.user_principal_name != stored.user.user_principal_name;
  if (updated.mail && updated.mail != stored.user.mail) {
    SetPrimarySmtpAddress(updated.proxy_addresses, *updated.mail);
  }
  // The old UPN stays reachable as a secondary address, for a user with a mailbox address
  // only, and only if it is another address (not a change of case).
  if (upn_changed && !updated.proxy_addresses.empty() &&
      !AsciiIEquals(updated.user_principal_name, stored.user.user_principal_name)) {
    AddSecondarySmtpAddress(updated.proxy_addresses, stored.user.user_principal_name);
  }
  if (upn_changed || updated.proxy_addresses != stored.user.proxy_addresses ||
      updated.on_premises_immutable_id != stored.user.on_premises_immutable_id) {
    RETURN_IF_ERROR(CheckUpnAndAddresses(updated, stored.key));
  }
  return updated;
}

Result<User> LocalDirectory::UpdateUser(const Actor& actor, std::string_view user,
                                        const PropertyMap& patch) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  RETURN_IF_ERROR(CheckCloudWritable(stored.user, patch));
  ASSIGN_OR_RETURN(User updated, impl_->PrepareUpdate(stored, patch));
  std::vector<PropertyChange> changes = engine::DiffUsers(&stored.user, updated);
  if (changes.empty()) return updated;
  RETURN_IF_ERROR(impl_->users_.Update(stored.key, stored.user, updated));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Update user", updated, std::move(changes)));
  RETURN_IF_ERROR(txn.Commit());
  return updated;
}

Result<User> LocalDirectory::UpdateUserWithPassword(const Actor& actor, std::string_view user,
                                                    const PropertyMap& patch,
                                                    const PasswordChange& password) {
  ASSIGN_OR_RETURN(Impl::UserInTenant loaded, impl_->LoadUserInTenant(user));
  User prospective;
  {
    Impl::Session session(*impl_);
    ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(loaded.user.id, false));
    RETURN_IF_ERROR(CheckCloudWritable(stored.user, patch));
    ASSIGN_OR_RETURN(prospective, impl_->PrepareUpdate(stored, patch));
  }
  if (prospective.on_premises_sync_enabled == true) {
    return Fail(errors::PasswordWritebackDisabled());
  }
  ASSIGN_OR_RETURN(Impl::HashedPassword prepared,
                   impl_->PreparePassword(password.password, false,
                                          password.force_change_password_next_sign_in,
                                          prospective, loaded.tenant_name));

  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  // Checked again: the user may have changed while we hashed.
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(loaded.user.id, false));
  RETURN_IF_ERROR(CheckCloudWritable(stored.user, patch));
  ASSIGN_OR_RETURN(User updated, impl_->PrepareUpdate(stored, patch));
  if (updated.on_premises_sync_enabled == true) return Fail(errors::PasswordWritebackDisabled());
  if (std::vector<PropertyChange> changes = engine::DiffUsers(&stored.user, updated);
      !changes.empty()) {
    RETURN_IF_ERROR(impl_->users_.Update(stored.key, stored.user, updated));
    RETURN_IF_ERROR(impl_->AuditUser(actor, "Update user", updated, std::move(changes)));
  }
  RETURN_IF_ERROR(impl_->users_.SetPassword(stored.key, prepared.hash, impl_->clock_.Now(),
                                            password.force_change_password_next_sign_in,
                                            password.force_change_password_next_sign_in_with_mfa));
  RETURN_IF_ERROR(engine::SignInLockouts(*impl_->db_).Clear(stored.key));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Reset user password", updated,
                                   engine::PasswordResetChanges(updated, password)));
  RETURN_IF_ERROR(txn.Commit());
  return updated;
}

Result<std::string> LocalDirectory::SetPassword(const Actor& actor, std::string_view user,
                                                const PasswordChange& change) {
  ASSIGN_OR_RETURN(Impl::UserInTenant loaded, impl_->LoadUserInTenant(user));
  const User& current = loaded.user;
  const std::string& tenant_name = loaded.tenant_name;
  // A synchronized user's password is on-premises AD's; writeback is off.
  if (current.on_premises_sync_enabled == true) return Fail(errors::PasswordWritebackDisabled());
  const bool generated = change.generate && change.password.empty();
  ASSIGN_OR_RETURN(
      Impl::HashedPassword prepared,
      impl_->PreparePassword(change.password, generated, change.force_change_password_next_sign_in,
                             current, tenant_name));

  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  // The user may have been deleted, or synchronized, while we hashed.
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(current.id, false));
  if (stored.user.on_premises_sync_enabled == true) {
    return Fail(errors::PasswordWritebackDisabled());
  }
  RETURN_IF_ERROR(impl_->users_.SetPassword(stored.key, prepared.hash, impl_->clock_.Now(),
                                            change.force_change_password_next_sign_in,
                                            change.force_change_password_next_sign_in_with_mfa));
  RETURN_IF_ERROR(engine::SignInLockouts(*impl_->db_).Clear(stored.key));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Reset user password", stored.user,
                                   engine::PasswordResetChanges(stored.user, change)));
  RETURN_IF_ERROR(txn.Commit());
  return generated ? std::move(prepared.password) : std::string();
}

Status LocalDirectory::DeleteUser(const Actor& actor, std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  // A synchronized user is deleted on-premises; Entra Connect then deletes it here.
  if (stored.user.on_premises_sync_enabled == true) return Fail(errors::OnPremisesMastered());
  RETURN_IF_ERROR(impl_->users_.SetDeleted(stored.key, impl_->clock_.Now()));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Delete user", stored.user));
  // Its direct reports lose their manager; its own links and group memberships stay, hidden,
  // for a restore (docs/entra-rules.md, Groups and managers).
  ASSIGN_OR_RETURN(const std::vector<DirectoryObjectRef> reports,
                   engine::ManagerLinks(*impl_->db_).DetachReports(stored.key));
  for (const DirectoryObjectRef& report : reports) {
    RETURN_IF_ERROR(impl_->Audit(actor, "Remove user manager", "User", report.id,
                                 report.user_principal_name,
                                 {{"manager", stored.user.user_principal_name, std::nullopt}}));
  }
  return txn.Commit();
}

Result<UserPage> LocalDirectory::ListDeletedUsers(const UserListOptions& options) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->PurgeExpiredCommitted());
  return impl_->users_.List(options, true);
}

Result<User> LocalDirectory::GetDeletedUser(std::string_view id) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->PurgeExpiredCommitted());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(id, true));
  return std::move(stored.user);
}

Result<User> LocalDirectory::RestoreUser(const Actor& actor, std::string_view id,
                                         const RestoreOptions& options) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->PurgeExpiredCommitted());
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(id, true));
  User restored = stored.user;
  restored.deleted_date_time.reset();
  if (options.new_user_principal_name) {
    restored.user_principal_name = *options.new_user_principal_name;
  } else {
    ASSIGN_OR_RETURN(const bool taken,
                     impl_->users_.IsUpnTaken(restored.user_principal_name, stored.key));
    if (taken) return Fail(errors::RestoreUpnConflict(restored.id, restored.user_principal_name));
  }
  if (options.auto_reconcile_proxy_conflicts) {
    std::vector<std::string> kept;
    for (const std::string& address : restored.proxy_addresses) {
      ASSIGN_OR_RETURN(std::optional<std::string> conflict,
                       impl_->users_.FindProxyConflict({address}, stored.key));
      if (!conflict) kept.push_back(address);
    }
    restored.proxy_addresses = std::move(kept);
    RepairPrimaryAddress(restored);
  }
  // Licences take their seats back where seats are free (docs/entra-rules.md, "Licences").
  ASSIGN_OR_RETURN(
      const std::vector<PropertyChange> licence_changes,
      engine::RetakeLicenseSeats(*impl_->db_, stored.key, restored, impl_->clock_.Now()));
  RETURN_IF_ERROR(impl_->CheckUpnAndAddresses(restored, stored.key));
  std::vector<PropertyChange> changes = engine::DiffUsers(&stored.user, restored);
  if (!changes.empty()) RETURN_IF_ERROR(impl_->users_.Update(stored.key, stored.user, restored));
  changes.insert(changes.end(), licence_changes.begin(), licence_changes.end());
  RETURN_IF_ERROR(impl_->users_.SetDeleted(stored.key, std::nullopt));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Restore user", restored, std::move(changes)));
  RETURN_IF_ERROR(txn.Commit());
  return restored;
}

Status LocalDirectory::PurgeUser(const Actor& actor, std::string_view id) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->PurgeExpiredCommitted());
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(id, true));
  RETURN_IF_ERROR(impl_->users_.Remove(stored.key));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Hard delete user", stored.user));
  return txn.Commit();
}

Result<int> LocalDirectory::PurgeExpiredUsers() {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(const int purged, impl_->PurgeExpiredLocked());
  RETURN_IF_ERROR(txn.Commit());
  return purged;
}

Result<bool> LocalDirectory::CheckPassword(std::string_view user, std::string_view password) {
  std::string hash;
  {
    Impl::Session session(*impl_);
    ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
    hash = std::move(stored.password_hash);
  }
  return impl_->hasher_.Verify(hash, password);
}

Result<std::vector<AuditEvent>> LocalDirectory::ListAuditEvents(const AuditQuery& query) {
  Impl::Session session(*impl_);
  return engine::ReadAuditEvents(*impl_->db_, query);
}

Status LocalDirectory::BeginWriteBatch() {
  Impl::Session session(*impl_);
  return impl_->db_->SetBatching(true);
}

Status LocalDirectory::FlushWrites() {
  Impl::Session session(*impl_);
  return impl_->db_->Flush();
}

Status LocalDirectory::EndWriteBatch() {
  Impl::Session session(*impl_);
  return impl_->db_->SetBatching(false);
}

Result<std::vector<JobStep>> LocalDirectory::ListCommittedJobSteps(std::string_view job_id) {
  Impl::Session session(*impl_);
  return engine::ReadJobSteps(*impl_->db_, job_id);
}

}  // namespace admin365
