#pragma once

// The body of a $ref write (manager/$ref, members/$ref): {"@odata.id": "<URL of a
// directory object>"}, e.g. "https://graph.microsoft.com/v1.0/directoryObjects/{id}" or
// ".../users/{id or UPN}". Returns the object's id, the URL's last path segment decoded.
// Errors: UnreadableJsonPayload; InvalidObjectReference when @odata.id is missing, not a
// string, not a URL or has no path.

#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365::server {

Result<std::string> ReadReferencedId(std::string_view body);

// The id a directory object's URL names (an @odata.bind entry). Error:
// InvalidObjectReference.
Result<std::string> ReferencedId(std::string_view url);

}  // namespace admin365::server
