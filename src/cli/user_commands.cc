#include <fmt/format.h>

#include "cli/commands.h"
#include "domain/mail_nickname.h"
#include "domain/user_properties.h"
#include "query/filter_parser.h"

namespace admin365::cli {

namespace {

// Familiar names from the MSOnline cmdlets and the admin centers, as extra option names.
struct Alias {
  std::string_view property;
  std::string_view option;
};
constexpr Alias kAliases[] = {
    {"userPrincipalName", "--upn"},        {"givenName", "--first-name"},
    {"surname", "--last-name"},            {"jobTitle", "--title"},
    {"officeLocation", "--office"},        {"businessPhones", "--phone-number"},
    {"faxNumber", "--fax"},                {"otherMails", "--alternate-email-addresses"},
    {"postalCode", "--zip"},               {"mailNickname", "--alias"},
};

// One option per writable catalogue property: "--display-name" for displayName.
// Collections take several values; booleans take true/false.
struct PropertyOptions {
  std::map<std::string, std::vector<std::string>> values;
  std::map<std::string, CLI::Option*> options;

  void AddTo(CLI::App& command) {
    for (const UserProperty& property : AllUserProperties()) {
      if (property.access == PropertyAccess::kReadOnly) continue;
      const std::string name(property.name);
      std::string flags = "--" + OptionName(name);
      for (const Alias& alias : kAliases) {
        if (alias.property == name) flags += "," + std::string(alias.option);
      }
      CLI::Option* option = command.add_option(
          flags, values[name],
          fmt::format("{}{}", name,
                      property.max_length ? fmt::format(" (at most {} characters)",
                                                        property.max_length)
                                          : ""));
      if (property.type == PropertyType::kStringCollection) {
        option->expected(0, CLI::detail::expected_max_vector_size)->allow_extra_args();
      } else {
        option->expected(1);
      }
      if (property.type == PropertyType::kBool) option->check(CLI::IsMember({"true", "false"}));
      option->group("Properties");
      options[name] = option;
    }
  }

  bool Given(const std::string& name) const { return options.at(name)->count() > 0; }

  // The given options as a Graph property map. A collection given with no value or one
  // empty value clears it.
  PropertyMap ToPatch() const {
    PropertyMap patch;
    for (const auto& [name, option] : options) {
      if (option->count() == 0) continue;
      const UserProperty& property = *FindUserProperty(name);
      const std::vector<std::string>& given = values.at(name);
      if (property.type == PropertyType::kStringCollection) {
        std::vector<std::string> items;
        for (const std::string& item : given) {
          if (!item.empty()) items.push_back(item);
        }
        patch[name] = std::move(items);
      } else if (property.type == PropertyType::kBool) {
        patch[name] = given.back() == "true";
      } else {
        patch[name] = given.back();
      }
    }
    return patch;
  }
};

struct PasswordOptions {
  std::string password;
  bool password_stdin = false;
  bool generate = false;
  std::string force_change = "true";
  bool force_change_with_mfa = false;

  void AddTo(CLI::App& command, bool generate_by_default) {
    command.add_option("--password", password,
                       "The password (visible to other local users: prefer --password-stdin)")
        ->group("Password");
    command.add_flag("--password-stdin", password_stdin, "Read the password from standard input")
        ->group("Password");
    command
        .add_flag("--generate-password,--generate", generate,
                  generate_by_default ? "Generate a random password (the default)"
                                      : "Generate a random password")
        ->group("Password");
    command
        .add_option("--force-change-password", force_change,
                    "Must the password be changed at next sign-in (default true)")
        ->check(CLI::IsMember({"true", "false"}))
        ->expected(0, 1)
        ->default_str("true")
        ->group("Password");
    command
        .add_flag("--force-change-password-with-mfa", force_change_with_mfa,
                  "Require MFA before the forced change")
        ->group("Password");
  }

