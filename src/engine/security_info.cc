// LocalDirectory: sign-in sessions, per-user MFA and authentication methods (§3.7).
//
// Every write is one transaction with its audit event, under Entra's activity names:
// "Update StsRefreshTokenValidFrom Timestamp" (revokeSignInSessions), "Update per-user
// multifactor authentication state", "Admin registered|updated|deleted security info"
// (phone and email methods), "PATCH UserAuthMethod.PatchSignInPreferencesAsync" (the
// default method) and "Update user" (the allowed methods, MSOnline's
// StrongAuthenticationMethods). A write that changes nothing records nothing.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/authentication_rules.h"
#include "domain/graph_errors.h"
#include "domain/user_properties.h"
#include "engine/authentication_table.h"
#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"

namespace admin365 {

namespace {

constexpr std::string_view kPreferredMethodProperty =
    "userPreferredMethodForSecondaryAuthentication";

const PhoneMethod* FindPhone(const AuthenticationInfo& info, std::string_view phone_type) {
  for (const PhoneMethod& phone : info.phone_methods) {
    if (phone.phone_type == phone_type) return &phone;
  }
  return nullptr;
}

std::string PhoneAuditName(std::string_view phone_type) {
  return fmt::format("phoneMethods/{}", phone_type);
}

// The allowed list as the audit trail shows it; every method (empty) is no value.
std::optional<std::string> AllowedText(const std::vector<std::string>& methods) {
  if (methods.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(methods, ","));
}

// The change that clears a preferred method whose phone or permission went away, if any.
std::optional<PropertyChange> DropPreferredMethodIf(AuthenticationInfo& info, bool drop) {
  auto& preferred = info.sign_in_preferences.user_preferred_method_for_secondary_authentication;
  if (!drop || !preferred) return std::nullopt;
  PropertyChange change{std::string(kPreferredMethodProperty), *preferred, std::nullopt};
  preferred.reset();
  return change;
}

}  // namespace

Result<User> LocalDirectory::RevokeSignInSessions(const Actor& actor, std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  User updated = stored.user;
  updated.sign_in_sessions_valid_from_date_time = impl_->clock_.Now();
  RETURN_IF_ERROR(impl_->users_.Update(stored.key, stored.user, updated));
  RETURN_IF_ERROR(
      impl_->AuditUser(actor, "Update StsRefreshTokenValidFrom Timestamp", updated,
                       {{"signInSessionsValidFromDateTime",
                         FormatIso8601(stored.user.sign_in_sessions_valid_from_date_time),
                         FormatIso8601(updated.sign_in_sessions_valid_from_date_time)}}));
  RETURN_IF_ERROR(txn.Commit());
  return updated;
}

Result<AuthenticationInfo> LocalDirectory::GetAuthenticationInfo(std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  ASSIGN_OR_RETURN(AuthenticationInfo info,
                   engine::AuthenticationTable(*impl_->db_).Load(stored.key));
  info.password_method.created_date_time = stored.user.last_password_change_date_time;
  return info;
}

Status LocalDirectory::SetPerUserMfaState(const Actor& actor, std::string_view user,
                                          PerUserMfaState state) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  engine::AuthenticationTable methods(*impl_->db_);
  ASSIGN_OR_RETURN(const AuthenticationInfo info, methods.Load(stored.key));
  if (info.per_user_mfa_state == state) return Ok();
  RETURN_IF_ERROR(methods.SetMfaState(stored.key, state));
  RETURN_IF_ERROR(
      impl_->AuditUser(actor, "Update per-user multifactor authentication state", stored.user,
                       {{"perUserMfaState", std::string(MfaStateName(info.per_user_mfa_state)),
                         std::string(MfaStateName(state))}}));
  return txn.Commit();
}

