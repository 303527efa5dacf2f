#include "query/filter_schema.h"

namespace admin365::query {

std::string_view EdmTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kString:
      return "Edm.String";
    case ColumnType::kBool:
      return "Edm.Boolean";
    case ColumnType::kDateTime:
      return "Edm.DateTimeOffset";
    case ColumnType::kGuid:
      return "Edm.Guid";
    case ColumnType::kInt64:
      return "Edm.Int64";
  }
  return "Edm.String";
}

}  // namespace admin365::query
