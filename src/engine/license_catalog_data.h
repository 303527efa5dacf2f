#pragma once

// The bytes of data/m365-licensing-catalog.csv, compiled into admin365 at build time, so
// the binary needs no file at run time. engine/CMakeLists.txt passes the file's path to
// license_catalog_data.cc (ADMIN365_LICENSING_CATALOG_PATH) and rebuilds it when the file
// changes. SkuCatalog::BuiltIn() parses them.

#include <string_view>

namespace admin365::engine {

// The whole file, byte for byte (with its byte-order mark).
std::string_view EmbeddedLicensingCatalog();

}  // namespace admin365::engine
