#pragma once

// A page of users as Graph returns a collection: {"@odata.context", "@odata.count"? (when
// the page was counted), "@odata.nextLink"? (when more follow: this request's URL with
// $skiptoken set to the page's next token), "value": [users]}. Rendered with one
// monotonic arena per page, so a page of 999 users costs few allocations.

#include <string_view>

#include "directory/directory.h"
#include "server/graph/graph_call.h"
#include "server/graph/expand.h"
#include "server/graph/user_json.h"

namespace admin365::server {

// `entity_set` names the collection in @odata.context ("users",
// "directory/deletedItems/microsoft.graph.user"); `typed` adds each user's "@odata.type";
// `expansion` adds what $expand asked for. Errors: RenderExpansion's.
Result<GraphResponse> UserPageResponse(const GraphCall& call, const UserPage& page,
                                       const UserSelection& selection, std::string_view entity_set,
                                       bool typed, const UserExpansion& expansion = {});

}  // namespace admin365::server
