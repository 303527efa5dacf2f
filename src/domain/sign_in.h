#pragma once

// SignIn: one sign-in attempt with a user's password, as Entra's sign-in log keeps it
// (Graph's signIn resource): who, through which app, from where, and how it ended
// (status.errorCode 0 for a success, else the AADSTS code, and the failure reason).

#include <cstdint>
#include <string>

#include "common/clock.h"

namespace admin365 {

struct SignIn {
  std::int64_t sequence = 0;  // ascending in the order the attempts were logged
  std::string id;  // the request id of the attempt (the trace id of its AADSTS error)
  UnixSeconds created_date_time = 0;
  std::string user_id;
  std::string user_principal_name;
  std::string user_display_name;
  std::string app_id;
  std::string app_display_name;
  std::string ip_address;
  std::string correlation_id;
  int error_code = 0;
  std::string failure_reason;  // empty for a success

  friend bool operator==(const SignIn&, const SignIn&) = default;
};

struct SignInQuery {
  std::string user_id;  // empty: every user
  int limit = 100;
  std::int64_t before_sequence = 0;  // only older sign-ins (the next page); 0: from the newest
};

// How long the log keeps a sign-in.
inline constexpr UnixSeconds kSignInRetention = 30 * 24 * 60 * 60;

}  // namespace admin365
