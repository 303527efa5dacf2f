#pragma once

// GraphClient: requests to Microsoft Graph for one connected tenant, as Microsoft's SDKs
// make them. It holds the app's token and gets a new one before expiry (and once more if
// Graph refuses a token as expired), sends `client-request-id` on every request, retries
// what Graph asks to be retried, and turns Graph's error bodies into admin365 Errors with
// Graph's status, code, message, details and request-id unchanged.
//
//   GraphClient graph(options, clock, random);
//   ASSIGN_OR_RETURN(GraphReply reply, graph.Send({.method = "GET", .path = "/v1.0/users"}));
//
// Retries (RetryPolicy): 429, 503 and 504 answers, honouring Retry-After (seconds) and
// otherwise backing off exponentially with full jitter; a request that got no answer at
// all is retried too unless it is a POST, whose outcome is then unknown (Unavailable,
// "... may or may not have been applied"): the caller reconciles by reading. A POST that
// got 504 is not retried either, for the same reason.
//
// Thread-safe: requests are sent one at a time over one connection pool.

#include <boost/json/value.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/random.h"
#include "common/result.h"
#include "graph/http_client.h"
#include "graph/token_client.h"

namespace admin365::graph {

struct RetryPolicy {
  int max_attempts = 7;                // the first try included
  double first_backoff_seconds = 1.0;  // doubled each time when Graph gives no Retry-After
  double max_backoff_seconds = 60.0;
  double max_retry_after_seconds = 300.0;  // a longer Retry-After is an error, not a wait
  // How a wait is spent; tests may record instead of sleeping.
  std::function<void(double seconds)> sleep;
};

struct GraphClientOptions {
  AppCredentials credentials;
  std::string graph_endpoint;  // https://graph.microsoft.com
  HttpClientOptions http;
  RetryPolicy retry;
};

struct GraphCall {
  std::string method = "GET";
  // "/v1.0/users?$top=999", relative to the endpoint, or an absolute @odata.nextLink.
  std::string path;
  std::optional<boost::json::value> body;
  HttpHeaders headers;  // e.g. ConsistencyLevel: eventual
};

struct GraphReply {
  long status = 0;
  boost::json::value body;  // null for an empty body (204)
  std::string request_id;
  std::string client_request_id;
};

// What the client saw, for progress output and benchmarks.
struct GraphCounters {
  long long requests = 0;   // sent, retries included
  long long throttled = 0;  // 429 answers
  long long retries = 0;
};

class GraphClient {
 public:
  GraphClient(GraphClientOptions options, const Clock& clock, Random& random);

  // A 2xx reply. Errors: Graph's error for any other status; Unauthenticated from the token
  // endpoint (AcquireAppToken's); Unavailable when retries ran out or the outcome of a
  // POST is unknown; Internal for a reply that is not Graph's JSON.
  Result<GraphReply> Send(const GraphCall& call);

  // Every item of a collection, following @odata.nextLink from `path` to the last page.
  Result<std::vector<boost::json::object>> GetAll(std::string path, HttpHeaders headers = {});

  GraphCounters counters() const;

 private:
  Result<std::string> Token(bool renew);
  Result<HttpReply> SendOnce(const GraphCall& call, const std::string& client_request_id);
  double Backoff(int attempt);

  GraphClientOptions options_;
  const Clock& clock_;
  Random& random_;
  mutable std::mutex mutex_;
  HttpClient http_;
  std::optional<AccessToken> token_;
  GraphCounters counters_;
};

// Graph's error body ({"error": {"code", "message", "details", "innerError"}}) as an Error
// with the HTTP status and request-id; a body that is not one gets a message naming the
// status.
Error GraphError(long status, std::string_view body, std::string request_id);

}  // namespace admin365::graph
