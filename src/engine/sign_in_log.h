#pragma once

// SignInLog: the SQL of the sign-in log (domain/sign_in.h). No rule, no transaction of
// its own. Errors: Internal/Unavailable from SQLite only.

#include <vector>

#include "common/result.h"
#include "domain/sign_in.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

class SignInLog {
 public:
  explicit SignInLog(sqlite::Database& db) : db_(db) {}

  Status Append(const SignIn& sign_in);
  // The newest first, at most query.limit, optionally for one user and before a sequence.
  Result<std::vector<SignIn>> List(const SignInQuery& query);
  // Deletes the sign-ins older than `cutoff`.
  Status PurgeBefore(UnixSeconds cutoff);

 private:
  sqlite::Database& db_;
};

}  // namespace admin365::engine
