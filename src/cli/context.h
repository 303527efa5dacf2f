#pragma once

// Context: what every CLI command shares — the global options, the directory (opened on
// first use from --data-dir), the acting operator and the output.

#include <memory>
#include <string>

#include "cli/output.h"
#include "directory/directory.h"
#include "engine/local_directory.h"

namespace admin365::cli {

struct GlobalOptions {
  std::string data_directory;  // --data-dir, $ADMIN365_DATA_DIR, or ~/.local/share/admin365
  std::string output = "table";
};

class Context {
 public:
  explicit Context(GlobalOptions options) : options_(std::move(options)) {}

  // The embedded tenant in the data directory.
  Result<LocalDirectory*> Directory();

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
  std::unique_ptr<LocalDirectory> directory_;

  static Actor CurrentActor();
};

// The default data directory: $ADMIN365_DATA_DIR, else $XDG_DATA_HOME/admin365, else
// ~/.local/share/admin365.
std::string DefaultDataDirectory();

// Reads one line from standard input without its line ending (for --password-stdin).
std::string ReadSecretLine();

}  // namespace admin365::cli
