#pragma once

// Application tokens for Microsoft Graph from Entra's token endpoint: the OAuth 2.0
// client-credentials grant with a client secret
// (POST {authority}/{tenant}/oauth2/v2.0/token, scope {graph resource}/.default).

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "graph/http_client.h"

namespace admin365::graph {

struct AppCredentials {
  std::string authority_host;  // https://login.microsoftonline.com
  std::string tenant;          // tenant id or a verified domain
  std::string client_id;
  std::string client_secret;
  std::string graph_resource;  // https://graph.microsoft.com
};

struct AccessToken {
  std::string token;
  UnixSeconds expires_at = 0;
  std::string tenant_id;           // the token's tid
  std::vector<std::string> roles;  // the Graph application permissions granted (admin consent)
};

// Asks for a token. The token's claims are read, not verified: the client is not the
// token's audience, it only reports what was granted. Errors: Unauthenticated (HTTP
// status kept) with Entra's `error` as code and the first line of its
// `error_description` ("AADSTS7000215: Invalid client secret provided. ...") as message;
// HttpClient's Unavailable; Internal for a reply that is not a token.
Result<AccessToken> AcquireAppToken(HttpClient& http, const AppCredentials& credentials,
                                    UnixSeconds now);

}  // namespace admin365::graph
