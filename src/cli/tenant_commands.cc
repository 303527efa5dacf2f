#include <algorithm>
#include <cctype>
#include <optional>

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

// The tenant and its smart lockout settings.
Status PrintTenant(Context& context, LocalDirectory& directory) {
  ASSIGN_OR_RETURN(const Tenant tenant, directory.GetTenant());
  ASSIGN_OR_RETURN(const LockoutSettings lockout, directory.GetLockoutSettings());
  Record record = TenantRecord(tenant);
  record.emplace_back("lockoutThreshold", std::to_string(lockout.threshold));
  record.emplace_back("lockoutDurationInSeconds", std::to_string(lockout.duration_seconds));
  context.Print({record}, true);
  return Ok();
}

}  // namespace

void AddTenantCommands(CLI::App& app, Context& context) {
  CLI::App* tenant = app.add_subcommand(
      "tenant", "The embedded tenant (init, show, set) and the connected real tenants");
  tenant->require_subcommand(1);
  AddTenantConnectionCommands(*tenant, context);

  auto name = std::make_shared<std::string>();
  auto label = std::make_shared<std::string>();
  CLI::App* init = tenant->add_subcommand("init", "Create the tenant and its initial domain");
  init->add_option("--name,--display-name", *name, "The organisation's name")->required();
  init->add_option("--domain", *label,
                   "The initial domain's label: <label>.onmicrosoft.com (default: from --name)");
  init->callback([&context, name, label] {
    auto directory = context.Embedded();
    if (!directory) return context.Fail(directory.error());
    auto tenant = (*directory)->InitializeTenant(
        context.actor(), *name, label->empty() ? LabelFromName(*name) : *label);
    if (!tenant) return context.Fail(tenant.error());
    context.Print({TenantRecord(*tenant)}, true);
  });

  tenant->add_subcommand("show", "Show the tenant (the embedded one's settings too)")
      ->callback([&context] {
        auto selected = context.SelectedTenant();
        if (!selected) return context.Fail(selected.error());
        if (selected->empty()) {
          auto directory = context.Embedded();
          if (!directory) return context.Fail(directory.error());
          if (auto shown = PrintTenant(context, **directory); !shown) context.Fail(shown.error());
          return;
        }
        auto directory = context.Directory();
        if (!directory) return context.Fail(directory.error());
        auto tenant = (*directory)->GetTenant();
        if (!tenant) return context.Fail(tenant.error());
        Record record = TenantRecord(*tenant);
        record.emplace_back("connection", *selected);
        context.Print({record}, true);
      });

  auto threshold = std::make_shared<std::optional<int>>();
  auto duration = std::make_shared<std::optional<int>>();
  CLI::App* set = tenant->add_subcommand("set", "Change the tenant's settings");
  set->add_option("--lockout-threshold", *threshold,
                  "Smart lockout: wrong passwords before an account locks (1-50; Entra: 10)");
  set->add_option("--lockout-duration", *duration,
                  "Smart lockout: seconds of the first lockout (5-86400; Entra: 60)");
  set->callback([&context, threshold, duration] {
    auto directory = context.Embedded();
    if (!directory) return context.Fail(directory.error());
    auto settings = (*directory)->GetLockoutSettings();
    if (!settings) return context.Fail(settings.error());
    if (*threshold) settings->threshold = **threshold;
    if (*duration) settings->duration_seconds = **duration;
    auto changed = (*directory)->SetLockoutSettings(context.actor(), *settings);
    if (!changed) return context.Fail(changed.error());
    if (auto shown = PrintTenant(context, **directory); !shown) context.Fail(shown.error());
  });
}

}  // namespace admin365::cli