  std::string Resolve() {
    if (password_stdin) password = ReadSecretLine();
    return password;
  }
};

// With `user add --template`: the given property options, `--set FIELD=VALUE` pairs and
// the password, as the template's input fields (collections joined with ';').
Result<manage::TemplateInput> TemplateInputOf(const PropertyOptions& properties,
                                              PasswordOptions& password,
                                              const std::vector<std::string>& set) {
  manage::TemplateInput input;
  for (const auto& [name, option] : properties.options) {
    if (option->count() == 0) continue;
    const std::vector<std::string>& given = properties.values.at(name);
    const bool collection = FindUserProperty(name)->type == PropertyType::kStringCollection;
    input.emplace_back(name, collection ? fmt::format("{}", fmt::join(given, ";")) : given.back());
  }
  for (const std::string& pair : set) {
    const std::size_t equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) {
      return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                        .http_status = 400,
                        .code = "Template_InputRejected",
                        .message = fmt::format("--set takes FIELD=VALUE, not \"{}\"", pair),
                        .target = "set"});
    }
    input.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
  }
  if (std::string given = password.Resolve(); !given.empty()) {
    input.emplace_back("password", std::move(given));
  }
  return input;
}

void AddUserAdd(CLI::App& user, Context& context) {
  auto properties = std::make_shared<PropertyOptions>();
  auto password = std::make_shared<PasswordOptions>();
  auto template_name = std::make_shared<std::string>();
  auto set = std::make_shared<std::vector<std::string>>();
  CLI::App* add = user.add_subcommand("add", "Create a user (New-MsolUser / POST /users)");
  properties->AddTo(*add);
  password->AddTo(*add, true);
  CLI::Option* template_option =
      add->add_option("--template", *template_name,
                      "Create from this template: its rules, naming, licences and groups "
                      "(see 'admin365 template list')")
          ->group("Template");
  add->add_option("--set", *set,
                  "A template field, FIELD=VALUE (repeatable): a property, password, manager "
                  "or groups")
      ->needs(template_option)
      ->group("Template");
  add->callback([&context, properties, password, template_name, set] {
    if (!template_name->empty()) {
      auto input = TemplateInputOf(*properties, *password, *set);
      if (!input) return context.Fail(input.error());
      return AddUserFromTemplate(context, *template_name, *input);
    }
    NewUser request{.properties = properties->ToPatch()};
    // The CLI fills what Graph requires but an admin rarely types: enabled by default,
    // and the alias from the UPN as the admin centers do.
    if (!properties->Given("accountEnabled")) request.properties["accountEnabled"] = true;
    if (!properties->Given("mailNickname")) {
      if (const auto it = request.properties.find("userPrincipalName");
          it != request.properties.end()) {
        if (const auto* upn = std::get_if<std::string>(&it->second)) {
          if (std::string alias = DeriveMailNickname(*upn); !alias.empty()) {
            request.properties["mailNickname"] = alias;
          }
        }
      }
    }
    const std::string given = password->Resolve();
    request.password_profile = PasswordProfile{
        .password = given,
        .force_change_password_next_sign_in = password->force_change == "true",
        .force_change_password_next_sign_in_with_mfa = password->force_change_with_mfa};
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto created = (*directory)->CreateUser(context.actor(), request, given.empty());
    if (!created) return context.Fail(created.error());
    Record record = UserRecord(created->user, {});
    if (!created->generated_password.empty()) {
      record.emplace_back("generatedPassword", created->generated_password);
    }
    context.Print({record}, true);
  });
}

void AddUserGet(CLI::App& user, Context& context) {
  auto id = std::make_shared<std::string>();
  auto deleted = std::make_shared<bool>(false);
  CLI::App* get = user.add_subcommand("get", "Show one user");
  get->add_option("user", *id, "Object id or userPrincipalName")->required();
  get->add_flag("--deleted", *deleted, "Look in the recycle bin (by object id)");
  get->callback([&context, id, deleted] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto found = *deleted ? (*directory)->GetDeletedUser(*id) : (*directory)->GetUser(*id);
    if (!found) return context.Fail(found.error());
    context.Print({UserRecord(*found, {})}, true);
  });
}

