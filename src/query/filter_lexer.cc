#include "query/filter_lexer.h"

#include <charconv>
#include <optional>

namespace admin365::query {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsIdentifierStart(char c) { return IsAlpha(c) || c == '_' || c == '$'; }
bool IsIdentifierChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '_'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// Characters that may continue a number, GUID or datetime (so that a malformed one is
// reported whole, e.g. '1.5' or '2021-13-01T00:00:00Z').
bool IsWordChar(char c) {
  return IsIdentifierChar(c) || c == '-' || c == '.' || c == ':' || c == '+';
}

// A GUID at text[pos...]: 8-4-4-4-12 hex digits not followed by another word character.
bool GuidAt(std::string_view text, std::size_t pos) {
  constexpr std::size_t kLength = 36;
  if (pos + kLength > text.size()) return false;
  for (std::size_t i = 0; i < kLength; ++i) {
    const char c = text[pos + i];
    const bool dash = (i == 8 || i == 13 || i == 18 || i == 23);
    if (dash ? c != '-' : !IsHex(c)) return false;
  }
  return pos + kLength == text.size() || !IsWordChar(text[pos + kLength]);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    while (true) {
      while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
      Token token = Next();
      const TokenKind kind = token.kind;
      tokens.push_back(std::move(token));
      if (kind == TokenKind::kEnd || kind == TokenKind::kError) return tokens;
    }
  }

 private:
  Token Make(TokenKind kind, std::size_t start, std::size_t end) {
    pos_ = end;
    return Token{.kind = kind, .position = start, .source = text_.substr(start, end - start)};
  }

  Token Next() {
    const std::size_t start = pos_;
    if (start == text_.size()) return Make(TokenKind::kEnd, start, start);
    const char c = text_[start];
    switch (c) {
      case '(':
        return Make(TokenKind::kOpenParen, start, start + 1);
      case ')':
        return Make(TokenKind::kCloseParen, start, start + 1);
      case ',':
        return Make(TokenKind::kComma, start, start + 1);
      case '/':
        return Make(TokenKind::kSlash, start, start + 1);
      case ':':
        return Make(TokenKind::kColon, start, start + 1);
      case '\'':
        return String(start);
      default:
        break;
    }
    if (GuidAt(text_, start)) {
      Token token = Make(TokenKind::kGuid, start, start + 36);
      token.text = Lower(token.source);
      return token;
    }
    if (IsDigit(c) || (c == '-' && start + 1 < text_.size() && IsDigit(text_[start + 1]))) {
      return Word(start);
    }
    if (IsIdentifierStart(c)) {
      std::size_t end = start + 1;
      while (end < text_.size() && IsIdentifierChar(text_[end])) ++end;
      Token token = Make(TokenKind::kIdentifier, start, end);
      token.text = std::string(token.source);
      return token;
    }
    // One character, or one whole UTF-8 sequence so that messages stay valid UTF-8.
    std::size_t end = start + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    return Make(TokenKind::kInvalid, start, end);
  }

  Token String(std::size_t start) {
    std::string value;
    std::size_t i = start + 1;
    while (i < text_.size()) {
      if (text_[i] == '\'') {
        if (i + 1 < text_.size() && text_[i + 1] == '\'') {
          value += '\'';
          i += 2;
          continue;
        }
        Token token = Make(TokenKind::kString, start, i + 1);
        token.text = std::move(value);
        return token;
      }
      value += text_[i++];
    }
    Token token = Make(TokenKind::kError, text_.size(), text_.size());
    token.text = "a closing quote";
    return token;
  }

  // An integer or a datetime (GUIDs were recognised before).
  Token Word(std::size_t start) {
    std::size_t end = start + 1;
    while (end < text_.size() && IsWordChar(text_[end])) ++end;
    const std::string_view word = text_.substr(start, end - start);

    const std::size_t digits_from = word[0] == '-' ? 1 : 0;
    if (word.find_first_not_of("0123456789", digits_from) == std::string_view::npos) {
      std::int64_t value = 0;
      const auto [ptr, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
      if (ec == std::errc() && ptr == word.data() + word.size()) {
        Token token = Make(TokenKind::kInteger, start, end);
        token.integer = value;
        return token;
      }
      return Error(start, end, "an integer between -9223372036854775808 and 9223372036854775807");
    }
    if (std::optional<DateTimeLiteral> datetime = ParseDateTimeLiteral(word)) {
      Token token = Make(TokenKind::kDateTime, start, end);
      token.datetime = *datetime;
      return token;
    }
    const bool looks_like_date =
        word.size() >= 5 &&
        word.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos &&
        word[4] == '-';
    return Error(start, end,
                 looks_like_date ? "a date and time such as 2021-01-01T00:00:00Z" : "a literal");
  }

  Token Error(std::size_t start, std::size_t end, std::string expected) {
    Token token = Make(TokenKind::kError, start, end);
    token.text = std::move(expected);
    return token;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

bool IsGuidText(std::string_view text) { return text.size() == 36 && GuidAt(text, 0); }

std::vector<Token> TokenizeFilter(std::string_view text) { return Lexer(text).Run(); }

std::string DescribeToken(const Token& token) {
  if (token.kind == TokenKind::kEnd || token.source.empty()) return "end of input";
  if (token.kind == TokenKind::kString) return std::string(token.source);
  std::string out = "'";
  out += token.source;
  out += '\'';
  return out;
}

}  // namespace admin365::query
