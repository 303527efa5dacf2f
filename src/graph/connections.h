#pragma once

// ConnectionStore: the real tenants admin365 is connected to (`admin365 tenant connect`),
// kept in the data directory's `connections.json`, mode 0600, written whole
// (common/private_file.h). Each connection holds what getting a Graph token needs: the
// tenant, the app's client id and secret, and where Entra and Graph are. The secret is
// stored only there, in clear (it must be sent), and never printed or logged.

#include <filesystem>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace admin365::graph {

struct TenantConnection {
  std::string name;       // the admin's name for it: 1-64 letters, digits, '.', '-', '_'
  std::string tenant;     // as given: the tenant id or a verified domain
  std::string tenant_id;  // the GUID, from the first token
  std::string client_id;
  std::string client_secret;
  std::string cloud;           // global, usgov, china
  std::string authority_host;  // the cloud's unless overridden
  std::string graph_endpoint;  // the cloud's unless overridden
  std::string ca_file;         // a private CA to trust; empty: the system's
  std::vector<std::string> granted;  // the app's Graph application permissions at connect
  UnixSeconds connected_at = 0;
};

// The name that selects the embedded tenant wherever a connection's name may be given.
inline constexpr std::string_view kEmbeddedTenant = "embedded";

class ConnectionStore {
 public:
  explicit ConnectionStore(std::filesystem::path data_directory)
      : path_(std::move(data_directory) / "connections.json") {}

  // By name. Error: Internal when the file cannot be read or is damaged.
  Result<std::vector<TenantConnection>> List() const;
  // Error: NotFound (Tenant_ConnectionNotFound) naming the connections there are.
  Result<TenantConnection> Get(std::string_view name) const;
  // Adds or replaces the connection of that name.
  Status Save(const TenantConnection& connection);
  // Forgets a connection (and that it was the current one). Error: NotFound.
  Status Remove(std::string_view name);

  // The tenant commands act on when none is named (`admin365 tenant use`): a connection's
  // name, or "" for the embedded tenant.
  Result<std::string> Current() const;
  // Makes `name` (a connection or "embedded") the current tenant. Error: NotFound.
  Status Use(std::string_view name);

 private:
  struct Document {
    std::vector<TenantConnection> connections;  // by name
    std::string current;
  };
  Result<Document> Read() const;
  Status Write(const Document& document);
  std::filesystem::path path_;
};

// Whether `name` can name a connection; "embedded" is reserved for the embedded tenant.
bool IsValidConnectionName(std::string_view name);

}  // namespace admin365::graph
