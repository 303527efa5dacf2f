#include "domain/user_properties.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/mail_nickname.h"
#include "domain/upn.h"
#include "domain/usage_location.h"

namespace admin365 {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return AsciiLower(std::string_view(&x, 1))[0] < AsciiLower(std::string_view(&y, 1))[0];
  });
}

namespace {

using enum PropertyType;
using enum PropertyAccess;

// Limits from Graph's user resource (entra-graph-facts.md §3.1). Properties without a
// published limit get Active Directory's attribute size (e.g. faxNumber 64).
constexpr std::array kUserProperties = {
    UserProperty{"id", kRequiredString, kReadOnly, 36, 0, true},
    UserProperty{"accountEnabled", kBool, kWritable, 0, 0, false},
    UserProperty{"businessPhones", kStringCollection, kWritable, 64, 1, true},
    UserProperty{"city", kString, kWritable, 128, 0, false},
    UserProperty{"companyName", kString, kWritable, 64, 0, false},
    UserProperty{"country", kString, kWritable, 128, 0, false},
    UserProperty{"createdDateTime", kDateTime, kReadOnly, 0, 0, false},
    UserProperty{"deletedDateTime", kDateTime, kReadOnly, 0, 0, false},
    UserProperty{"department", kString, kWritable, 64, 0, false},
    UserProperty{"displayName", kRequiredString, kWritable, 256, 0, true},
    UserProperty{"employeeId", kString, kWritable, 16, 0, false},
    UserProperty{"employeeType", kString, kWritable, 64, 0, false},
    UserProperty{"faxNumber", kString, kWritable, 64, 0, false},
    UserProperty{"givenName", kString, kWritable, 64, 0, true},
    UserProperty{"jobTitle", kString, kWritable, 128, 0, true},
    UserProperty{"lastPasswordChangeDateTime", kDateTime, kReadOnly, 0, 0, false},
    UserProperty{"mail", kString, kWritable, 256, 0, true},
    UserProperty{"mailNickname", kRequiredString, kWritable, 64, 0, false},
    UserProperty{"mobilePhone", kString, kWritable, 64, 0, true},
    UserProperty{"officeLocation", kString, kWritable, 128, 0, true},
    // Hybrid identity (§3.10): written by Entra Connect (LocalDirectory::SyncUser), read-only
    // in Graph but for the immutable id of cloud users. No published limits: Active
    // Directory's sizes (sAMAccountName 20, userPrincipalName and DN 1024), DNS's 255, and 256
    // for the immutable id (a base64 objectGUID takes 24).
    UserProperty{"onPremisesDistinguishedName", kString, kReadOnly, 1024, 0, false},
    UserProperty{"onPremisesDomainName", kString, kReadOnly, 255, 0, false},
    UserProperty{"onPremisesImmutableId", kString, kWritable, 256, 0, false},
    UserProperty{"onPremisesLastSyncDateTime", kDateTime, kReadOnly, 0, 0, false},
    UserProperty{"onPremisesSamAccountName", kString, kReadOnly, 20, 0, false},
    UserProperty{"onPremisesSyncEnabled", kBool, kReadOnly, 0, 0, false},
    UserProperty{"onPremisesUserPrincipalName", kString, kReadOnly, 1024, 0, false},
    UserProperty{"otherMails", kStringCollection, kWritable, 256, 0, false},
    UserProperty{"passwordPolicies", kString, kWritable, 256, 0, false},
    UserProperty{"postalCode", kString, kWritable, 40, 0, false},
    UserProperty{"preferredLanguage", kString, kWritable, 16, 0, true},
    UserProperty{"proxyAddresses", kStringCollection, kReadOnly, 256, 0, false},
    UserProperty{"signInSessionsValidFromDateTime", kDateTime, kReadOnly, 0, 0, false},
    UserProperty{"state", kString, kWritable, 128, 0, false},
    UserProperty{"streetAddress", kString, kWritable, 1024, 0, false},
    UserProperty{"surname", kString, kWritable, 64, 0, true},
    UserProperty{"usageLocation", kString, kWritable, 2, 0, false},
    UserProperty{"userPrincipalName", kRequiredString, kWritable, 113, 0, true},
    UserProperty{"userType", kString, kWritable, 16, 0, false},
};

// The field lookups are templates so that one table serves both const and mutable users.
template <class U>
auto* OptionalStringField(U& user, std::string_view name) {
  using Field = decltype(&user.given_name);
  if (name == "givenName") return &user.given_name;
  if (name == "surname") return &user.surname;
  if (name == "jobTitle") return &user.job_title;
  if (name == "department") return &user.department;
  if (name == "companyName") return &user.company_name;
  if (name == "employeeId") return &user.employee_id;
  if (name == "employeeType") return &user.employee_type;
  if (name == "officeLocation") return &user.office_location;
  if (name == "streetAddress") return &user.street_address;
  if (name == "city") return &user.city;
  if (name == "state") return &user.state;
  if (name == "postalCode") return &user.postal_code;
  if (name == "country") return &user.country;
  if (name == "mobilePhone") return &user.mobile_phone;
  if (name == "faxNumber") return &user.fax_number;
  if (name == "mail") return &user.mail;
  if (name == "preferredLanguage") return &user.preferred_language;
  if (name == "usageLocation") return &user.usage_location;
  if (name == "passwordPolicies") return &user.password_policies;
  if (name == "userType") return &user.user_type;
  if (name == "onPremisesDistinguishedName") return &user.on_premises_distinguished_name;
  if (name == "onPremisesDomainName") return &user.on_premises_domain_name;
  if (name == "onPremisesImmutableId") return &user.on_premises_immutable_id;
  if (name == "onPremisesSamAccountName") return &user.on_premises_sam_account_name;
  if (name == "onPremisesUserPrincipalName") return &user.on_premises_user_principal_name;
  return Field{nullptr};
}

template <class U>
auto* RequiredStringField(U& user, std::string_view name) {
  using Field = decltype(&user.id);
  if (name == "id") return &user.id;
  if (name == "userPrincipalName") return &user.user_principal_name;
  if (name == "displayName") return &user.display_name;
  if (name == "mailNickname") return &user.mail_nickname;
  return Field{nullptr};
}

template <class U>
auto* CollectionField(U& user, std::string_view name) {
  using Field = decltype(&user.business_phones);
  if (name == "businessPhones") return &user.business_phones;
  if (name == "otherMails") return &user.other_mails;
  if (name == "proxyAddresses") return &user.proxy_addresses;
  return Field{nullptr};
}

std::optional<UnixSeconds> DateTimeField(const User& user, std::string_view name) {
  if (name == "createdDateTime") return user.created_date_time;
  if (name == "lastPasswordChangeDateTime") return user.last_password_change_date_time;
  if (name == "signInSessionsValidFromDateTime") return user.sign_in_sessions_valid_from_date_time;
  if (name == "deletedDateTime") return user.deleted_date_time;
  if (name == "onPremisesLastSyncDateTime") return user.on_premises_last_sync_date_time;
  return std::nullopt;
}

void SetDateTimeField(User& user, std::string_view name, std::optional<UnixSeconds> time) {
  if (name == "deletedDateTime") {
    user.deleted_date_time = time;
  } else if (name == "onPremisesLastSyncDateTime") {
    user.on_premises_last_sync_date_time = time;
  } else if (name == "createdDateTime") {
    user.created_date_time = time.value_or(0);
  } else if (name == "lastPasswordChangeDateTime") {
    user.last_password_change_date_time = time.value_or(0);
  } else if (name == "signInSessionsValidFromDateTime") {
    user.sign_in_sessions_valid_from_date_time = time.value_or(0);
  }
}

// accountEnabled, or onPremisesSyncEnabled (null for cloud-only users).
std::optional<bool> BoolField(const User& user, std::string_view name) {
  if (name == "onPremisesSyncEnabled") return user.on_premises_sync_enabled;
  return user.account_enabled;
}

// Characters Active Directory refuses in a sAMAccountName.
constexpr std::string_view kSamAccountNameForbidden = "\"/\\[]:;|=,+*?<>@";

bool IsValidPasswordPolicies(std::string_view value) {
  // Exactly the forms Graph documents (entra-graph-facts.md §3.1): "None", or one or both
  // of DisablePasswordExpiration and DisableStrongPassword, comma-joined, each at most once.
  // "None" does not combine with the others.
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value == "None") return true;
  bool expiration = false;
  bool strong = false;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = value.find(',', start);
    std::string_view item = value.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == "DisablePasswordExpiration" && !expiration) {
      expiration = true;
    } else if (item == "DisableStrongPassword" && !strong) {
      strong = true;
    } else {
      return false;
    }
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

