#include "server/graph/batch.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "server/graph/api_errors.h"
#include "server/graph/graph_call.h"
#include "server/graph/responses.h"

namespace admin365::server {
namespace {

namespace json = boost::json;

struct BatchItem {
  std::string id;
  GraphRequest request;
  std::vector<std::size_t> depends_on;  // indexes into the batch
};

std::optional<std::string_view> StringMember(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string_view(value->get_string());
}

// A request's id or a dependsOn entry: a string, or a whole number as clients such as CLI for
// Microsoft 365 send (Graph accepts `"id": 1` and answers with the id "1").
std::optional<std::string> RequestId(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_int64()) return std::to_string(value.get_int64());
  if (value.is_uint64()) return std::to_string(value.get_uint64());
  return std::nullopt;
}

// One element of "requests", without its dependencies (which need every id).
Result<BatchItem> ReadItem(const json::value& element, std::size_t index,
                           const GraphRequest& batch) {
  if (!element.is_object()) {
    return Fail(InvalidBatchPayload(fmt::format("request {} is not an object.", index)));
  }
  const json::object& object = element.get_object();
  const json::value* id_value = object.if_contains("id");
  const std::optional<std::string> id = id_value ? RequestId(*id_value) : std::nullopt;
  const auto method = StringMember(object, "method");
  const auto url = StringMember(object, "url");
  if (!id || id->empty()) {
    return Fail(InvalidBatchPayload(fmt::format("request {} has no 'id'.", index)));
  }
  if (!method || !url) {
    return Fail(
        InvalidBatchPayload(fmt::format("request '{}' needs a 'method' and a 'url'.", *id)));
  }
  if (url->find("://") != std::string_view::npos) {
    return Fail(InvalidBatchPayload(fmt::format("the url of request '{}' must be relative.", *id)));
  }
  BatchItem item{.id = *id};
  GraphRequest& request = item.request;
  request.method = std::string(*method);
  for (char& c : request.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::size_t question = url->find('?');
  request.path = std::string(url->substr(0, question));
  if (!request.path.starts_with('/')) request.path.insert(0, "/");
  if (question != std::string_view::npos) request.query = std::string(url->substr(question + 1));
  request.version = batch.version;
  request.principal = batch.principal;
  request.request_id = batch.request_id;
  request.base_url = batch.base_url;
  if (const json::value* headers = object.if_contains("headers")) {
    if (!headers->is_object()) {
      return Fail(
          InvalidBatchPayload(fmt::format("the headers of request '{}' are not an object.", *id)));
    }
    for (const auto& header : headers->get_object()) {
      if (!header.value().is_string()) {
        return Fail(InvalidBatchPayload(
            fmt::format("header '{}' of request '{}' is not a string.", header.key(), *id)));
      }
      request.headers.emplace_back(header.key(), header.value().get_string());
    }
  }
  if (const json::value* body = object.if_contains("body")) {
    if (FindHeader(request.headers, "Content-Type").empty()) {
      return Fail(InvalidBatchPayload(
          fmt::format("request '{}' has a body but no Content-Type header.", *id)));
    }
    request.body = body->is_string() ? std::string(body->get_string()) : json::serialize(*body);
  }
  return item;
}

Status ReadDependencies(const json::array& elements, std::vector<BatchItem>& items) {
  std::map<std::string, std::size_t, std::less<>> index_of;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!index_of.emplace(items[i].id, i).second) {
      return Fail(InvalidBatchPayload(
          fmt::format("the id '{}' is used by more than one request.", items[i].id)));
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::value* depends_on = elements[i].get_object().if_contains("dependsOn");
    if (depends_on == nullptr) continue;
    if (!depends_on->is_array()) {
      return Fail(InvalidBatchPayload(
          fmt::format("the dependsOn of request '{}' is not an array.", items[i].id)));
    }
    for (const json::value& name : depends_on->get_array()) {
      const std::optional<std::string> dependency = RequestId(name);
      const auto found = dependency ? index_of.find(*dependency) : index_of.end();
      if (found == index_of.end() || found->second == i) {
        return Fail(InvalidBatchPayload(fmt::format(
            "request '{}' depends on a request that is not in the batch.", items[i].id)));
      }
      items[i].depends_on.push_back(found->second);
    }
  }
  return Ok();
}

// The order to run the items in: each after its dependencies, otherwise as given.
Result<std::vector<std::size_t>> RunOrder(const std::vector<BatchItem>& items) {
  std::vector<std::size_t> order;
  std::vector<bool> placed(items.size(), false);
  while (order.size() < items.size()) {
    bool progressed = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (std::size_t dependency : items[i].depends_on) ready = ready && placed[dependency];
      if (!ready) continue;
      placed[i] = true;
      order.push_back(i);
      progressed = true;
    }
    if (!progressed) return Fail(InvalidBatchPayload("dependsOn forms a cycle."));
  }
  return order;
}

json::object ResponseJson(const std::string& id, const GraphResponse& response) {
  json::object headers;
  bool json_body = false;
  for (const auto& [name, value] : response.headers) {
    if (AsciiIEquals(name, "request-id") || AsciiIEquals(name, "client-request-id")) continue;
    if (AsciiIEquals(name, "Content-Type") && value.starts_with("application/json")) {
      json_body = true;
    }
    headers[name] = value;
  }
  json::object out{{"id", id}, {"status", response.status}};
  out["headers"] = std::move(headers);
  if (!response.body.empty()) {
    boost::system::error_code error;
    json::value parsed = json_body ? json::parse(response.body, error) : json::value();
    out["body"] = json_body && !error ? std::move(parsed) : json::value(response.body);
  }
  return out;
}

}  // namespace

Result<GraphResponse> RunBatch(const GraphRequest& batch, UnixSeconds now,
                               const Dispatch& dispatch) {
  ASSIGN_OR_RETURN(const json::object body, ParseJsonObject(batch.body));
  const json::value* requests = body.if_contains("requests");
  if (requests == nullptr || !requests->is_array()) {
    return Fail(InvalidBatchPayload("the body needs a 'requests' array."));
  }
  const json::array& elements = requests->get_array();
  if (elements.size() > kMaxBatchRequests) return Fail(TooManyBatchRequests(kMaxBatchRequests));
  std::vector<BatchItem> items;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    ASSIGN_OR_RETURN(BatchItem item, ReadItem(elements[i], i, batch));
    items.push_back(std::move(item));
  }
  RETURN_IF_ERROR(ReadDependencies(elements, items));
  ASSIGN_OR_RETURN(const std::vector<std::size_t> order, RunOrder(items));

  std::vector<GraphResponse> responses(items.size());
  for (std::size_t i : order) {
    const BatchItem& item = items[i];
    bool dependency_failed = false;
    for (std::size_t dependency : item.depends_on) {
      dependency_failed = dependency_failed || responses[dependency].status >= 400;
    }
    if (dependency_failed) {
      responses[i] = ErrorResponse(FailedDependency(), item.request, now);
    } else if (AsciiIEquals(item.request.path, "/$batch")) {
      responses[i] =
          ErrorResponse(InvalidBatchPayload("a batch cannot contain $batch."), item.request, now);
    } else {
      responses[i] = dispatch(item.request);
    }
  }
  json::array out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(ResponseJson(items[i].id, responses[i]));
  return JsonResponse(200, json::object{{"responses", std::move(out)}});
}

}  // namespace admin365::server
