#pragma once

// The rules for a user's authentication methods and MFA settings (entra-graph-facts.md
// §3.7), as pure functions:
//  - phone methods: types mobile, alternateMobile and office, each with Graph's fixed
//    method id, at most one of each, numbers as "+{country code} {number}x{extension}";
//  - the methods for secondary authentication (signInPreferences and the allowed list);
//  - the per-user MFA state names.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/authentication.h"

namespace admin365 {

// The fixed method id of a phone type, or nullopt for anything but "mobile",
// "alternateMobile" and "office" (case-sensitive, as Graph's enum).
std::optional<std::string_view> PhoneMethodIdFor(std::string_view phone_type);

// True for "+{country code} {number}" with an optional "x{extension}": '+', a country
// code of 1-3 digits not starting with 0, one space, a number of at least 4 digits (the
// country code and number together at most 15, E.164's limit), then optionally 'x' and 1-10
// digits. "+1 4255550100" and "+44 2079460000x123" pass; "+1 425 555 0100" does not.
bool IsValidPhoneNumber(std::string_view number);

// The smsSignInState Graph reports for a phone of `phone_type`: "notAllowedByPolicy" for a
// mobile phone (the embedded tenant's authentication methods policy does not enable SMS
// sign-in), "notSupported" for the others (SMS sign-in uses the mobile number only).
std::string_view SmsSignInStateFor(std::string_view phone_type);

// The methods for secondary authentication, in Graph's order: push, oath, voiceMobile,
// voiceAlternateMobile, voiceOffice, sms.
std::span<const std::string_view> SecondaryAuthenticationMethods();
bool IsSecondaryAuthenticationMethod(std::string_view method);

// The phone type a method calls or texts (sms and voiceMobile: mobile; voiceAlternateMobile:
// alternateMobile; voiceOffice: office), or nullopt for push and oath, which live in the
// Authenticator app or a token whose registration the embedded tenant does not model.
std::optional<std::string_view> PhoneTypeUsedBy(std::string_view method);

// The allowed-methods list in canonical form: every entry a secondary method, duplicates
// dropped, in Graph's order. Empty means every method. Error:
// InvalidPropertyValue("allowedMethods") for an unknown method.
Result<std::vector<std::string>> NormalizeAllowedMethods(const std::vector<std::string>& methods);

// True if `method` may be used under `allowed_methods` (empty: every method).
bool IsMethodAllowed(const std::vector<std::string>& allowed_methods, std::string_view method);

// "disabled", "enabled", "enforced" (Graph's perUserMfaState values).
std::string_view MfaStateName(PerUserMfaState state);
std::optional<PerUserMfaState> ParseMfaState(std::string_view name);

}  // namespace admin365
