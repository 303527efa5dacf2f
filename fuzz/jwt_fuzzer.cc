// Bearer tokens: any bytes after "Bearer " on a Graph call go through the JWT parser and
// every check of server/jwt.h and TokenService::Authenticate.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_tenant.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace admin365;
  fuzz::FuzzTenant::Get().Handle(
      {.method = "GET",
       .target = "/v1.0/organization",
       .headers = {{"Authorization",
                    "Bearer " + std::string(reinterpret_cast<const char*>(data), size)}}});
  return 0;
}
