#include "domain/user_validation.h"

#include "domain/graph_errors.h"
#include "domain/upn.h"
#include "domain/user_properties.h"

namespace admin365 {

namespace {

bool IsMissing(const PropertyMap& properties, const std::string& name) {
  const auto it = properties.find(name);
  if (it == properties.end() || std::holds_alternative<std::monostate>(it->second)) return true;
  const auto* text = std::get_if<std::string>(&it->second);
  return text != nullptr && text->empty();
}

Status CheckKnownAndWritable(const PropertyMap& properties) {
  for (const auto& [name, value] : properties) {
    const UserProperty* property = FindUserProperty(name);
    if (property == nullptr) return Fail(errors::UnknownProperty(name));
    if (property->access == PropertyAccess::kReadOnly) {
      return Fail(errors::ReadOnlyProperty(property->name));
    }
  }
  return Ok();
}

Status CheckUpnSyntax(const PropertyMap& properties) {
  const auto it = properties.find("userPrincipalName");
  if (it == properties.end()) return Ok();
  const auto* upn = std::get_if<std::string>(&it->second);
  if (upn == nullptr) return Fail(errors::InvalidUserPrincipalName());
  RETURN_IF_ERROR(ParseUpn(*upn));
  return Ok();
}

// Applies every property but the UPN, in catalogue order so the first error is stable.
Status ApplyProperties(User& user, const PropertyMap& properties) {
  for (const UserProperty& property : AllUserProperties()) {
    if (property.name == "userPrincipalName") continue;
    const auto it = properties.find(std::string(property.name));
    if (it == properties.end()) continue;
    RETURN_IF_ERROR(SetUserProperty(user, property, it->second));
  }
  if (const auto it = properties.find("userPrincipalName"); it != properties.end()) {
    user.user_principal_name = std::get<std::string>(it->second);
  }
  return Ok();
}

}  // namespace

Result<ValidatedNewUser> ValidateNewUser(const NewUser& request) {
  for (const char* name : {"accountEnabled", "displayName", "mailNickname"}) {
    if (IsMissing(request.properties, name)) return Fail(errors::RequiredProperty(name));
  }
  if (!request.password_profile || request.password_profile->password.empty()) {
    return Fail(errors::RequiredProperty("passwordProfile"));
  }
  if (IsMissing(request.properties, "userPrincipalName")) {
    return Fail(errors::RequiredProperty("userPrincipalName"));
  }
  RETURN_IF_ERROR(CheckKnownAndWritable(request.properties));
  RETURN_IF_ERROR(CheckUpnSyntax(request.properties));
  ValidatedNewUser validated{.password_profile = *request.password_profile};
  RETURN_IF_ERROR(ApplyProperties(validated.user, request.properties));
  return validated;
}

Result<User> ApplyUserPatch(const User& current, const PropertyMap& patch) {
  RETURN_IF_ERROR(CheckKnownAndWritable(patch));
  RETURN_IF_ERROR(CheckUpnSyntax(patch));
  User updated = current;
  RETURN_IF_ERROR(ApplyProperties(updated, patch));
  return updated;
}

}  // namespace admin365
