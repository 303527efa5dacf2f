#include "engine/user_password.h"

#include "common/ascii.h"
#include "domain/password_generator.h"
#include "domain/password_policy.h"

namespace admin365::engine {

namespace {

bool HasPolicy(const User& user, std::string_view policy) {
  return user.password_policies && user.password_policies->find(policy) != std::string::npos;
}

PasswordContext PasswordContextFor(const User& user, const std::string& tenant_name) {
  return PasswordContext{.alias = user.mail_nickname,
                         .given_name = user.given_name ? *user.given_name : std::string_view(),
                         .surname = user.surname ? *user.surname : std::string_view(),
                         .tenant_name = tenant_name,
                         .strong = !HasPolicy(user, "DisableStrongPassword")};
}

}  // namespace

Status CheckUserPassword(std::string_view password, const User& user,
                         const std::string& tenant_name) {
  PasswordContext context = PasswordContextFor(user, tenant_name);
  RETURN_IF_ERROR(admin365::CheckPassword(password, context));
  const std::string_view upn = user.user_principal_name;
  const std::string_view upn_alias = upn.substr(0, upn.find('@'));
  if (!AsciiIEquals(upn_alias, user.mail_nickname)) {
    context.alias = upn_alias;
    RETURN_IF_ERROR(admin365::CheckPassword(password, context));
  }
  return Ok();
}

std::string GenerateUserPassword(Random& random, const User& user, const std::string& tenant_name) {
  for (;;) {
    std::string password = GeneratePassword(random, PasswordContextFor(user, tenant_name));
    if (CheckUserPassword(password, user, tenant_name)) return password;
  }
}

std::vector<PropertyChange> PasswordResetChanges(const User& before, const PasswordChange& change) {
  const auto flag = [](bool value) { return std::string(value ? "true" : "false"); };
  std::vector<PropertyChange> changes = {
      {"passwordProfile", std::string(kRedacted), std::string(kRedacted)}};
  if (before.force_change_password_next_sign_in != change.force_change_password_next_sign_in) {
    changes.push_back({"forceChangePasswordNextSignIn",
                       flag(before.force_change_password_next_sign_in),
                       flag(change.force_change_password_next_sign_in)});
  }
  if (before.force_change_password_next_sign_in_with_mfa !=
      change.force_change_password_next_sign_in_with_mfa) {
    changes.push_back({"forceChangePasswordNextSignInWithMfa",
                       flag(before.force_change_password_next_sign_in_with_mfa),
                       flag(change.force_change_password_next_sign_in_with_mfa)});
  }
  return changes;
}

}  // namespace admin365::engine
