#pragma once

// Context: what every CLI command shares — the global options, the directory (the tenant
// --tenant selects, opened on first use), the acting operator and the output.

#include <memory>
#include <string>

#include "cli/output.h"
#include "common/clock.h"
#include "common/random.h"
#include "directory/directory.h"
#include "engine/local_directory.h"

namespace admin365::cli {

struct GlobalOptions {
  std::string data_directory;  // --data-dir, $ADMIN365_DATA_DIR, or ~/.local/share/admin365
  std::string output = "table";
  // --tenant NAME or $ADMIN365_TENANT: a connection's name or "embedded"; empty: the
  // current tenant (`tenant use`), else the embedded one.
  std::string tenant;
};

class Context {
 public:
  explicit Context(GlobalOptions options) : options_(std::move(options)) {}

  // The tenant commands act on: the embedded tenant in the data directory or a connected
  // one (graph/graph_directory.h). Errors: the connection's (not found, damaged file).
  Result<admin365::Directory*> Directory();
  // The embedded tenant, for what only it has (its initialisation, subscriptions, apps,
  // keys, the server). Error: Tenant_EmbeddedOnly when a connected tenant is selected.
  Result<LocalDirectory*> Embedded();
  // Opens (creating or migrating) the data directory's tenant.db, which holds admin365's
  // own records (templates) whichever tenant is selected.
  Status OpenLocalStores();
  // The selected connection's name, or "" for the embedded tenant.
  Result<std::string> SelectedTenant();

  // "cli:<operating-system user>", as the audit trail records it.
  const Actor& actor() const { return actor_; }
  OutputFormat format() const;
  GlobalOptions& options() { return options_; }

  // Renders to stdout.
  void Print(const std::vector<Record>& records, bool single) const;

  // The exit code of the command that ran.
  int exit_code = 0;
  // Records an error: prints it and keeps its exit code.
  void Fail(const Error& error);

 private:
  GlobalOptions options_;
  Actor actor_ = CurrentActor();
  std::unique_ptr<LocalDirectory> embedded_;
  std::unique_ptr<admin365::Directory> connected_;
  SystemClock clock_;
  CryptoRandom random_;

  static Actor CurrentActor();
  Result<LocalDirectory*> OpenEmbedded();
};

// The default data directory: $ADMIN365_DATA_DIR, else $XDG_DATA_HOME/admin365, else
// ~/.local/share/admin365.
std::string DefaultDataDirectory();

// Reads one line from standard input without its line ending (for --password-stdin).
std::string ReadSecretLine();

}  // namespace admin365::cli
