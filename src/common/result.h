#pragma once

// Result<T>: the return type of every fallible function in admin365.
//
// An Error carries Graph's shape (HTTP status, `code`, exact `message`, optional
// `target` and `details`) so the same failure reads the same whether it came from the
// embedded tenant or from Microsoft Graph, plus a coarse ErrorKind that the CLI maps to
// exit codes and the bulk engine uses to classify rows.
//
//   Result<User> user = directory.GetUser("adele@contoso.com");
//   if (!user) return std::unexpected(user.error());
//
// RETURN_IF_ERROR(expr) and ASSIGN_OR_RETURN(lhs, expr) propagate errors the way
// Abseil's status macros do.

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace admin365 {

enum class ErrorKind {
  kInvalidArgument,     // the request is malformed or breaks a rule; fix the input
  kNotFound,            // the object does not exist
  kConflict,            // a unique value is already taken
  kFailedPrecondition,  // the system state must change first (e.g. no tenant yet)
  kPermissionDenied,    // authenticated but not allowed
  kUnauthenticated,     // no or bad credentials
  kUnavailable,         // transient: retry the same call later
  kInternal,            // a bug or a corrupted store
};

struct ErrorDetail {
  std::string code;
  std::string target;
  std::string message;

  friend bool operator==(const ErrorDetail&, const ErrorDetail&) = default;
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  int http_status = 500;
  std::string code;     // Graph error code, e.g. "Request_BadRequest"
  std::string message;  // exact Graph message
  std::string target;   // the property at fault, when known
  std::vector<ErrorDetail> details;
  // Graph's request-id when the error is Microsoft Graph's answer (support asks for it);
  // empty for the embedded tenant.
  std::string request_id;

  // A generic error for faults that have no Graph counterpart (I/O, storage).
  static Error Internal(std::string message);
  static Error Unavailable(std::string message);
};

template <class T>
using Result = std::expected<T, Error>;
using Status = Result<void>;

inline Status Ok() { return {}; }

inline std::unexpected<Error> Fail(Error error) { return std::unexpected(std::move(error)); }

}  // namespace admin365

#define ADMIN365_CONCAT_INNER(a, b) a##b
#define ADMIN365_CONCAT(a, b) ADMIN365_CONCAT_INNER(a, b)

// Evaluates `expr` (a Status or Result<T>); returns its error from the calling function.
#define RETURN_IF_ERROR(expr)                                          \
  do {                                                                 \
    if (auto admin365_status = (expr); !admin365_status) {             \
      return std::unexpected(std::move(admin365_status).error());      \
    }                                                                  \
  } while (false)

// Evaluates `rexpr` (a Result<T>); on success moves its value into `lhs` (which may be a
// declaration such as `auto user`), otherwise returns its error.
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  ASSIGN_OR_RETURN_IMPL(ADMIN365_CONCAT(admin365_result_, __LINE__), lhs, rexpr)
#define ASSIGN_OR_RETURN_IMPL(result, lhs, rexpr)              \
  auto result = (rexpr);                                       \
  if (!result) return std::unexpected(std::move(result).error()); \
  lhs = std::move(result).value()
