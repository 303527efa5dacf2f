#pragma once

// Graph's JSON, read into admin365's domain types and written from them: what the
// connector (graph/graph_directory.h) sends and receives. The property catalogue
// (domain/user_properties.h) names and types user properties, as it does for the server
// that writes the same JSON.
//
// Readers take what Graph returned and ignore what they do not know (annotations such as
// @odata.type, properties admin365 does not manage). Error: Internal naming the property
// when a known one has the wrong JSON type, which only a broken service sends.

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/group.h"
#include "domain/licensing.h"
#include "domain/sign_in.h"
#include "domain/tenant.h"
#include "domain/user.h"

namespace admin365::graph {

// The $select list that reads every property ReadUser fills.
const std::string& UserSelectAll();

Result<User> ReadUser(const boost::json::object& json);
Result<Group> ReadGroup(const boost::json::object& json);
Tenant ReadOrganization(const boost::json::object& json);
// The organization's directorySizeQuota (beta); nullopt when the body has none.
std::optional<DirectorySizeQuota> ReadDirectorySizeQuota(const boost::json::object& json);
Domain ReadDomain(const boost::json::object& json);
SubscribedSku ReadSubscribedSku(const boost::json::object& json);
SignIn ReadSignIn(const boost::json::object& json);
// A member, owner or manager: its @odata.type names the kind of object.
DirectoryObjectRef ReadDirectoryObject(const boost::json::object& json);

// A user's properties as a POST /users or PATCH /users body (null clears a property).
boost::json::object WriteProperties(const PropertyMap& properties);
boost::json::object WritePasswordProfile(const PasswordProfile& profile);
boost::json::object WriteNewGroup(const NewGroup& group);
boost::json::object WriteLicenseChange(const LicenseChange& change);

}  // namespace admin365::graph
