#pragma once

// SignInDirectory: a Directory that signs its users in with passwords, which is what Entra's
// token endpoint (server/token_service.h) needs of its tenant: password sign-ins under smart
// lockout, and the sign-in log. Only a tenant admin365 holds itself (the embedded one)
// is one; a real tenant signs its users in at Entra.

#include <string_view>

#include "common/result.h"
#include "directory/directory.h"
#include "domain/sign_in.h"

namespace admin365 {

class SignInDirectory : public Directory {
 public:
  enum class PasswordSignIn { kAccepted, kWrongPassword, kLocked };

  // A sign-in of an active user with `password`: kLocked, without looking at the
  // password, while the account is locked; otherwise kAccepted (remembered failures are
  // forgotten) or kWrongPassword (counted under the tenant's lockout settings; the attempt
  // that locks the account is audited "Lock user account" by `actor`). A password reset
  // (SetPassword) also forgets the failures and ends a lockout.
  // Errors: ResourceNotFound, InvalidObjectIdentifier.
  virtual Result<PasswordSignIn> SignInWithPassword(const Actor& actor, std::string_view user,
                                                    std::string_view password) = 0;

  // Appends to the sign-in log (the token endpoint records every password sign-in),
  // dropping entries older than kSignInRetention.
  virtual Status RecordSignIn(const SignIn& sign_in) = 0;
};

}  // namespace admin365
