#include "cli/commands.h"

namespace admin365::cli {

namespace {

// Adds `verb NAME`, running `action(directory, name)` which returns Result<Domain>.
template <class Action>
void AddDomainVerb(CLI::App& domain, Context& context, const char* verb, const char* help,
                   Action action) {
  auto name = std::make_shared<std::string>();
  CLI::App* command = domain.add_subcommand(verb, help);
  command->add_option("name", *name, "The domain name, e.g. contoso.com")->required();
  command->callback([&context, name, action] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto domain = action(**directory, *name);
    if (!domain) return context.Fail(domain.error());
    context.Print({DomainRecord(*domain)}, true);
  });
}

}  // namespace

void AddDomainCommands(CLI::App& app, Context& context) {
  CLI::App* domain = app.add_subcommand("domain", "Manage the tenant's domains");
  domain->require_subcommand(1);
  const Actor& actor = context.actor();

  AddDomainVerb(*domain, context, "add", "Add an unverified domain",
                [&actor](admin365::Directory& d, const std::string& n) { return d.AddDomain(actor, n); });
  AddDomainVerb(*domain, context, "verify", "Mark a domain verified",
                [&actor](admin365::Directory& d, const std::string& n) { return d.VerifyDomain(actor, n); });
  AddDomainVerb(*domain, context, "set-default", "Make a verified domain the default",
                [&actor](admin365::Directory& d, const std::string& n) {
                  return d.SetDefaultDomain(actor, n);
                });

  auto name = std::make_shared<std::string>();
  CLI::App* remove = domain->add_subcommand("remove", "Remove a domain no user uses");
  remove->add_option("name", *name, "The domain name")->required();
  remove->callback([&context, name] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto status = (*directory)->RemoveDomain(context.actor(), *name); !status) {
      return context.Fail(status.error());
    }
  });

  domain->add_subcommand("list", "List the domains")->callback([&context] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto domains = (*directory)->ListDomains();
    if (!domains) return context.Fail(domains.error());
    std::vector<Record> records;
    for (const Domain& d : *domains) records.push_back(DomainRecord(d));
    context.Print(records, false);
  });
}

}  // namespace admin365::cli