// The value rules beyond type and length, for the properties that have them.
bool PassesValueRule(std::string_view name, std::string_view value) {
  if (name == "mailNickname") return IsValidMailNickname(value);
  if (name == "usageLocation") return IsValidUsageLocation(value);
  if (name == "mail" || name == "otherMails" || name == "onPremisesUserPrincipalName") {
    // No accented characters; an address needs exactly one '@' with text either side.
    const auto at = value.find('@');
    return IsAscii(value) && at != std::string_view::npos && at > 0 && at + 1 < value.size() &&
           value.find('@', at + 1) == std::string_view::npos &&
           value.find(' ') == std::string_view::npos;
  }
  if (name == "passwordPolicies") return IsValidPasswordPolicies(value);
  if (name == "userType") return value == "Member" || value == "Guest";
  if (name == "onPremisesImmutableId") return value.find_first_of("$_") == std::string_view::npos;
  if (name == "onPremisesSamAccountName") {
    return value.find_first_of(kSamAccountNameForbidden) == std::string_view::npos;
  }
  if (name == "onPremisesDomainName") return IsValidDomainName(value);
  return true;
}

Status CheckText(const UserProperty& property, std::string_view text) {
  // A street address has lines, as in Active Directory (Excel writes them into a cell).
  const bool clean =
      property.name == "streetAddress" ? IsCleanMultilineUtf8(text) : IsCleanUtf8(text);
  if (!clean ||
      (property.max_length != 0 && Utf8Length(text) > property.max_length) ||
      !PassesValueRule(property.name, text)) {
    return Fail(errors::InvalidPropertyValue(property.name));
  }
  return Ok();
}

