// Bulk actions on a user object itself: block, unblock, delete, restore, hard delete,
// revoke sessions, property updates, UPN and domain changes.

#include <fmt/format.h>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/upn.h"
#include "domain/user_properties.h"
#include "domain/user_validation.h"
#include "manage/bulk_row_work.h"
#include "manage/bulk_values.h"

namespace admin365::manage::rows {

namespace {

// Fields that name the row's user or steer an action: never a property to write.
bool IsKeyOrDirective(std::string_view field) {
  for (std::string_view name : {"userPrincipalName", "id", "newUserPrincipalName", "domain",
                                "template", "password", "forceChangePassword"}) {
    if (AsciiIEquals(field, name)) return true;
  }
  return false;
}

bool Reads(const BulkActionInfo& action, std::string_view field) {
  if (action.reads.empty()) return true;
  for (std::string_view name : action.reads) {
    if (AsciiIEquals(name, field)) return true;
  }
  return false;
}

std::string Describe(const User& user, const PropertyMap& patch) {
  std::string text;
  for (const auto& [name, value] : patch) {
    const UserProperty* property = FindUserProperty(name);
    const std::string old_text = PropertyValueToText(GetUserProperty(user, *property));
    text += fmt::format("{}{}: '{}' -> '{}'", text.empty() ? "" : "; ", property->name, old_text,
                        PropertyValueToText(value));
  }
  return text;
}

// Applies `patch` to `user` as one step; a patch that changes nothing is no write.
Result<RowResult> Patch(RowWork& work, const User& user, PropertyMap patch) {
  std::erase_if(patch, [&](const auto& entry) {
    const UserProperty* property = FindUserProperty(entry.first);
    return GetUserProperty(user, *property) == entry.second;
  });
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .changed = !patch.empty(),
                   .description = Describe(user, patch)};
  if (patch.empty()) return result;
  if (work.planning()) {
    RETURN_IF_ERROR(ApplyUserPatch(user, patch));
    return result;
  }
  RETURN_IF_ERROR(work.Write(0, UndoPatch(user, patch), [&](const Actor& actor) -> Status {
    RETURN_IF_ERROR(work.directory.UpdateUser(actor, user.id, patch));
    return Ok();
  }));
  return result;
}

// Plans a move to `upn`: its domain verified, free in the tenant and in earlier rows.
Status PlanNewUpn(RowWork& work, const User& user, const std::string& upn, std::string_view field) {
  ASSIGN_OR_RETURN(const UpnParts parts, ParseUpn(upn));
  const bool verified = std::any_of(work.tenant.domains.begin(), work.tenant.domains.end(),
                                    [&](const Domain& domain) {
                                      return AsciiIEquals(domain.id, parts.domain) &&
                                             domain.is_verified;
                                    });
  if (!verified) return Fail(errors::UnverifiedUpnDomain());
  if (Result<User> holder = work.directory.GetUser(upn); holder && holder->id != user.id) {
    return Fail(errors::ObjectConflict("userPrincipalName"));
  }
  if (!work.ledger->ClaimUpn(upn)) {
    return Fail(FieldError(field, fmt::format("An earlier row of the file also moves a user to "
                                              "'{}'; keep one of the rows.",
                                              upn)));
  }
  return Ok();
}

}  // namespace

Result<User> TargetUser(const RowWork& work, bool deleted) {
  std::optional<std::string> key = work.input.Get("id");
  if (!key) key = work.input.Get("userPrincipalName");
  if (!key) {
    return Fail(FieldError("userPrincipalName",
                           "The row names no user; fill userPrincipalName or id."));
  }
  Result<User> user = deleted ? work.directory.GetDeletedUser(*key) : work.directory.GetUser(*key);
  if (!user && user.error().target.empty()) {
    user.error().target = work.input.Get("id") ? "id" : "userPrincipalName";
  }
  return user;
}

Result<RowResult> SetAccountEnabled(RowWork& work, bool enabled) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  return Patch(work, user, PropertyMap{{"accountEnabled", enabled}});
}

