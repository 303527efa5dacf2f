#pragma once

// GraphApi: Microsoft Graph v1.0 (and the few beta calls admins use) over a Directory,
// without the transport. The HTTPS server (server/) authenticates the caller, then hands
// each call here as a GraphRequest; `$batch` sub-requests come back through Handle too.
//
// Shapes, codes and messages follow /work/shared/reference/entra-graph-facts.md §3: every
// error is Graph's body {"error":{"code","message","innerError":{"date","request-id",
// "client-request-id"}}} with the right status; a call the principal lacks the permission
// for is 403 Authorization_RequestDenied.
//
// Thread-safe: the server calls Handle from several threads at once.

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "directory/directory.h"

namespace admin365::server {

// The caller a bearer token proved.
struct Principal {
  enum class Kind { kApplication, kUser };
  Kind kind = Kind::kApplication;
  std::string id;                // the app's client id, or the user's object id
  std::string audit_name;        // Actor::name for writes: "app:<client id>", "user:<upn>"
  std::set<std::string> roles;   // application permissions ("User.ReadWrite.All", ...)
  std::set<std::string> scopes;  // delegated permissions, for user tokens
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct GraphRequest {
  std::string method;   // "GET", "POST", "PATCH", "PUT", "DELETE"
  std::string version;  // "v1.0" or "beta"
  std::string path;     // after the version, percent-encoded as received: "/users/a%40b.com"
  std::string query;    // the raw query string without '?': "$top=5&$filter=..."
  HeaderList headers;   // names compared case-insensitively
  std::string body;
  Principal principal;
  std::string request_id;  // a GUID the server drew for this call
  std::string base_url;    // "https://localhost:8443": for @odata.nextLink and Location
};

struct GraphResponse {
  int status = 200;
  HeaderList headers;  // Content-Type, Location, ...
  std::string body;
};

class GraphApi {
 public:
  GraphApi(Directory& directory, Clock& clock);
  ~GraphApi();

  GraphResponse Handle(const GraphRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace admin365::server
