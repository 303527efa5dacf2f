#pragma once

// Binding the parameters of a translated $filter (query/filter_sql.h) to a statement:
// integers, text and null, as TranslateFilter produced them.

#include <cstdint>
#include <string>
#include <variant>

#include "query/filter_sql.h"
#include "storage/sqlite/database.h"

namespace admin365::engine {

inline void BindValue(sqlite::Statement& statement, int index, const query::SqlValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    statement.Bind(index, *number);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    statement.Bind(index, *text);
  } else {
    statement.BindNull(index);
  }
}

}  // namespace admin365::engine
