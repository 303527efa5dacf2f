#include "server/graph/query_options.h"

#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <charconv>
#include <utility>

#include "common/ascii.h"
#include "query/advanced_query.h"
#include "query/filter_parser.h"
#include "server/graph/api_errors.h"
#include "server/graph/user_search.h"

namespace admin365::server {
namespace {

// What a query string may hold as it is, besides the '%' of its escapes.
constexpr boost::urls::grammar::lut_chars kQueryChars =
    boost::urls::pchars + boost::urls::grammar::lut_chars("/?");

// `query` with what RFC 3986 does not allow in a query (spaces, '"', '{', ...), which
// clients and tests send, percent-encoded; its escapes ('%' and what follows) kept.
std::string EncodedQuery(std::string_view query) {
  std::string encoded;
  for (;;) {
    const std::size_t percent = query.find('%');
    encoded += boost::urls::encode(query.substr(0, percent), kQueryChars);
    if (percent == std::string_view::npos) return encoded;
    encoded += '%';
    query.remove_prefix(percent + 1);
  }
}

// The member of `options` that holds the option `name`, or nullptr for others.
std::optional<std::string>* OptionSlot(QueryOptions& options, std::string_view name) {
  if (AsciiIEquals(name, "$select")) return &options.select;
  if (AsciiIEquals(name, "$filter")) return &options.filter;
  if (AsciiIEquals(name, "$orderby")) return &options.orderby;
  if (AsciiIEquals(name, "$top")) return &options.top;
  if (AsciiIEquals(name, "$count")) return &options.count;
  if (AsciiIEquals(name, "$search")) return &options.search;
  if (AsciiIEquals(name, "$skiptoken")) return &options.skiptoken;
  if (AsciiIEquals(name, "$expand")) return &options.expand;
  return nullptr;
}

Result<int> PageSize(const std::optional<std::string>& top) {
  if (!top) return 100;
  int size = 0;
  const char* end = top->data() + top->size();
  const auto [ptr, error] = std::from_chars(top->data(), end, size);
  if (error != std::errc() || ptr != end || size < 1 || size > 999) {
    return Fail(InvalidPageSize(*top));
  }
  return size;
}

Result<bool> CountRequested(const std::optional<std::string>& count) {
  if (!count) return false;
  if (AsciiIEquals(*count, "true")) return true;
  if (AsciiIEquals(*count, "false")) return false;
  return Fail(InvalidCountOption(*count));
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// "displayName", "displayName asc" or "userPrincipalName desc" -> the order.
Status ApplyOrderBy(std::string_view text, bool advanced, UserCollection collection,
                    UserListOptions& list) {
  text = Trim(text);
  const std::size_t space = text.find(' ');
  const std::string_view property = text.substr(0, space);
  const std::string_view direction =
      space == std::string_view::npos ? std::string_view() : Trim(text.substr(space));
  if (AsciiIEquals(property, "displayName")) {
    list.order = UserOrder::kDisplayName;
  } else if (AsciiIEquals(property, "userPrincipalName")) {
    list.order = UserOrder::kUserPrincipalName;
  } else if (AsciiIEquals(property, "deletedDateTime") && collection == UserCollection::kDeleted &&
             advanced) {
    list.order = UserOrder::kDeletedDateTime;
  } else {
    return Fail(SortingNotSupported());
  }
  if (AsciiIEquals(direction, "desc")) {
    list.descending = true;
  } else if (!direction.empty() && !AsciiIEquals(direction, "asc")) {
    return Fail(SortingNotSupported());
  }
  return Ok();
}

}  // namespace

Result<QueryOptions> ParseQueryOptions(std::string_view query) {
  QueryOptions options;
  if (query.empty()) return options;
  const std::string encoded = EncodedQuery(query);
  auto params = boost::urls::parse_query(encoded);
  if (!params) return Fail(InvalidQueryString());
  boost::urls::encoding_opts decoding;
  decoding.space_as_plus = true;
  for (const auto& param : *params) {
    const std::string name = param.key.decode(decoding);
    std::optional<std::string>* slot = OptionSlot(options, name);
    if (slot == nullptr) continue;
    if (slot->has_value()) return Fail(DuplicateQueryOption(name));
    *slot = param.has_value ? param.value.decode(decoding) : std::string();
  }
  return options;
}

Result<bool> IsAdvancedQuery(const QueryOptions& options, bool eventual_consistency) {
  ASSIGN_OR_RETURN(const bool count, CountRequested(options.count));
  return eventual_consistency && count;
}

Result<std::optional<query::Filter>> ListFilter(const QueryOptions& options, bool advanced) {
  if (!options.filter) return std::optional<query::Filter>();
  ASSIGN_OR_RETURN(query::Filter filter, query::ParseFilter(*options.filter));
  if (!advanced && query::RequiresAdvancedQuery(filter)) return Fail(UnsupportedQuery());
  return std::optional<query::Filter>(std::move(filter));
}

Result<UserListOptions> UserListRequest(const QueryOptions& options, bool eventual_consistency,
                                        UserCollection collection) {
  UserListOptions list;
  ASSIGN_OR_RETURN(list.page_size, PageSize(options.top));
  ASSIGN_OR_RETURN(const bool advanced, IsAdvancedQuery(options, eventual_consistency));
  list.count = advanced;

  std::optional<query::Filter> search;
  if (options.search) {
    if (!eventual_consistency) return Fail(SearchNeedsEventualConsistency());
    ASSIGN_OR_RETURN(search, ParseUserSearch(*options.search));
  }
  ASSIGN_OR_RETURN(list.filter, ListFilter(options, advanced));
  if (options.orderby) {
    if (!advanced && (options.filter || options.search)) return Fail(SortingNotSupported());
    RETURN_IF_ERROR(ApplyOrderBy(*options.orderby, advanced, collection, list));
  }
  if (search) {
    if (list.filter) {
      list.filter = query::Filter{query::And{query::Box<query::Filter>(std::move(*list.filter)),
                                             query::Box<query::Filter>(std::move(*search))}};
    } else {
      list.filter = std::move(search);
    }
  }
  if (options.skiptoken) list.skip_token = *options.skiptoken;
  return list;
}

std::string QueryWithSkipToken(std::string_view query, std::string_view skip_token) {
  std::string result;
  const std::string encoded = EncodedQuery(query);
  if (auto params = boost::urls::parse_query(encoded)) {
    for (const auto& param : *params) {
      if (AsciiIEquals(param.key.decode(), "$skiptoken")) continue;
      if (param.key.empty() && !param.has_value) continue;
      result.append(param.key.data(), param.key.size());
      if (param.has_value) {
        result += '=';
        result.append(param.value.data(), param.value.size());
      }
      result += '&';
    }
  }
  result += "$skiptoken=";
  result += boost::urls::encode(skip_token, boost::urls::unreserved_chars);
  return result;
}

}  // namespace admin365::server