struct ListOptions {
  std::string filter;
  int top = 100;
  bool all = false;
  bool deleted = false;
  bool count = false;
  std::string order_by;
  std::string skip_token;
  std::vector<std::string> select = {"userPrincipalName", "displayName", "id", "accountEnabled",
                                     "usageLocation", "department"};
};

Result<UserOrder> ParseOrder(const std::string& text, bool& descending) {
  std::string name = text;
  descending = false;
  if (name.ends_with(" desc")) {
    descending = true;
    name.resize(name.size() - 5);
  } else if (name.ends_with(" asc")) {
    name.resize(name.size() - 4);
  }
  if (name.empty() || name == "id") return UserOrder::kId;
  if (name == "displayName") return UserOrder::kDisplayName;
  if (name == "userPrincipalName") return UserOrder::kUserPrincipalName;
  if (name == "deletedDateTime") return UserOrder::kDeletedDateTime;
  return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                    .http_status = 400,
                    .code = "Request_UnsupportedQuery",
                    .message = "Sorting not supported for current query.",
                    .target = "$orderby"});
}

void AddUserList(CLI::App& user, Context& context) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* list = user.add_subcommand("list", "List users, a page at a time");
  list->add_option("--filter", options->filter,
                   "An OData $filter, e.g. \"startswith(displayName,'A') and "
                   "accountEnabled eq true\"");
  list->add_option("--top", options->top, "Page size, 1-999")->check(CLI::Range(1, 999));
  list->add_flag("--all", options->all, "Follow every page");
  list->add_option("--skip-token", options->skip_token, "Continue from a previous page");
  list->add_option("--order-by", options->order_by,
                   "displayName, userPrincipalName or deletedDateTime, optionally ' desc'");
  list->add_option("--select", options->select, "The properties to show")
      ->delimiter(',')
      ->capture_default_str();
  list->add_flag("--count", options->count, "Also print how many users match");
  list->add_flag("--deleted", options->deleted, "List the recycle bin instead");
  list->callback([&context, options] {
    UserListOptions query{.page_size = options->top, .skip_token = options->skip_token,
                          .count = options->count};
    auto order = ParseOrder(options->order_by, query.descending);
    if (!order) return context.Fail(order.error());
    query.order = *order;
    if (!options->filter.empty()) {
      auto filter = query::ParseFilter(options->filter);
      if (!filter) return context.Fail(filter.error());
      query.filter = std::move(*filter);
    }
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    std::vector<Record> records;
    std::optional<long long> total;
    for (;;) {
      auto page = options->deleted ? (*directory)->ListDeletedUsers(query)
                                   : (*directory)->ListUsers(query);
      if (!page) return context.Fail(page.error());
      if (page->total_count) total = page->total_count;
      for (const User& u : page->users) records.push_back(UserRecord(u, options->select));
      query.count = false;
      query.skip_token = page->next_skip_token;
      if (query.skip_token.empty()) break;
      if (!options->all) {
        fmt::print(stderr, "More users follow: add --skip-token {} (or use --all).\n",
                   query.skip_token);
        break;
      }
    }
    context.Print(records, false);
    if (total) fmt::print(stderr, "{} users match.\n", *total);
  });
}

void AddUserSet(CLI::App& user, Context& context) {
  auto id = std::make_shared<std::string>();
  auto properties = std::make_shared<PropertyOptions>();
  CLI::App* set = user.add_subcommand("set", "Change properties (Set-MsolUser / PATCH)");
  set->add_option("user", *id, "Object id or userPrincipalName")->required();
  properties->AddTo(*set);
  set->callback([&context, id, properties] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto updated = (*directory)->UpdateUser(context.actor(), *id, properties->ToPatch());
    if (!updated) return context.Fail(updated.error());
    context.Print({UserRecord(*updated, {})}, true);
  });
}

