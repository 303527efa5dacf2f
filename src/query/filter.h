#pragma once

// Filter: the protocol-neutral tree of an OData $filter expression.
//
// ParseFilter (filter_parser.h) builds it from OData text, PrintFilter (filter_printer.h)
// writes it back, TranslateFilter (filter_sql.h) turns it into an SQL WHERE fragment and
// RequiresAdvancedQuery (advanced_query.h) tells whether Graph needs the advanced-query
// parameters for it. Everything is a plain value: copyable, comparable with ==, no
// failure modes.
//
// Property paths are kept as written, segments joined by '/', e.g. "displayName" or
// "onPremisesExtensionAttributes/extensionAttribute1". Inside a lambda body every path
// starts with the range variable: "x" or "x/skuId".
//
//   startswith(displayName,'a') and accountEnabled eq true
//   => And{ FunctionCall{kStartsWith, "displayName", "a"},
//           Comparison{"accountEnabled", kEq, true} }

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "query/box.h"
#include "query/datetime_literal.h"

namespace admin365::query {

// An unquoted GUID such as 184efa21-98c3-4e5d-95ab-d07053a96e67, stored in lower case.
struct GuidLiteral {
  std::string text;

  friend bool operator==(const GuidLiteral&, const GuidLiteral&) = default;
};

// null, true/false, a 64-bit integer, a string (unescaped), a GUID or a datetime.
using Literal =
    std::variant<std::nullptr_t, bool, std::int64_t, std::string, GuidLiteral, DateTimeLiteral>;

enum class CompareOp { kEq, kNe, kGt, kGe, kLt, kLe };
enum class StringFunction { kStartsWith, kEndsWith };

struct Filter;

// property op literal
struct Comparison {
  std::string property;
  CompareOp op = CompareOp::kEq;
  Literal value;

  friend bool operator==(const Comparison&, const Comparison&) = default;
};

// property in (literal, ...); never empty when built by the parser.
struct InList {
  std::string property;
  std::vector<Literal> values;

  friend bool operator==(const InList&, const InList&) = default;
};

// startswith(property, 'argument') / endswith(property, 'argument')
struct FunctionCall {
  StringFunction function = StringFunction::kStartsWith;
  std::string property;
  std::string argument;

  friend bool operator==(const FunctionCall&, const FunctionCall&) = default;
};

struct Not {
  Box<Filter> operand;

  friend bool operator==(const Not&, const Not&) = default;
};

// Binary, so that the printer can reproduce any grouping; the parser builds a
// left-leaning chain for `a and b and c`.
struct And {
  Box<Filter> lhs;
  Box<Filter> rhs;

  friend bool operator==(const And&, const And&) = default;
};

struct Or {
  Box<Filter> lhs;
  Box<Filter> rhs;

  friend bool operator==(const Or&, const Or&) = default;
};

// collection/any(variable: body)
struct Any {
  std::string collection;
  std::string variable;
  Box<Filter> body;

  friend bool operator==(const Any&, const Any&) = default;
};

// collection/$count op integer
struct CountComparison {
  std::string collection;
  CompareOp op = CompareOp::kEq;
  std::int64_t value = 0;

  friend bool operator==(const CountComparison&, const CountComparison&) = default;
};

struct Filter {
  std::variant<Comparison, InList, FunctionCall, Not, And, Or, Any, CountComparison> node;

  friend bool operator==(const Filter&, const Filter&) = default;
};

}  // namespace admin365::query
