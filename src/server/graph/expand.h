#pragma once

// $expand on users and groups, each relationship rendered as its own GET answers it. On a
// user and on a list of users:
//  - `manager`, the immediate manager, with its own $select if given
//    (`$expand=manager($select=id,displayName)`); a user without one has no "manager";
//  - `directReports`, users, with its own $select if given;
//  - `memberOf`, the groups the user is a direct member of (no nested options).
// On a group and on the group list: `members` and `owners`, users, each with its own
// $select if given. Other navigation properties are not expanded (the property is left
// out).

#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "directory/directory.h"
#include "server/graph/user_json.h"

namespace admin365::server {

struct UserExpansion {
  std::optional<UserSelection> manager;         // set when $expand names manager
  std::optional<UserSelection> direct_reports;  // ... directReports
  bool member_of = false;
};

// The value of $expand ("manager", "manager($select=id)", "memberOf,directReports").
// Errors: InvalidQueryString for unbalanced parentheses, a nested option other than
// $select ($levels is not served) or any on memberOf; UnknownSelectProperty in a nested
// $select.
Result<UserExpansion> ParseUserExpand(const std::optional<std::string>& expand);

struct GroupExpansion {
  std::optional<UserSelection> members;
  std::optional<UserSelection> owners;
};

// The value of $expand on groups; errors as ParseUserExpand's.
Result<GroupExpansion> ParseGroupExpand(const std::optional<std::string>& expand);

// Adds `group`'s expanded relationships to `out`. Errors: the directory's.
Status RenderGroupExpansion(Directory& directory, const GroupExpansion& expansion,
                            const Group& group, boost::json::object& out);

// Adds `user`'s expanded relationships to `out`. Errors: the directory's, other than the
// ResourceNotFound of a user without a manager.
Status RenderExpansion(Directory& directory, const UserExpansion& expansion, const User& user,
                       boost::json::object& out);

}  // namespace admin365::server
