#pragma once

// The CLI's nouns. Each adds its subcommand and verbs to `app`; the verbs run through
// `context` and leave their exit code in context.exit_code.

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace admin365::cli {

void AddTenantCommands(CLI::App& app, Context& context);
void AddDomainCommands(CLI::App& app, Context& context);
void AddUserCommands(CLI::App& app, Context& context);
void AddAuditCommands(CLI::App& app, Context& context);

}  // namespace admin365::cli
