#include "server/graph/user_search.h"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "server/graph/api_errors.h"

namespace admin365::server {
namespace {

using query::Box;
using query::Filter;

constexpr std::array<std::string_view, 6> kSearchable = {
    "displayName", "givenName", "surname", "mail", "userPrincipalName", "mailNickname"};

class SearchParser {
 public:
  explicit SearchParser(std::string_view text) : text_(text) {}

  // or_expr := and_expr ("OR" and_expr)*
  Result<Filter> Parse() {
    ASSIGN_OR_RETURN(Filter result, ParseAnd());
    while (SkipKeyword("OR")) {
      ASSIGN_OR_RETURN(Filter rhs, ParseAnd());
      result = Filter{query::Or{Box<Filter>(std::move(result)), Box<Filter>(std::move(rhs))}};
    }
    SkipSpaces();
    if (position_ != text_.size()) {
      return Fail(InvalidSearch(fmt::format("expected AND or OR at position {}.", position_)));
    }
    return result;
  }

 private:
  // and_expr := clause ("AND" clause)*
  Result<Filter> ParseAnd() {
    ASSIGN_OR_RETURN(Filter result, ParseClause());
    while (SkipKeyword("AND")) {
      ASSIGN_OR_RETURN(Filter rhs, ParseClause());
      result = Filter{query::And{Box<Filter>(std::move(result)), Box<Filter>(std::move(rhs))}};
    }
    return result;
  }

  // clause := '"' property ':' text '"'
  Result<Filter> ParseClause() {
    SkipSpaces();
    if (position_ == text_.size() || text_[position_] != '"') {
      return Fail(InvalidSearch(
          fmt::format("expected a clause in double quotes at position {}.", position_)));
    }
    const std::size_t close = text_.find('"', position_ + 1);
    if (close == std::string_view::npos) {
      return Fail(
          InvalidSearch(fmt::format("the clause at position {} is not closed.", position_)));
    }
    const std::string_view clause = text_.substr(position_ + 1, close - position_ - 1);
    position_ = close + 1;
    const std::size_t colon = clause.find(':');
    if (colon == std::string_view::npos) {
      return Fail(InvalidSearch(fmt::format("the clause \"{}\" has no property.", clause)));
    }
    const std::string_view property = clause.substr(0, colon);
    const std::string_view value = clause.substr(colon + 1);
    std::optional<std::string_view> searchable;
    for (std::string_view name : kSearchable) {
      if (AsciiIEquals(name, property)) searchable = name;
    }
    if (!searchable) {
      return Fail(InvalidSearch(fmt::format("the property '{}' is not searchable.", property)));
    }
    if (value.empty()) {
      return Fail(InvalidSearch(fmt::format("the clause \"{}\" has no text.", clause)));
    }
    return Filter{query::FunctionCall{.function = query::StringFunction::kStartsWith,
                                      .property = std::string(*searchable),
                                      .argument = std::string(value)}};
  }

  bool SkipKeyword(std::string_view keyword) {
    SkipSpaces();
    if (text_.substr(position_, keyword.size()) != keyword) return false;
    position_ += keyword.size();
    return true;
  }

  void SkipSpaces() {
    while (position_ < text_.size() && text_[position_] == ' ') ++position_;
  }

  std::string_view text_;
  std::size_t position_ = 0;
};

}  // namespace

Result<query::Filter> ParseUserSearch(std::string_view text) { return SearchParser(text).Parse(); }

}  // namespace admin365::server