Result<RowResult> Update(RowWork& work, const BulkActionInfo& action) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  PropertyMap patch;
  for (const auto& [field, cell] : work.input.values) {
    if (IsKeyOrDirective(field) || !Reads(action, field)) continue;
    const UserProperty* property = FindUserProperty(field);
    if (!property || property->access != PropertyAccess::kWritable) continue;
    const std::optional<std::string> value = work.input.Get(field);
    if (!value) continue;  // an empty cell leaves the property as it is
    ASSIGN_OR_RETURN(patch[std::string(property->name)], PropertyValueFromCell(*property, *value));
  }
  if (const auto block = work.input.Get("blockSignIn"); block && action.reads.empty()) {
    ASSIGN_OR_RETURN(const bool blocked, ParseYesNo("blockSignIn", *block));
    patch["accountEnabled"] = !blocked;
  }
  return Patch(work, user, std::move(patch));
}

Result<RowResult> ChangeUpn(RowWork& work, bool keep_alias) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  const std::string_view field = keep_alias ? "domain" : "newUserPrincipalName";
  const std::optional<std::string> value = work.input.Get(field);
  if (!value) {
    return Fail(FieldError(field, fmt::format("The row has no {}; fill it in.", field)));
  }
  std::string upn = *value;
  if (keep_alias) {
    ASSIGN_OR_RETURN(const UpnParts parts, ParseUpn(user.user_principal_name));
    upn = fmt::format("{}@{}", parts.alias, AsciiLower(*value));
  }
  if (AsciiIEquals(upn, user.user_principal_name)) {
    return RowResult{.target_id = user.id, .target_name = user.user_principal_name, .changed = false};
  }
  if (work.planning()) {
    Status planned = PlanNewUpn(work, user, upn, field);
    if (!planned) {
      Error error = std::move(planned).error();
      error.target = std::string(field);
      return Fail(std::move(error));
    }
  }
  return Patch(work, user, PropertyMap{{"userPrincipalName", upn}});
}

Result<RowResult> Delete(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .description = "move to the recycle bin"};
  RETURN_IF_ERROR(work.Write(0, UndoRestore(user.id), [&](const Actor& actor) {
    return work.directory.DeleteUser(actor, user.id);
  }));
  return result;
}

Result<RowResult> Restore(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work, /*deleted=*/true));
  RestoreOptions options{.new_user_principal_name = work.input.Get("newUserPrincipalName")};
  const std::string upn = options.new_user_principal_name.value_or(user.user_principal_name);
  RowResult result{.target_id = user.id,
                   .target_name = upn,
                   .description = fmt::format("restore as {}", upn)};
  if (work.planning()) {
    if (Result<User> holder = work.directory.GetUser(upn)) {
      return Fail(options.new_user_principal_name
                      ? errors::ObjectConflict("userPrincipalName")
                      : errors::RestoreUpnConflict(user.id, upn));
    }
    if (!work.ledger->ClaimUpn(upn)) {
      return Fail(FieldError("userPrincipalName",
                             fmt::format("An earlier row of the file also restores a user as "
                                         "'{}'; give one of them a newUserPrincipalName.",
                                         upn)));
    }
    return result;
  }
  RETURN_IF_ERROR(work.Write(0, UndoDelete(user.id), [&](const Actor& actor) -> Status {
    RETURN_IF_ERROR(work.directory.RestoreUser(actor, user.id, options));
    return Ok();
  }));
  return result;
}

Result<RowResult> HardDelete(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work, /*deleted=*/true));
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .description = "delete for good"};
  RETURN_IF_ERROR(work.Write(0, "", [&](const Actor& actor) {
    return work.directory.PurgeUser(actor, user.id);
  }));
  return result;
}

Result<RowResult> RevokeSessions(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .description = "revoke sign-in sessions"};
  RETURN_IF_ERROR(work.Write(0, "", [&](const Actor& actor) -> Status {
    RETURN_IF_ERROR(work.directory.RevokeSignInSessions(actor, user.id));
    return Ok();
  }));
  return result;
}

}  // namespace admin365::manage::rows
