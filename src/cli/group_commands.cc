// `group`: security and Microsoft 365 groups, their members and (group-based licensing)
// their licences. A GROUP argument is an object id, or a display name that exactly one
// group has (case-insensitive for ASCII letters).

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/license_arguments.h"
#include "common/ascii.h"
#include "common/random.h"
#include "domain/graph_errors.h"
#include "query/filter_parser.h"

namespace admin365::cli {

namespace {

// The group `name_or_id` names. Errors: the directory's for an id; ResourceNotFound or
// AmbiguousGroupName for a display name.
Result<Group> ResolveGroup(admin365::Directory& directory, const std::string& name_or_id) {
  if (IsUuid(name_or_id)) return directory.GetGroup(name_or_id);
  ASSIGN_OR_RETURN(std::vector<Group> groups, directory.ListGroups());
  std::vector<Group> named;
  for (Group& group : groups) {
    if (AsciiIEquals(group.display_name, name_or_id)) named.push_back(std::move(group));
  }
  if (named.empty()) return Fail(errors::ResourceNotFound(name_or_id));
  if (named.size() > 1) return Fail(errors::AmbiguousGroupName(name_or_id));
  return std::move(named.front());
}

// Runs `action(directory, group)` for the GROUP argument of `command`.
template <class Action>
void OnGroup(Context& context, const std::string& name_or_id, Action action) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  auto group = ResolveGroup(**directory, name_or_id);
  if (!group) return context.Fail(group.error());
  action(**directory, *group);
}

struct NewGroupOptions {
  NewGroup request;
  std::string type = "security";
  std::string description;
  std::string visibility;
};

void AddGroupAdd(CLI::App& group, Context& context) {
  auto options = std::make_shared<NewGroupOptions>();
  CLI::App* add = group.add_subcommand("add", "Create a group (New-MgGroup / POST /groups)");
  add->add_option("--display-name", options->request.display_name,
                  "displayName (at most 256 characters)")
      ->required();
  add->add_option("--mail-nickname,--alias", options->request.mail_nickname,
                  "mailNickname (at most 64 ASCII characters)")
      ->required();
  add->add_option("--type", options->type,
                  "security (the default) or m365 (a Microsoft 365 group, with a mailbox)")
      ->check(CLI::IsMember({"security", "m365"}));
  add->add_option("--description", options->description, "description (at most 1024 characters)");
  add->add_option("--visibility", options->visibility,
                  "Public or Private; HiddenMembership for a Microsoft 365 group. Default: "
                  "Public for a Microsoft 365 group, none for a security group");
  add->callback([&context, options] {
    NewGroup request = options->request;
    if (options->type == "m365") {
      request.mail_enabled = true;
      request.security_enabled = false;
      request.group_types = {"Unified"};
    }
    if (!options->description.empty()) request.description = options->description;
    if (!options->visibility.empty()) request.visibility = options->visibility;
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    auto created = (*directory)->CreateGroup(context.actor(), request);
    if (!created) return context.Fail(created.error());
    context.Print({GroupRecord(*created, {})}, true);
  });
}

void AddGroupGetListRemove(CLI::App& group, Context& context) {
  auto get_name = std::make_shared<std::string>();
  CLI::App* get = group.add_subcommand("get", "Show one group");
  get->add_option("group", *get_name, "Object id or display name")->required();
  get->callback([&context, get_name] {
    OnGroup(context, *get_name, [&context](admin365::Directory&, const Group& found) {
      context.Print({GroupRecord(found, {})}, true);
    });
  });

  auto columns = std::make_shared<std::vector<std::string>>(GroupListColumns());
  auto filter_text = std::make_shared<std::string>();
  CLI::App* list = group.add_subcommand("list", "List the groups by display name");
  list->add_option("--select", *columns, "The properties to show")
      ->delimiter(',')
      ->capture_default_str();
  list->add_option("--filter", *filter_text,
                   "An OData $filter, e.g. \"securityEnabled eq true and mailEnabled eq false\" "
                   "or \"groupTypes/any(c:c eq 'Unified')\"");
  list->callback([&context, columns, filter_text] {
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    Result<std::vector<Group>> groups = std::vector<Group>();
    if (filter_text->empty()) {
      groups = (*directory)->ListGroups();
    } else {
      auto filter = query::ParseFilter(*filter_text);
      if (!filter) return context.Fail(filter.error());
      groups = (*directory)->FindGroups(*filter);
    }
    if (!groups) return context.Fail(groups.error());
    std::vector<Record> records;
    for (const Group& g : *groups) records.push_back(GroupRecord(g, *columns));
    context.Print(records, false);
  });

  auto remove_name = std::make_shared<std::string>();
  CLI::App* remove = group.add_subcommand(
      "remove", "Delete a group for good (its members stay; a licensed group cannot be deleted)");
  remove->add_option("group", *remove_name, "Object id or display name")->required();
  remove->callback([&context, remove_name] {
    OnGroup(context, *remove_name, [&context](admin365::Directory& directory, const Group& found) {
      if (auto status = directory.DeleteGroup(context.actor(), found.id); !status) {
        return context.Fail(status.error());
      }
      fmt::print("Permanently deleted group {} ({})\n", found.display_name, found.id);
    });
  });
}

// A group's links to users that `group member` and `group owner` manage.
struct GroupLink {
  const char* command;      // "member"
  const char* description;  // the command's help
  const char* added;        // "Added {user} to {group}", as a format string
  const char* removed;
  const char* list_help;
  Status (admin365::Directory::*add)(const Actor&, std::string_view, std::string_view);
  Status (admin365::Directory::*remove)(const Actor&, std::string_view, std::string_view);
  Result<std::vector<DirectoryObjectRef>> (admin365::Directory::*list)(std::string_view);
};

constexpr GroupLink kMembers{"member",
                             "Manage a group's members (users)",
                             "Added {} to {}\n",
                             "Removed {} from {}\n",
                             "List the group's members by display name",
                             &admin365::Directory::AddGroupMember,
                             &admin365::Directory::RemoveGroupMember,
                             &admin365::Directory::ListGroupMembers};
constexpr GroupLink kOwners{"owner",
                            "Manage a group's owners (users); the last owner cannot be removed",
                            "Added {} as an owner of {}\n",
                            "Removed {} as an owner of {}\n",
                            "List the group's owners by display name",
                            &admin365::Directory::AddGroupOwner,
                            &admin365::Directory::RemoveGroupOwner,
                            &admin365::Directory::ListGroupOwners};

void AddGroupLinkCommands(CLI::App& group, Context& context, const GroupLink& link) {
  CLI::App* command = group.add_subcommand(link.command, link.description);
  command->require_subcommand(1);

  struct Names {
    std::string group;
    std::string user;
  };
  // add and remove: one call on the named group and user, then its message.
  const auto add_change = [&context, command](const char* name, const char* help,
                                              Status (admin365::Directory::*change)(
                                                  const Actor&, std::string_view, std::string_view),
                                              const char* done) {
    auto names = std::make_shared<Names>();
    CLI::App* sub = command->add_subcommand(name, help);
    sub->add_option("group", names->group, "Object id or display name")->required();
    sub->add_option("user", names->user, "Object id or userPrincipalName")->required();
    sub->callback([&context, names, change, done] {
      OnGroup(context, names->group, [&](admin365::Directory& directory, const Group& found) {
        if (auto status = (directory.*change)(context.actor(), found.id, names->user); !status) {
          return context.Fail(status.error());
        }
        fmt::print(fmt::runtime(done), names->user, found.display_name);
      });
    });
  };
  add_change("add", "Add a user", link.add, link.added);
  add_change("remove", "Remove a user", link.remove, link.removed);

  auto list_name = std::make_shared<std::string>();
  CLI::App* list = command->add_subcommand("list", link.list_help);
  list->add_option("group", *list_name, "Object id or display name")->required();
  list->callback([&context, &link, list_name] {
    OnGroup(context, *list_name,
            [&context, &link](admin365::Directory& directory, const Group& found) {
              auto linked = (directory.*link.list)(found.id);
              if (!linked) return context.Fail(linked.error());
              std::vector<Record> records;
              for (const DirectoryObjectRef& m : *linked) {
                records.push_back(DirectoryObjectRecord(m));
              }
              context.Print(records, false);
            });
  });
}

struct GroupLicenseOptions {
  std::string group;
  std::string sku;                          // a skuPartNumber or skuId
  std::vector<std::string> disabled_plans;  // plan names or ids, of the added SKU
};

// One group assignLicense call adding (`add`) or removing the option's SKU, then the group.
void AssignGroupLicense(Context& context, const GroupLicenseOptions& options, bool add) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  auto group = ResolveGroup(**directory, options.group);
  if (!group) return context.Fail(group.error());
  auto sku_id = (*directory)->ResolveSkuId(options.sku);
  if (!sku_id) return context.Fail(sku_id.error());
  LicenseChange change;
  if (add) {
    auto plans = PlanIds(**directory, *sku_id, options.disabled_plans);
    if (!plans) return context.Fail(plans.error());
    change.add_licenses.push_back({.sku_id = *sku_id, .disabled_plans = std::move(*plans)});
  } else {
    change.remove_licenses.push_back(*sku_id);
  }
  auto updated = (*directory)->AssignGroupLicense(context.actor(), group->id, change);
  if (!updated) return context.Fail(updated.error());
  context.Print({GroupRecord(*updated, {})}, true);
}

