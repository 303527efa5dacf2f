// The token endpoint's form-encoded body (every grant type, client authentication,
// scopes) through the router, as a client would send it.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_tenant.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace admin365;
  fuzz::FuzzTenant::Get().Handle(
      {.method = "POST",
       .target = "/contoso.onmicrosoft.com/oauth2/v2.0/token",
       .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
       .body = std::string(reinterpret_cast<const char*>(data), size)});
  return 0;
}
