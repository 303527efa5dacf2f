// `admin365 serve`: the embedded tenant over HTTPS — Microsoft Graph v1.0 (and the beta
// calls admins use) under /v1.0 and /beta, and Entra's token and metadata endpoints under
// /{tenant}/. docs/server.md describes it.
//
// The first line on standard output is "admin365 serving https://HOST:PORT", flushed, so
// scripts and tests that listen on port 0 can read the port. The access log goes to
// standard error.

#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "server/access_log.h"
#include "server/app_registry.h"
#include "server/graph/graph_api.h"
#include "server/http_server.h"
#include "server/key_store.h"
#include "server/router.h"
#include "server/throttle_config.h"
#include "server/tls_certificate.h"
#include "server/token_service.h"

namespace admin365::cli {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8443";
  std::string certificate;
  std::string private_key;
  int threads = 0;
  std::size_t max_connections = 0;
  std::size_t max_connections_per_address = server::HttpServerOptions{}.max_connections_per_address;
  bool throttle = false;
  std::string throttle_config;
};

// "127.0.0.1:8443", "[::1]:0", "localhost:8443" -> host and port.
Result<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& listen) {
  const std::size_t colon = listen.rfind(':');
  auto invalid = [&] {
    return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "InvalidListenAddress",
                      .message = fmt::format("--listen wants HOST:PORT, not '{}'.", listen)});
  };
  if (colon == std::string::npos || colon == 0) return invalid();
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host == "localhost") host = "127.0.0.1";
  int port = -1;
  try {
    std::size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1) port = -1;
  } catch (const std::exception&) {
  }
  if (port < 0 || port > 65535) return invalid();
  return std::pair{host, static_cast<std::uint16_t>(port)};
}

Status Serve(Context& context, const ServeOptions& options) {
  ASSIGN_OR_RETURN(LocalDirectory * directory, context.Embedded());
  ASSIGN_OR_RETURN(const Tenant tenant, directory->GetTenant());
  ASSIGN_OR_RETURN(const auto address, ParseListen(options.listen));
  if (options.certificate.empty() != options.private_key.empty()) {
    return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "InvalidCertificateOptions",
                      .message = "--cert and --key go together."});
  }
  server::RouterOptions router_options{.throttle =
                                           options.throttle || !options.throttle_config.empty()};
  if (!options.throttle_config.empty()) {
    ASSIGN_OR_RETURN(router_options.throttle_limits,
                     server::LoadThrottleLimits(options.throttle_config));
  }
  const std::filesystem::path data_directory = context.options().data_directory;
  server::CertificateFiles certificate{.certificate = options.certificate,
                                       .private_key = options.private_key};
  if (options.certificate.empty()) {
    ASSIGN_OR_RETURN(certificate, server::EnsureSelfSignedCertificate(data_directory));
  }

  SystemClock clock;
  CryptoRandom random;
  ASSIGN_OR_RETURN(auto apps, server::AppRegistry::Open(data_directory, clock, random));
  ASSIGN_OR_RETURN(auto keys,
                   server::KeyStore::LoadOrCreate(data_directory / server::kSigningKeyFile));
  server::GraphApi graph(*directory, clock);
  server::TokenService tokens(*directory, *apps, *keys, clock);
  server::Router router(
      router_options, *directory, tokens, *keys,
      [&graph](const server::GraphRequest& request) { return graph.Handle(request); }, clock,
      random);
  server::AccessLog log(stderr, clock);
  ASSIGN_OR_RETURN(auto http, server::HttpServer::Start(
                                  server::HttpServerOptions{
                                      .host = address.first,
                                      .port = address.second,
                                      .certificate = certificate.certificate,
                                      .private_key = certificate.private_key,
                                      .threads = options.threads,
                                      .max_connections = options.max_connections,
                                      .max_connections_per_address =
                                          options.max_connections_per_address,
                                  },
                                  router, log));
  const std::string host =
      address.first.find(':') == std::string::npos ? address.first : "[" + address.first + "]";
  fmt::print("admin365 serving https://{}:{}\n", host, http->port());
  fmt::print("tenant {} ({}){}\n", tenant.id, tenant.initial_domain,
             router_options.throttle ? "; Graph throttling simulated" : "");
  std::fflush(stdout);
  http->Wait();
  fmt::print(stderr, "admin365 stopped\n");
  return Ok();
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& context) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand(
      "serve",
      "Serve the tenant over HTTPS: Microsoft Graph (/v1.0, /beta) and Entra's token "
      "endpoint (/{tenant}/oauth2/v2.0/token)");
  serve->add_option("--listen", options->listen, "HOST:PORT to listen on (port 0: any free one)")
      ->capture_default_str();
  serve->add_option("--cert", options->certificate,
                    "TLS certificate chain (PEM); default: a self-signed one in the data "
                    "directory");
  serve->add_option("--key", options->private_key, "The certificate's private key (PEM)");
  serve->add_option("--threads", options->threads, "Worker threads (default: one per core)");
  serve->add_option("--max-connections", options->max_connections,
                    fmt::format("Connections open at once; past it a connection is closed "
                                "unserved (default: the descriptor limit less 64, now {})",
                                server::DefaultMaxConnections()))
      ->check(CLI::PositiveNumber);
  serve->add_option("--max-connections-per-address", options->max_connections_per_address,
                    "Connections open at once from one client address")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve->add_flag("--throttle", options->throttle,
                  "Simulate Microsoft Graph's throttling (resource units, write quota, 429)");
  serve->add_option("--throttle-config", options->throttle_config,
                    "Throttle with the limits of this JSON file (docs/server.md)");
  serve->callback([&context, options] {
    if (auto served = Serve(context, *options); !served) context.Fail(served.error());
  });
}

}  // namespace admin365::cli
