#pragma once

// The user property catalogue: for each Graph property of a user that admin365 manages,
// its type, its maximum length, whether a caller may write it, and how to read and write
// it on a User. One table drives validation, storage, rendering and audit, so a property
// is described once.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/user.h"

namespace admin365 {

enum class PropertyType { kString, kRequiredString, kBool, kStringCollection, kDateTime };

enum class PropertyAccess {
  kWritable,        // any caller may set it on create and update
  kCreateOnly,      // reserved for future use; none today
  kReadOnly,        // kept by the directory (createdDateTime, proxyAddresses, ...)
};

struct UserProperty {
  std::string_view name;  // Graph's spelling, e.g. "userPrincipalName"
  PropertyType type;
  PropertyAccess access;
  std::size_t max_length;  // characters (UTF-8 code points); 0 = no limit checked here
  std::size_t max_items;   // collections only; 0 = no limit
  bool in_default_select;  // returned by GET without $select
};

// Every user property admin365 knows, in Graph's documentation order.
std::span<const UserProperty> AllUserProperties();

// The catalogue entry for `name` (case-insensitive), or nullptr.
const UserProperty* FindUserProperty(std::string_view name);

// Reads a property of `user` as a PropertyValue (null for unset optional strings and for
// onPremisesSyncEnabled of a cloud-only user; dates as ISO 8601 strings).
PropertyValue GetUserProperty(const User& user, const UserProperty& property);

// Checks `value` against `property`'s type, length and value rules (usageLocation codes,
// mailNickname characters, businessPhones count, otherMails ASCII, ...), then stores it.
// Errors: InvalidPropertyValue(property) for a wrong type or a bad value;
// RequiredProperty(property) when null or empty is written to a required property.
// null or "" clears an optional string, except usageLocation, which is not nullable
// (InvalidPropertyValue). passwordPolicies takes "None" or one or both of
// DisablePasswordExpiration and DisableStrongPassword, comma-joined, each at most once.
// Read-only properties and userPrincipalName (which needs a tenant check) are refused
// with InvalidPropertyValue; the directory sets those itself. onPremisesImmutableId has no
// '$' or '_' (§3.1).
Status SetUserProperty(User& user, const UserProperty& property, const PropertyValue& value);

// Stores a value a directory reported for `property` (Microsoft Graph's answer to a
// read), read-only properties and userPrincipalName included, without SetUserProperty's
// rules: the directory that holds the user applied them. null clears the property; dates
// are ISO 8601 strings (common/clock.h ParseIso8601). Error: InvalidPropertyValue when the
// value is not of the property's type.
Status LoadUserProperty(User& user, const UserProperty& property, const PropertyValue& value);

// The checks SetUserProperty makes on one non-empty string (clean UTF-8, length, value
// rule), for any property, read-only ones included (the directory validates what Entra
// Connect writes with it). Error: InvalidPropertyValue(property).
Status CheckPropertyText(const UserProperty& property, std::string_view text);

// Number of Unicode code points in a UTF-8 string; invalid UTF-8 counts each bad byte.
std::size_t Utf8Length(std::string_view text);

// True if `text` is well-formed UTF-8 without C0/C1 control characters or DEL.
bool IsCleanUtf8(std::string_view text);

// IsCleanUtf8, with line breaks (CR, LF) allowed: streetAddress's rule.
bool IsCleanMultilineUtf8(std::string_view text);

// Renders a PropertyValue for people (audit logs, tables): null as "", a collection as
// its items joined with "; ".
std::string PropertyValueToText(const PropertyValue& value);

}  // namespace admin365