// The length in bytes of the well-formed UTF-8 sequence that starts at text[i] (shortest
// form, no surrogates, at most U+10FFFF), storing its code point in *code; 0 if malformed.
std::size_t DecodeUtf8(std::string_view text, std::size_t i, std::uint32_t* code) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t extra = 0;
  std::uint32_t value = 0;
  if (lead < 0x80) {
    extra = 0;
    value = lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    value = lead & 0x07;
  } else {
    return 0;  // a continuation byte or 0xF8-0xFF
  }
  if (extra >= text.size() - i) return 0;  // truncated
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    value = (value << 6) | (next & 0x3F);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[extra] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  if (code != nullptr) *code = value;
  return extra + 1;
}

}  // namespace

std::span<const UserProperty> AllUserProperties() { return kUserProperties; }

const UserProperty* FindUserProperty(std::string_view name) {
  for (const UserProperty& property : kUserProperties) {
    if (AsciiIEquals(property.name, name)) return &property;
  }
  return nullptr;
}

PropertyValue GetUserProperty(const User& user, const UserProperty& property) {
  switch (property.type) {
    case kRequiredString:
      return *RequiredStringField(user, property.name);
    case kString: {
      const std::optional<std::string>& field = *OptionalStringField(user, property.name);
      if (!field) return std::monostate{};
      return *field;
    }
    case kBool: {
      const std::optional<bool> flag = BoolField(user, property.name);
      if (!flag) return std::monostate{};
      return *flag;
    }
    case kStringCollection:
      return *CollectionField(user, property.name);
    case kDateTime: {
      std::optional<UnixSeconds> time = DateTimeField(user, property.name);
      if (!time || *time == 0) return std::monostate{};
      return FormatIso8601(*time);
    }
  }
  return std::monostate{};
}

