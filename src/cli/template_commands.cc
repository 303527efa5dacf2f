#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "common/clock.h"
#include "common/random.h"
#include "domain/authentication_rules.h"
#include "manage/template_creation.h"
#include "manage/template_json.h"
#include "manage/template_store.h"
#include "manage/template_validation.h"

namespace admin365::cli {

namespace {

using manage::StoredTemplate;
using manage::Template;
using manage::TemplateStore;

// The tenant's template store, opened after the directory has migrated tenant.db.
Result<std::unique_ptr<TemplateStore>> OpenStore(Context& context) {
  RETURN_IF_ERROR(context.OpenLocalStores());
  return TemplateStore::Open(std::filesystem::path(context.options().data_directory) / "tenant.db");
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "Template_Invalid",
                      .message = fmt::format("Cannot read {}.", path)});
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Result<Template> ReadTemplateFile(const std::string& path) {
  ASSIGN_OR_RETURN(const std::string json, ReadFile(path));
  return manage::TemplateFromJson(json);
}

// Prints every problem of a refused template (ReportError prints only the first).
void FailValidation(Context& context, const Error& error) {
  if (error.details.size() <= 1) return context.Fail(error);
  for (const ErrorDetail& detail : error.details) {
    fmt::print(stderr, "error: {}: {}\n", detail.code, detail.message);
  }
  context.exit_code = ExitCodeFor(error);
}

std::string LicenseText(const manage::TemplateLicense& license) {
  return license.disabled_plans.empty() ? license.sku
                                        : fmt::format("{} (disabled: {})", license.sku,
                                                      fmt::join(license.disabled_plans, ", "));
}

std::string PasswordText(const manage::TemplatePassword& password) {
  std::vector<std::string_view> classes;
  for (manage::CharacterClass c : password.classes) {
    classes.push_back(manage::CharacterClassName(c));
  }
  return fmt::format("{}{}",
                     password.generate ? fmt::format("generated, {} characters ({})",
                                                     password.length, fmt::join(classes, ", "))
                                       : std::string("typed by the technician"),
                     password.force_change_next_sign_in ? "; change at next sign-in" : "");
}

std::string RuleText(const manage::ConditionalRule& rule) {
  std::vector<std::string> actions;
  for (const auto& [field, value] : rule.set)
    actions.push_back(fmt::format("set {} = {}", field, value));
  for (const std::string& group : rule.add_groups) actions.push_back("add group " + group);
  for (const auto& license : rule.add_licenses)
    actions.push_back("add licence " + LicenseText(license));
  return fmt::format("when {} = {}: {}", rule.field, rule.equals, fmt::join(actions, "; "));
}

Record SummaryRecord(const StoredTemplate& stored) {
  return {{"name", stored.definition.name},
          {"version", std::to_string(stored.definition.version)},
          {"description", stored.definition.description},
          {"savedDateTime", FormatIso8601(stored.saved_at)},
          {"savedBy", stored.saved_by}};
}

Record DetailRecord(const StoredTemplate& stored) {
  const Template& definition = stored.definition;
  Record record = SummaryRecord(stored);
  const std::string domain = definition.domain.empty() ? "(default domain)" : definition.domain;
  std::vector<std::string> licenses;
  for (const auto& license : definition.licenses) licenses.push_back(LicenseText(license));
  std::vector<std::string> fields;
  for (const auto& [name, rule] : definition.fields) {
    fields.push_back(fmt::format("{}: {}{}", name, manage::FieldModeName(rule.mode),
                                 rule.value ? " = " + *rule.value : ""));
  }
  std::vector<std::string> rules;
  for (const auto& rule : definition.rules) rules.push_back(RuleText(rule));
  record.emplace_back("userPrincipalName",
                      fmt::format("{}@{}", definition.naming.user_principal_name, domain));
  record.emplace_back("mailNickname", definition.naming.mail_nickname.empty()
                                          ? std::string("(the UPN's local part)")
                                          : definition.naming.mail_nickname);
  record.emplace_back("displayName", definition.naming.display_name);
  record.emplace_back("lowerCase", definition.naming.lower_case);
  record.emplace_back("password", PasswordText(definition.password));
  record.emplace_back("licenses", licenses);
  record.emplace_back("groups", definition.groups);
  record.emplace_back("mfaState", definition.mfa_state
                                      ? std::string(MfaStateName(*definition.mfa_state))
                                      : std::string());
  record.emplace_back("defaultMethod", definition.default_method.value_or(""));
  record.emplace_back("fields", fields);
  record.emplace_back("rules", rules);
  return record;
}

void AddTemplateSave(CLI::App& templates, Context& context, const char* verb, const char* help) {
  auto path = std::make_shared<std::string>();
  CLI::App* command = templates.add_subcommand(verb, help);
  command->add_option("file", *path, "The template as JSON (see docs/cli.md)")->required();
  command->callback([&context, path] {
    auto definition = ReadTemplateFile(*path);
    if (!definition) return context.Fail(definition.error());
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto valid = manage::ValidateTemplate(**directory, *definition); !valid) {
      return FailValidation(context, valid.error());
    }
    auto store = OpenStore(context);
    if (!store) return context.Fail(store.error());
    auto saved = (*store)->Save(context.actor(), *definition);
    if (!saved) return context.Fail(saved.error());
    fmt::print("Saved template \"{}\" version {}.\n", saved->definition.name,
               saved->definition.version);
  });
}

