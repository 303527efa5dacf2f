// The OData $filter parser (query/filter_parser.h) on any text. What it accepts must
// print back to text that parses to the same tree (filter_printer.h's promise, checked
// here: a difference aborts) and translate to SQL against the users' schema, as the
// engine does.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/user_table.h"
#include "query/filter_parser.h"
#include "query/filter_printer.h"
#include "query/filter_sql.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace admin365;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto filter = query::ParseFilter(text);
  if (!filter) return 0;
  const std::string printed = query::PrintFilter(*filter);
  // The printed text may be a little longer than the input (`in('a')` -> `in ('a')`).
  auto again = query::ParseFilter(printed, {.max_length = 1 << 20});
  if (!again || !(*again == *filter)) {
    std::fprintf(stderr, "round trip differs: '%.*s' printed as '%s'\n",
                 static_cast<int>(text.size()), text.data(), printed.c_str());
    std::abort();
  }
  (void)query::TranslateFilter(*filter, engine::UserFilterSchema());
  return 0;
}
