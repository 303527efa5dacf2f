#pragma once

// HttpClient: HTTPS requests to Microsoft Graph and Entra's token endpoint, by libcurl.
// One client keeps one libcurl handle, whose connection cache reuses connections (TLS
// included) across requests to the same host. Proxies come from the environment as
// libcurl reads them (HTTPS_PROXY, https_proxy, NO_PROXY). Certificates are checked
// against `ca_file` when given (a private CA, a TLS-inspecting proxy), else against
// $SSL_CERT_FILE when set, else the system's store.
//
//   HttpClient http({.ca_file = "corp-ca.pem"});
//   ASSIGN_OR_RETURN(HttpReply reply, http.Send({.method = "POST", .url = url,
//                                                .headers = {{"Content-Type", ...}},
//                                                .body = form}));
//
// Not thread-safe: one client per thread.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace admin365::graph {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpClientOptions {
  std::string ca_file;        // PEM bundle of the CAs to trust; empty: see above
  long timeout_seconds = 100; // the whole request; Graph's own gateway timeout is 100 s
};

struct HttpCall {
  std::string method = "GET";
  std::string url;
  HttpHeaders headers;
  std::string body;
};

struct HttpReply {
  long status = 0;
  HttpHeaders headers;  // names as the server sent them
  std::string body;

  // The first header named `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Any HTTP status is a reply. Error: Unavailable when no reply came (DNS, connection,
  // TLS, timeout), with libcurl's reason and the URL's host.
  Result<HttpReply> Send(const HttpCall& call);

 private:
  struct Handle;
  HttpClientOptions options_;
  std::unique_ptr<Handle> handle_;
};

}  // namespace admin365::graph
