#include <algorithm>
#include <cctype>

#include "cli/commands.h"

namespace admin365::cli {

namespace {

// "Contoso Ltd." -> "contosoltd": the initial domain label Entra proposes for a name.
std::string LabelFromName(std::string_view name) {
  std::string label;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u) && label.size() < 27) {
      label += static_cast<char>(std::tolower(u));
    }
  }
  return label;
}

}  // namespace

void AddTenantCommands(CLI::App& app, Context& context) {
  CLI::App* tenant = app.add_subcommand("tenant", "Create or show the embedded tenant");
  tenant->require_subcommand(1);

  auto name = std::make_shared<std::string>();
  auto label = std::make_shared<std::string>();
  CLI::App* init = tenant->add_subcommand("init", "Create the tenant and its initial domain");
  init->add_option("--name,--display-name", *name, "The organisation's name")->required();
  init->add_option("--domain", *label,
                   "The initial domain's label: <label>.onmicrosoft.com (default: from --name)");
  init->callback([&context, name, label] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto tenant = (*directory)->InitializeTenant(
        context.actor(), *name, label->empty() ? LabelFromName(*name) : *label);
    if (!tenant) return context.Fail(tenant.error());
    context.Print({TenantRecord(*tenant)}, true);
  });

  tenant->add_subcommand("show", "Show the tenant")->callback([&context] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto tenant = (*directory)->GetTenant();
    if (!tenant) return context.Fail(tenant.error());
    context.Print({TenantRecord(*tenant)}, true);
  });
}

}  // namespace admin365::cli
