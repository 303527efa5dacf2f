// LocalDirectory: sessions, authentication methods and activation.
// SCAFFOLD: every body below is a placeholder to be replaced by the real implementation.
#pragma GCC diagnostic ignored "-Wunused-parameter"  // SCAFFOLD: remove with the placeholders

#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"

namespace admin365 {

Result<User> LocalDirectory::RevokeSignInSessions(const Actor& actor, std::string_view user) {
  return Fail(Error::Internal("LocalDirectory::RevokeSignInSessions is not implemented yet"));
}

Result<AuthenticationInfo> LocalDirectory::GetAuthenticationInfo(std::string_view user) {
  return Fail(Error::Internal("LocalDirectory::GetAuthenticationInfo is not implemented yet"));
}

Status LocalDirectory::SetPerUserMfaState(const Actor& actor, std::string_view user, PerUserMfaState state) {
  return Fail(Error::Internal("LocalDirectory::SetPerUserMfaState is not implemented yet"));
}

Result<PhoneMethod> LocalDirectory::SetPhoneMethod(const Actor& actor, std::string_view user, const PhoneMethod& phone) {
  return Fail(Error::Internal("LocalDirectory::SetPhoneMethod is not implemented yet"));
}

Status LocalDirectory::RemovePhoneMethod(const Actor& actor, std::string_view user, std::string_view phone_type) {
  return Fail(Error::Internal("LocalDirectory::RemovePhoneMethod is not implemented yet"));
}

Status LocalDirectory::SetEmailMethod(const Actor& actor, std::string_view user, std::string_view email_address) {
  return Fail(Error::Internal("LocalDirectory::SetEmailMethod is not implemented yet"));
}

Status LocalDirectory::SetAllowedMethods(const Actor& actor, std::string_view user, const std::vector<std::string>& methods) {
  return Fail(Error::Internal("LocalDirectory::SetAllowedMethods is not implemented yet"));
}

Status LocalDirectory::SetSignInPreferences(const Actor& actor, std::string_view user, const SignInPreferences& preferences) {
  return Fail(Error::Internal("LocalDirectory::SetSignInPreferences is not implemented yet"));
}

Result<ActivatedUser> LocalDirectory::ActivateUser(const Actor& actor, std::string_view user, const ActivateRequest& request) {
  return Fail(Error::Internal("LocalDirectory::ActivateUser is not implemented yet"));
}

}  // namespace admin365
