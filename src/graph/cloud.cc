#include "graph/cloud.h"

#include "common/ascii.h"

namespace admin365::graph {

std::optional<Cloud> FindCloud(std::string_view name) {
  // Microsoft Learn, "National cloud deployments": the Graph and Entra endpoints per cloud.
  if (AsciiIEquals(name, "global") || AsciiIEquals(name, "public")) {
    return Cloud{.name = "global",
                 .authority_host = "https://login.microsoftonline.com",
                 .graph_endpoint = "https://graph.microsoft.com",
                 .graph_resource = "https://graph.microsoft.com"};
  }
  if (AsciiIEquals(name, "usgov")) {
    return Cloud{.name = "usgov",
                 .authority_host = "https://login.microsoftonline.us",
                 .graph_endpoint = "https://graph.microsoft.us",
                 .graph_resource = "https://graph.microsoft.us"};
  }
  if (AsciiIEquals(name, "china")) {
    return Cloud{.name = "china",
                 .authority_host = "https://login.chinacloudapi.cn",
                 .graph_endpoint = "https://microsoftgraph.chinacloudapi.cn",
                 .graph_resource = "https://microsoftgraph.chinacloudapi.cn"};
  }
  return std::nullopt;
}

}  // namespace admin365::graph
