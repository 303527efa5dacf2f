#include "server/graph/graph_call.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace admin365::server {

std::string_view FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (AsciiIEquals(key, name)) return value;
  }
  return {};
}

std::string_view ClientRequestId(const GraphRequest& request) {
  const std::string_view sent = FindHeader(request.headers, "client-request-id");
  return sent.empty() ? std::string_view(request.request_id) : sent;
}

std::string_view GraphCall::Header(std::string_view name) const {
  return FindHeader(request.headers, name);
}

bool GraphCall::EventualConsistency() const {
  return AsciiIEquals(Header("ConsistencyLevel"), "eventual");
}

std::string GraphCall::ServiceRoot() const {
  return fmt::format("{}/{}", request.base_url, request.version);
}

std::string GraphCall::Context(std::string_view fragment) const {
  return fmt::format("{}/$metadata#{}", ServiceRoot(), fragment);
}

}  // namespace admin365::server
