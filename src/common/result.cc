#include "common/result.h"

namespace admin365 {

Error Error::Internal(std::string message) {
  return Error{.kind = ErrorKind::kInternal,
               .http_status = 500,
               .code = "InternalServerError",
               .message = std::move(message)};
}

Error Error::Unavailable(std::string message) {
  return Error{.kind = ErrorKind::kUnavailable,
               .http_status = 503,
               .code = "ServiceUnavailable",
               .message = std::move(message)};
}

}  // namespace admin365
