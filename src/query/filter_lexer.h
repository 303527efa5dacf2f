#pragma once

// The $filter tokenizer used by ParseFilter (internal to the query module, exposed only
// so that it can be tested on its own).
//
// TokenizeFilter never fails: it returns the tokens of `text` in order, ending with one
// kEnd token or, when a piece of text cannot be a token, one kError token at which
// tokenizing stops. A kError token carries what was expected in `text` and the offending
// text in `source` (empty when the input ended, e.g. in an unterminated string); the
// parser turns it into the syntax error only if it gets that far, so errors are always
// reported at the first position where the input stops making sense. Characters that
// start no token become kInvalid tokens, which the parser reports as unexpected.
//
// Tokens: identifiers ([A-Za-z_$][A-Za-z0-9_]*, keywords included), 'strings' with ''
// for a quote, integers (optional '-'), GUIDs (8-4-4-4-12 hex digits, unquoted),
// datetimes (see datetime_literal.h, unquoted), and ( ) , / :.
// Positions are 0-based byte offsets into `text`; `source` views point into `text`.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/datetime_literal.h"

namespace admin365::query {

enum class TokenKind {
  kEnd,
  kIdentifier,
  kString,
  kInteger,
  kGuid,
  kDateTime,
  kOpenParen,
  kCloseParen,
  kComma,
  kSlash,
  kColon,
  kInvalid,  // a character that starts no token
  kError,    // a malformed token; `text` says what was expected
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t position = 0;
  std::string_view source;  // the token's text as written
  std::string text;         // identifier, unescaped string, lower-case GUID, or (kError) expected
  std::int64_t integer = 0;
  DateTimeLiteral datetime;
};

std::vector<Token> TokenizeFilter(std::string_view text);

// True when `text` is exactly a GUID (8-4-4-4-12 hex digits, any case).
bool IsGuidText(std::string_view text);

// How an error message names a token: `end of input`, a string as written ('it''s'),
// anything else as written in single quotes ('foo').
std::string DescribeToken(const Token& token);

}  // namespace admin365::query
