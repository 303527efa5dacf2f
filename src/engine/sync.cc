// LocalDirectory::SyncUser: the Entra Connect simulator (local_directory.h says what it
// does; domain/hybrid_identity.h, which properties it masters).

#include "domain/graph_errors.h"
#include "domain/mail_nickname.h"
#include "domain/user_validation.h"
#include "engine/audit_trail.h"
#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/proxy_addresses.h"

namespace admin365 {

namespace {

std::optional<std::string> AsOptional(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// Stamps what Entra Connect writes on every export.
void ApplyIdentity(User& user, const OnPremisesIdentity& identity, UnixSeconds now) {
  user.on_premises_sync_enabled = true;
  user.on_premises_immutable_id = identity.immutable_id;
  user.on_premises_sam_account_name = AsOptional(identity.sam_account_name);
  user.on_premises_distinguished_name = AsOptional(identity.distinguished_name);
  user.on_premises_domain_name = AsOptional(identity.domain_name);
  user.on_premises_user_principal_name = AsOptional(identity.user_principal_name);
  user.on_premises_last_sync_date_time = now;
}

const std::string* RequestedUpn(const NewUser& request) {
  const auto it = request.properties.find("userPrincipalName");
  if (it == request.properties.end()) return nullptr;
  return std::get_if<std::string>(&it->second);
}

}  // namespace

Result<User> LocalDirectory::SyncUser(const Actor& actor, const NewUser& request,
                                      const OnPremisesIdentity& identity) {
  RETURN_IF_ERROR(ValidateOnPremisesIdentity(identity));
  const bool password_given =
      request.password_profile && !request.password_profile->password.empty();
  // The password: password hash sync's, or for a new user one nobody knows (244 random
  // bits, so the fast keyed hash is enough). Hashed before taking the lock.
  std::string hash;
  if (password_given) {
    ASSIGN_OR_RETURN(hash, impl_->hasher_.HashChosen(request.password_profile->password));
  } else {
    hash = impl_->hasher_.HashGenerated(NewUuid(impl_->random_) + NewUuid(impl_->random_));
  }

  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  // The hard match, then the soft match on the UPN.
  ASSIGN_OR_RETURN(std::optional<engine::StoredUser> match,
                   impl_->users_.FindByImmutableId(identity.immutable_id));
  if (!match) {
    if (const std::string* upn = RequestedUpn(request);
        upn && upn->find('@') != std::string::npos) {
      ASSIGN_OR_RETURN(match, impl_->users_.Find(*upn, false));
      if (match && match->user.on_premises_immutable_id) {
        return Fail(errors::ObjectConflict("userPrincipalName"));
      }
    }
  }
  const UnixSeconds now = impl_->clock_.Now();

  if (!match) {
    NewUser effective = request;
    effective.properties.erase("onPremisesImmutableId");
    // Entra Connect always sends these two; absent, the simulator takes AD's defaults: an
    // enabled account, and the UPN's alias as mail nickname.
    PropertyMap& properties = effective.properties;
    if (properties.find("accountEnabled") == properties.end()) properties["accountEnabled"] = true;
    if (const std::string* upn = RequestedUpn(request);
        upn && properties.find("mailNickname") == properties.end()) {
      if (std::string alias = DeriveMailNickname(*upn); !alias.empty()) {
        properties["mailNickname"] = std::move(alias);
      }
    }
    if (!password_given) effective.password_profile = PasswordProfile{.password = "synced"};
    ASSIGN_OR_RETURN(ValidatedNewUser validated, ValidateNewUser(effective));
    User& user = validated.user;
    if (user.mail) engine::SetPrimarySmtpAddress(user.proxy_addresses, *user.mail);
    user.id = NewUuid(impl_->random_);
    user.created_date_time = now;
    user.last_password_change_date_time = now;
    user.sign_in_sessions_valid_from_date_time = now;
    if (!user.user_type) user.user_type = "Member";
    ApplyIdentity(user, identity, now);
    RETURN_IF_ERROR(impl_->InsertNewUserLocked(actor, user, hash));
    RETURN_IF_ERROR(txn.Commit());
    return user;
  }

  PropertyMap patch = request.properties;
  patch.erase("onPremisesImmutableId");
  User with_identity = match->user;
  ApplyIdentity(with_identity, identity, now);
  const engine::StoredUser stamped{.key = match->key, .user = with_identity};
  ASSIGN_OR_RETURN(User updated, impl_->PrepareUpdate(stamped, patch));
  if (updated.on_premises_immutable_id != match->user.on_premises_immutable_id) {
    RETURN_IF_ERROR(impl_->CheckUpnAndAddresses(updated, match->key));
  }
  RETURN_IF_ERROR(impl_->users_.Update(match->key, match->user, updated));
  std::vector<PropertyChange> changes = engine::DiffUsers(&match->user, updated);
  if (password_given) {
    RETURN_IF_ERROR(impl_->users_.SetPassword(match->key, hash, now, false, false));
    updated.last_password_change_date_time = now;
    updated.force_change_password_next_sign_in = false;
    updated.force_change_password_next_sign_in_with_mfa = false;
    changes.push_back({"passwordProfile", std::string(kRedacted), std::string(kRedacted)});
  }
  if (!changes.empty()) {
    RETURN_IF_ERROR(impl_->AuditUser(actor, "Update user", updated, std::move(changes)));
  }
  RETURN_IF_ERROR(txn.Commit());
  return updated;
}

}  // namespace admin365
