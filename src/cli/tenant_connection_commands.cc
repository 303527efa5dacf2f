// `admin365 tenant connect|list|use|remove`: the real Microsoft 365 tenants admin365 is
// connected to (graph/connections.h). `connect` gets a Graph token with the app's
// credentials at once, so a wrong secret or tenant is said there, and names the
// features the app's granted permissions do not cover. The Azure SDKs' environment
// variables stand in for the options: AZURE_TENANT_ID, AZURE_CLIENT_ID,
// AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST. The secret is read from standard input or
// AZURE_CLIENT_SECRET, never from the command line, and never printed.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"
#include "graph/cloud.h"
#include "graph/connections.h"
#include "graph/http_client.h"
#include "graph/required_permissions.h"
#include "graph/token_client.h"

namespace admin365::cli {

namespace {

struct ConnectOptions {
  std::string name;
  std::string tenant;
  std::string client_id;
  bool secret_stdin = false;
  std::string cloud = "global";
  std::string authority_host;
  std::string graph_endpoint;
  std::string ca_file;
};

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

Error UsageError(std::string message, std::string target) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Tenant_InvalidConnection",
               .message = std::move(message),
               .target = std::move(target)};
}

std::vector<std::string> MissingSummaries(const std::vector<std::string>& granted) {
  std::vector<std::string> out;
  for (const graph::PermissionNeed* need : graph::MissingPermissions(granted)) {
    out.push_back(fmt::format("{} (needs {})", need->feature, fmt::join(need->any_of, " or ")));
  }
  return out;
}

Record ConnectionRecord(const graph::TenantConnection& connection) {
  return {{"name", connection.name},
          {"tenant", connection.tenant},
          {"tenantId", connection.tenant_id},
          {"clientId", connection.client_id},
          {"cloud", connection.cloud},
          {"graphEndpoint", connection.graph_endpoint},
          {"grantedPermissions", connection.granted},
          {"missing", MissingSummaries(connection.granted)},
          {"connectedDateTime", FormatIso8601(connection.connected_at)}};
}

// Fills the connection from the options and the environment, then proves it with a token.
Result<graph::TenantConnection> Connect(const ConnectOptions& options) {
  if (!graph::IsValidConnectionName(options.name)) {
    return Fail(UsageError(
        fmt::format("'{}' cannot name a connection: use 1 to 64 letters, digits, '.', '-' or "
                    "'_' ('embedded' is the embedded tenant's).",
                    options.name),
        "name"));
  }
  const std::optional<graph::Cloud> cloud = graph::FindCloud(options.cloud);
  if (!cloud) {
    return Fail(UsageError(
        fmt::format("There is no cloud '{}': use global, usgov or china.", options.cloud),
        "cloud"));
  }
  graph::TenantConnection connection{
      .name = options.name,
      .tenant = options.tenant.empty() ? Env("AZURE_TENANT_ID") : options.tenant,
      .client_id = options.client_id.empty() ? Env("AZURE_CLIENT_ID") : options.client_id,
      .client_secret = options.secret_stdin ? ReadSecretLine() : Env("AZURE_CLIENT_SECRET"),
      .cloud = cloud->name,
      .authority_host = !options.authority_host.empty() ? options.authority_host
                        : !Env("AZURE_AUTHORITY_HOST").empty() ? Env("AZURE_AUTHORITY_HOST")
                                                               : cloud->authority_host,
      .graph_endpoint =
          options.graph_endpoint.empty() ? cloud->graph_endpoint : options.graph_endpoint,
      .ca_file = options.ca_file.empty()
                     ? ""
                     : std::filesystem::absolute(options.ca_file).lexically_normal().string()};
  while (connection.authority_host.ends_with('/')) connection.authority_host.pop_back();
  while (connection.graph_endpoint.ends_with('/')) connection.graph_endpoint.pop_back();
  if (connection.tenant.empty()) {
    return Fail(UsageError("Give --tenant-id (the tenant id or a verified domain) or set "
                           "AZURE_TENANT_ID.",
                           "tenant"));
  }
  if (connection.client_id.empty()) {
    return Fail(UsageError("Give --client-id (the app registration's application id) or set "
                           "AZURE_CLIENT_ID.",
                           "clientId"));
  }
  if (connection.client_secret.empty()) {
    return Fail(UsageError("Give the client secret on standard input with "
                           "--client-secret-stdin, or set AZURE_CLIENT_SECRET.",
                           "clientSecret"));
  }
  graph::HttpClient http({.ca_file = connection.ca_file});
  SystemClock clock;
  ASSIGN_OR_RETURN(const graph::AccessToken token,
                   graph::AcquireAppToken(http,
                                          {.authority_host = connection.authority_host,
                                           .tenant = connection.tenant,
                                           .client_id = connection.client_id,
                                           .client_secret = connection.client_secret,
                                           .graph_resource = cloud->graph_resource},
                                          clock.Now()));
  connection.tenant_id = token.tenant_id;
  connection.granted = token.roles;
  std::sort(connection.granted.begin(), connection.granted.end());
  connection.connected_at = clock.Now();
  return connection;
}

}  // namespace

