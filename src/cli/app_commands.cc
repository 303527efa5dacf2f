// `admin365 app`: the embedded tenant's app registrations, the clients that get tokens
// from `admin365 serve` with client credentials (server/app_registry.h). A new app's
// secret is printed once and stored only hashed.

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/app_registry.h"

namespace admin365::cli {

namespace {

// Runs `body` with the app registry of the data directory's tenant.
template <class Body>
void WithApps(Context& context, Body body) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  SystemClock clock;
  CryptoRandom random;
  auto apps = server::AppRegistry::Open(context.options().data_directory, clock, random);
  if (!apps) return context.Fail(apps.error());
  body(**apps);
}

Record AppRecord(const server::AppRegistration& app) {
  return {{"clientId", app.client_id},
          {"displayName", app.display_name},
          {"secretHint", app.secret_hint + "..."},
          {"permissions", app.permissions},
          {"createdDateTime", FormatIso8601(app.created_date_time)}};
}

}  // namespace

void AddAppCommands(CLI::App& app, Context& context) {
  CLI::App* apps = app.add_subcommand(
      "app", "App registrations: the clients of `admin365 serve`'s token endpoint");
  apps->require_subcommand(1);

  auto name = std::make_shared<std::string>();
  CLI::App* add = apps->add_subcommand("add", "Register an app; prints its client secret once");
  add->add_option("name", *name, "The app's display name")->required();
  add->callback([&context, name] {
    WithApps(context, [&](server::AppRegistry& registry) {
      auto created = registry.Add(*name);
      if (!created) return context.Fail(created.error());
      Record record = AppRecord(created->app);
      record.insert(record.begin() + 2, {"clientSecret", created->secret});
      context.Print({record}, true);
      if (context.format() == OutputFormat::kTable) {
        fmt::print(stderr,
                   "The client secret is shown only this once; admin365 keeps only its hash.\n");
      }
    });
  });

  apps->add_subcommand("list", "List the app registrations")->callback([&context] {
    WithApps(context, [&](server::AppRegistry& registry) {
      auto list = registry.List();
      if (!list) return context.Fail(list.error());
      std::vector<Record> records;
      for (const server::AppRegistration& each : *list) records.push_back(AppRecord(each));
      context.Print(records, false);
    });
  });

  auto id = std::make_shared<std::string>();
  CLI::App* remove = apps->add_subcommand("remove", "Delete an app registration");
  remove->add_option("client-id", *id, "The app's client id")->required();
  remove->callback([&context, id] {
    WithApps(context, [&](server::AppRegistry& registry) {
      if (auto removed = registry.Remove(*id); !removed) return context.Fail(removed.error());
      fmt::print("Removed app {}\n", *id);
    });
  });

  auto grant_id = std::make_shared<std::string>();
  auto permissions = std::make_shared<std::vector<std::string>>();
  CLI::App* grant = apps->add_subcommand(
      "grant", "Grant Microsoft Graph application permissions (admin consent) to an app");
  grant->add_option("client-id", *grant_id, "The app's client id")->required();
  grant->add_option("permissions", *permissions, "e.g. User.ReadWrite.All Group.Read.All")
      ->required();
  grant->callback([&context, grant_id, permissions] {
    WithApps(context, [&](server::AppRegistry& registry) {
      auto granted = registry.Grant(*grant_id, *permissions);
      if (!granted) return context.Fail(granted.error());
      context.Print({AppRecord(*granted)}, true);
    });
  });
}

}  // namespace admin365::cli
