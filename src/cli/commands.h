#pragma once

// The CLI's nouns. Each adds its subcommand and verbs to `app`; the verbs run through
// `context` and leave their exit code in context.exit_code.

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "manage/template_rules.h"

namespace admin365::cli {

void AddTenantCommands(CLI::App& app, Context& context);
void AddDomainCommands(CLI::App& app, Context& context);
void AddUserCommands(CLI::App& app, Context& context);
void AddAuditCommands(CLI::App& app, Context& context);
void AddSubscriptionCommands(CLI::App& app, Context& context);
void AddGroupCommands(CLI::App& app, Context& context);
void AddBulkCommands(CLI::App& app, Context& context);
void AddTemplateCommands(CLI::App& app, Context& context);
void AddAppCommands(CLI::App& app, Context& context);
void AddKeyCommands(CLI::App& app, Context& context);
void AddSignInCommands(CLI::App& app, Context& context);
void AddServeCommand(CLI::App& app, Context& context);

// `tenant connect|list|disconnect` (tenant_connection_commands.cc).
void AddTenantConnectionCommands(CLI::App& tenant, Context& context);

// Verbs under `user`, one file per feature.
void AddUserLicenseCommands(CLI::App& user, Context& context);
void AddUserManagerCommands(CLI::App& user, Context& context);
void AddUserSecurityCommands(CLI::App& user, Context& context);

// `user add --template NAME`: creates a user from the latest version of a stored template
// (template_commands.cc) and prints it with its generated password, if any.
void AddUserFromTemplate(Context& context, const std::string& template_name,
                         const manage::TemplateInput& input);

}  // namespace admin365::cli
