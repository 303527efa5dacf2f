#pragma once

// Request bodies of users as the Directory takes them: POST /users -> NewUser, PATCH
// /users/{id} -> UserPatch.
//
// Like Graph's OData reader, this rejects what cannot be a user before any business rule:
// a member that is not a user property -> UnknownProperty(name); a value of the wrong JSON
// type for its property (a number, an object, a string for a boolean, a collection with a
// non-string) -> InvalidPropertyValue(name). Properties are matched case-insensitively and
// passed on under the catalogue's spelling; everything else (required properties,
// read-only ones, lengths, value rules, uniqueness) is the Directory's to check, in its
// order. "@odata.type" is accepted and ignored. passwordProfile takes password (string),
// forceChangePasswordNextSignIn and forceChangePasswordNextSignInWithMfa (booleans).

#include <boost/json/fwd.hpp>
#include <optional>

#include "common/result.h"
#include "domain/user.h"

namespace admin365::server {

Result<NewUser> ParseNewUser(const boost::json::object& body);

struct UserPatch {
  PropertyMap properties;
  std::optional<PasswordProfile> password_profile;  // a password reset
};

Result<UserPatch> ParseUserPatch(const boost::json::object& body);

}  // namespace admin365::server
