#pragma once

// ServeTest: a CliTest whose tenant is also served by the real `admin365 serve` binary
// (on 127.0.0.1, port 0, its self-signed certificate), spoken to over HTTPS with curl, as
// a client on the same machine would.

#include <sys/resource.h>
#include <sys/types.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_runner.h"

namespace admin365::testing {

struct HttpResult {
  int status = 0;
  std::string headers;  // the raw header block
  std::string body;
  boost::json::value Json() const;
  // The value of response header `name` (case-insensitive), or "".
  std::string Header(const std::string& name) const;
};

class ServeTest : public CliTest {
 protected:
  void TearDown() override;

  // Starts `admin365 serve --listen 127.0.0.1:0 extra...` and reads its port.
  void StartServer(const std::vector<std::string>& extra = {});
  // Sends SIGTERM and waits; returns the exit code (-1 if it did not exit in `seconds`).
  int StopServer(int seconds = 15);

  // curl -s --cacert <tls-cert.pem> <args...> https://127.0.0.1:PORT<path>
  HttpResult Curl(const std::string& path, const std::vector<std::string>& args = {});
  // POST /{tenant}/oauth2/v2.0/token with `form` (already form-encoded).
  HttpResult Token(const std::string& form, const std::string& tenant = "contoso.com");

  // Registers an app granted `permissions`; sets client_id_ and secret_.
  void AddApp(const std::vector<std::string>& permissions);
  // An app token for client_id_.
  std::string AppToken();

  // RLIMIT_NOFILE of the server process when above 0 (set before StartServer).
  rlim_t server_descriptor_limit_ = 0;
  std::string base_url_;
  std::string server_log_;  // the server's standard error, after StopServer
  std::string client_id_;
  std::string secret_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Percent-encodes `text` for a form body.
std::string FormEncode(const std::string& text);

}  // namespace admin365::testing
