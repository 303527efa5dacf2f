#include "query/advanced_query.h"

#include <type_traits>

namespace admin365::query {

bool RequiresAdvancedQuery(const Filter& filter) {
  return std::visit(
      [](const auto& node) -> bool {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Comparison>) {
          return node.op == CompareOp::kNe;
        } else if constexpr (std::is_same_v<T, InList>) {
          return false;
        } else if constexpr (std::is_same_v<T, FunctionCall>) {
          return node.function == StringFunction::kEndsWith;
        } else if constexpr (std::is_same_v<T, Not> || std::is_same_v<T, CountComparison>) {
          return true;
        } else if constexpr (std::is_same_v<T, And> || std::is_same_v<T, Or>) {
          return RequiresAdvancedQuery(*node.lhs) || RequiresAdvancedQuery(*node.rhs);
        } else {
          static_assert(std::is_same_v<T, Any>);
          return RequiresAdvancedQuery(*node.body);
        }
      },
      filter.node);
}

}  // namespace admin365::query
