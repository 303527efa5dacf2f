#pragma once

// HttpServer: HTTPS (HTTP/1.1 over TLS, keep-alive) on Boost.Beast/Asio in front of a
// Router. A pool of threads runs the connections; each request is handled on the
// connection's strand, blocking its thread while the directory works.
//
//   ASSIGN_OR_RETURN(auto server, HttpServer::Start(options, router, log));
//   fmt::print("serving https://127.0.0.1:{}\n", server->port());
//   server->Wait();   // until SIGINT or SIGTERM, then drains
//
// Limits: a request's header block above `header_limit` bytes is answered 431, a body
// above `body_limit` 413 and a malformed request 400, each with Graph's error body, and
// that connection is closed; the server goes on serving the others. Idle keep-alive
// connections close after `idle_timeout_seconds`, a TLS handshake not done within
// `handshake_timeout_seconds` is cut off.
//
// Connections: at most `max_connections` at once (0: what RLIMIT_NOFILE leaves after 64
// descriptors for the databases and logs) and `max_connections_per_address` from one
// client address; a connection past either is closed at once, before TLS, and the access
// log says why. When the process runs out of descriptors anyway (EMFILE), accepting pauses
// for 100 ms and resumes: it neither spins nor stops. OpenSSL releases an idle
// connection's record buffers, and memory freed after a burst is returned to the system.
//
// Shutdown (SIGINT, SIGTERM or Stop()): stops accepting, lets requests in progress finish
// (their responses say Connection: close), closes idle connections, and Wait returns;
// after `drain_seconds` whatever is left is cut off.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "common/result.h"
#include "server/access_log.h"
#include "server/router.h"

namespace admin365::server {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8443;          // 0: any free port (see port())
  std::filesystem::path certificate;  // PEM chain
  std::filesystem::path private_key;  // PEM
  int threads = 0;                    // 0: one per core
  std::size_t header_limit = 32 * 1024;
  std::size_t body_limit = 4 * 1024 * 1024;  // Graph's request body limit (4 MB)
  int idle_timeout_seconds = 60;
  int handshake_timeout_seconds = 10;
  std::size_t max_connections = 0;  // 0: DefaultMaxConnections()
  std::size_t max_connections_per_address = 1024;
  int drain_seconds = 10;
};

// The soft RLIMIT_NOFILE less 64 descriptors kept for the databases, keys and logs.
std::size_t DefaultMaxConnections();

class HttpServer {
 public:
  // Loads the certificate, binds and starts accepting. Errors: Internal if the
  // certificate or key cannot be used or the address cannot be bound.
  static Result<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options, Router& router,
                                                   AccessLog& log);
  ~HttpServer();

  std::uint16_t port() const;
  // Blocks until the server has shut down (on SIGINT/SIGTERM or Stop()).
  void Wait();
  // Starts a graceful shutdown; returns at once.
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace admin365::server
