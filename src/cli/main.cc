// admin365: manage the users of a Microsoft 365 / Entra ID tenant. See README.md.

#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  using namespace admin365::cli;
  // Everything admin365 writes (tenant.db's password hashes, keys, jobs, results and
  // passwords files, wherever they go) is its owner's alone: files 0600, directories 0700.
  ::umask(077);
  Context context(GlobalOptions{.data_directory = DefaultDataDirectory()});

  CLI::App app("admin365: manage Microsoft 365 / Entra ID user accounts", "admin365");
  app.set_version_flag("--version", "admin365 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--data-dir", context.options().data_directory,
                 "Where the embedded tenant lives ($ADMIN365_DATA_DIR)")
      ->capture_default_str();
  app.add_option("--tenant", context.options().tenant,
                 "The tenant to act on: a connection's name (admin365 tenant connect) or "
                 "'embedded' (default: the current one, admin365 tenant use)")
      ->envname("ADMIN365_TENANT");
  app.add_option("-o,--output", context.options().output, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  AddTenantCommands(app, context);
  AddDomainCommands(app, context);
  AddUserCommands(app, context);
  AddSubscriptionCommands(app, context);
  AddGroupCommands(app, context);
  AddTemplateCommands(app, context);
  AddBulkCommands(app, context);
  AddAuditCommands(app, context);
  AddSignInCommands(app, context);
  AddAppCommands(app, context);
  AddKeyCommands(app, context);
  AddServeCommand(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return context.exit_code;
}
