// Bulk actions that create accounts or set their passwords: create, add-disabled,
// activate, reset-password.

#include <fmt/format.h>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/mail_nickname.h"
#include "domain/password_policy.h"
#include "domain/upn.h"
#include "domain/user_properties.h"
#include "domain/user_validation.h"
#include "common/random.h"
#include "manage/bulk_row_work.h"
#include "manage/bulk_templates.h"
#include "manage/bulk_values.h"
#include "manage/user_creation.h"

namespace admin365::manage::rows {

namespace {

// A password that passes every check, used to validate a row whose password the
// directory will generate.
constexpr std::string_view kPlaceholderPassword = "Plan-Only-Placeholder-9f3K!x";


Result<bool> ForceChange(const RowInput& input) {
  const std::optional<std::string> force = input.Get("forceChangePassword");
  return force ? ParseYesNo("forceChangePassword", *force) : Result<bool>(true);
}

// Bulk fields that steer a creation whichever way it is built (from the row's columns or
// through a template): the password's force-change flag and expiry, and the licences.
bool IsBulkDirective(std::string_view field) {
  for (std::string_view directive : {"forceChangePassword", "blockSignIn", "passwordNeverExpires",
                                     "strongPasswordRequired", "addLicenses", "disabledPlans",
                                     "template"}) {
    if (AsciiIEquals(field, directive)) return true;
  }
  return false;
}

Status ApplyBulkDirectives(const RowWork& work, UserCreation& creation) {
  const RowInput& input = work.input;
  if (const auto never = input.Get("passwordNeverExpires")) {
    ASSIGN_OR_RETURN(const bool never_expires, ParseYesNo("passwordNeverExpires", *never));
    if (never_expires) {
      creation.user.properties["passwordPolicies"] = std::string("DisablePasswordExpiration");
    }
  }
  if (input.Get("forceChangePassword")) {
    ASSIGN_OR_RETURN(creation.user.password_profile->force_change_password_next_sign_in,
                     ForceChange(input));
  }
  if (const auto skus = input.Get("addLicenses")) {
    ASSIGN_OR_RETURN(const std::vector<AssignedLicense> licenses,
                     ResolveLicenses(work.tenant, "addLicenses", *skus,
                                     input.Get("disabledPlans").value_or("")));
    creation.licenses.insert(creation.licenses.end(), licenses.begin(), licenses.end());
  }
  return Ok();
}

// Fields that are not user properties on creation.
bool IsCreationDirective(std::string_view field) {
  if (IsBulkDirective(field)) return true;
  for (std::string_view directive : {"password", "groups", "manager", "id"}) {
    if (AsciiIEquals(field, directive)) return true;
  }
  return false;
}

Result<UserCreation> CreationFromRow(const RowWork& work, bool disabled) {
  const RowInput& input = work.input;
  UserCreation creation;
  PropertyMap& properties = creation.user.properties;
  for (const auto& [field, cell] : input.values) {
    if (IsCreationDirective(field)) continue;
    const UserProperty* property = FindUserProperty(field);
    if (!property || property->access != PropertyAccess::kWritable) continue;
    const std::optional<std::string> value = input.Get(field);
    if (!value) continue;
    ASSIGN_OR_RETURN(properties[std::string(property->name)],
                     PropertyValueFromCell(*property, *value));
  }
  for (const auto& [field, cell] : input.values) {
    if (AsciiIEquals(field, "userPrincipalName") && !cell.empty() &&
        (cell.front() == ' ' || cell.back() == ' ')) {
      return Fail(FieldError("userPrincipalName",
                             fmt::format("userPrincipalName '{}' has spaces around it; remove "
                                         "them.",
                                         cell)));
    }
  }
  if (const auto block = input.Get("blockSignIn")) {
    ASSIGN_OR_RETURN(const bool blocked, ParseYesNo("blockSignIn", *block));
    properties["accountEnabled"] = !blocked;
  }
  if (disabled) properties["accountEnabled"] = false;
  if (!properties.contains("accountEnabled")) properties["accountEnabled"] = true;
  const std::optional<std::string> upn = input.Get("userPrincipalName");
  if (upn && !properties.contains("mailNickname")) {
    properties["mailNickname"] = DeriveMailNickname(*upn);
  }
  const std::optional<std::string> password = input.Get("password");
  creation.generate_password = !password;
  creation.user.password_profile = PasswordProfile{.password = password.value_or(""),
                                                   .force_change_password_next_sign_in = true};
  RETURN_IF_ERROR(ApplyBulkDirectives(work, creation));
  if (const auto groups = input.Get("groups")) {
    for (const std::string& group : SplitList(*groups)) {
      ASSIGN_OR_RETURN(std::string id, FindGroupId(work.tenant.groups, "groups", group));
      creation.groups.push_back(std::move(id));
    }
  }
  creation.manager = input.Get("manager");
  return creation;
}

// Directory_QuotaExceeded for a row past the room the quota leaves: Graph's code, with
// what the tenant holds and what earlier rows create.
Error QuotaExceededByFile(const DirectorySizeQuota& quota, long long created) {
  Error error = errors::DirectoryQuotaExceeded();
  error.message = fmt::format(
      "The directory object quota would be exceeded: the tenant holds {} of its quota of {} "
      "objects, and earlier rows of the file create {}. Delete objects, raise the quota "
      "(admin365 tenant set --object-quota; Microsoft Support for a real tenant), or leave "
      "this row and those after it for a later file.",
      quota.used, quota.total, created);
  return error;
}

// The checks a creation passes before any row runs: Graph's validation, the domain, the
// password policy, the UPN free in the tenant and in the file (claimed here unless a
// template already reserved it for the row: `upn_reserved`), the manager, the seats.
Status PlanCreation(RowWork& work, const UserCreation& creation, bool upn_reserved) {
  NewUser request = creation.user;
  if (creation.generate_password) request.password_profile->password = kPlaceholderPassword;
  ASSIGN_OR_RETURN(const ValidatedNewUser valid, ValidateNewUser(request));
  const User& user = valid.user;
  ASSIGN_OR_RETURN(const UpnParts parts, ParseUpn(user.user_principal_name));
  const auto domain = std::find_if(work.tenant.domains.begin(), work.tenant.domains.end(),
                                   [&](const Domain& d) { return AsciiIEquals(d.id, parts.domain); });
  if (domain == work.tenant.domains.end() || !domain->is_verified) {
    return Fail(errors::UnverifiedUpnDomain());
  }
  if (!creation.generate_password) {
    RETURN_IF_ERROR(CheckPassword(creation.user.password_profile->password,
                                  PasswordContext{.alias = parts.alias,
                                                  .given_name = user.given_name.value_or(""),
                                                  .surname = user.surname.value_or(""),
                                                  .tenant_name = work.tenant.tenant_name}));
  }
  if (Result<User> existing = work.directory.GetUser(user.user_principal_name)) {
    return Fail(errors::ObjectConflict("userPrincipalName"));
  }
  if (!upn_reserved && !work.ledger->ClaimUpn(user.user_principal_name)) {
    return Fail(FieldError("userPrincipalName",
                           fmt::format("An earlier row of the file also creates '{}'; keep "
                                       "one of the rows.",
                                       user.user_principal_name)));
  }
  if (creation.manager) {
    if (Result<User> manager = work.directory.GetUser(*creation.manager); !manager) {
      Error error = std::move(manager).error();
      error.target = "manager";
      return Fail(std::move(error));
    }
  }
  RETURN_IF_ERROR(PlanSeats(work, creation.licenses, nullptr));
  if (!work.ledger->TakeObject(work.tenant.quota)) {
    return Fail(QuotaExceededByFile(work.tenant.quota, work.ledger->created()));
  }
  return Ok();
}

std::string PasswordDescription(bool generated) {
  return generated ? "password: generated" : "password: given";
}

}  // namespace

// A creation from the template the row names: the template's rules and naming, with the
// row's other fields as the technician's input.
Result<TemplateCreation> CreationFromTemplate(RowWork& work, const std::string& name,
                                              bool disabled) {
  if (!work.templates) return Fail(FieldError("template", "Templates are not available here."));
  ASSIGN_OR_RETURN(const ResolvedTemplate* resolved, work.templates->Get(name));
  TemplateInput fields;
  for (const auto& [field, cell] : work.input.values) {
    if (IsBulkDirective(field) || cell.empty()) continue;
    fields.emplace_back(field, cell);
  }
  // The Entra template's inverted column, as the field the template's rules govern.
  if (const auto block = work.input.Get("blockSignIn"); block && !disabled) {
    ASSIGN_OR_RETURN(const bool blocked, ParseYesNo("blockSignIn", *block));
    fields.emplace_back("accountEnabled", blocked ? "false" : "true");
  }
  if (disabled) fields.emplace_back("accountEnabled", "false");
  if (!work.planning()) {
    // Resumed after the user was created: the template must not number a new name.
    if (const std::string upn = DeletedUserOf(work.run->committed_record(0)); !upn.empty()) {
      fields.emplace_back("userPrincipalName", upn);
    }
  }
  CryptoRandom random;
  ASSIGN_OR_RETURN(TemplateCreation creation,
                   BuildCreationFromTemplate(*resolved, fields, work.templates->reservations(),
                                             work.directory, random));
  RETURN_IF_ERROR(ApplyBulkDirectives(work, creation.creation));
  return creation;
}

Result<RowResult> Create(RowWork& work, bool disabled) {
  UserCreation creation;
  std::string origin;
  bool template_password = false;
  const std::optional<std::string> template_name = work.input.Get("template");
  if (template_name) {
    ASSIGN_OR_RETURN(TemplateCreation from_template,
                     CreationFromTemplate(work, *template_name, disabled));
    creation = std::move(from_template.creation);
    origin = std::move(from_template.origin);
    template_password = from_template.password_generated;
  } else {
    ASSIGN_OR_RETURN(creation, CreationFromRow(work, disabled));
  }
  const auto upn_property = creation.user.properties.find("userPrincipalName");
  const std::string upn = upn_property == creation.user.properties.end()
                              ? ""
                              : PropertyValueToText(upn_property->second);
  RowResult result{.target_name = upn,
                   .description = fmt::format("create {}; {}{}{}", upn,
                                              PasswordDescription(creation.generate_password || template_password),
                                              creation.licenses.empty() ? "" : "; licences",
                                              creation.groups.empty() ? "" : "; groups")};
  if (work.planning()) {
    RETURN_IF_ERROR(PlanCreation(work, creation, /*upn_reserved=*/template_name.has_value()));
    return result;
  }
  Actor actor = work.actor();
  if (actor.job_step) actor.job_step->before = UndoDelete(upn);
  if (!origin.empty()) actor.origin += ", " + origin;
  const std::set<int>& committed = work.run->committed_steps();
  ASSIGN_OR_RETURN(CreatedUser created,
                   CreateUserCompletely(work.directory, actor, creation, committed));
  result.target_id = created.user.id;
  result.target_name = created.user.user_principal_name;
  result.generated_password = template_password
                                  ? creation.user.password_profile->password
                                  : std::move(created.generated_password);
  return result;
}

Result<RowResult> Activate(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  ASSIGN_OR_RETURN(const bool force_change, ForceChange(work.input));
  ActivateRequest request{.password = PasswordChange{.force_change_password_next_sign_in =
                                                         force_change},
                          .usage_location = work.input.Get("usageLocation")};
  const std::optional<std::string> password = work.input.Get("password");
  request.password.password = password.value_or("");
  request.password.generate = !password;
  if (const auto skus = work.input.Get("addLicenses")) {
    ASSIGN_OR_RETURN(request.add_licenses,
                     ResolveLicenses(work.tenant, "addLicenses", *skus,
                                     work.input.Get("disabledPlans").value_or("")));
  }
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .description = fmt::format("activate; {}", PasswordDescription(!password))};
  if (work.planning()) {
    RETURN_IF_ERROR(PlanSeats(work, request.add_licenses, &user));
    return result;
  }
  RETURN_IF_ERROR(work.Write(0, "", [&](const Actor& actor) -> Status {
    ASSIGN_OR_RETURN(ActivatedUser activated,
                     work.directory.ActivateUser(actor, user.id, request));
    result.generated_password = std::move(activated.generated_password);
    return Ok();
  }));
  return result;
}

Result<RowResult> ResetPassword(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  ASSIGN_OR_RETURN(const bool force_change, ForceChange(work.input));
  const std::optional<std::string> password = work.input.Get("password");
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .description = PasswordDescription(!password)};
  if (work.planning()) {
    if (password) {
      ASSIGN_OR_RETURN(const UpnParts parts, ParseUpn(user.user_principal_name));
      RETURN_IF_ERROR(CheckPassword(*password,
                                    PasswordContext{.alias = parts.alias,
                                                    .given_name = user.given_name.value_or(""),
                                                    .surname = user.surname.value_or(""),
                                                    .tenant_name = work.tenant.tenant_name}));
    }
    return result;
  }
  RETURN_IF_ERROR(work.Write(0, "", [&](const Actor& actor) -> Status {
    ASSIGN_OR_RETURN(result.generated_password,
                     work.directory.SetPassword(
                         actor, user.id,
                         PasswordChange{.password = password.value_or(""),
                                        .generate = !password,
                                        .force_change_password_next_sign_in = force_change}));
    return Ok();
  }));
  return result;
}

}  // namespace admin365::manage::rows
