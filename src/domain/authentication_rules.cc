#include "domain/authentication_rules.h"

#include <algorithm>
#include <array>

#include "domain/graph_errors.h"

namespace admin365 {

namespace {

constexpr std::array<std::string_view, 6> kSecondaryMethods = {
    "push", "oath", "voiceMobile", "voiceAlternateMobile", "voiceOffice", "sms"};

constexpr std::size_t kMaxE164Digits = 15;
constexpr std::size_t kMinNumberDigits = 4;
constexpr std::size_t kMaxExtensionDigits = 10;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the run of digits at the start of `text`.
std::size_t DigitRun(std::string_view text) {
  std::size_t count = 0;
  while (count < text.size() && IsDigit(text[count])) ++count;
  return count;
}

}  // namespace

std::optional<std::string_view> PhoneMethodIdFor(std::string_view phone_type) {
  if (phone_type == "mobile") return kMobilePhoneMethodId;
  if (phone_type == "alternateMobile") return kAlternateMobilePhoneMethodId;
  if (phone_type == "office") return kOfficePhoneMethodId;
  return std::nullopt;
}

bool IsValidPhoneNumber(std::string_view number) {
  if (number.empty() || number.front() != '+') return false;
  number.remove_prefix(1);
  const std::size_t country = DigitRun(number);
  if (country < 1 || country > 3 || number.front() == '0') return false;
  number.remove_prefix(country);
  if (number.empty() || number.front() != ' ') return false;
  number.remove_prefix(1);
  const std::size_t subscriber = DigitRun(number);
  if (subscriber < kMinNumberDigits || country + subscriber > kMaxE164Digits) return false;
  number.remove_prefix(subscriber);
  if (number.empty()) return true;
  if (number.front() != 'x') return false;
  number.remove_prefix(1);
  const std::size_t extension = DigitRun(number);
  return extension >= 1 && extension <= kMaxExtensionDigits && extension == number.size();
}

std::string_view SmsSignInStateFor(std::string_view phone_type) {
  return phone_type == "mobile" ? "notAllowedByPolicy" : "notSupported";
}

std::span<const std::string_view> SecondaryAuthenticationMethods() { return kSecondaryMethods; }

bool IsSecondaryAuthenticationMethod(std::string_view method) {
  return std::find(kSecondaryMethods.begin(), kSecondaryMethods.end(), method) !=
         kSecondaryMethods.end();
}

std::optional<std::string_view> PhoneTypeUsedBy(std::string_view method) {
  if (method == "sms" || method == "voiceMobile") return "mobile";
  if (method == "voiceAlternateMobile") return "alternateMobile";
  if (method == "voiceOffice") return "office";
  return std::nullopt;
}

Result<std::vector<std::string>> NormalizeAllowedMethods(const std::vector<std::string>& methods) {
  for (const std::string& method : methods) {
    if (!IsSecondaryAuthenticationMethod(method)) {
      return Fail(errors::InvalidPropertyValue("allowedMethods"));
    }
  }
  std::vector<std::string> normalized;
  for (std::string_view method : kSecondaryMethods) {
    if (std::find(methods.begin(), methods.end(), method) != methods.end()) {
      normalized.emplace_back(method);
    }
  }
  return normalized;
}

bool IsMethodAllowed(const std::vector<std::string>& allowed_methods, std::string_view method) {
  return allowed_methods.empty() ||
         std::find(allowed_methods.begin(), allowed_methods.end(), method) != allowed_methods.end();
}

std::string_view MfaStateName(PerUserMfaState state) {
  switch (state) {
    case PerUserMfaState::kEnabled:
      return "enabled";
    case PerUserMfaState::kEnforced:
      return "enforced";
    case PerUserMfaState::kDisabled:
      break;
  }
  return "disabled";
}

std::optional<PerUserMfaState> ParseMfaState(std::string_view name) {
  if (name == "disabled") return PerUserMfaState::kDisabled;
  if (name == "enabled") return PerUserMfaState::kEnabled;
  if (name == "enforced") return PerUserMfaState::kEnforced;
  return std::nullopt;
}

}  // namespace admin365
