// Bulk actions on what hangs off a user: manager and direct reports, licences, group
// memberships, MFA settings and authentication contact methods.

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "manage/bulk_row_work.h"
#include "manage/bulk_values.h"

namespace admin365::manage::rows {

namespace {

std::optional<std::string> CurrentManagerId(Directory& directory, const std::string& user_id) {
  Result<DirectoryObjectRef> manager = directory.GetManager(user_id);
  return manager ? std::optional<std::string>(manager->id) : std::nullopt;
}

// Sets `manager` on `user` as step `step` unless it already is.
Result<bool> LinkManager(RowWork& work, int step, const User& user, const User& manager) {
  const std::optional<std::string> current = CurrentManagerId(work.directory, user.id);
  if (current == manager.id) return false;
  RETURN_IF_ERROR(work.Write(step, UndoManager(user.id, current), [&](const Actor& actor) {
    return work.directory.SetManager(actor, user.id, manager.id);
  }));
  return true;
}

Result<User> NamedUser(RowWork& work, std::string_view field, const std::string& name) {
  Result<User> user = work.directory.GetUser(name);
  if (!user) user.error().target = std::string(field);
  return user;
}


}  // namespace

Result<RowResult> SetManager(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  RowResult result{.target_id = user.id, .target_name = user.user_principal_name, .changed = false};
  int step = 0;
  if (const auto manager_name = work.input.Get("manager")) {
    ASSIGN_OR_RETURN(const User manager, NamedUser(work, "manager", *manager_name));
    if (manager.id == user.id) {
      return Fail(FieldError("manager", "A user cannot be its own manager."));
    }
    ASSIGN_OR_RETURN(const bool changed, LinkManager(work, step++, user, manager));
    result.changed |= changed;
    result.description = fmt::format("manager: {}", manager.user_principal_name);
  }
  if (const auto reports = work.input.Get("directReports")) {
    for (const std::string& name : SplitList(*reports)) {
      ASSIGN_OR_RETURN(const User report, NamedUser(work, "directReports", name));
      if (report.id == user.id) {
        return Fail(FieldError("directReports", "A user cannot be its own direct report."));
      }
      ASSIGN_OR_RETURN(const bool changed, LinkManager(work, step++, report, user));
      result.changed |= changed;
      result.description += fmt::format("{}direct report: {}",
                                        result.description.empty() ? "" : "; ",
                                        report.user_principal_name);
    }
  }
  return result;
}

Result<RowResult> RemoveManager(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  const std::optional<std::string> current = CurrentManagerId(work.directory, user.id);
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .changed = current.has_value(),
                   .description = current ? "remove the manager" : ""};
  if (!current) return result;
  RETURN_IF_ERROR(work.Write(0, UndoManager(user.id, current), [&](const Actor& actor) {
    return work.directory.RemoveManager(actor, user.id);
  }));
  return result;
}

Result<RowResult> ChangeLicenses(RowWork& work, BulkAction action) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  LicenseChange change;
  if (action != BulkAction::kRemoveLicenses) {
    ASSIGN_OR_RETURN(change.add_licenses,
                     ResolveLicenses(work.tenant, "addLicenses",
                                     work.input.Get("addLicenses").value_or(""),
                                     work.input.Get("disabledPlans").value_or("")));
  }
  if (action != BulkAction::kAddLicenses) {
    for (const std::string& sku : SplitList(work.input.Get("removeLicenses").value_or(""))) {
      ASSIGN_OR_RETURN(const SubscribedSku* subscribed,
                       FindSubscription(work.tenant.skus, "removeLicenses", sku));
      const std::string& sku_id = subscribed->sku.sku_id;
      if (HasLicense(user, sku_id)) change.remove_licenses.push_back(sku_id);
    }
  }
  // Adding a licence the user has with the same disabled plans changes nothing.
  std::erase_if(change.add_licenses, [&](const AssignedLicense& wanted) {
    return std::any_of(user.assigned_licenses.begin(), user.assigned_licenses.end(),
                       [&](const AssignedLicense& held) { return held == wanted; });
  });
  std::vector<std::string> touched = change.remove_licenses;
  for (const AssignedLicense& license : change.add_licenses) touched.push_back(license.sku_id);
  RowResult result{.target_id = user.id,
                   .target_name = user.user_principal_name,
                   .changed = !touched.empty(),
                   .description = fmt::format("add {} licence(s), remove {}",
                                              change.add_licenses.size(),
                                              change.remove_licenses.size())};
  if (touched.empty()) return result;
  if (work.planning()) {
    if (!change.add_licenses.empty() && !user.usage_location) {
      Error error = errors::InvalidUsageLocationForLicense();
      error.target = "usageLocation";
      return Fail(std::move(error));
    }
    RETURN_IF_ERROR(PlanSeats(work, change.add_licenses, &user));
    return result;
  }
  RETURN_IF_ERROR(work.Write(0, UndoLicenses(user, touched), [&](const Actor& actor) -> Status {
    RETURN_IF_ERROR(work.directory.AssignLicense(actor, user.id, change));
    return Ok();
  }));
  return result;
}

