#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
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

// The tenant, its smart lockout settings and its object quota.
Status PrintTenant(Context& context, LocalDirectory& directory) {
  ASSIGN_OR_RETURN(const Tenant tenant, directory.GetTenant());
  ASSIGN_OR_RETURN(const LockoutSettings lockout, directory.GetLockoutSettings());
  ASSIGN_OR_RETURN(const DirectorySizeQuota quota, directory.GetDirectorySizeQuota());
  Record record = TenantRecord(tenant);
  record.emplace_back("lockoutThreshold", std::to_string(lockout.threshold));
  record.emplace_back("lockoutDurationInSeconds", std::to_string(lockout.duration_seconds));
  record.emplace_back("objects", std::to_string(quota.used));
  record.emplace_back("objectQuota", std::to_string(quota.total));
  context.Print({record}, true);
  return Ok();
}

// --object-quota's value: a number, or "default" for Entra's quota (nullopt).
Result<std::optional<long long>> ParseObjectQuota(const std::string& text) {
  if (text == "default") return std::optional<long long>();
  long long quota = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), quota);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "Request_BadRequest",
                      .message = fmt::format("--object-quota takes a whole number or 'default' "
                                             "(Entra's quota), not '{}'.",
                                             text),
                      .target = "objectQuota"});
  }
  return std::optional<long long>(quota);
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
        auto quota = (*directory)->GetDirectorySizeQuota();
        if (!quota) return context.Fail(quota.error());
        Record record = TenantRecord(*tenant);
        record.emplace_back("connection", *selected);
        record.emplace_back("objects", std::to_string(quota->used));
        record.emplace_back("objectQuota", std::to_string(quota->total));
        context.Print({record}, true);
      });

  auto threshold = std::make_shared<std::optional<int>>();
  auto duration = std::make_shared<std::optional<int>>();
  auto quota = std::make_shared<std::optional<std::string>>();
  CLI::App* set = tenant->add_subcommand("set", "Change the tenant's settings");
  set->add_option("--lockout-threshold", *threshold,
                  "Smart lockout: wrong passwords before an account locks (1-50; Entra: 10)");
  set->add_option("--lockout-duration", *duration,
                  "Smart lockout: seconds of the first lockout (5-86400; Entra: 60)");
  set->add_option("--object-quota", *quota,
                  "The most objects (users and groups) the tenant may hold, 1-10000000, as "
                  "Microsoft Support raises it; 'default': Entra's 50,000 (300,000 with a "
                  "verified custom domain)");
  set->callback([&context, threshold, duration, quota] {
    auto directory = context.Embedded();
    if (!directory) return context.Fail(directory.error());
    // Every value is checked before the first write: the quota's range by SetObjectQuota.
    Result<std::optional<long long>> total = std::optional<long long>();
    if (*quota) total = ParseObjectQuota(**quota);
    if (!total) return context.Fail(total.error());
    auto settings = (*directory)->GetLockoutSettings();
    if (!settings) return context.Fail(settings.error());
    if (*threshold) settings->threshold = **threshold;
    if (*duration) settings->duration_seconds = **duration;
    if (auto valid = ValidateLockoutSettings(*settings); !valid) return context.Fail(valid.error());
    if (*quota) {
      if (auto raised = (*directory)->SetObjectQuota(context.actor(), *total); !raised) {
        return context.Fail(raised.error());
      }
    }
    auto changed = (*directory)->SetLockoutSettings(context.actor(), *settings);
    if (!changed) return context.Fail(changed.error());
    if (auto shown = PrintTenant(context, **directory); !shown) context.Fail(shown.error());
  });
}

}  // namespace admin365::cli
