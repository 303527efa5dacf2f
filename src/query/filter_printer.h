#pragma once

// PrintFilter: Filter -> canonical OData $filter text, for sending to Microsoft Graph
// and for logs.
//
// Canonical form: lower-case keywords, operators and function names; single spaces
// around operators; no spaces after commas or inside calls, in the style of Graph's own
// documentation:
//   startswith(displayName,'a') and (userType eq 'Guest' or mail in ('a@x.com','b@x.com'))
//   not(endswith(mail,'@contoso.com'))
//   assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)
//   proxyAddresses/$count eq 0
// Parentheses appear only where the tree needs them (an `or` under an `and`, a right
// operand of the same operator, and always around the operand of `not`).
// For every tree produced by ParseFilter, ParseFilter(PrintFilter(f)) == f, provided the
// printed text fits the same ParseLimits (it is never deeper and has the same number of
// nodes; it can be slightly longer than the original text, e.g. `in('a')` -> `in ('a')`).
// Nothing here fails.

#include <string>
#include <string_view>

#include "query/filter.h"

namespace admin365::query {

std::string PrintFilter(const Filter& filter);

// A literal as OData text: null, true, 42, 'O''Brien', a GUID, 2021-01-01T00:00:00Z.
std::string PrintLiteral(const Literal& literal);

// "eq", "ne", "gt", "ge", "lt", "le".
std::string_view CompareOpName(CompareOp op);

// "startswith", "endswith".
std::string_view StringFunctionName(StringFunction function);

}  // namespace admin365::query
