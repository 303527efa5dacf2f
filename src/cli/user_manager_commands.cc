#include "cli/commands.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"  // SCAFFOLD: remove with the placeholder

namespace admin365::cli {

void AddUserManagerCommands(CLI::App& user, Context& context) {}  // SCAFFOLD: registers nothing yet

}  // namespace admin365::cli
