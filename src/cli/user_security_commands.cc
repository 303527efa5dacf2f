// Verbs under `user` for sign-in sessions, MFA and authentication methods, activation
// (Enable-MSOnlineUser), disabled creation (Add-MSOnlineUser) and the Entra Connect
// simulator (`user sync`). docs/cli.md describes them.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.h"
#include "domain/authentication_rules.h"
#include "domain/graph_errors.h"
#include "domain/mail_nickname.h"
#include "domain/user_properties.h"

namespace admin365::cli {

namespace {

// Runs `body` with the directory, reporting a failure to open it.
template <class Body>
void WithDirectory(Context& context, Body body) {
  auto directory = context.Directory();
  if (!directory) return context.Fail(directory.error());
  body(**directory);
}

PropertyValue OptionalText(const std::optional<std::string>& text) {
  if (!text) return std::monostate{};
  return *text;
}

CLI::App* AddUserVerb(CLI::App& parent, const char* name, const char* help,
                      std::shared_ptr<std::string> user) {
  CLI::App* command = parent.add_subcommand(name, help);
  command->add_option("user", *user, "Object id or userPrincipalName")->required();
  return command;
}

void AddRevokeSessions(CLI::App& user, Context& context) {
  auto id = std::make_shared<std::string>();
  CLI::App* command = AddUserVerb(
      user, "revoke-sessions",
      "Invalidate the user's refresh tokens and session cookies (revokeSignInSessions)", id);
  command->callback([&context, id] {
    WithDirectory(context, [&](Directory& directory) {
      auto revoked = directory.RevokeSignInSessions(context.actor(), *id);
      if (!revoked) return context.Fail(revoked.error());
      fmt::print("Revoked the sign-in sessions of {}\n", revoked->user_principal_name);
    });
  });
}

Record MfaRecord(const AuthenticationInfo& info) {
  const SignInPreferences& preferences = info.sign_in_preferences;
  return {{"perUserMfaState", std::string(MfaStateName(info.per_user_mfa_state))},
          {"userPreferredMethodForSecondaryAuthentication",
           OptionalText(preferences.user_preferred_method_for_secondary_authentication)},
          {"isSystemPreferredAuthenticationMethodEnabled",
           preferences.is_system_preferred_authentication_method_enabled},
          {"allowedMethods", info.allowed_methods}};
}

void AddMfaCommands(CLI::App& user, Context& context) {
  CLI::App* mfa = user.add_subcommand("mfa", "Per-user MFA (authentication/requirements)");
  mfa->require_subcommand(1);

  auto get_id = std::make_shared<std::string>();
  AddUserVerb(*mfa, "get", "Show the MFA state, default method and allowed methods", get_id)
      ->callback([&context, get_id] {
        WithDirectory(context, [&](Directory& directory) {
          auto info = directory.GetAuthenticationInfo(*get_id);
          if (!info) return context.Fail(info.error());
          context.Print({MfaRecord(*info)}, true);
        });
      });

  auto set_id = std::make_shared<std::string>();
  auto state = std::make_shared<std::string>();
  CLI::App* set = AddUserVerb(*mfa, "set", "Set the per-user MFA state", set_id);
  set->add_option("--state", *state, "disabled, enabled or enforced")
      ->required()
      ->check(CLI::IsMember({"disabled", "enabled", "enforced"}));
  set->callback([&context, set_id, state] {
    WithDirectory(context, [&](Directory& directory) {
      if (auto status =
              directory.SetPerUserMfaState(context.actor(), *set_id, *ParseMfaState(*state));
          !status) {
        return context.Fail(status.error());
      }
      fmt::print("Per-user MFA of {} is {}\n", *set_id, *state);
    });
  });
}

// One row per method: the same columns for each, so tables and CSV line up.
std::vector<Record> MethodRecords(const AuthenticationInfo& info) {
  std::vector<Record> records;
  records.push_back({{"id", info.password_method.id},
                     {"method", std::string("password")},
                     {"phoneType", std::monostate{}},
                     {"value", std::monostate{}}});
  for (const PhoneMethod& phone : info.phone_methods) {
    records.push_back({{"id", phone.id},
                       {"method", std::string("phone")},
                       {"phoneType", phone.phone_type},
                       {"value", phone.phone_number}});
  }
  if (info.email_method) {
    records.push_back({{"id", info.email_method->id},
                       {"method", std::string("email")},
                       {"phoneType", std::monostate{}},
                       {"value", info.email_method->email_address}});
  }
  return records;
}

void AddPhoneCommands(CLI::App& methods, Context& context) {
  CLI::App* phone =
      methods.add_subcommand("phone", "Phone methods (mobile, alternateMobile, office)");
  phone->require_subcommand(1);
  const auto add_type = [](CLI::App& command, std::string& type) {
    command.add_option("--type", type, "mobile, alternateMobile or office")->required();
  };

  auto set_id = std::make_shared<std::string>();
  auto set_method = std::make_shared<PhoneMethod>();
  CLI::App* set = AddUserVerb(*phone, "set", "Add or replace the phone of a type", set_id);
  add_type(*set, set_method->phone_type);
  set->add_option("--number", set_method->phone_number,
                  "\"+{country code} {number}\", optionally with x{extension}, e.g. "
                  "\"+1 4255550100\"")
      ->required();
  set->callback([&context, set_id, set_method] {
    WithDirectory(context, [&](Directory& directory) {
      auto stored = directory.SetPhoneMethod(context.actor(), *set_id, *set_method);
      if (!stored) return context.Fail(stored.error());
      context.Print({{{"id", stored->id},
                      {"phoneType", stored->phone_type},
                      {"phoneNumber", stored->phone_number},
                      {"smsSignInState", stored->sms_sign_in_state}}},
                    true);
    });
  });

  auto remove_id = std::make_shared<std::string>();
  auto remove_type = std::make_shared<std::string>();
  CLI::App* remove = AddUserVerb(*phone, "remove", "Remove the phone of a type", remove_id);
  add_type(*remove, *remove_type);
  remove->callback([&context, remove_id, remove_type] {
    WithDirectory(context, [&](Directory& directory) {
      if (auto status = directory.RemovePhoneMethod(context.actor(), *remove_id, *remove_type);
          !status) {
        return context.Fail(status.error());
      }
      fmt::print("Removed the {} phone method of {}\n", *remove_type, *remove_id);
    });
  });
}

void AddEmailCommands(CLI::App& methods, Context& context) {
  CLI::App* email = methods.add_subcommand("email", "The email method (password reset)");
  email->require_subcommand(1);

  auto set_id = std::make_shared<std::string>();
  auto address = std::make_shared<std::string>();
  CLI::App* set = AddUserVerb(*email, "set", "Add or replace the email method", set_id);
  set->add_option("--address", *address, "An address outside the tenant")->required();
  set->callback([&context, set_id, address] {
    WithDirectory(context, [&](Directory& directory) {
      if (address->empty()) {
        return context.Fail(errors::InvalidEmailMethodAddress());
      }
      if (auto status = directory.SetEmailMethod(context.actor(), *set_id, *address); !status) {
        return context.Fail(status.error());
      }
      context.Print({{{"id", std::string(kEmailMethodId)}, {"emailAddress", *address}}}, true);
    });
  });

  auto remove_id = std::make_shared<std::string>();
  AddUserVerb(*email, "remove", "Remove the email method", remove_id)
      ->callback([&context, remove_id] {
        WithDirectory(context, [&](Directory& directory) {
          if (auto status = directory.SetEmailMethod(context.actor(), *remove_id, ""); !status) {
            return context.Fail(status.error());
          }
          fmt::print("Removed the email method of {}\n", *remove_id);
        });
      });
}

void AddAllowedCommands(CLI::App& methods, Context& context) {
  CLI::App* allowed = methods.add_subcommand("allowed", "The methods the user may use for MFA");
  allowed->require_subcommand(1);
  auto id = std::make_shared<std::string>();
  auto names = std::make_shared<std::vector<std::string>>();
  CLI::App* set = AddUserVerb(*allowed, "set", "Set the allowed methods", id);
  set->add_option("methods", *names,
                  "Comma-separated, of push, oath, voiceMobile, voiceAlternateMobile, "
                  "voiceOffice, sms; or 'all'")
      ->required()
      ->delimiter(',');
  set->callback([&context, id, names] {
    std::vector<std::string> methods = *names;
    if (methods == std::vector<std::string>{"all"}) methods.clear();
    WithDirectory(context, [&](Directory& directory) {
      if (auto status = directory.SetAllowedMethods(context.actor(), *id, methods); !status) {
        return context.Fail(status.error());
      }
      auto info = directory.GetAuthenticationInfo(*id);
      if (!info) return context.Fail(info.error());
      fmt::print("Allowed methods of {}: {}\n", *id,
                 info->allowed_methods.empty()
                     ? std::string("all")
                     : fmt::format("{}", fmt::join(info->allowed_methods, ",")));
    });
  });
}

void AddDefaultCommands(CLI::App& methods, Context& context) {
  CLI::App* preferred =
      methods.add_subcommand("default", "The default MFA method (signInPreferences)");
  preferred->require_subcommand(1);
  auto id = std::make_shared<std::string>();
  auto method = std::make_shared<std::optional<std::string>>();
  auto system_preferred = std::make_shared<std::optional<std::string>>();
  CLI::App* set = AddUserVerb(*preferred, "set", "Set the default method", id);
  set->add_option("--method", *method,
                  "push, oath, voiceMobile, voiceAlternateMobile, voiceOffice, sms, or none");
  set->add_option("--system-preferred", *system_preferred,
                  "Let Entra pick the strongest registered method (true or false)")
      ->check(CLI::IsMember({"true", "false"}));
  set->callback([&context, id, method, system_preferred] {
    if (!*method && !*system_preferred) {
      throw CLI::RequiredError("--method or --system-preferred");
    }
    WithDirectory(context, [&](Directory& directory) {
      auto info = directory.GetAuthenticationInfo(*id);
      if (!info) return context.Fail(info.error());
      SignInPreferences preferences = info->sign_in_preferences;
      if (*method) {
        preferences.user_preferred_method_for_secondary_authentication =
            **method == "none" ? std::nullopt : *method;
      }
      if (*system_preferred) {
        preferences.is_system_preferred_authentication_method_enabled =
            **system_preferred == "true";
      }
      if (auto status = directory.SetSignInPreferences(context.actor(), *id, preferences);
          !status) {
        return context.Fail(status.error());
      }
      info->sign_in_preferences = preferences;
      context.Print({MfaRecord(*info)}, true);
    });
  });
}

void AddMethodsCommands(CLI::App& user, Context& context) {
  CLI::App* methods =
      user.add_subcommand("methods", "Authentication methods (authentication contact info)");
  methods->require_subcommand(1);
  auto id = std::make_shared<std::string>();
  AddUserVerb(*methods, "list", "The registered methods, password included", id)
      ->callback([&context, id] {
        WithDirectory(context, [&](Directory& directory) {
          auto info = directory.GetAuthenticationInfo(*id);
          if (!info) return context.Fail(info.error());
          context.Print(MethodRecords(*info), false);
        });
      });
  AddPhoneCommands(*methods, context);
  AddEmailCommands(*methods, context);
  AddAllowedCommands(*methods, context);
  AddDefaultCommands(*methods, context);
}

// The password options of `activate`: given, from standard input, or generated.
struct ActivatePassword {
  std::string password;
  bool from_stdin = false;
  bool generate = false;
  std::string force_change = "true";
};

void AddActivate(CLI::App& user, Context& context) {
  auto id = std::make_shared<std::string>();
  auto password = std::make_shared<ActivatePassword>();
  auto usage_location = std::make_shared<std::optional<std::string>>();
  auto skus = std::make_shared<std::vector<std::string>>();
  CLI::App* command = AddUserVerb(user, "activate",
                                  "Enable the user, set its password, usage location and "
                                  "licences in one step, all or nothing (Enable-MSOnlineUser)",
                                  id);
  CLI::Option* given = command->add_option("--password", password->password, "The password");
  CLI::Option* from_stdin =
      command->add_flag("--password-stdin", password->from_stdin, "Read it from standard input");
  CLI::Option* generate = command->add_flag("--generate-password,--generate", password->generate,
                                            "Generate a random password");
  given->excludes(from_stdin)->excludes(generate);
  from_stdin->excludes(generate);
  command
      ->add_option("--force-change-password", password->force_change,
                   "Must the password be changed at next sign-in (default true)")
      ->check(CLI::IsMember({"true", "false"}));
  command->add_option("--usage-location", *usage_location,
                      "ISO 3166-1 alpha-2 code, e.g. US (needed before licences)");
  command->add_option("--sku", *skus,
                      "A licence to assign: part number (ENTERPRISEPACK) or skuId; repeatable");
  command->callback([&context, id, password, usage_location, skus] {
    if (password->password.empty() && !password->from_stdin && !password->generate) {
      throw CLI::RequiredError("--password, --password-stdin or --generate-password");
    }
    ActivateRequest request{.usage_location = *usage_location};
    request.password.password = password->from_stdin ? ReadSecretLine() : password->password;
    request.password.generate = password->generate;
    request.password.force_change_password_next_sign_in = password->force_change == "true";
    WithDirectory(context, [&](Directory& directory) {
      for (const std::string& sku : *skus) {
        auto sku_id = directory.ResolveSkuId(sku);
        if (!sku_id) return context.Fail(sku_id.error());
        request.add_licenses.push_back({.sku_id = std::move(*sku_id)});
      }
      auto activated = directory.ActivateUser(context.actor(), *id, request);
      if (!activated) return context.Fail(activated.error());
      Record record = UserRecord(activated->user, {});
      if (!activated->generated_password.empty()) {
        record.emplace_back("generatedPassword", activated->generated_password);
      }
      context.Print({record}, true);
    });
  });
}

struct AddDisabledOptions {
  std::string upn;
  std::string display_name;
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> usage_location;
};

void AddAddDisabled(CLI::App& user, Context& context) {
  auto options = std::make_shared<AddDisabledOptions>();
  CLI::App* command = user.add_subcommand(
      "add-disabled",
      "Create a disabled, unlicensed user with a generated password (Add-MSOnlineUser)");
  command->add_option("--upn,--user-principal-name", options->upn, "userPrincipalName")->required();
  command->add_option("--display-name", options->display_name, "displayName")->required();
  command->add_option("--given-name,--first-name", options->given_name, "givenName");
  command->add_option("--surname,--last-name", options->surname, "surname");
  command->add_option("--usage-location", options->usage_location, "usageLocation");
  command->callback([&context, options] {
    NewUser request;
    request.properties["accountEnabled"] = false;
    request.properties["userPrincipalName"] = options->upn;
    request.properties["displayName"] = options->display_name;
    if (std::string alias = DeriveMailNickname(options->upn); !alias.empty()) {
      request.properties["mailNickname"] = alias;
    }
    if (options->given_name) request.properties["givenName"] = *options->given_name;
    if (options->surname) request.properties["surname"] = *options->surname;
    if (options->usage_location) request.properties["usageLocation"] = *options->usage_location;
    request.password_profile = PasswordProfile{.force_change_password_next_sign_in = true};
    WithDirectory(context, [&](Directory& directory) {
      auto created = directory.CreateUser(context.actor(), request, true);
      if (!created) return context.Fail(created.error());
      Record record = UserRecord(created->user, {});
      record.emplace_back("generatedPassword", created->generated_password);
      context.Print({record}, true);
    });
  });
}

struct SyncOptions {
  OnPremisesIdentity identity;
  std::optional<std::string> upn;
  std::optional<std::string> display_name;
  std::optional<std::string> account_enabled;
  std::vector<std::string> properties;  // NAME=VALUE
  bool password_stdin = false;
};

// `--property NAME=VALUE` as a Graph property: booleans from true/false, collections
// split on ','. Errors are Graph's for the property.
Status AddProperty(PropertyMap& map, const std::string& assignment) {
  const std::size_t equals = assignment.find('=');
  const std::string name = assignment.substr(0, equals);
  const UserProperty* property = FindUserProperty(name);
  if (property == nullptr) return Fail(errors::UnknownProperty(name));
  const std::string value = equals == std::string::npos ? "" : assignment.substr(equals + 1);
  const std::string key(property->name);
  switch (property->type) {
    case PropertyType::kBool:
      if (value != "true" && value != "false") return Fail(errors::InvalidPropertyValue(key));
      map[key] = value == "true";
      return Ok();
    case PropertyType::kStringCollection: {
      std::vector<std::string> items;
      for (std::size_t start = 0; start < value.size();) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        items.push_back(value.substr(start, comma - start));
        start = comma + 1;
      }
      map[key] = std::move(items);
      return Ok();
    }
    default:
      map[key] = value;
      return Ok();
  }
}

void AddSync(CLI::App& user, Context& context) {
  auto options = std::make_shared<SyncOptions>();
  CLI::App* command = user.add_subcommand(
      "sync",
      "Entra Connect simulator for rehearsals: create or update a user synchronized from "
      "on-premises Active Directory");
  OnPremisesIdentity& identity = options->identity;
  command
      ->add_option("--immutable-id", identity.immutable_id,
                   "The source anchor (e.g. base64 of the AD objectGUID)")
      ->required();
  command->add_option("--sam-account-name", identity.sam_account_name, "sAMAccountName");
  command->add_option("--distinguished-name", identity.distinguished_name,
                      "The AD object's distinguished name");
  command->add_option("--on-premises-domain-name", identity.domain_name,
                      "The AD domain, e.g. corp.contoso.com");
  command->add_option("--on-premises-upn", identity.user_principal_name,
                      "The UPN in AD, e.g. adele@corp.contoso.com");
  command->add_option("--upn,--user-principal-name", options->upn, "userPrincipalName");
  command->add_option("--display-name", options->display_name, "displayName");
  command->add_option("--account-enabled", options->account_enabled, "true or false")
      ->check(CLI::IsMember({"true", "false"}));
  command->add_option("--property", options->properties,
                      "Any other property as NAME=VALUE (collections comma-separated); "
                      "repeatable");
  command->add_flag("--password-stdin", options->password_stdin,
                    "Read the password to synchronize (password hash sync) from standard input");
  command->callback([&context, options] {
    NewUser request;
    for (const std::string& assignment : options->properties) {
      if (auto status = AddProperty(request.properties, assignment); !status) {
        return context.Fail(status.error());
      }
    }
    if (options->upn) request.properties["userPrincipalName"] = *options->upn;
    if (options->display_name) request.properties["displayName"] = *options->display_name;
    if (options->account_enabled) {
      request.properties["accountEnabled"] = *options->account_enabled == "true";
    }
    if (options->password_stdin) request.password_profile = PasswordProfile{ReadSecretLine()};
    // Entra Connect's write: only the embedded tenant takes it from admin365.
    auto directory = context.Embedded();
    if (!directory) return context.Fail(directory.error());
    auto synced = (*directory)->SyncUser(context.actor(), request, options->identity);
    if (!synced) return context.Fail(synced.error());
    context.Print({UserRecord(*synced, {})}, true);
  });
}

}  // namespace

void AddUserSecurityCommands(CLI::App& user, Context& context) {
  AddRevokeSessions(user, context);
  AddMfaCommands(user, context);
  AddMethodsCommands(user, context);
  AddActivate(user, context);
  AddAddDisabled(user, context);
  AddSync(user, context);
}

}  // namespace admin365::cli
