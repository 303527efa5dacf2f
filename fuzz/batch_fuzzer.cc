// POST /v1.0/$batch with any body, as an app granted every permission: the batch's
// parsing, ordering and dependsOn, and each sub-request through the Graph facade.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_tenant.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace admin365;
  fuzz::FuzzTenant& tenant = fuzz::FuzzTenant::Get();
  tenant.Handle({.method = "POST",
                 .target = "/v1.0/$batch",
                 .headers = tenant.AppHeaders(),
                 .body = std::string(reinterpret_cast<const char*>(data), size)});
  return 0;
}
