#include "engine/authentication_table.h"

#include <algorithm>

#include "domain/authentication_rules.h"

namespace admin365::engine {

namespace {

constexpr std::string_view kPhoneTypes[] = {"mobile", "alternateMobile", "office"};

}  // namespace

Result<AuthenticationInfo> AuthenticationTable::Load(std::int64_t user_key) {
  AuthenticationInfo info;
  sqlite::Statement& settings = db_.Prepare(
      "SELECT per_user_mfa_state, system_preferred, preferred_method FROM user_mfa_settings "
      "WHERE user_key = ?");
  settings.Bind(1, user_key);
  ASSIGN_OR_RETURN(const bool has_settings, settings.Step());
  if (has_settings) {
    info.per_user_mfa_state = ParseMfaState(settings.Text(0)).value_or(PerUserMfaState::kDisabled);
    info.sign_in_preferences.is_system_preferred_authentication_method_enabled =
        settings.Int(1) != 0;
    info.sign_in_preferences.user_preferred_method_for_secondary_authentication =
        settings.OptionalText(2);
  }

  sqlite::Statement& allowed =
      db_.Prepare("SELECT method FROM user_allowed_methods WHERE user_key = ?");
  allowed.Bind(1, user_key);
  std::vector<std::string> stored;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, allowed.Step());
    if (!row) break;
    stored.push_back(allowed.Text(0));
  }
  for (std::string_view method : SecondaryAuthenticationMethods()) {
    if (std::find(stored.begin(), stored.end(), method) != stored.end()) {
      info.allowed_methods.emplace_back(method);
    }
  }

  for (std::string_view type : kPhoneTypes) {
    sqlite::Statement& phone = db_.Prepare(
        "SELECT phone_number FROM user_phone_methods WHERE user_key = ? AND phone_type = ?");
    phone.Bind(1, user_key);
    phone.Bind(2, type);
    ASSIGN_OR_RETURN(const bool row, phone.Step());
    if (!row) continue;
    info.phone_methods.push_back(
        PhoneMethod{.id = std::string(*PhoneMethodIdFor(type)),
                    .phone_number = phone.Text(0),
                    .phone_type = std::string(type),
                    .sms_sign_in_state = std::string(SmsSignInStateFor(type))});
  }

  sqlite::Statement& email =
      db_.Prepare("SELECT email_address FROM user_email_methods WHERE user_key = ?");
  email.Bind(1, user_key);
  ASSIGN_OR_RETURN(const bool has_email, email.Step());
  if (has_email) {
    info.email_method =
        EmailMethod{.id = std::string(kEmailMethodId), .email_address = email.Text(0)};
  }
  return info;
}

Status AuthenticationTable::SetMfaState(std::int64_t user_key, PerUserMfaState state) {
  sqlite::Statement& upsert = db_.Prepare(
      "INSERT INTO user_mfa_settings (user_key, per_user_mfa_state) VALUES (?, ?) "
      "ON CONFLICT (user_key) DO UPDATE SET per_user_mfa_state = excluded.per_user_mfa_state");
  upsert.Bind(1, user_key);
  upsert.Bind(2, MfaStateName(state));
  return upsert.Run();
}

Status AuthenticationTable::SetSignInPreferences(std::int64_t user_key,
                                                 const SignInPreferences& preferences) {
  sqlite::Statement& upsert = db_.Prepare(
      "INSERT INTO user_mfa_settings (user_key, system_preferred, preferred_method) "
      "VALUES (?, ?, ?) ON CONFLICT (user_key) DO UPDATE SET "
      "system_preferred = excluded.system_preferred, "
      "preferred_method = excluded.preferred_method");
  upsert.Bind(1, user_key);
  upsert.Bind(2, preferences.is_system_preferred_authentication_method_enabled);
  upsert.Bind(3, preferences.user_preferred_method_for_secondary_authentication);
  return upsert.Run();
}

Status AuthenticationTable::SetAllowedMethods(std::int64_t user_key,
                                              const std::vector<std::string>& methods) {
  sqlite::Statement& clear = db_.Prepare("DELETE FROM user_allowed_methods WHERE user_key = ?");
  clear.Bind(1, user_key);
  RETURN_IF_ERROR(clear.Run());
  for (const std::string& method : methods) {
    sqlite::Statement& insert =
        db_.Prepare("INSERT INTO user_allowed_methods (user_key, method) VALUES (?, ?)");
    insert.Bind(1, user_key);
    insert.Bind(2, method);
    RETURN_IF_ERROR(insert.Run());
  }
  return Ok();
}

Status AuthenticationTable::SetPhone(std::int64_t user_key, std::string_view phone_type,
                                     std::string_view number) {
  sqlite::Statement& upsert = db_.Prepare(
      "INSERT INTO user_phone_methods (user_key, phone_type, phone_number) VALUES (?, ?, ?) "
      "ON CONFLICT (user_key, phone_type) DO UPDATE SET phone_number = excluded.phone_number");
  upsert.Bind(1, user_key);
  upsert.Bind(2, phone_type);
  upsert.Bind(3, number);
  return upsert.Run();
}

Status AuthenticationTable::RemovePhone(std::int64_t user_key, std::string_view phone_type) {
  sqlite::Statement& remove =
      db_.Prepare("DELETE FROM user_phone_methods WHERE user_key = ? AND phone_type = ?");
  remove.Bind(1, user_key);
  remove.Bind(2, phone_type);
  return remove.Run();
}

Status AuthenticationTable::SetEmail(std::int64_t user_key, std::string_view address) {
  sqlite::Statement& upsert = db_.Prepare(
      "INSERT INTO user_email_methods (user_key, email_address) VALUES (?, ?) "
      "ON CONFLICT (user_key) DO UPDATE SET email_address = excluded.email_address");
  upsert.Bind(1, user_key);
  upsert.Bind(2, address);
  return upsert.Run();
}

Status AuthenticationTable::RemoveEmail(std::int64_t user_key) {
  sqlite::Statement& remove = db_.Prepare("DELETE FROM user_email_methods WHERE user_key = ?");
  remove.Bind(1, user_key);
  return remove.Run();
}

}  // namespace admin365::engine