void AddTenantConnectionCommands(CLI::App& tenant, Context& context) {
  auto options = std::make_shared<ConnectOptions>();
  CLI::App* connect = tenant.add_subcommand(
      "connect", "Connect a real Microsoft 365 tenant through an app registration's secret");
  connect->add_option("name", options->name, "Your name for the tenant (e.g. contoso)")
      ->required();
  connect->add_option("--tenant-id", options->tenant,
                      "The tenant id or a verified domain (default: $AZURE_TENANT_ID)");
  connect->add_option("--client-id", options->client_id,
                      "The app registration's application id (default: $AZURE_CLIENT_ID)");
  connect->add_flag("--client-secret-stdin", options->secret_stdin,
                    "Read the client secret from standard input (default: $AZURE_CLIENT_SECRET)");
  connect->add_option("--cloud", options->cloud, "global (default), usgov or china");
  connect->add_option("--authority-host", options->authority_host,
                      "Entra's sign-in host, e.g. https://login.microsoftonline.com (default: "
                      "the cloud's, or $AZURE_AUTHORITY_HOST)");
  connect->add_option("--graph-endpoint", options->graph_endpoint,
                      "Microsoft Graph's URL (default: the cloud's)");
  connect->add_option("--ca-file", options->ca_file,
                      "A PEM file of the CAs to trust (a TLS-inspecting proxy); $SSL_CERT_FILE "
                      "is honoured too");
  connect->callback([&context, options] {
    auto connection = Connect(*options);
    if (!connection) return context.Fail(connection.error());
    graph::ConnectionStore store(context.options().data_directory);
    if (auto saved = store.Save(*connection); !saved) return context.Fail(saved.error());
    context.Print({ConnectionRecord(*connection)}, true);
    if (context.format() == OutputFormat::kTable) {
      for (const std::string& missing : MissingSummaries(connection->granted)) {
        fmt::print(stderr, "warning: the app cannot {}\n", missing);
      }
    }
  });

  tenant.add_subcommand("list", "The connected tenants (never their secrets)")
      ->callback([&context] {
        graph::ConnectionStore store(context.options().data_directory);
        auto connections = store.List();
        if (!connections) return context.Fail(connections.error());
        auto current = store.Current();
        if (!current) return context.Fail(current.error());
        std::vector<Record> records;
        for (const graph::TenantConnection& each : *connections) {
          Record record = ConnectionRecord(each);
          record.emplace_back("current", each.name == *current);
          records.push_back(std::move(record));
        }
        context.Print(records, false);
      });

  auto name = std::make_shared<std::string>();
  CLI::App* use = tenant.add_subcommand(
      "use", "Make a connected tenant (or 'embedded') the one commands act on");
  use->add_option("name", *name, "A connection's name, or embedded")->required();
  use->callback([&context, name] {
    graph::ConnectionStore store(context.options().data_directory);
    if (auto used = store.Use(*name); !used) return context.Fail(used.error());
    fmt::print("Commands now act on {}\n", *name);
  });

  CLI::App* remove = tenant.add_subcommand(
      "remove", "Forget a connected tenant and its secret (the tenant is not changed)");
  remove->alias("disconnect");
  remove->add_option("name", *name, "The connection's name")->required();
  remove->callback([&context, name] {
    graph::ConnectionStore store(context.options().data_directory);
    if (auto removed = store.Remove(*name); !removed) return context.Fail(removed.error());
    fmt::print("Removed the connection {}\n", *name);
  });
}

}  // namespace admin365::cli