// `verb USER` that sets accountEnabled.
void AddEnableVerb(CLI::App& user, Context& context, const char* verb, const char* help,
                   bool enabled) {
  auto id = std::make_shared<std::string>();
  CLI::App* command = user.add_subcommand(verb, help);
  command->add_option("user", *id, "Object id or userPrincipalName")->required();
  command->callback([&context, id, enabled] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto updated = (*directory)->UpdateUser(context.actor(), *id, {{"accountEnabled", enabled}});
    if (!updated) return context.Fail(updated.error());
    fmt::print("{} {}\n", enabled ? "Unblocked" : "Blocked", updated->user_principal_name);
  });
}

void AddUserPassword(CLI::App& user, Context& context) {
  auto id = std::make_shared<std::string>();
  auto password = std::make_shared<PasswordOptions>();
  CLI::App* command =
      user.add_subcommand("password", "Reset the password (given, or generated)");
  command->add_option("user", *id, "Object id or userPrincipalName")->required();
  password->AddTo(*command, true);
  command->callback([&context, id, password] {
    PasswordChange change{.password = password->Resolve(),
                          .force_change_password_next_sign_in = password->force_change == "true",
                          .force_change_password_next_sign_in_with_mfa =
                              password->force_change_with_mfa};
    change.generate = change.password.empty();
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto generated = (*directory)->SetPassword(context.actor(), *id, change);
    if (!generated) return context.Fail(generated.error());
    if (generated->empty()) {
      fmt::print("Password set for {}\n", *id);
    } else {
      context.Print({{{"user", *id}, {"generatedPassword", *generated}}}, true);
    }
  });
}

void AddRecycleBinVerbs(CLI::App& user, Context& context) {
  auto remove_id = std::make_shared<std::string>();
  CLI::App* remove = user.add_subcommand("remove", "Move a user to the recycle bin (30 days)");
  remove->add_option("user", *remove_id, "Object id or userPrincipalName")->required();
  remove->callback([&context, remove_id] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto status = (*directory)->DeleteUser(context.actor(), *remove_id); !status) {
      return context.Fail(status.error());
    }
    fmt::print("Deleted {} (restorable for 30 days)\n", *remove_id);
  });

  auto restore_id = std::make_shared<std::string>();
  auto restore = std::make_shared<RestoreOptions>();
  CLI::App* restore_command = user.add_subcommand("restore", "Restore a deleted user");
  restore_command->add_option("id", *restore_id, "The deleted user's object id")->required();
  restore_command->add_option("--new-user-principal-name", restore->new_user_principal_name,
                              "Restore under this UPN (when another user holds the old one)");
  restore_command->add_flag("--auto-reconcile-proxy-conflicts",
                            restore->auto_reconcile_proxy_conflicts,
                            "Drop proxy addresses another user now holds");
  restore_command->callback([&context, restore_id, restore] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto restored = (*directory)->RestoreUser(context.actor(), *restore_id, *restore);
    if (!restored) return context.Fail(restored.error());
    context.Print({UserRecord(*restored, {})}, true);
  });

  auto purge_id = std::make_shared<std::string>();
  CLI::App* purge = user.add_subcommand("purge", "Delete a deleted user for good");
  purge->add_option("id", *purge_id, "The deleted user's object id")->required();
  purge->callback([&context, purge_id] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto status = (*directory)->PurgeUser(context.actor(), *purge_id); !status) {
      return context.Fail(status.error());
    }
    fmt::print("Permanently deleted {}\n", *purge_id);
  });
}

}  // namespace

void AddUserCommands(CLI::App& app, Context& context) {
  CLI::App* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  AddUserAdd(*user, context);
  AddUserGet(*user, context);
  AddUserList(*user, context);
  AddUserSet(*user, context);
  AddEnableVerb(*user, context, "block", "Block sign-in (accountEnabled false)", false);
  AddEnableVerb(*user, context, "unblock", "Allow sign-in again (accountEnabled true)", true);
  AddUserPassword(*user, context);
  AddRecycleBinVerbs(*user, context);
  AddUserLicenseCommands(*user, context);
  AddUserManagerCommands(*user, context);
  AddUserSecurityCommands(*user, context);
}

}  // namespace admin365::cli
