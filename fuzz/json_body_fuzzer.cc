// The Graph facade's JSON request bodies: the first byte chooses the call (create or
// update a user, create a group, assign licences, set the manager, reset a password,
// add a phone method), the rest is its body, sent as an app granted every permission.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_tenant.h"

namespace {

struct Call {
  const char* method;
  const char* path;  // "{user}" stands for the tenant's user
};

constexpr Call kCalls[] = {
    {"POST", "/v1.0/users"},
    {"PATCH", "/v1.0/users/{user}"},
    {"POST", "/v1.0/groups"},
    {"POST", "/v1.0/users/{user}/assignLicense"},
    {"PUT", "/v1.0/users/{user}/manager/$ref"},
    {"POST", "/v1.0/users/{user}/authentication/methods/28c10230-6103-485e-b985-444c60001490/"
             "resetPassword"},
    {"POST", "/v1.0/users/{user}/authentication/phoneMethods"},
    {"POST", "/v1.0/directory/deletedItems/{user}/restore"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace admin365;
  if (size == 0) return 0;
  fuzz::FuzzTenant& tenant = fuzz::FuzzTenant::Get();
  const Call& call = kCalls[data[0] % std::size(kCalls)];
  std::string target = call.path;
  if (const auto at = target.find("{user}"); at != std::string::npos) {
    target.replace(at, 6, tenant.user_id());
  }
  tenant.Handle({.method = call.method,
                 .target = std::move(target),
                 .headers = tenant.AppHeaders(),
                 .body = std::string(reinterpret_cast<const char*>(data) + 1, size - 1)});
  return 0;
}