void AddGroupLicenseCommands(CLI::App& group, Context& context) {
  CLI::App* license = group.add_subcommand(
      "license", "Group-based licensing: licences the group's direct members inherit");
  license->require_subcommand(1);

  auto add = std::make_shared<GroupLicenseOptions>();
  CLI::App* add_command = license->add_subcommand(
      "add", "Add a licence to the group (or change its disabled plans); members inherit it");
  add_command->add_option("group", add->group, "Object id or display name")->required();
  add_command->add_option("--sku", add->sku, kSkuOptionHelp)->required();
  AddDisabledPlansOption(*add_command, add->disabled_plans);
  add_command->callback([&context, add] { AssignGroupLicense(context, *add, true); });

  auto remove = std::make_shared<GroupLicenseOptions>();
  CLI::App* remove_command =
      license->add_subcommand("remove", "Remove a licence from the group and its members");
  remove_command->add_option("group", remove->group, "Object id or display name")->required();
  remove_command->add_option("--sku", remove->sku, kSkuOptionHelp)->required();
  remove_command->callback([&context, remove] { AssignGroupLicense(context, *remove, false); });
}

}  // namespace

void AddGroupCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand("group", "Manage security and Microsoft 365 groups");
  group->require_subcommand(1);
  AddGroupAdd(*group, context);
  AddGroupGetListRemove(*group, context);
  AddGroupLinkCommands(*group, context, kMembers);
  AddGroupLinkCommands(*group, context, kOwners);
  AddGroupLicenseCommands(*group, context);
}

}  // namespace admin365::cli