// `NAME [--version N]`: the options of the verbs that read one template.
struct TemplateRef {
  std::string name;
  std::optional<int> version;

  void AddTo(CLI::App& command) {
    command.add_option("name", name, "The template's name")->required();
    command.add_option("--version", version, "A version (default: the latest)")
        ->check(CLI::PositiveNumber);
  }

  Result<StoredTemplate> Find(Context& context) const {
    ASSIGN_OR_RETURN(auto store, OpenStore(context));
    return store->Find(name, version);
  }
};

void AddTemplateExport(CLI::App& templates, Context& context) {
  auto ref = std::make_shared<TemplateRef>();
  auto file = std::make_shared<std::string>();
  CLI::App* command = templates.add_subcommand("export", "Write a template as JSON");
  ref->AddTo(*command);
  command->add_option("-f,--file", *file, "Write to this file instead of standard output");
  command->callback([&context, ref, file] {
    auto stored = ref->Find(context);
    if (!stored) return context.Fail(stored.error());
    const std::string json = manage::TemplateToJson(stored->definition);
    if (file->empty()) return fmt::print("{}", json);
    std::ofstream out(*file, std::ios::binary | std::ios::trunc);
    if (!(out << json)) {
      return context.Fail(Error::Internal(fmt::format("Cannot write {}.", *file)));
    }
    fmt::print("Exported template \"{}\" version {} to {}.\n", stored->definition.name,
               stored->definition.version, *file);
  });
}

void AddTemplateList(CLI::App& templates, Context& context) {
  CLI::App* command = templates.add_subcommand("list", "The latest version of each template");
  command->callback([&context] {
    auto store = OpenStore(context);
    if (!store) return context.Fail(store.error());
    auto listed = (*store)->List();
    if (!listed) return context.Fail(listed.error());
    std::vector<Record> records;
    for (const StoredTemplate& stored : *listed) records.push_back(SummaryRecord(stored));
    context.Print(records, false);
  });
}

void AddTemplateShow(CLI::App& templates, Context& context) {
  auto ref = std::make_shared<TemplateRef>();
  CLI::App* command = templates.add_subcommand("show", "Show one template");
  ref->AddTo(*command);
  command->callback([&context, ref] {
    auto stored = ref->Find(context);
    if (!stored) return context.Fail(stored.error());
    context.Print({DetailRecord(*stored)}, true);
  });
}

void AddTemplateValidate(CLI::App& templates, Context& context) {
  auto ref = std::make_shared<TemplateRef>();
  CLI::App* command = templates.add_subcommand(
      "validate", "Check a stored template, or a JSON file, against the tenant");
  ref->AddTo(*command);
  command->callback([&context, ref] {
    const bool is_file = ref->name.ends_with(".json") || std::filesystem::exists(ref->name);
    Result<Template> definition = is_file ? ReadTemplateFile(ref->name) : Result<Template>();
    if (!is_file) {
      auto stored = ref->Find(context);
      if (!stored) return context.Fail(stored.error());
      definition = std::move(stored->definition);
    }
    if (!definition) return context.Fail(definition.error());
    auto directory = context.Directory();
    if (!directory) return context.Fail(directory.error());
    if (auto valid = manage::ValidateTemplate(**directory, *definition); !valid) {
      return FailValidation(context, valid.error());
    }
    if (is_file)
      return fmt::print("Template \"{}\" in {} is valid.\n", definition->name, ref->name);
    fmt::print("Template \"{}\" version {} is valid.\n", definition->name, definition->version);
  });
}

void AddTemplateRemove(CLI::App& templates, Context& context) {
  auto name = std::make_shared<std::string>();
  CLI::App* command = templates.add_subcommand("remove", "Remove a template (every version)");
  command->add_option("name", *name, "The template's name")->required();
  command->callback([&context, name] {
    auto store = OpenStore(context);
    if (!store) return context.Fail(store.error());
    auto removed = (*store)->Remove(*name);
    if (!removed) return context.Fail(removed.error());
    fmt::print("Removed template \"{}\" ({} version{}).\n", *name, *removed,
               *removed == 1 ? "" : "s");
  });
}

}  // namespace

void AddTemplateCommands(CLI::App& app, Context& context) {
  CLI::App* templates = app.add_subcommand("template", "Manage user creation templates");
  templates->require_subcommand(1);
  AddTemplateSave(*templates, context, "add", "Save a template from a JSON file (a new version)");
  AddTemplateSave(*templates, context, "import", "The same as add");
  AddTemplateExport(*templates, context);
  AddTemplateList(*templates, context);
  AddTemplateShow(*templates, context);
  AddTemplateValidate(*templates, context);
  AddTemplateRemove(*templates, context);
}

void AddUserFromTemplate(Context& context, const std::string& template_name,
                         const manage::TemplateInput& input) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  auto store = OpenStore(context);
  if (!store) return context.Fail(store.error());
  auto stored = (*store)->Find(template_name);
  if (!stored) return context.Fail(stored.error());
  auto resolved = manage::ValidateTemplate(**directory, stored->definition);
  if (!resolved) return FailValidation(context, resolved.error());
  manage::NameReservations names;
  CryptoRandom random;
  auto created =
      manage::CreateUserFromTemplate(**directory, context.actor(), *resolved, input, names, random);
  if (!created) return context.Fail(created.error());
  Record record = UserRecord(created->user, {});
  if (!created->generated_password.empty()) {
    record.emplace_back("generatedPassword", created->generated_password);
  }
  context.Print({record}, true);
}

}  // namespace admin365::cli
