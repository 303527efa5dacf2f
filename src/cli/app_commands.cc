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
  auto directory = context.Embedded();
  if (!directory) return context.Fail(directory.error());
  SystemClock clock;
  CryptoRandom random;
  auto apps = server::AppRegistry::Open(context.options().data_directory, clock, random);
  if (!apps) return context.Fail(apps.error());
  body(**apps);
}

// "abc... (keyId, until 2028-12-07T10:00:00Z)" for each secret.
std::vector<std::string> SecretSummaries(const server::AppRegistration& app) {
  std::vector<std::string> out;
  for (const server::AppSecret& secret : app.secrets) {
    out.push_back(fmt::format("{}... ({}, until {})", secret.hint, secret.key_id,
                              FormatIso8601(secret.end_date_time)));
  }
  return out;
}

Record AppRecord(const server::AppRegistration& app) {
  return {{"clientId", app.client_id},
          {"displayName", app.display_name},
          {"secrets", SecretSummaries(app)},
          {"permissions", app.permissions},
          {"createdDateTime", FormatIso8601(app.created_date_time)}};
}

Record SecretRecord(const server::AppSecret& secret) {
  return {{"keyId", secret.key_id},
          {"displayName", secret.display_name},
          {"hint", secret.hint + "..."},
          {"startDateTime", FormatIso8601(secret.start_date_time)},
          {"endDateTime", FormatIso8601(secret.end_date_time)}};
}

void WarnSecretShownOnce(Context& context) {
  if (context.format() == OutputFormat::kTable) {
    fmt::print(stderr,
               "The client secret is shown only this once; admin365 keeps only its hash.\n");
  }
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
      WarnSecretShownOnce(context);
    });
  });

  CLI::App* secrets =
      apps->add_subcommand("secret", "An app's client secrets: add a new one, remove an old one");
  secrets->require_subcommand(1);
  auto secret_app = std::make_shared<std::string>();
  auto description = std::make_shared<std::string>();
  auto days = std::make_shared<int>(server::kDefaultSecretValidityDays);
  CLI::App* add_secret =
      secrets->add_subcommand("add", "Add a client secret; prints it once");
  add_secret->add_option("client-id", *secret_app, "The app's client id")->required();
  add_secret->add_option("--description", *description, "What the secret is for");
  add_secret->add_option("--valid-days", *days,
                         fmt::format("How long it is valid (1-{}, default {})",
                                     server::kMaxSecretValidityDays,
                                     server::kDefaultSecretValidityDays));
  add_secret->callback([&context, secret_app, description, days] {
    WithApps(context, [&](server::AppRegistry& registry) {
      auto added = registry.AddSecret(*secret_app, *description, *days);
      if (!added) return context.Fail(added.error());
      Record record = SecretRecord(added->credential);
      record.insert(record.begin() + 1, {"secretText", added->secret});
      context.Print({record}, true);
      WarnSecretShownOnce(context);
    });
  });
  secrets->add_subcommand("list", "List an app's client secrets (never their values)")
      ->add_option("client-id", *secret_app, "The app's client id")
      ->required();
  secrets->get_subcommand("list")->callback([&context, secret_app] {
    WithApps(context, [&](server::AppRegistry& registry) {
      auto app = registry.Get(*secret_app);
      if (!app) return context.Fail(app.error());
      std::vector<Record> records;
      for (const server::AppSecret& secret : app->secrets) records.push_back(SecretRecord(secret));
      context.Print(records, false);
    });
  });
  auto key_id = std::make_shared<std::string>();
  CLI::App* remove_secret = secrets->add_subcommand(
      "remove", "Remove a client secret; clients still using it are refused from now on");
  remove_secret->add_option("client-id", *secret_app, "The app's client id")->required();
  remove_secret->add_option("key-id", *key_id, "The secret's key id (app secret list)")
      ->required();
  remove_secret->callback([&context, secret_app, key_id] {
    WithApps(context, [&](server::AppRegistry& registry) {
      if (auto removed = registry.RemoveSecret(*secret_app, *key_id); !removed) {
        return context.Fail(removed.error());
      }
      fmt::print("Removed client secret {} of app {}\n", *key_id, *secret_app);
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
