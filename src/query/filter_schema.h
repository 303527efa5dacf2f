#pragma once

// FilterSchema: what TranslateFilter (filter_sql.h) may filter on, supplied by the caller
// so that the query module knows nothing about users. Names match case-insensitively
// (ASCII), as in Graph.
//
// Storage conventions the translated SQL relies on:
//   - kString columns (and string collection value columns) are declared COLLATE NOCASE,
//     so `=`, `IN`, `IS NOT` and ordering compare case-insensitively (ASCII only);
//   - kBool columns hold 0/1, kDateTime columns INTEGER unix seconds, kInt64 INTEGER;
//   - kGuid columns hold the canonical lower-case 8-4-4-4-12 text;
//   - ColumnSpec::column of an entity property is used verbatim (e.g. "u.display_name");
//     columns of collections (owner_column, value_column, object_fields) are bare names
//     in `table`, which the SQL aliases as `c` (so the outer query must not use `c`).
// EdmTypeName never fails.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

namespace admin365::query {

enum class ColumnType {
  kString,    // Edm.String
  kBool,      // Edm.Boolean; only eq, ne, in
  kDateTime,  // Edm.DateTimeOffset, stored as INTEGER unix seconds
  kGuid,      // Edm.Guid; only eq, ne, in
  kInt64,     // Edm.Int64
};

// "Edm.String", "Edm.Boolean", "Edm.DateTimeOffset", "Edm.Guid", "Edm.Int64".
std::string_view EdmTypeName(ColumnType type);

struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return Fold(x) < Fold(y); });
  }

 private:
  static char Fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
};

template <class V>
using CaseInsensitiveMap = std::map<std::string, V, CaseInsensitiveLess>;

struct ColumnSpec {
  std::string column;
  ColumnType type = ColumnType::kString;
  // false: the property exists but Graph cannot filter on it
  // (400 Request_UnsupportedQuery "The request uses a filter property that is not indexed").
  bool filterable = true;
};

// A multi-valued property stored in a child table, one row per element.
struct CollectionSpec {
  std::string table;         // e.g. "user_proxy_addresses"
  std::string owner_column;  // the column equal to FilterSchema::row_key, e.g. "user_id"
  // For collections of primitives (proxyAddresses): the element column and its type.
  // Empty for collections of objects.
  std::string value_column;
  ColumnType value_type = ColumnType::kString;
  // For collections of objects (assignedLicenses): their filterable properties (x/skuId).
  CaseInsensitiveMap<ColumnSpec> object_fields;
  // The element type named in errors, e.g. "microsoft.graph.assignedLicense" or
  // "Edm.String".
  std::string element_type;
  bool filterable = true;
};

struct FilterSchema {
  std::string entity_type;  // named in errors, e.g. "microsoft.graph.user"
  std::string row_key;      // the outer row's key for correlated subqueries, e.g. "u.id"
  CaseInsensitiveMap<ColumnSpec> properties;       // e.g. "displayName", "a/b" paths
  CaseInsensitiveMap<CollectionSpec> collections;  // e.g. "proxyAddresses"
};

}  // namespace admin365::query
