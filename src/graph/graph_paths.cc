#include "graph/graph_paths.h"

#include <curl/curl.h>

namespace admin365::graph {

std::string PercentEncode(std::string_view text) {
  char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  std::string out = escaped != nullptr ? escaped : "";
  curl_free(escaped);
  return out;
}

std::string UserPath(std::string_view user) { return "/v1.0/users/" + PercentEncode(user); }

std::string GroupPath(std::string_view group) { return "/v1.0/groups/" + PercentEncode(group); }

}  // namespace admin365::graph