Status SetUserProperty(User& user, const UserProperty& property, const PropertyValue& value) {
  if (property.access == kReadOnly || property.name == "userPrincipalName") {
    return Fail(errors::InvalidPropertyValue(property.name));
  }
  switch (property.type) {
    case kBool: {
      // accountEnabled is the only writable boolean.
      const bool* flag = std::get_if<bool>(&value);
      if (flag == nullptr) return Fail(errors::InvalidPropertyValue(property.name));
      user.account_enabled = *flag;
      return Ok();
    }
    case kRequiredString: {
      const std::string* text = std::get_if<std::string>(&value);
      if (text == nullptr && !std::holds_alternative<std::monostate>(value)) {
        return Fail(errors::InvalidPropertyValue(property.name));
      }
      if (text == nullptr || text->empty()) return Fail(errors::RequiredProperty(property.name));
      RETURN_IF_ERROR(CheckText(property, *text));
      *RequiredStringField(user, property.name) = *text;
      return Ok();
    }
    case kString: {
      std::optional<std::string>& field = *OptionalStringField(user, property.name);
      if (std::holds_alternative<std::monostate>(value)) {
        if (property.name == "usageLocation") {
          return Fail(errors::InvalidPropertyValue(property.name));  // not nullable
        }
        field.reset();
        return Ok();
      }
      const std::string* text = std::get_if<std::string>(&value);
      if (text == nullptr) return Fail(errors::InvalidPropertyValue(property.name));
      if (text->empty()) {
        if (property.name == "usageLocation") {
          return Fail(errors::InvalidPropertyValue(property.name));  // not nullable
        }
        field.reset();  // Graph treats "" as clearing an optional string
        return Ok();
      }
      RETURN_IF_ERROR(CheckText(property, *text));
      field = property.name == "usageLocation" ? NormalizeUsageLocation(*text) : *text;
      return Ok();
    }
    case kStringCollection: {
      std::vector<std::string>& field = *CollectionField(user, property.name);
      if (std::holds_alternative<std::monostate>(value)) {
        field.clear();
        return Ok();
      }
      const auto* items = std::get_if<std::vector<std::string>>(&value);
      if (items == nullptr) return Fail(errors::InvalidPropertyValue(property.name));
      if (property.max_items != 0 && items->size() > property.max_items) {
        return Fail(errors::InvalidPropertyValue(property.name));
      }
      for (const std::string& item : *items) {
        if (item.empty()) return Fail(errors::InvalidPropertyValue(property.name));
        RETURN_IF_ERROR(CheckText(property, item));
      }
      field = *items;
      return Ok();
    }
    case kDateTime:
      break;
  }
  return Fail(errors::InvalidPropertyValue(property.name));
}

Status LoadUserProperty(User& user, const UserProperty& property, const PropertyValue& value) {
  const bool null = std::holds_alternative<std::monostate>(value);
  const std::string* text = std::get_if<std::string>(&value);
  switch (property.type) {
    case kRequiredString:
      if (text == nullptr && !null) break;
      *RequiredStringField(user, property.name) = text != nullptr ? *text : "";
      return Ok();
    case kString:
      if (text == nullptr && !null) break;
      *OptionalStringField(user, property.name) =
          text != nullptr ? std::optional<std::string>(*text) : std::nullopt;
      return Ok();
    case kBool: {
      const bool* flag = std::get_if<bool>(&value);
      if (flag == nullptr && !null) break;
      if (property.name == "onPremisesSyncEnabled") {
        user.on_premises_sync_enabled = flag != nullptr ? std::optional<bool>(*flag) : std::nullopt;
      } else {
        user.account_enabled = flag == nullptr || *flag;
      }
      return Ok();
    }
    case kStringCollection: {
      const auto* items = std::get_if<std::vector<std::string>>(&value);
      if (items == nullptr && !null) break;
      *CollectionField(user, property.name) =
          items != nullptr ? *items : std::vector<std::string>{};
      return Ok();
    }
    case kDateTime: {
      std::optional<UnixSeconds> time;
      if (text != nullptr) {
        time = ParseIso8601(*text);
        if (!time) break;
      } else if (!null) {
        break;
      }
      SetDateTimeField(user, property.name, time);
      return Ok();
    }
  }
  return Fail(errors::InvalidPropertyValue(property.name));
}

Status CheckPropertyText(const UserProperty& property, std::string_view text) {
  return CheckText(property, text);
}

std::size_t Utf8Length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = DecodeUtf8(text, i, nullptr);
    // A well-formed sequence is one code point; each byte of a malformed one counts alone.
    i += length == 0 ? 1 : length;
    ++count;
  }
  return count;
}

namespace {

bool IsCleanText(std::string_view text, bool line_breaks_allowed) {
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t code = 0;
    const std::size_t length = DecodeUtf8(text, i, &code);
    const bool line_break = code == '\n' || code == '\r';
    if (length == 0 || (code < 0x20 && !(line_break && line_breaks_allowed)) ||
        (code >= 0x7F && code <= 0x9F)) {
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

bool IsCleanUtf8(std::string_view text) { return IsCleanText(text, false); }

bool IsCleanMultilineUtf8(std::string_view text) { return IsCleanText(text, true); }

std::string PropertyValueToText(const PropertyValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
    std::string joined;
    for (const std::string& item : *items) {
      if (!joined.empty()) joined += "; ";
      joined += item;
    }
    return joined;
  }
  return "";
}

}  // namespace admin365
