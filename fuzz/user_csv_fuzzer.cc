// The bulk CSV reader (manage/user_csv.h) on any bytes: every encoding, dialect, quoting
// and row problem must end in rows or a clear error, never a crash or a leak.

#include <cstddef>
#include <cstdint>
#include <string>

#include "manage/user_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace admin365::manage;
  auto csv = UserCsv::FromBytes(std::string(reinterpret_cast<const char*>(data), size),
                                UserCsvOptions{.max_field_bytes = 4096});
  if (!csv) return 0;
  (*csv)->unknown_columns();
  for (;;) {
    auto row = (*csv)->Next();
    if (!row || !*row) break;
  }
  return 0;
}