Result<RowResult> ChangeGroups(RowWork& work, bool add) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  std::string names = work.input.Get("groups").value_or("");
  if (!add) names += ";" + work.input.Get("removeGroups").value_or("");
  ASSIGN_OR_RETURN(const std::vector<Group> member_of, work.directory.ListMemberOf(user.id));
  RowResult result{.target_id = user.id, .target_name = user.user_principal_name, .changed = false};
  int step = 0;
  for (const std::string& name : SplitList(names)) {
    ASSIGN_OR_RETURN(const std::string group_id,
                     FindGroupId(work.tenant.groups, add ? "groups" : "removeGroups", name));
    const bool member = std::any_of(member_of.begin(), member_of.end(),
                                    [&](const Group& group) { return group.id == group_id; });
    const int this_step = step++;
    if (member == add) continue;
    result.changed = true;
    result.description += fmt::format("{}{} {}", result.description.empty() ? "" : "; ",
                                      add ? "join" : "leave", name);
    RETURN_IF_ERROR(work.Write(
        this_step, UndoMembership(add ? "group-remove" : "group-add", user.id, group_id),
        [&](const Actor& actor) {
          return add ? work.directory.AddGroupMember(actor, group_id, user.id)
                     : work.directory.RemoveGroupMember(actor, group_id, user.id);
        }));
  }
  return result;
}

Result<RowResult> SetMfa(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  ASSIGN_OR_RETURN(const AuthenticationInfo info, work.directory.GetAuthenticationInfo(user.id));
  RowResult result{.target_id = user.id, .target_name = user.user_principal_name, .changed = false};
  auto note = [&](std::string text) {
    result.changed = true;
    result.description += (result.description.empty() ? "" : "; ") + text;
  };
  if (const auto state_text = work.input.Get("mfaState")) {
    ASSIGN_OR_RETURN(const PerUserMfaState state, ParseMfaCell("mfaState", *state_text));
    if (state != info.per_user_mfa_state) {
      note(fmt::format("MFA: {} -> {}", MfaStateName(info.per_user_mfa_state), MfaStateName(state)));
      RETURN_IF_ERROR(work.Write(0, UndoMfaState(user.id, info.per_user_mfa_state),
                                 [&](const Actor& actor) {
                                   return work.directory.SetPerUserMfaState(actor, user.id, state);
                                 }));
    }
  }
  if (const auto allowed = work.input.Get("allowedMethods")) {
    const std::vector<std::string> methods = SplitList(*allowed);
    if (std::set<std::string>(methods.begin(), methods.end()) !=
        std::set<std::string>(info.allowed_methods.begin(), info.allowed_methods.end())) {
      note(fmt::format("allowed methods: {}", *allowed));
      RETURN_IF_ERROR(work.Write(1, UndoAllowedMethods(user.id, info.allowed_methods),
                                 [&](const Actor& actor) {
                                   return work.directory.SetAllowedMethods(actor, user.id, methods);
                                 }));
    }
  }
  if (const auto method = work.input.Get("defaultMethod")) {
    const SignInPreferences wanted{.is_system_preferred_authentication_method_enabled = false,
                                   .user_preferred_method_for_secondary_authentication = *method};
    if (wanted != info.sign_in_preferences) {
      note(fmt::format("default method: {}", *method));
      RETURN_IF_ERROR(work.Write(2, UndoSignInPreferences(user.id, info.sign_in_preferences),
                                 [&](const Actor& actor) {
                                   return work.directory.SetSignInPreferences(actor, user.id, wanted);
                                 }));
    }
  }
  return result;
}

Result<RowResult> SetAuthenticationContact(RowWork& work) {
  ASSIGN_OR_RETURN(const User user, TargetUser(work));
  ASSIGN_OR_RETURN(const AuthenticationInfo info, work.directory.GetAuthenticationInfo(user.id));
  RowResult result{.target_id = user.id, .target_name = user.user_principal_name, .changed = false};
  struct PhoneField {
    std::string_view field;
    std::string_view type;
  };
  int step = 0;
  for (const PhoneField& phone : {PhoneField{"authenticationPhone", "mobile"},
                                  PhoneField{"alternateAuthenticationPhone", "alternateMobile"},
                                  PhoneField{"authenticationOfficePhone", "office"}}) {
    const int this_step = step++;
    const std::optional<std::string> number = work.input.Get(phone.field);
    if (!number) continue;
    std::string current;
    for (const PhoneMethod& method : info.phone_methods) {
      if (method.phone_type == phone.type) current = method.phone_number;
    }
    if (current == *number) continue;
    result.changed = true;
    result.description += fmt::format("{}{}: {}", result.description.empty() ? "" : "; ",
                                      phone.type, *number);
    Status written = work.Write(this_step, UndoPhone(user.id, phone.type, current),
                                [&](const Actor& actor) -> Status {
                                  RETURN_IF_ERROR(work.directory.SetPhoneMethod(
                                      actor, user.id,
                                      PhoneMethod{.phone_number = *number,
                                                  .phone_type = std::string(phone.type)}));
                                  return Ok();
                                });
    if (!written) {
      Error error = std::move(written).error();
      error.target = std::string(phone.field);
      return Fail(std::move(error));
    }
  }
  if (const auto email = work.input.Get("authenticationEmail")) {
    const std::string current = info.email_method ? info.email_method->email_address : "";
    if (current != *email) {
      result.changed = true;
      result.description += fmt::format("{}email: {}", result.description.empty() ? "" : "; ",
                                        *email);
      RETURN_IF_ERROR(work.Write(step, UndoEmail(user.id, current), [&](const Actor& actor) {
        return work.directory.SetEmailMethod(actor, user.id, *email);
      }));
    }
  }
  return result;
}

}  // namespace admin365::manage::rows
