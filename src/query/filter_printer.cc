#include "query/filter_printer.h"

#include <fmt/format.h>

#include <type_traits>

namespace admin365::query {

namespace {

// Binding strength: or < and < everything else.
int Precedence(const Filter& filter) {
  if (std::holds_alternative<Or>(filter.node)) return 1;
  if (std::holds_alternative<And>(filter.node)) return 2;
  return 3;
}

void Print(const Filter& filter, std::string& out);

void PrintOperand(const Filter& operand, bool parenthesize, std::string& out) {
  if (parenthesize) out += '(';
  Print(operand, out);
  if (parenthesize) out += ')';
}

template <class Binary>
void PrintBinary(const Binary& node, int precedence, std::string_view keyword, std::string& out) {
  PrintOperand(*node.lhs, Precedence(*node.lhs) < precedence, out);
  out += keyword;
  PrintOperand(*node.rhs, Precedence(*node.rhs) <= precedence, out);
}

void Print(const Filter& filter, std::string& out) {
  std::visit(
      [&out](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Comparison>) {
          out += node.property;
          out += ' ';
          out += CompareOpName(node.op);
          out += ' ';
          out += PrintLiteral(node.value);
        } else if constexpr (std::is_same_v<T, InList>) {
          out += node.property;
          out += " in (";
          for (std::size_t i = 0; i < node.values.size(); ++i) {
            if (i > 0) out += ',';
            out += PrintLiteral(node.values[i]);
          }
          out += ')';
        } else if constexpr (std::is_same_v<T, FunctionCall>) {
          out += StringFunctionName(node.function);
          out += '(';
          out += node.property;
          out += ',';
          out += PrintLiteral(node.argument);
          out += ')';
        } else if constexpr (std::is_same_v<T, Not>) {
          out += "not";
          PrintOperand(*node.operand, true, out);
        } else if constexpr (std::is_same_v<T, And>) {
          PrintBinary(node, 2, " and ", out);
        } else if constexpr (std::is_same_v<T, Or>) {
          PrintBinary(node, 1, " or ", out);
        } else if constexpr (std::is_same_v<T, Any>) {
          out += node.collection;
          out += "/any(";
          out += node.variable;
          out += ':';
          Print(*node.body, out);
          out += ')';
        } else {
          static_assert(std::is_same_v<T, CountComparison>);
          out +=
              fmt::format("{}/$count {} {}", node.collection, CompareOpName(node.op), node.value);
        }
      },
      filter.node);
}

}  // namespace

std::string PrintFilter(const Filter& filter) {
  std::string out;
  Print(filter, out);
  return out;
}

std::string PrintLiteral(const Literal& literal) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          return value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return fmt::format("{}", value);
        } else if constexpr (std::is_same_v<T, std::string>) {
          std::string out = "'";
          for (char c : value) {
            if (c == '\'') out += '\'';
            out += c;
          }
          out += '\'';
          return out;
        } else if constexpr (std::is_same_v<T, GuidLiteral>) {
          return value.text;
        } else {
          static_assert(std::is_same_v<T, DateTimeLiteral>);
          return FormatDateTimeLiteral(value);
        }
      },
      literal);
}

std::string_view CompareOpName(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "eq";
    case CompareOp::kNe:
      return "ne";
    case CompareOp::kGt:
      return "gt";
    case CompareOp::kGe:
      return "ge";
    case CompareOp::kLt:
      return "lt";
    case CompareOp::kLe:
      return "le";
  }
  return "eq";
}

std::string_view StringFunctionName(StringFunction function) {
  return function == StringFunction::kStartsWith ? "startswith" : "endswith";
}

}  // namespace admin365::query
