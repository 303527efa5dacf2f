#pragma once

// Authentication information of a user (§3.7): per-user MFA state, the sign-in methods
// registered (password, phones, email), the methods the user may register, and the
// preferred method for secondary authentication.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"

namespace admin365 {

// Graph's fixed method ids.
inline constexpr std::string_view kPasswordMethodId = "28c10230-6103-485e-b985-444c60001490";
inline constexpr std::string_view kMobilePhoneMethodId = "3179e48a-750b-4051-897c-87b9720928f7";
inline constexpr std::string_view kAlternateMobilePhoneMethodId =
    "b6332ec1-7057-4abe-9331-3d72feddfe41";
inline constexpr std::string_view kOfficePhoneMethodId = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
inline constexpr std::string_view kEmailMethodId = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

enum class PerUserMfaState { kDisabled, kEnabled, kEnforced };

// The password method every user has. Graph never returns the password itself.
struct PasswordMethod {
  std::string id = std::string(kPasswordMethodId);
  UnixSeconds created_date_time = 0;  // when the password was last set

  friend bool operator==(const PasswordMethod&, const PasswordMethod&) = default;
};

struct PhoneMethod {
  std::string id;            // one of the three fixed phone ids
  std::string phone_number;  // "+{country code} {number}x{extension}"
  std::string phone_type;    // "mobile", "alternateMobile", "office"
  std::string sms_sign_in_state = "notSupported";

  friend bool operator==(const PhoneMethod&, const PhoneMethod&) = default;
};

struct EmailMethod {
  std::string id;  // kEmailMethodId
  std::string email_address;

  friend bool operator==(const EmailMethod&, const EmailMethod&) = default;
};

// signInPreferences (beta).
struct SignInPreferences {
  bool is_system_preferred_authentication_method_enabled = true;
  // push, oath, voiceMobile, voiceAlternateMobile, voiceOffice, sms; nullopt = none.
  std::optional<std::string> user_preferred_method_for_secondary_authentication;

  friend bool operator==(const SignInPreferences&, const SignInPreferences&) = default;
};

struct AuthenticationInfo {
  PerUserMfaState per_user_mfa_state = PerUserMfaState::kDisabled;
  PasswordMethod password_method;
  std::vector<PhoneMethod> phone_methods;  // in the order mobile, alternateMobile, office
  std::optional<EmailMethod> email_method;
  // The secondary methods the user may register and use (M365 Manager Plus's "allowed MFA
  // methods"); empty = every method the tenant allows.
  std::vector<std::string> allowed_methods;
  SignInPreferences sign_in_preferences;

  friend bool operator==(const AuthenticationInfo&, const AuthenticationInfo&) = default;
};

}  // namespace admin365
