#pragma once

// TranslateFilter: Filter -> SQLite WHERE fragment with bound parameters, driven by a
// caller-supplied FilterSchema (filter_schema.h). Values are never spliced into the SQL:
// every literal becomes a '?' placeholder and an entry of `params`, in order.
//
// Semantics: every filter selects a set of rows; `not` selects the complement, `ne` is
// the complement of `eq` (so a row whose property is null matches `ne 'x'`, as OData
// defines), `and`/`or` intersect/unite. Strings compare case-insensitively through the
// columns' NOCASE collation; startswith/endswith use LIKE, which SQLite evaluates
// case-insensitively for ASCII.
//   eq 'v' -> col = ?          eq null -> col IS NULL       ne 'v' -> col IS NOT ?
//   ne null -> col IS NOT NULL gt/ge/lt/le -> col > ? ...    in -> col IN (?, ?)
//   in (…, null) -> (col IN (?) OR col IS NULL)
//   startswith -> col LIKE ? ESCAPE '\'  (param 'v%', with \ % _ escaped by \)
//   not x -> (x) IS NOT TRUE   a and b -> a AND b (an `or` operand is parenthesised)
//   c/any(x: p) -> EXISTS (SELECT 1 FROM table c WHERE c.owner = row_key AND p)
//   c/$count eq 0 -> NOT EXISTS (…)   c/$count ne 0 -> EXISTS (…)
//   c/$count op N -> (SELECT count(*) FROM table c WHERE c.owner = row_key) op ?
// Booleans bind as 0/1, datetimes as unix seconds (a fractional datetime is compared
// exactly against the whole-second column: `ge 00:00:00.5Z` -> `col > ?` with 0 s, `eq`
// -> the constant 0), GUIDs as lower-case text. A test that can match nothing (an `in`
// list of only fractional datetimes) is the constant `0`; its complement is `1`.
//
// Errors (all kind kInvalidArgument, http_status 400, target "$filter"):
//   - unknown property, collection or element property: code "Request_BadRequest",
//     "Could not find a property named '{name}' on type '{entity or element type}'.";
//   - property or collection not filterable: code "Request_UnsupportedQuery",
//     "The request uses a filter property that is not indexed";
//   - literal of the wrong type (accountEnabled eq 'x', displayName eq true, gt null):
//     code "Request_BadRequest", "Invalid $filter: the literal {literal} cannot be
//     compared with property '{name}' of type {Edm type}.";
//   - gt/ge/lt/le on Edm.Boolean or Edm.Guid: "Invalid $filter: the operator '{op}' cannot
//     be applied to property '{name}' of type {Edm type}.";
//   - startswith/endswith on a non-string: "Invalid $filter: the function '{function}'
//     cannot be applied to property '{name}' of type {Edm type}.";
//   - a collection compared directly: "Invalid $filter: the collection '{name}' can only be
//     filtered with any() or $count.";
//   - any()/$count on a single-valued property: "Invalid $filter: the property '{name}' is
//     not a collection.";
//   - the range variable of an object collection compared directly: "Invalid $filter: the
//     elements of '{collection}' are objects; compare one of their properties.";
//   - any()/$count inside a lambda body: "Invalid $filter: any() and $count cannot be
//     used inside a lambda expression.".
// The last five use code "Request_BadRequest".

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/result.h"
#include "query/filter.h"
#include "query/filter_schema.h"

namespace admin365::query {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;  // bools as 0/1

struct SqlFragment {
  std::string sql;  // '?' placeholders, in the order of params
  std::vector<SqlValue> params;

  friend bool operator==(const SqlFragment&, const SqlFragment&) = default;
};

Result<SqlFragment> TranslateFilter(const Filter& filter, const FilterSchema& schema);

}  // namespace admin365::query
