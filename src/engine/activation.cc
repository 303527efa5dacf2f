// LocalDirectory::ActivateUser: Enable-MSOnlineUser (entra-graph-facts.md §6.1). Enables
// the user, sets its password, usage location and licences in one transaction, so that a
// failure at any step (a weak password, a bad usage location, no free seat) leaves the
// user as it was.
//
// accountEnabled is on-premises mastered for a synchronized user: activation leaves it to
// Entra Connect. The password is set for every user, synchronized ones included: giving a
// synced user its first cloud password is what Enable-MSOnlineUser was for (BPOS-era
// directory sync carried no passwords); later resets of a synced user's password are
// refused (password writeback is off).
//
// Audit: "Update user" for accountEnabled and usageLocation (when they change), "Reset
// user password" (redacted), then AssignLicense's "Change user license".

#include "domain/graph_errors.h"
#include "domain/user_properties.h"
#include "engine/audit_trail.h"
#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/user_password.h"

namespace admin365 {

Result<ActivatedUser> LocalDirectory::ActivateUser(const Actor& actor, std::string_view user,
                                                   const ActivateRequest& request) {
  const PasswordChange& change = request.password;
  const bool generated = change.generate && change.password.empty();
  if (!generated && change.password.empty()) {
    return Fail(errors::RequiredProperty("passwordProfile"));
  }
  ASSIGN_OR_RETURN(Impl::UserInTenant loaded, impl_->LoadUserInTenant(user));
  const User& current = loaded.user;
  User activated = current;
  if (request.usage_location) {
    RETURN_IF_ERROR(
        SetUserProperty(activated, *FindUserProperty("usageLocation"), *request.usage_location));
  }
  ASSIGN_OR_RETURN(
      Impl::HashedPassword prepared,
      impl_->PreparePassword(change.password, generated, change.force_change_password_next_sign_in,
                             activated, loaded.tenant_name));

  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  // The user may have changed while we hashed: start again from what is stored.
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(current.id, false));
  activated = stored.user;
  if (request.usage_location) {
    RETURN_IF_ERROR(
        SetUserProperty(activated, *FindUserProperty("usageLocation"), *request.usage_location));
  }
  if (activated.on_premises_sync_enabled != true) activated.account_enabled = true;
  if (std::vector<PropertyChange> changes = engine::DiffUsers(&stored.user, activated);
      !changes.empty()) {
    RETURN_IF_ERROR(impl_->users_.Update(stored.key, stored.user, activated));
    RETURN_IF_ERROR(impl_->AuditUser(actor, "Update user", activated, std::move(changes)));
  }
  const UnixSeconds now = impl_->clock_.Now();
  RETURN_IF_ERROR(impl_->users_.SetPassword(stored.key, prepared.hash, now,
                                            change.force_change_password_next_sign_in,
                                            change.force_change_password_next_sign_in_with_mfa));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Reset user password", activated,
                                   engine::PasswordResetChanges(stored.user, change)));
  activated.last_password_change_date_time = now;
  activated.force_change_password_next_sign_in = change.force_change_password_next_sign_in;
  activated.force_change_password_next_sign_in_with_mfa =
      change.force_change_password_next_sign_in_with_mfa;
  if (!request.add_licenses.empty()) {
    ASSIGN_OR_RETURN(activated, impl_->AssignLicenseLocked(
                                    actor, engine::StoredUser{.key = stored.key, .user = activated},
                                    LicenseChange{.add_licenses = request.add_licenses}));
  }
  RETURN_IF_ERROR(txn.Commit());
  return ActivatedUser{.user = std::move(activated),
                       .generated_password = generated ? std::move(prepared.password) : ""};
}

}  // namespace admin365
