#pragma once

// Rendering of the directory objects other than users (groups, member/manager references)
// and of Graph's collection envelope, with Graph's property names and JSON types.

#include <boost/json/fwd.hpp>
#include <string>
#include <vector>

#include "domain/group.h"

namespace admin365::server {

// {"@odata.context": context, "value": value}
boost::json::object CollectionJson(std::string context, boost::json::array value);

// {"@odata.context": context} followed by the members of `entity`: a single entity.
boost::json::object EntityJson(std::string context, boost::json::object entity);

// A group: id, createdDateTime, description, displayName, groupTypes, mail, mailEnabled,
// mailNickname, proxyAddresses, securityEnabled and assignedLicenses.
boost::json::object GroupJson(const Group& group);
// The same group in a list of directory objects (memberOf): "@odata.type" first.
boost::json::object GroupObjectJson(const Group& group);

// A member, manager or direct report as a directoryObject:
// {"@odata.type": "#microsoft.graph.user", "id", "displayName", "userPrincipalName"}
// (groups: "#microsoft.graph.group", without userPrincipalName).
boost::json::object DirectoryObjectJson(const DirectoryObjectRef& object);
boost::json::array DirectoryObjectsJson(const std::vector<DirectoryObjectRef>& objects);

}  // namespace admin365::server
