#pragma once

// The Microsoft clouds a tenant lives in: where its token endpoint (the authority) and
// Microsoft Graph are, and the resource Graph tokens are issued for. Tests point a
// connection at `admin365 serve` by overriding both hosts; the resource stays the cloud's.

#include <optional>
#include <string>
#include <string_view>

namespace admin365::graph {

struct Cloud {
  std::string name;            // "global", "usgov", "china"
  std::string authority_host;  // https://login.microsoftonline.com
  std::string graph_endpoint;  // https://graph.microsoft.com
  std::string graph_resource;  // the audience of Graph tokens: the scope's prefix
};

// "global" (also "public"), "usgov" (GCC High and DoD), "china" (21Vianet); nullopt for
// another name.
std::optional<Cloud> FindCloud(std::string_view name);

}  // namespace admin365::graph
