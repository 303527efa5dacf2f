// `admin365 user license`: a user's licences (assignLicense, Set-MsolUserLicense, and
// Graph's licenseDetails for the listing).

#include "cli/commands.h"
#include "cli/license_arguments.h"
#include "domain/license_details.h"

namespace admin365::cli {

namespace {

struct LicenseOptions {
  std::string user;
  std::string add;                          // a skuPartNumber or skuId
  std::string remove;                       // a skuPartNumber or skuId
  std::vector<std::string> disabled_plans;  // plan names or ids, of the added SKU
};

// Prints `user`'s licences, one record per service plan.
void PrintLicenses(Context& context, Directory& directory, const User& user) {
  auto skus = directory.ListSubscribedSkus();
  if (!skus) return context.Fail(skus.error());
  context.Print(LicenseDetailRecords(LicenseDetailsOf(user, *skus)), false);
}

// One assignLicense call with the options' SKUs, then the user's licences.
void AssignAndPrint(Context& context, const LicenseOptions& options) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  LicenseChange change;
  if (!options.add.empty()) {
    auto sku_id = (*directory)->ResolveSkuId(options.add);
    if (!sku_id) return context.Fail(sku_id.error());
    auto plans = PlanIds(**directory, *sku_id, options.disabled_plans);
    if (!plans) return context.Fail(plans.error());
    change.add_licenses.push_back({.sku_id = *sku_id, .disabled_plans = std::move(*plans)});
  }
  if (!options.remove.empty()) {
    auto sku_id = (*directory)->ResolveSkuId(options.remove);
    if (!sku_id) return context.Fail(sku_id.error());
    change.remove_licenses.push_back(*sku_id);
  }
  auto user = (*directory)->AssignLicense(context.actor(), options.user, change);
  if (!user) return context.Fail(user.error());
  PrintLicenses(context, **directory, *user);
}

CLI::App* AddVerb(CLI::App& license, const char* verb, const char* help, LicenseOptions& options) {
  CLI::App* command = license.add_subcommand(verb, help);
  command->add_option("user", options.user, "The user's object id or userPrincipalName")
      ->required();
  return command;
}

}  // namespace

void AddUserLicenseCommands(CLI::App& user, Context& context) {
  CLI::App* license = user.add_subcommand("license", "A user's licences (assignLicense)");
  license->require_subcommand(1);

  auto add = std::make_shared<LicenseOptions>();
  CLI::App* add_command =
      AddVerb(*license, "add", "Add a licence, or change the disabled plans of one", *add);
  add_command->add_option("--sku", add->add, kSkuOptionHelp)->required();
  AddDisabledPlansOption(*add_command, add->disabled_plans);
  add_command->callback([&context, add] { AssignAndPrint(context, *add); });

  auto remove = std::make_shared<LicenseOptions>();
  CLI::App* remove_command =
      AddVerb(*license, "remove", "Remove a directly assigned licence", *remove);
  remove_command->add_option("--sku", remove->remove, kSkuOptionHelp)->required();
  remove_command->callback([&context, remove] { AssignAndPrint(context, *remove); });

  auto replace = std::make_shared<LicenseOptions>();
  CLI::App* replace_command =
      AddVerb(*license, "replace", "Remove one licence and add another in one step", *replace);
  replace_command->add_option("--remove", replace->remove, kSkuOptionHelp)->required();
  replace_command->add_option("--add", replace->add, kSkuOptionHelp)->required();
  AddDisabledPlansOption(*replace_command, replace->disabled_plans);
  replace_command->callback([&context, replace] { AssignAndPrint(context, *replace); });

  auto list = std::make_shared<LicenseOptions>();
  AddVerb(*license, "list", "The user's licences and their service plans", *list)
      ->callback([&context, list] {
        auto directory = context.Directory();
        if (!directory) return context.Fail(directory.error());
        auto found = (*directory)->GetUser(list->user);
        if (!found) return context.Fail(found.error());
        PrintLicenses(context, **directory, *found);
      });
}

}  // namespace admin365::cli
