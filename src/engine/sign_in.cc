// LocalDirectory: password sign-in under smart lockout, the tenant's lockout settings and
// the sign-in log.
//
// The password and the fingerprint of a wrong one are hashed outside the lock; the count
// is then re-read and written in one transaction, so concurrent wrong attempts all count.
// A lockout is audited ("Lock user account", by the signing-in app) with the time it ends;
// a change of the settings as "Update directory setting". Clearing a remembered failure
// (a success) is bookkeeping, not audited.

#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/sign_in_lockouts.h"
#include "engine/sign_in_log.h"

namespace admin365 {

Result<LocalDirectory::PasswordSignIn> LocalDirectory::SignInWithPassword(
    const Actor& actor, std::string_view user, std::string_view password) {
  engine::StoredUser stored;
  std::optional<engine::StoredLockout> lockout;
  LockoutSettings settings;
  {
    Impl::Session session(*impl_);
    ASSIGN_OR_RETURN(stored, impl_->RequireUser(user, false));
    engine::SignInLockouts lockouts(*impl_->db_);
    ASSIGN_OR_RETURN(lockout, lockouts.Find(stored.key));
    ASSIGN_OR_RETURN(settings, lockouts.Settings());
  }
  if (lockout && IsLocked(lockout->state, impl_->clock_.Now())) return PasswordSignIn::kLocked;

  if (impl_->hasher_.Verify(stored.password_hash, password)) {
    if (!lockout) return PasswordSignIn::kAccepted;
    Impl::Session session(*impl_);
    RETURN_IF_ERROR(engine::SignInLockouts(*impl_->db_).Clear(stored.key));
    return PasswordSignIn::kAccepted;
  }

  std::string salt = lockout ? lockout->salt : impl_->hasher_.NewSalt();
  // Twice at most: a concurrent first failure may have stored a row with another salt,
  // whose fingerprints ours must be comparable with.
  for (int attempt = 0;; ++attempt) {
    ASSIGN_OR_RETURN(const std::string fingerprint, impl_->hasher_.Fingerprint(password, salt));
    Impl::Session session(*impl_);
    ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
    engine::SignInLockouts lockouts(*impl_->db_);
    // Another attempt may have counted, or a reset cleared the count, while we hashed.
    ASSIGN_OR_RETURN(lockout, lockouts.Find(stored.key));
    if (lockout && lockout->salt != salt && attempt == 0) {
      salt = lockout->salt;
      continue;
    }
    if (!lockout || lockout->salt != salt) lockout = engine::StoredLockout{.salt = salt};
    const UnixSeconds now = impl_->clock_.Now();
    if (IsLocked(lockout->state, now)) return PasswordSignIn::kLocked;
    if (CountWrongPassword(lockout->state, fingerprint, settings, now)) {
      RETURN_IF_ERROR(impl_->AuditUser(
          actor, "Lock user account", stored.user,
          {{"lockedUntil", std::nullopt, FormatIso8601(lockout->state.locked_until)}}));
    }
    RETURN_IF_ERROR(lockouts.Save(stored.key, *lockout));
    RETURN_IF_ERROR(txn.Commit());
    return PasswordSignIn::kWrongPassword;
  }
}

Result<LockoutSettings> LocalDirectory::GetLockoutSettings() {
  Impl::Session session(*impl_);
  return engine::SignInLockouts(*impl_->db_).Settings();
}

Result<LockoutSettings> LocalDirectory::SetLockoutSettings(const Actor& actor,
                                                           const LockoutSettings& settings) {
  RETURN_IF_ERROR(ValidateLockoutSettings(settings));
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(const Tenant tenant, impl_->LoadTenant());
  engine::SignInLockouts lockouts(*impl_->db_);
  ASSIGN_OR_RETURN(const LockoutSettings before, lockouts.Settings());
  if (before == settings) return settings;
  std::vector<PropertyChange> changes;
  if (before.threshold != settings.threshold) {
    changes.push_back({"LockoutThreshold", std::to_string(before.threshold),
                       std::to_string(settings.threshold)});
  }
  if (before.duration_seconds != settings.duration_seconds) {
    changes.push_back({"LockoutDurationInSeconds", std::to_string(before.duration_seconds),
                       std::to_string(settings.duration_seconds)});
  }
  RETURN_IF_ERROR(lockouts.SetSettings(settings));
  RETURN_IF_ERROR(impl_->Audit(actor, "Update directory setting", "Tenant", tenant.id,
                               tenant.display_name, std::move(changes)));
  RETURN_IF_ERROR(txn.Commit());
  return settings;
}

Status LocalDirectory::RecordSignIn(const SignIn& sign_in) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  engine::SignInLog log(*impl_->db_);
  RETURN_IF_ERROR(log.PurgeBefore(impl_->clock_.Now() - kSignInRetention));
  RETURN_IF_ERROR(log.Append(sign_in));
  return txn.Commit();
}

Result<std::vector<SignIn>> LocalDirectory::ListSignIns(const SignInQuery& query) {
  Impl::Session session(*impl_);
  return engine::SignInLog(*impl_->db_).List(query);
}

}  // namespace admin365