Result<PhoneMethod> LocalDirectory::SetPhoneMethod(const Actor& actor, std::string_view user,
                                                   const PhoneMethod& phone) {
  if (phone.phone_number.empty()) {
    RETURN_IF_ERROR(RemovePhoneMethod(actor, user, phone.phone_type));
    return PhoneMethod{};
  }
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  const std::optional<std::string_view> id = PhoneMethodIdFor(phone.phone_type);
  if (!id) return Fail(errors::InvalidPhoneType());
  if (!IsValidPhoneNumber(phone.phone_number)) return Fail(errors::InvalidPhoneNumber());
  engine::AuthenticationTable methods(*impl_->db_);
  ASSIGN_OR_RETURN(const AuthenticationInfo info, methods.Load(stored.key));
  if (phone.phone_type == "alternateMobile" && FindPhone(info, "mobile") == nullptr) {
    return Fail(errors::AlternateMobileNeedsMobile());
  }
  const PhoneMethod stored_phone{
      .id = std::string(*id),
      .phone_number = phone.phone_number,
      .phone_type = phone.phone_type,
      .sms_sign_in_state = std::string(SmsSignInStateFor(phone.phone_type))};
  const PhoneMethod* existing = FindPhone(info, phone.phone_type);
  if (existing != nullptr && existing->phone_number == phone.phone_number) return stored_phone;
  RETURN_IF_ERROR(methods.SetPhone(stored.key, phone.phone_type, phone.phone_number));
  RETURN_IF_ERROR(impl_->AuditUser(
      actor, existing ? "Admin updated security info" : "Admin registered security info",
      stored.user,
      {{PhoneAuditName(phone.phone_type),
        existing ? std::optional<std::string>(existing->phone_number) : std::nullopt,
        phone.phone_number}}));
  RETURN_IF_ERROR(txn.Commit());
  return stored_phone;
}

Status LocalDirectory::RemovePhoneMethod(const Actor& actor, std::string_view user,
                                         std::string_view phone_type) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  const std::optional<std::string_view> id = PhoneMethodIdFor(phone_type);
  if (!id) return Fail(errors::InvalidPhoneType());
  engine::AuthenticationTable methods(*impl_->db_);
  ASSIGN_OR_RETURN(AuthenticationInfo info, methods.Load(stored.key));
  const PhoneMethod* existing = FindPhone(info, phone_type);
  if (existing == nullptr) return Fail(errors::ResourceNotFound(*id));
  if (phone_type == "mobile" && FindPhone(info, "alternateMobile") != nullptr) {
    return Fail(errors::MobileNeededByAlternateMobile());
  }
  std::vector<PropertyChange> changes = {
      {PhoneAuditName(phone_type), existing->phone_number, std::nullopt}};
  // A preferred method that calls or texts this phone falls back to none.
  const auto& preferred =
      info.sign_in_preferences.user_preferred_method_for_secondary_authentication;
  if (auto dropped =
          DropPreferredMethodIf(info, preferred && PhoneTypeUsedBy(*preferred) == phone_type)) {
    changes.push_back(std::move(*dropped));
    RETURN_IF_ERROR(methods.SetSignInPreferences(stored.key, info.sign_in_preferences));
  }
  RETURN_IF_ERROR(methods.RemovePhone(stored.key, phone_type));
  RETURN_IF_ERROR(
      impl_->AuditUser(actor, "Admin deleted security info", stored.user, std::move(changes)));
  return txn.Commit();
}

Status LocalDirectory::SetEmailMethod(const Actor& actor, std::string_view user,
                                      std::string_view email_address) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  engine::AuthenticationTable methods(*impl_->db_);
  ASSIGN_OR_RETURN(const AuthenticationInfo info, methods.Load(stored.key));
  const std::optional<std::string> before =
      info.email_method ? std::optional<std::string>(info.email_method->email_address)
                        : std::nullopt;
  if (email_address.empty()) {
    if (!before) return Fail(errors::ResourceNotFound(kEmailMethodId));
    RETURN_IF_ERROR(methods.RemoveEmail(stored.key));
    RETURN_IF_ERROR(impl_->AuditUser(actor, "Admin deleted security info", stored.user,
                                     {{"emailMethods", before, std::nullopt}}));
    return txn.Commit();
  }
  // The same rule as otherMails: an ASCII address with one '@'.
  if (!CheckPropertyText(*FindUserProperty("otherMails"), email_address)) {
    return Fail(errors::InvalidEmailMethodAddress());
  }
  if (before == email_address) return Ok();
  RETURN_IF_ERROR(methods.SetEmail(stored.key, email_address));
  RETURN_IF_ERROR(impl_->AuditUser(
      actor, before ? "Admin updated security info" : "Admin registered security info", stored.user,
      {{"emailMethods", before, std::string(email_address)}}));
  return txn.Commit();
}

