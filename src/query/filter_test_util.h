#pragma once

// Test helpers: terse builders for Filter trees and a gtest printer, shared by the
// query module's tests.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "query/filter.h"
#include "query/filter_printer.h"

namespace admin365::query {

// gtest prints Filters in canonical OData text.
inline void PrintTo(const Filter& filter, std::ostream* os) { *os << PrintFilter(filter); }

namespace testing_util {

inline Filter Cmp(std::string property, CompareOp op, Literal value) {
  return Filter{Comparison{.property = std::move(property), .op = op, .value = std::move(value)}};
}
inline Filter Eq(std::string property, Literal value) {
  return Cmp(std::move(property), CompareOp::kEq, std::move(value));
}
inline Filter In(std::string property, std::vector<Literal> values) {
  return Filter{InList{.property = std::move(property), .values = std::move(values)}};
}
inline Filter StartsWith(std::string property, std::string argument) {
  return Filter{FunctionCall{.function = StringFunction::kStartsWith,
                             .property = std::move(property),
                             .argument = std::move(argument)}};
}
inline Filter EndsWith(std::string property, std::string argument) {
  return Filter{FunctionCall{.function = StringFunction::kEndsWith,
                             .property = std::move(property),
                             .argument = std::move(argument)}};
}
inline Filter NotF(Filter operand) { return Filter{Not{Box<Filter>(std::move(operand))}}; }
inline Filter AndF(Filter lhs, Filter rhs) {
  return Filter{And{Box<Filter>(std::move(lhs)), Box<Filter>(std::move(rhs))}};
}
inline Filter OrF(Filter lhs, Filter rhs) {
  return Filter{Or{Box<Filter>(std::move(lhs)), Box<Filter>(std::move(rhs))}};
}
inline Filter AnyF(std::string collection, std::string variable, Filter body) {
  return Filter{Any{.collection = std::move(collection),
                    .variable = std::move(variable),
                    .body = Box<Filter>(std::move(body))}};
}
inline Filter Count(std::string collection, CompareOp op, std::int64_t value) {
  return Filter{CountComparison{.collection = std::move(collection), .op = op, .value = value}};
}
inline Literal Str(std::string value) { return Literal(std::move(value)); }
inline Literal Guid(std::string text) { return Literal(GuidLiteral{std::move(text)}); }
inline Literal Int(std::int64_t value) { return Literal(value); }

}  // namespace testing_util
}  // namespace admin365::query
