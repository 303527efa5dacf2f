#include "server/graph/user_body.h"

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/user_properties.h"

namespace admin365::server {
namespace {

namespace json = boost::json;

Result<PropertyValue> ToPropertyValue(const UserProperty& property, const json::value& value) {
  if (value.is_null()) return PropertyValue(std::monostate{});
  switch (property.type) {
    case PropertyType::kString:
    case PropertyType::kRequiredString:
    case PropertyType::kDateTime:
      if (value.is_string()) return PropertyValue(std::string(value.get_string()));
      break;
    case PropertyType::kBool:
      if (value.is_bool()) return PropertyValue(value.get_bool());
      break;
    case PropertyType::kStringCollection: {
      if (!value.is_array()) break;
      std::vector<std::string> items;
      for (const json::value& item : value.get_array()) {
        if (!item.is_string()) return Fail(errors::InvalidPropertyValue(property.name));
        items.emplace_back(item.get_string());
      }
      return PropertyValue(std::move(items));
    }
  }
  return Fail(errors::InvalidPropertyValue(property.name));
}

Result<PasswordProfile> ToPasswordProfile(const json::value& value) {
  if (!value.is_object()) return Fail(errors::InvalidPropertyValue("passwordProfile"));
  PasswordProfile profile;
  for (const auto& member : value.get_object()) {
    const std::string_view key = member.key();
    const json::value& field = member.value();
    if (AsciiIEquals(key, "password")) {
      if (field.is_null()) continue;
      if (!field.is_string()) return Fail(errors::InvalidPropertyValue("passwordProfile"));
      profile.password = field.get_string();
    } else if (AsciiIEquals(key, "forceChangePasswordNextSignIn")) {
      if (!field.is_bool()) return Fail(errors::InvalidPropertyValue("passwordProfile"));
      profile.force_change_password_next_sign_in = field.get_bool();
    } else if (AsciiIEquals(key, "forceChangePasswordNextSignInWithMfa")) {
      if (!field.is_bool()) return Fail(errors::InvalidPropertyValue("passwordProfile"));
      profile.force_change_password_next_sign_in_with_mfa = field.get_bool();
    } else if (key != "@odata.type") {
      return Fail(errors::UnknownProperty(key));
    }
  }
  return profile;
}

// The properties of `body` into `properties`, and its passwordProfile into `profile`.
Status ReadUser(const json::object& body, PropertyMap& properties,
                std::optional<PasswordProfile>& profile) {
  for (const auto& member : body) {
    const std::string_view key = member.key();
    if (key == "@odata.type") continue;
    if (AsciiIEquals(key, "passwordProfile")) {
      ASSIGN_OR_RETURN(profile, ToPasswordProfile(member.value()));
      continue;
    }
    const UserProperty* property = FindUserProperty(key);
    if (property == nullptr) return Fail(errors::UnknownProperty(key));
    ASSIGN_OR_RETURN(PropertyValue value, ToPropertyValue(*property, member.value()));
    properties[std::string(property->name)] = std::move(value);
  }
  return Ok();
}

}  // namespace

Result<NewUser> ParseNewUser(const json::object& body) {
  NewUser request;
  RETURN_IF_ERROR(ReadUser(body, request.properties, request.password_profile));
  return request;
}

Result<UserPatch> ParseUserPatch(const json::object& body) {
  UserPatch patch;
  RETURN_IF_ERROR(ReadUser(body, patch.properties, patch.password_profile));
  return patch;
}

}  // namespace admin365::server