Status LocalDirectory::SetAllowedMethods(const Actor& actor, std::string_view user,
                                         const std::vector<std::string>& methods) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  ASSIGN_OR_RETURN(const std::vector<std::string> allowed, NormalizeAllowedMethods(methods));
  engine::AuthenticationTable table(*impl_->db_);
  ASSIGN_OR_RETURN(AuthenticationInfo info, table.Load(stored.key));
  if (info.allowed_methods == allowed) return Ok();
  std::vector<PropertyChange> changes = {
      {"allowedMethods", AllowedText(info.allowed_methods), AllowedText(allowed)}};
  // A preferred method no longer allowed falls back to none.
  const auto& preferred =
      info.sign_in_preferences.user_preferred_method_for_secondary_authentication;
  if (auto dropped =
          DropPreferredMethodIf(info, preferred && !IsMethodAllowed(allowed, *preferred))) {
    changes.push_back(std::move(*dropped));
    RETURN_IF_ERROR(table.SetSignInPreferences(stored.key, info.sign_in_preferences));
  }
  RETURN_IF_ERROR(table.SetAllowedMethods(stored.key, allowed));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "Update user", stored.user, std::move(changes)));
  return txn.Commit();
}

Status LocalDirectory::SetSignInPreferences(const Actor& actor, std::string_view user,
                                            const SignInPreferences& preferences) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  const std::optional<std::string>& method =
      preferences.user_preferred_method_for_secondary_authentication;
  if (method && !IsSecondaryAuthenticationMethod(*method)) {
    return Fail(errors::InvalidAuthenticationMethod(kPreferredMethodProperty));
  }
  engine::AuthenticationTable table(*impl_->db_);
  ASSIGN_OR_RETURN(const AuthenticationInfo info, table.Load(stored.key));
  if (method) {
    if (!IsMethodAllowed(info.allowed_methods, *method)) {
      return Fail(errors::MethodNotAllowed(*method));
    }
    const std::optional<std::string_view> phone_type = PhoneTypeUsedBy(*method);
    if (phone_type && FindPhone(info, *phone_type) == nullptr) {
      return Fail(errors::DefaultMethodNotRegistered(*method, *phone_type));
    }
  }
  const SignInPreferences& before = info.sign_in_preferences;
  if (before == preferences) return Ok();
  std::vector<PropertyChange> changes;
  if (before.user_preferred_method_for_secondary_authentication != method) {
    changes.push_back({std::string(kPreferredMethodProperty),
                       before.user_preferred_method_for_secondary_authentication, method});
  }
  const auto flag = [](bool value) { return std::string(value ? "true" : "false"); };
  if (before.is_system_preferred_authentication_method_enabled !=
      preferences.is_system_preferred_authentication_method_enabled) {
    changes.push_back({"isSystemPreferredAuthenticationMethodEnabled",
                       flag(before.is_system_preferred_authentication_method_enabled),
                       flag(preferences.is_system_preferred_authentication_method_enabled)});
  }
  RETURN_IF_ERROR(table.SetSignInPreferences(stored.key, preferences));
  RETURN_IF_ERROR(impl_->AuditUser(actor, "PATCH UserAuthMethod.PatchSignInPreferencesAsync",
                                   stored.user, std::move(changes)));
  return txn.Commit();
}

}  // namespace admin365
