// Verbs under `user` for a user's links to other objects: its manager, its direct reports
// and the groups it is a direct member of (memberOf).

#include <fmt/format.h>

#include "cli/commands.h"

namespace admin365::cli {

namespace {

void AddManagerVerbs(CLI::App& user, Context& context) {
  CLI::App* manager = user.add_subcommand("manager", "Set, show or remove a user's manager");
  manager->require_subcommand(1);

  struct Names {
    std::string user;
    std::string manager;
  };
  auto set_names = std::make_shared<Names>();
  CLI::App* set = manager->add_subcommand("set", "Set (or replace) the user's manager");
  set->add_option("user", set_names->user, "Object id or userPrincipalName")->required();
  set->add_option("manager", set_names->manager, "The manager's object id or userPrincipalName")
      ->required();
  set->callback([&context, set_names] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto status =
            (*directory)->SetManager(context.actor(), set_names->user, set_names->manager);
        !status) {
      return context.Fail(status.error());
    }
    fmt::print("Set the manager of {} to {}\n", set_names->user, set_names->manager);
  });

  auto get_name = std::make_shared<std::string>();
  CLI::App* get = manager->add_subcommand("get", "Show the user's manager");
  get->add_option("user", *get_name, "Object id or userPrincipalName")->required();
  get->callback([&context, get_name] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto found = (*directory)->GetManager(*get_name);
    if (!found) return context.Fail(found.error());
    context.Print({DirectoryObjectRecord(*found)}, true);
  });

  auto remove_name = std::make_shared<std::string>();
  CLI::App* remove = manager->add_subcommand("remove", "Remove the user's manager");
  remove->add_option("user", *remove_name, "Object id or userPrincipalName")->required();
  remove->callback([&context, remove_name] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto status = (*directory)->RemoveManager(context.actor(), *remove_name); !status) {
      return context.Fail(status.error());
    }
    fmt::print("Removed the manager of {}\n", *remove_name);
  });
}

void AddDirectReports(CLI::App& user, Context& context) {
  auto name = std::make_shared<std::string>();
  CLI::App* reports =
      user.add_subcommand("direct-reports", "List the users whose manager this user is");
  reports->add_option("user", *name, "Object id or userPrincipalName")->required();
  reports->callback([&context, name] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto found = (*directory)->ListDirectReports(*name);
    if (!found) return context.Fail(found.error());
    std::vector<Record> records;
    for (const DirectoryObjectRef& report : *found)
      records.push_back(DirectoryObjectRecord(report));
    context.Print(records, false);
  });
}

void AddUserGroups(CLI::App& user, Context& context) {
  auto name = std::make_shared<std::string>();
  CLI::App* groups =
      user.add_subcommand("groups", "List the groups the user is a direct member of");
  groups->add_option("user", *name, "Object id or userPrincipalName")->required();
  groups->callback([&context, name] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto found = (*directory)->ListMemberOf(*name);
    if (!found) return context.Fail(found.error());
    std::vector<Record> records;
    for (const Group& group : *found) records.push_back(GroupRecord(group, GroupListColumns()));
    context.Print(records, false);
  });
}

}  // namespace

void AddUserManagerCommands(CLI::App& user, Context& context) {
  AddManagerVerbs(user, context);
  AddDirectReports(user, context);
  AddUserGroups(user, context);
}

}  // namespace admin365::cli
