#pragma once

// ParseFilter: OData $filter text -> Filter (filter.h).
//
// Grammar (keywords, operators, function names and null/true/false are case-insensitive):
//   or_expr    := and_expr ('or' and_expr)*
//   and_expr   := unary ('and' unary)*
//   unary      := 'not' unary | primary             -- `not a eq 1` is not(a eq 1)
//   primary    := '(' or_expr ')'
//               | ('startswith' | 'endswith') '(' path ',' string ')'
//               | path op literal | path 'in' '(' literal (',' literal)* ')'
//               | path '/' 'any' '(' variable ':' or_expr ')'
//               | path '/' '$count' op integer
//   path       := identifier ('/' identifier)*      -- inside a lambda body it must start
//                                                      with the range variable
//   op         := eq | ne | gt | ge | lt | le
//   literal    := null | true | false | integer | 'string' | GUID | datetime
// `and` and `or` are left-associative and cannot be property names. Lambdas and $count cannot
// appear inside a lambda body (there `x/any` is just a path).
//
// Errors (all kind kInvalidArgument, http_status 400, code "BadRequest", target "$filter"):
//   - syntax: "Invalid $filter: syntax error at position N: expected X but found Y."
//     N is the 0-based byte offset of Y; Y is `'token'`, a string as written, or
//     `end of input`;
//   - text longer than limits.max_length:
//     "Invalid $filter: the expression is longer than 4096 characters.";
//   - more than limits.max_depth levels, where each parenthesised group, each `not` (a
//     `not` directly followed by its parenthesised operand counts once) and each lambda
//     body is a level: "Invalid $filter: the expression is nested deeper than 32 levels.";
//   - more than limits.max_nodes tree nodes (each comparison, in, function, not, and, or,
//     any and $count is one): "Invalid $filter: the expression has more than 500 terms.".
// The numbers in the limit messages are the limits in force.

#include <cstddef>
#include <string_view>

#include "common/result.h"
#include "query/filter.h"

namespace admin365::query {

struct ParseLimits {
  std::size_t max_length = 4096;
  int max_depth = 32;
  int max_nodes = 500;
};

Result<Filter> ParseFilter(std::string_view text, const ParseLimits& limits = {});

}  // namespace admin365::query
