#include "server/graph/user_page.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "server/graph/query_options.h"
#include "server/graph/responses.h"

namespace admin365::server {

namespace json = boost::json;

Result<GraphResponse> UserPageResponse(const GraphCall& call, const UserPage& page,
                                       const UserSelection& selection, std::string_view entity_set,
                                       bool typed, const UserExpansion& expansion) {
  json::monotonic_resource arena;
  const json::storage_ptr storage(&arena);
  json::object body(storage);
  body["@odata.context"] =
      call.Context(fmt::format("{}{}", entity_set, selection.context_suffix()));
  if (page.total_count) body["@odata.count"] = *page.total_count;
  if (!page.next_skip_token.empty()) {
    body["@odata.nextLink"] =
        fmt::format("{}{}?{}", call.ServiceRoot(), call.request.path,
                    QueryWithSkipToken(call.request.query, page.next_skip_token));
  }
  json::array& users = body["value"].emplace_array();
  users.reserve(page.users.size());
  for (const User& user : page.users) {
    json::object& object = users.emplace_back(json::object(storage)).as_object();
    if (typed) object["@odata.type"] = "#microsoft.graph.user";
    selection.Render(user, object);
    RETURN_IF_ERROR(RenderExpansion(call.directory, expansion, user, object));
  }
  return JsonResponse(200, body);
}

}  // namespace admin365::server
