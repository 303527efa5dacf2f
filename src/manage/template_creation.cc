#include "manage/template_creation.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/ascii.h"
#include "domain/mail_nickname.h"
#include "domain/password_generator.h"
#include "domain/user_properties.h"
#include "manage/template_naming.h"
#include "manage/tenant_lookup.h"
#include "query/filter_parser.h"

namespace admin365::manage {

namespace {

constexpr int kMaxCollisionNumber = 999;

// 'text' as an OData string literal.
std::string Quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// True if some user in the list (active or deleted) matches `filter`.
Result<bool> AnyUser(Directory& directory, const std::string& filter, bool deleted) {
  ASSIGN_OR_RETURN(query::Filter parsed, query::ParseFilter(filter));
  UserListOptions options{.filter = std::move(parsed), .page_size = 1};
  ASSIGN_OR_RETURN(const UserPage page,
                   deleted ? directory.ListDeletedUsers(options) : directory.ListUsers(options));
  return !page.users.empty();
}

Result<bool> IsFree(Directory& directory, NameReservations& taken_in_job, const std::string& upn,
                    const std::string& nickname) {
  if (taken_in_job.Contains(upn) || taken_in_job.Contains(nickname)) return false;
  const std::string names =
      fmt::format("userPrincipalName eq {} or mailNickname eq {}", Quoted(upn), Quoted(nickname));
  ASSIGN_OR_RETURN(const bool active, AnyUser(directory,
                                              fmt::format("{} or proxyAddresses/any(p:p eq {})",
                                                          names, Quoted("smtp:" + upn)),
                                              false));
  if (active) return false;
  ASSIGN_OR_RETURN(const bool deleted, AnyUser(directory, names, true));
  return !deleted;
}

struct Names {
  std::string user_principal_name;
  std::string mail_nickname;
};

Result<Names> ChooseNames(const ResolvedTemplate& resolved, const TemplateValues& values,
                          NameReservations& taken_in_job, Directory& directory) {
  const TemplateNaming& naming = resolved.definition.naming;
  const AttributeLookup lookup = [&](std::string_view attribute) -> std::optional<std::string> {
    const std::string* value = values.Find(attribute);
    return value ? std::optional<std::string>(*value) : std::nullopt;
  };
  const std::string* given_upn = values.Find("userPrincipalName");
  const std::string* given_nickname = values.Find("mailNickname");
  std::optional<std::string> nickname_base;
  if (given_nickname) {
    nickname_base = *given_nickname;
  } else if (!naming.mail_nickname.empty()) {
    ASSIGN_OR_RETURN(nickname_base, BuildLocalPart(naming.mail_nickname, lookup, naming.lower_case,
                                                   "mailNickname"));
  }
  if (given_upn) {
    Names names{.user_principal_name = *given_upn,
                .mail_nickname = nickname_base.value_or(DeriveMailNickname(*given_upn))};
    if (!taken_in_job.TryReserve(names.user_principal_name, names.mail_nickname)) {
      return Fail(RejectedInput(
          fmt::format("userPrincipalName \"{}\" or mailNickname \"{}\" is already taken by an "
                      "earlier row of this job",
                      names.user_principal_name, names.mail_nickname),
          "userPrincipalName"));
    }
    return names;
  }
  ASSIGN_OR_RETURN(
      const std::string local_part,
      BuildLocalPart(naming.user_principal_name, lookup, naming.lower_case, "userPrincipalName"));
  for (int number = 1; number <= kMaxCollisionNumber; ++number) {
    auto numbered = [&](const std::string& base) {
      return number == 1 ? base : WithNumber(base, number);
    };
    Names names{.user_principal_name = numbered(local_part) + "@" + resolved.domain};
    names.mail_nickname = given_nickname  ? *given_nickname
                          : nickname_base ? numbered(*nickname_base)
                                          : numbered(local_part);
    ASSIGN_OR_RETURN(const bool free, IsFree(directory, taken_in_job, names.user_principal_name,
                                             names.mail_nickname));
    if (free && taken_in_job.TryReserve(names.user_principal_name, names.mail_nickname)) {
      return names;
    }
  }
  return Fail(RejectedInput(
      fmt::format("no free userPrincipalName from {}@{} to {}@{}; give userPrincipalName",
                  local_part, resolved.domain, WithNumber(local_part, kMaxCollisionNumber),
                  resolved.domain),
      "userPrincipalName"));
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

// The user's Graph properties from the settled fields.
Result<PropertyMap> Properties(const TemplateValues& values) {
  PropertyMap properties{{"accountEnabled", true}};
  for (const auto& [name, value] : values.fields) {
    const UserProperty* property = FindUserProperty(name);
    if (property == nullptr) continue;  // a pseudo-field
    switch (property->type) {
      case PropertyType::kBool:
        if (!AsciiIEquals(value, "true") && !AsciiIEquals(value, "false")) {
          return Fail(RejectedInput(
              fmt::format("{} must be true or false, not \"{}\"", name, value), name));
        }
        properties[name] = AsciiIEquals(value, "true");
        break;
      case PropertyType::kStringCollection:
        properties[name] = SplitList(value);
        break;
      default:
        properties[name] = value;
    }
  }
  return properties;
}

PasswordShape ShapeOf(const TemplatePassword& password) {
  auto has = [&](CharacterClass c) {
    return std::ranges::find(password.classes, c) != password.classes.end();
  };
  return PasswordShape{.length = password.length,
                       .lower = has(CharacterClass::kLower),
                       .upper = has(CharacterClass::kUpper),
                       .digits = has(CharacterClass::kDigit),
                       .symbols = has(CharacterClass::kSymbol)};
}

void AddLicenses(std::vector<AssignedLicense>& licenses, const std::vector<AssignedLicense>& more) {
  for (const AssignedLicense& license : more) {
    const bool present = std::ranges::any_of(
        licenses, [&](const AssignedLicense& held) { return held.sku_id == license.sku_id; });
    if (!present) licenses.push_back(license);
  }
}

void AddGroups(std::vector<std::string>& groups, const std::vector<std::string>& more) {
  for (const std::string& id : more) {
    if (std::ranges::find(groups, id) == groups.end()) groups.push_back(id);
  }
}

// The groups named in the input's `groups` field, among those of the validated template.
Result<std::vector<std::string>> InputGroups(const std::vector<Group>& tenant_groups,
                                             const std::string& text) {
  std::vector<std::string> ids;
  for (const std::string& name : SplitList(text)) {
    Result<std::string> id = FindGroupId(tenant_groups, kGroupsField, name);
    if (!id) return Fail(RejectedInput(id.error().message, std::string(kGroupsField)));
    AddGroups(ids, {*id});
  }
  return ids;
}

}  // namespace

Result<TemplateCreation> BuildCreationFromTemplate(const ResolvedTemplate& resolved,
                                                   const TemplateInput& input,
                                                   NameReservations& taken_in_job,
                                                   Directory& directory, Random& random) {
  const Template& definition = resolved.definition;
  ASSIGN_OR_RETURN(const TemplateValues values, ApplyTemplateRules(definition, input));
  ASSIGN_OR_RETURN(PropertyMap properties, Properties(values));
  if (!values.Find("displayName")) {
    ASSIGN_OR_RETURN(
        properties["displayName"],
        BuildDisplayName(definition.naming.display_name,
                         [&](std::string_view attribute) -> std::optional<std::string> {
                           const std::string* value = values.Find(attribute);
                           return value ? std::optional<std::string>(*value) : std::nullopt;
                         }));
  }
  std::vector<std::string> groups = resolved.group_ids;
  std::vector<AssignedLicense> licenses = resolved.licenses;
  for (std::size_t rule : values.matched_rules) {
    AddGroups(groups, resolved.rule_group_ids[rule]);
    AddLicenses(licenses, resolved.rule_licenses[rule]);
  }
  if (const std::string* named = values.Find(kGroupsField)) {
    ASSIGN_OR_RETURN(const std::vector<std::string> ids, InputGroups(resolved.tenant_groups, *named));
    AddGroups(groups, ids);
  }
  ASSIGN_OR_RETURN(const Names names, ChooseNames(resolved, values, taken_in_job, directory));
  properties["userPrincipalName"] = names.user_principal_name;
  properties["mailNickname"] = names.mail_nickname;

  TemplateCreation result{.origin = TemplateOrigin(definition)};
  PasswordProfile password{.force_change_password_next_sign_in =
                               definition.password.force_change_next_sign_in};
  if (const std::string* given = values.Find(kPasswordField)) {
    password.password = *given;
  } else {
    const std::string* given_name = values.Find("givenName");
    const std::string* surname = values.Find("surname");
    password.password = GeneratePassword(
        random, ShapeOf(definition.password),
        PasswordContext{.alias = names.mail_nickname,
                        .given_name = given_name ? *given_name : std::string_view(),
                        .surname = surname ? *surname : std::string_view()});
    result.password_generated = true;
  }
  UserCreation& creation = result.creation;
  creation.user = NewUser{.properties = std::move(properties), .password_profile = password};
  creation.licenses = std::move(licenses);
  creation.groups = std::move(groups);
  if (const std::string* manager = values.Find(kManagerField)) creation.manager = *manager;
  creation.mfa_state = definition.mfa_state;
  creation.default_method = definition.default_method;
  return result;
}

Result<CreatedUser> CreateUserFromTemplate(Directory& directory, const Actor& actor,
                                           const ResolvedTemplate& resolved,
                                           const TemplateInput& input,
                                           NameReservations& taken_in_job, Random& random) {
  ASSIGN_OR_RETURN(TemplateCreation built,
                   BuildCreationFromTemplate(resolved, input, taken_in_job, directory, random));
  Actor templated = actor;
  templated.origin = built.origin;
  ASSIGN_OR_RETURN(CreatedUser created, CreateUserCompletely(directory, templated, built.creation));
  if (built.password_generated) {
    created.generated_password = built.creation.user.password_profile->password;
  }
  return created;
}

}  // namespace admin365::manage
