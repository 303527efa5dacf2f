// `admin365 key`: the token-signing keys of `admin365 serve` (server/key_store.h). A
// rotation makes a new signing key; the old one keeps verifying the tokens it signed, and
// stays in the JWKS, until the next rotation, or is dropped at once with
// --drop-previous (a leaked key). A running server sees the change within a second.

#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.h"
#include "server/key_store.h"

namespace admin365::cli {

namespace {

std::filesystem::path SigningKeyPath(Context& context) {
  return std::filesystem::path(context.options().data_directory) / server::kSigningKeyFile;
}

// Lists the keys a server on this data directory publishes, creating the first one if the
// server never ran.
void ListKeys(Context& context) {
  auto keys = server::KeyStore::LoadOrCreate(SigningKeyPath(context));
  if (!keys) return context.Fail(keys.error());
  std::vector<Record> records;
  for (const auto& key : (*keys)->Published()) {
    records.push_back({{"kid", key->key_id()},
                       {"use", std::string(records.empty() ? "signs and verifies"
                                                           : "verifies (previous key)")}});
  }
  context.Print(records, false);
}

}  // namespace

void AddKeyCommands(CLI::App& app, Context& context) {
  CLI::App* keys = app.add_subcommand("key", "The token-signing keys of admin365 serve");
  keys->require_subcommand(1);

  keys->add_subcommand("list", "The keys published in the JWKS, the signing key first")
      ->callback([&context] {
        if (auto directory = context.Embedded(); !directory) return context.Fail(directory.error());
        ListKeys(context);
      });

  auto drop_previous = std::make_shared<bool>(false);
  CLI::App* rotate = keys->add_subcommand(
      "rotate", "Sign tokens with a new key; the current one goes on verifying until the next "
                "rotation");
  rotate->add_flag("--drop-previous", *drop_previous,
                   "Delete the current and previous keys instead: every token they signed "
                   "stops working (for a leaked key)");
  rotate->callback([&context, drop_previous] {
    if (auto directory = context.Embedded(); !directory) return context.Fail(directory.error());
    const std::filesystem::path path = SigningKeyPath(context);
    if (auto created = server::KeyStore::LoadOrCreate(path); !created) {
      return context.Fail(created.error());
    }
    if (auto rotated = server::KeyStore::Rotate(path, !*drop_previous); !rotated) {
      return context.Fail(rotated.error());
    }
    ListKeys(context);
  });
}

}  // namespace admin365::cli
