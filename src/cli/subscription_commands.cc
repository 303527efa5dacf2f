// `admin365 subscription`: the embedded tenant's subscriptions (what Get-MsolAccountSku
// listed). Buying, changing units and suspending are the embedded tenant's own: a real
// tenant buys from Microsoft.

#include "cli/commands.h"
#include "domain/graph_errors.h"

namespace admin365::cli {

namespace {

// "contoso" for contoso.onmicrosoft.com: the prefix of MSOnline's AccountSkuId.
Result<std::string> TenantLabel(Directory& directory) {
  ASSIGN_OR_RETURN(const Tenant tenant, directory.GetTenant());
  return tenant.initial_domain.substr(0, tenant.initial_domain.find('.'));
}

// Prints `sku` as one subscription record.
void PrintSubscription(Context& context, Directory& directory,
                       const Result<SubscribedSku>& sku) {
  if (!sku) return context.Fail(sku.error());
  auto label = TenantLabel(directory);
  if (!label) return context.Fail(label.error());
  context.Print({SubscriptionRecord(*sku, *label)}, true);
}

// Adds `verb SKU` running `action(directory, sku)`, which returns Result<SubscribedSku>.
template <class Action>
CLI::App* AddSubscriptionVerb(CLI::App& subscription, Context& context, const char* verb,
                              const char* help, std::shared_ptr<std::string> sku, Action action) {
  CLI::App* command = subscription.add_subcommand(verb, help);
  command->add_option("sku", *sku, "A skuPartNumber (ENTERPRISEPACK) or skuId")->required();
  command->callback([&context, sku, action] {
    auto directory = context.Embedded();
    if (!directory) return context.Fail(directory.error());
    PrintSubscription(context, **directory, action(**directory, *sku));
  });
  return command;
}

// The subscriptions, or only the one `sku` names; with plans, one record per service plan.
void PrintSubscriptions(Context& context, const std::string& sku, bool plans) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  auto label = TenantLabel(**directory);
  if (!label) return context.Fail(label.error());
  auto skus = (*directory)->ListSubscribedSkus();
  if (!skus) return context.Fail(skus.error());
  std::string sku_id;
  if (!sku.empty()) {
    auto resolved = (*directory)->ResolveSkuId(sku);
    if (!resolved) return context.Fail(resolved.error());
    sku_id = *resolved;
  }
  std::vector<Record> records;
  bool found = false;
  for (const SubscribedSku& each : *skus) {
    if (!sku_id.empty() && each.sku.sku_id != sku_id) continue;
    found = true;
    if (!plans) {
      records.push_back(SubscriptionRecord(each, *label));
      continue;
    }
    for (Record& record : ServicePlanRecords(each, *label)) records.push_back(std::move(record));
  }
  if (!sku_id.empty() && !found) return context.Fail(errors::InvalidCompanyLicense(sku_id));
  context.Print(records, false);
}

}  // namespace

void AddSubscriptionCommands(CLI::App& app, Context& context) {
  CLI::App* subscription =
      app.add_subcommand("subscription", "The tenant's subscriptions (Get-MsolAccountSku)");
  subscription->require_subcommand(1);
  const Actor& actor = context.actor();

  auto added_units = std::make_shared<long long>(0);
  AddSubscriptionVerb(*subscription, context, "add", "Buy seats of a product",
                      std::make_shared<std::string>(),
                      [&actor, added_units](LocalDirectory& d, const std::string& sku) {
                        return d.AddSubscription(actor, sku, *added_units);
                      })
      ->add_option("--units", *added_units, "How many seats (1-1000000)")
      ->required();
  auto set_units = std::make_shared<long long>(0);
  AddSubscriptionVerb(*subscription, context, "set", "Change a subscription's seats",
                      std::make_shared<std::string>(),
                      [&actor, set_units](LocalDirectory& d, const std::string& sku) {
                        return d.SetSubscriptionUnits(actor, sku, *set_units);
                      })
      ->add_option("--units", *set_units, "How many seats (1-1000000)")
      ->required();
  AddSubscriptionVerb(*subscription, context, "suspend",
                      "Suspend a subscription: no new seats (capabilityStatus Suspended)",
                      std::make_shared<std::string>(),
                      [&actor](LocalDirectory& d, const std::string& sku) {
                        return d.SuspendSubscription(actor, sku);
                      });
  AddSubscriptionVerb(*subscription, context, "resume", "Reactivate a suspended subscription",
                      std::make_shared<std::string>(),
                      [&actor](LocalDirectory& d, const std::string& sku) {
                        return d.ResumeSubscription(actor, sku);
                      });

  auto plans = std::make_shared<bool>(false);
  CLI::App* list = subscription->add_subcommand("list", "List the subscriptions and their seats");
  list->add_flag("--plans", *plans, "List each subscription's service plans instead");
  list->callback([&context, plans] { PrintSubscriptions(context, "", *plans); });

  auto sku = std::make_shared<std::string>();
  CLI::App* show = subscription->add_subcommand("show", "List a subscription's service plans");
  show->add_option("sku", *sku, "A skuPartNumber (ENTERPRISEPACK) or skuId")->required();
  show->callback([&context, sku] { PrintSubscriptions(context, *sku, true); });
}

}  // namespace admin365::cli
