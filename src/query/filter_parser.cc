#include "query/filter_parser.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "query/filter_lexer.h"

namespace admin365::query {

namespace {

Error FilterError(std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "BadRequest",
               .message = std::move(message),
               .target = "$filter"};
}

std::optional<CompareOp> CompareOpFromKeyword(std::string_view word) {
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {"eq", CompareOp::kEq}, {"ne", CompareOp::kNe}, {"gt", CompareOp::kGt},
      {"ge", CompareOp::kGe}, {"lt", CompareOp::kLt}, {"le", CompareOp::kLe}};
  for (const auto& [name, op] : kOps) {
    if (AsciiIEquals(word, name)) return op;
  }
  return std::nullopt;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, const ParseLimits& limits)
      : tokens_(std::move(tokens)), limits_(limits) {}

  Result<Filter> ParseAll() {
    ASSIGN_OR_RETURN(Filter filter, ParseOr());
    if (Peek().kind != TokenKind::kEnd) return Unexpected("end of input", Peek());
    return filter;
  }

 private:
  // --- Token access ----------------------------------------------------------------

  // The token `ahead` places on; the final kEnd/kError token repeats forever.
  const Token& Peek(std::size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Take() {
    const Token& token = Peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return token;
  }
  bool PeekKeyword(std::string_view keyword, std::size_t ahead = 0) const {
    const Token& token = Peek(ahead);
    return token.kind == TokenKind::kIdentifier && AsciiIEquals(token.text, keyword);
  }

  std::unexpected<Error> Unexpected(std::string_view expected, const Token& found) const {
    if (found.kind == TokenKind::kError) expected = found.text;
    return Fail(FilterError(
        fmt::format("Invalid $filter: syntax error at position {}: expected {} but found {}.",
                    found.position, expected, DescribeToken(found))));
  }

  Status Expect(TokenKind kind, std::string_view expected) {
    if (Peek().kind != kind) return Unexpected(expected, Peek());
    Take();
    return Ok();
  }

  // --- Limits ----------------------------------------------------------------------

  Status EnterLevel() {
    if (++depth_ > limits_.max_depth) {
      return Fail(FilterError(fmt::format(
          "Invalid $filter: the expression is nested deeper than {} levels.", limits_.max_depth)));
    }
    return Ok();
  }
  void LeaveLevel() { --depth_; }

  // Called before each node is built (so recursion is bounded by the node limit too).
  Status CountNode() {
    if (++nodes_ > limits_.max_nodes) {
      return Fail(FilterError(fmt::format("Invalid $filter: the expression has more than {} terms.",
                                          limits_.max_nodes)));
    }
    return Ok();
  }

  // --- Grammar ---------------------------------------------------------------------

  Result<Filter> ParseOr() {
    ASSIGN_OR_RETURN(Filter lhs, ParseAnd());
    while (PeekKeyword("or")) {
      Take();
      RETURN_IF_ERROR(CountNode());
      ASSIGN_OR_RETURN(Filter rhs, ParseAnd());
      lhs = Filter{Or{Box<Filter>(std::move(lhs)), Box<Filter>(std::move(rhs))}};
    }
    return lhs;
  }

  Result<Filter> ParseAnd() {
    ASSIGN_OR_RETURN(Filter lhs, ParseUnary());
    while (PeekKeyword("and")) {
      Take();
      RETURN_IF_ERROR(CountNode());
      ASSIGN_OR_RETURN(Filter rhs, ParseUnary());
      lhs = Filter{And{Box<Filter>(std::move(lhs)), Box<Filter>(std::move(rhs))}};
    }
    return lhs;
  }

  Result<Filter> ParseUnary() {
    if (!PeekKeyword("not")) return ParsePrimary();
    Take();
    RETURN_IF_ERROR(CountNode());
    RETURN_IF_ERROR(EnterLevel());
    Result<Filter> operand = Peek().kind == TokenKind::kOpenParen ? ParseGroup() : ParseUnary();
    LeaveLevel();
    if (!operand) return operand;
    return Filter{Not{Box<Filter>(std::move(*operand))}};
  }

  // '(' or_expr ')' without entering a level (the caller did).
  Result<Filter> ParseGroup() {
    RETURN_IF_ERROR(Expect(TokenKind::kOpenParen, "'('"));
    ASSIGN_OR_RETURN(Filter inner, ParseOr());
    RETURN_IF_ERROR(Expect(TokenKind::kCloseParen, "a closing ')'"));
    return inner;
  }

  Result<Filter> ParsePrimary() {
    const Token& token = Peek();
    if (token.kind == TokenKind::kOpenParen) {
      RETURN_IF_ERROR(EnterLevel());
      Result<Filter> inner = ParseGroup();
      LeaveLevel();
      return inner;
    }
    if (token.kind != TokenKind::kIdentifier || PeekKeyword("and") || PeekKeyword("or")) {
      return Unexpected("a property name", token);
    }
    if (Peek(1).kind == TokenKind::kOpenParen) return ParseFunctionCall();

    ASSIGN_OR_RETURN(std::string path, ParsePath());
    if (Peek().kind == TokenKind::kSlash) {  // only before any( or $count, see ParsePath
      Take();
      if (AsciiIEquals(Take().text, "any")) return ParseLambda(std::move(path));
      return ParseCount(std::move(path));
    }
    return ParseComparison(std::move(path));
  }

  // identifier ('/' identifier)*. Outside lambda bodies it stops before '/any(' and
  // '/$count'; inside them the first segment must be the range variable.
  Result<std::string> ParsePath() {
    const Token& first = Peek();
    if (first.kind != TokenKind::kIdentifier) return Unexpected("a property name", first);
    if (!variable_.empty() && first.text != variable_) {
      return Unexpected(fmt::format("the range variable '{}'", variable_), first);
    }
    std::string path = Take().text;
    while (Peek().kind == TokenKind::kSlash) {
      const Token& segment = Peek(1);
      if (segment.kind != TokenKind::kIdentifier) {
        Take();
        return Unexpected("a property name", segment);
      }
      if (variable_.empty() &&
          ((AsciiIEquals(segment.text, "any") && Peek(2).kind == TokenKind::kOpenParen) ||
           AsciiIEquals(segment.text, "$count"))) {
        break;
      }
      Take();
      path += '/';
      path += Take().text;
    }
    return path;
  }

  Result<Filter> ParseFunctionCall() {
    const Token& name = Peek();
    StringFunction function;
    if (AsciiIEquals(name.text, "startswith")) {
      function = StringFunction::kStartsWith;
    } else if (AsciiIEquals(name.text, "endswith")) {
      function = StringFunction::kEndsWith;
    } else {
      return Unexpected("'startswith' or 'endswith'", name);
    }
    Take();
    Take();  // '('
    RETURN_IF_ERROR(CountNode());
    ASSIGN_OR_RETURN(std::string property, ParsePath());
    RETURN_IF_ERROR(Expect(TokenKind::kComma, "','"));
    if (Peek().kind != TokenKind::kString) return Unexpected("a string literal", Peek());
    std::string argument = Take().text;
    RETURN_IF_ERROR(Expect(TokenKind::kCloseParen, "a closing ')'"));
    return Filter{FunctionCall{
        .function = function, .property = std::move(property), .argument = std::move(argument)}};
  }

  Result<Filter> ParseComparison(std::string property) {
    const Token& op_token = Peek();
    if (op_token.kind == TokenKind::kIdentifier && AsciiIEquals(op_token.text, "in")) {
      Take();
      RETURN_IF_ERROR(CountNode());
      RETURN_IF_ERROR(Expect(TokenKind::kOpenParen, "'('"));
      std::vector<Literal> values;
      while (true) {
        ASSIGN_OR_RETURN(Literal value, ParseLiteral());
        values.push_back(std::move(value));
        if (Peek().kind == TokenKind::kCloseParen) break;
        RETURN_IF_ERROR(Expect(TokenKind::kComma, "',' or a closing ')'"));
      }
      Take();
      return Filter{InList{.property = std::move(property), .values = std::move(values)}};
    }
    ASSIGN_OR_RETURN(CompareOp op, ParseCompareOp());
    RETURN_IF_ERROR(CountNode());
    ASSIGN_OR_RETURN(Literal value, ParseLiteral());
    return Filter{Comparison{.property = std::move(property), .op = op, .value = std::move(value)}};
  }

  Result<CompareOp> ParseCompareOp() {
    const Token& token = Peek();
    std::optional<CompareOp> op;
    if (token.kind == TokenKind::kIdentifier) op = CompareOpFromKeyword(token.text);
    if (!op) return Unexpected("an operator such as 'eq'", token);
    Take();
    return *op;
  }

  Result<Literal> ParseLiteral() {
    const Token& token = Peek();
    switch (token.kind) {
      case TokenKind::kString:
        return Literal(Take().text);
      case TokenKind::kInteger:
        return Literal(Take().integer);
      case TokenKind::kGuid:
        return Literal(GuidLiteral{Take().text});
      case TokenKind::kDateTime:
        return Literal(Take().datetime);
      case TokenKind::kIdentifier:
        if (AsciiIEquals(token.text, "null")) {
          Take();
          return Literal(nullptr);
        }
        if (AsciiIEquals(token.text, "true") || AsciiIEquals(token.text, "false")) {
          return Literal(AsciiIEquals(Take().text, "true"));
        }
        break;
      default:
        break;
    }
    return Unexpected("a literal", token);
  }

  // After 'collection/any': '(' variable ':' or_expr ')'.
  Result<Filter> ParseLambda(std::string collection) {
    Take();  // '(' (ParsePath checked it)
    RETURN_IF_ERROR(CountNode());
    RETURN_IF_ERROR(EnterLevel());
    Result<Filter> lambda = ParseLambdaBody(std::move(collection));
    LeaveLevel();
    return lambda;
  }

  Result<Filter> ParseLambdaBody(std::string collection) {
    if (Peek().kind != TokenKind::kIdentifier) return Unexpected("a range variable", Peek());
    std::string variable = Take().text;
    RETURN_IF_ERROR(Expect(TokenKind::kColon, "':'"));
    variable_ = variable;
    Result<Filter> body = ParseOr();
    variable_.clear();
    if (!body) return body;
    RETURN_IF_ERROR(Expect(TokenKind::kCloseParen, "a closing ')'"));
    return Filter{Any{.collection = std::move(collection),
                      .variable = std::move(variable),
                      .body = Box<Filter>(std::move(*body))}};
  }

  // After 'collection/$count': op integer.
  Result<Filter> ParseCount(std::string collection) {
    ASSIGN_OR_RETURN(CompareOp op, ParseCompareOp());
    RETURN_IF_ERROR(CountNode());
    if (Peek().kind != TokenKind::kInteger) return Unexpected("an integer", Peek());
    return Filter{
        CountComparison{.collection = std::move(collection), .op = op, .value = Take().integer}};
  }

  std::vector<Token> tokens_;
  ParseLimits limits_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int nodes_ = 0;
  std::string variable_;  // the range variable while parsing a lambda body
};

}  // namespace

Result<Filter> ParseFilter(std::string_view text, const ParseLimits& limits) {
  if (text.size() > limits.max_length) {
    return Fail(FilterError(fmt::format(
        "Invalid $filter: the expression is longer than {} characters.", limits.max_length)));
  }
  return Parser(TokenizeFilter(text), limits).ParseAll();
}

}  // namespace admin365::query
