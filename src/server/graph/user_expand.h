#pragma once

// $expand on a user and on a list of users. Graph expands `manager`, the immediate
// manager, rendered as GET users/{id}/manager answers it, with its own $select if given:
// `$expand=manager`, `$expand=manager($select=id,displayName)`. A user without a manager
// has no "manager" member. Other navigation properties are not expanded (the property is
// left out, as before).

#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "directory/directory.h"
#include "server/graph/user_json.h"

namespace admin365::server {

struct UserExpansion {
  std::optional<UserSelection> manager;  // set when $expand names manager
};

// The value of $expand ("manager", "manager($select=id)", "memberOf,manager"). Errors:
// InvalidQueryString for unbalanced parentheses or a nested option other than $select
// ($levels is not served); UnknownSelectProperty in a nested $select.
Result<UserExpansion> ParseUserExpand(const std::optional<std::string>& expand);

// Adds `user`'s expanded relationships to `out`. Errors: the directory's, other than the
// ResourceNotFound of a user without a manager.
Status RenderExpansion(Directory& directory, const UserExpansion& expansion, const User& user,
                       boost::json::object& out);

}  // namespace admin365::server
