#include "engine/license_catalog_data.h"

#ifndef ADMIN365_LICENSING_CATALOG_PATH
#error "engine/CMakeLists.txt defines ADMIN365_LICENSING_CATALOG_PATH, the CSV to embed"
#endif

// The assembler copies the file into .rodata between two symbols. (ccache does not cache
// a translation unit that uses .incbin, so a changed file is always reassembled.)
asm(".pushsection .rodata, \"a\"\n"
    ".global admin365_licensing_catalog_begin\n"
    ".hidden admin365_licensing_catalog_begin\n"
    "admin365_licensing_catalog_begin:\n"
    ".incbin \"" ADMIN365_LICENSING_CATALOG_PATH
    "\"\n"
    ".global admin365_licensing_catalog_end\n"
    ".hidden admin365_licensing_catalog_end\n"
    "admin365_licensing_catalog_end:\n"
    ".popsection\n");

extern "C" const char admin365_licensing_catalog_begin[];
extern "C" const char admin365_licensing_catalog_end[];

namespace admin365::engine {

std::string_view EmbeddedLicensingCatalog() {
  return std::string_view(admin365_licensing_catalog_begin,
                          admin365_licensing_catalog_end - admin365_licensing_catalog_begin);
}

}  // namespace admin365::engine
