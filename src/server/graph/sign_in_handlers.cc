// auditLogs/signIns: the sign-in log (Graph's signIn resource), newest first, in pages of
// $top (1-1000, default 1000, as Graph) continued by @odata.nextLink. Graph's $filter on
// the log is not served yet: it is refused as Unsupported Query rather than ignored.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <cstdint>

#include "server/graph/api_errors.h"
#include "server/graph/handlers.h"
#include "server/graph/object_json.h"
#include "server/graph/query_options.h"
#include "server/graph/responses.h"

namespace admin365::server::handlers {
namespace {

namespace json = boost::json;

constexpr int kMaxSignInPage = 1000;
// Microsoft Graph's application id: the resource of every sign-in the token endpoint logs.
constexpr std::string_view kGraphResourceId = "00000003-0000-0000-c000-000000000000";

json::object SignInJson(const SignIn& sign_in) {
  return json::object{
      {"id", sign_in.id},
      {"createdDateTime", FormatIso8601(sign_in.created_date_time)},
      {"userDisplayName", sign_in.user_display_name},
      {"userPrincipalName", sign_in.user_principal_name},
      {"userId", sign_in.user_id},
      {"appId", sign_in.app_id},
      {"appDisplayName", sign_in.app_display_name},
      {"ipAddress", sign_in.ip_address},
      {"clientAppUsed", "Mobile Apps and Desktop clients"},
      {"correlationId", sign_in.correlation_id},
      {"conditionalAccessStatus", "notApplied"},
      {"isInteractive", true},
      {"resourceDisplayName", "Microsoft Graph"},
      {"resourceId", kGraphResourceId},
      {"status",
       json::object{{"errorCode", sign_in.error_code},
                    {"failureReason", sign_in.error_code == 0 ? json::value(nullptr)
                                                              : json::value(sign_in.failure_reason)},
                    {"additionalDetails", nullptr}}},
  };
}

// A decimal in [1, max], or nullopt.
std::optional<std::int64_t> PositiveNumber(std::string_view text, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Result<GraphResponse> ListSignIns(GraphCall& call) {
  ASSIGN_OR_RETURN(const QueryOptions options, ParseQueryOptions(call.request.query));
  if (options.filter || options.search || options.orderby) return Fail(UnsupportedQuery());
  SignInQuery query{.limit = kMaxSignInPage};
  if (options.top) {
    const auto top = PositiveNumber(*options.top, kMaxSignInPage);
    if (!top) return Fail(InvalidPageSize(*options.top, kMaxSignInPage));
    query.limit = static_cast<int>(*top);
  }
  if (options.skiptoken) {
    const auto before = PositiveNumber(*options.skiptoken, INT64_MAX);
    if (!before) return Fail(InvalidPageToken());
    query.before_sequence = *before;
  }
  // One more than the page, to know whether a next page exists.
  ++query.limit;
  ASSIGN_OR_RETURN(std::vector<SignIn> sign_ins, call.directory.ListSignIns(query));
  const bool more = static_cast<int>(sign_ins.size()) == query.limit;
  if (more) sign_ins.pop_back();
  json::array value;
  for (const SignIn& sign_in : sign_ins) value.push_back(SignInJson(sign_in));
  json::object body = CollectionJson(call.Context("auditLogs/signIns"), std::move(value));
  if (more) {
    body["@odata.nextLink"] = fmt::format(
        "{}{}?{}", call.ServiceRoot(), call.request.path,
        QueryWithSkipToken(call.request.query, std::to_string(sign_ins.back().sequence)));
  }
  return JsonResponse(200, body);
}

}  // namespace admin365::server::handlers
