#include <algorithm>

#include "domain/graph_errors.h"
#include "manage/bulk_row_work.h"
#include "manage/bulk_values.h"

namespace admin365::manage {

namespace rows {

Status RowWork::Write(int step, std::string before,
                      const std::function<Status(const Actor&)>& write) {
  if (planning()) return Ok();
  RETURN_IF_ERROR(run->Write(step, std::move(before), write));
  return Ok();
}

const Actor& RowWork::actor() const { return run->actor(); }

bool HasLicense(const User& user, const std::string& sku_id) {
  return std::any_of(user.assigned_licenses.begin(), user.assigned_licenses.end(),
                     [&](const AssignedLicense& license) { return license.sku_id == sku_id; });
}

Status PlanSeats(RowWork& work, const std::vector<AssignedLicense>& licenses, const User* user) {
  for (const AssignedLicense& license : licenses) {
    if (user && HasLicense(*user, license.sku_id)) continue;
    for (const SubscribedSku& sku : work.tenant.skus) {
      if (sku.sku.sku_id == license.sku_id &&
          !work.ledger->TakeSeat(license.sku_id, sku.available_units())) {
        Error error = errors::NoAvailableLicenses(license.sku_id);
        error.target = "addLicenses";
        return Fail(std::move(error));
      }
    }
  }
  return Ok();
}

namespace {

Result<RowResult> Dispatch(const BulkActionInfo& action, RowWork& work) {
  switch (action.action) {
    case BulkAction::kCreate: return Create(work, /*disabled=*/false);
    case BulkAction::kAddDisabled: return Create(work, /*disabled=*/true);
    case BulkAction::kActivate: return Activate(work);
    case BulkAction::kResetPassword: return ResetPassword(work);
    case BulkAction::kBlock: return SetAccountEnabled(work, false);
    case BulkAction::kUnblock: return SetAccountEnabled(work, true);
    case BulkAction::kDelete: return Delete(work);
    case BulkAction::kRestore: return Restore(work);
    case BulkAction::kHardDelete: return HardDelete(work);
    case BulkAction::kSetManager: return SetManager(work);
    case BulkAction::kRemoveManager: return RemoveManager(work);
    case BulkAction::kUpdate:
    case BulkAction::kSetNames:
    case BulkAction::kSetContact: return Update(work, action);
    case BulkAction::kSetMfa: return SetMfa(work);
    case BulkAction::kChangeDomain: return ChangeUpn(work, /*keep_alias=*/true);
    case BulkAction::kChangeUpn: return ChangeUpn(work, /*keep_alias=*/false);
    case BulkAction::kSetAuthenticationContact: return SetAuthenticationContact(work);
    case BulkAction::kRevokeSessions: return RevokeSessions(work);
    case BulkAction::kAddLicenses:
    case BulkAction::kRemoveLicenses:
    case BulkAction::kReplaceLicenses: return ChangeLicenses(work, action.action);
    case BulkAction::kAddGroups: return ChangeGroups(work, /*add=*/true);
    case BulkAction::kRemoveGroups: return ChangeGroups(work, /*add=*/false);
  }
  return Fail(Error::Internal("unknown bulk action"));
}

}  // namespace

}  // namespace rows

Result<RowResult> PlanRow(const BulkActionInfo& action, const RowInput& input,
                          Directory& directory, const TenantSnapshot& tenant,
                          BulkTemplates* templates, PlanLedger& ledger) {
  rows::RowWork work{.input = input,
                     .directory = directory,
                     .tenant = tenant,
                     .templates = templates,
                     .ledger = &ledger};
  return rows::Dispatch(action, work);
}

namespace {

bool GeneratesPasswords(const BulkActionInfo& action, const RowInput& input) {
  switch (action.action) {
    case BulkAction::kCreate:
    case BulkAction::kAddDisabled:
    case BulkAction::kActivate:
    case BulkAction::kResetPassword: return !input.Get("password");
    default: return false;
  }
}

}  // namespace

Result<RowResult> RunRow(const BulkActionInfo& action, const RowInput& input, RowRun& run) {
  rows::RowWork work{.input = input,
                     .directory = run.directory(),
                     .tenant = run.tenant(),
                     .templates = run.templates(),
                     .run = &run};
  ASSIGN_OR_RETURN(RowResult result, rows::Dispatch(action, work));
  if (GeneratesPasswords(action, input) && run.committed_steps().contains(0)) {
    // The row set its password before an interruption, and the password may never have
    // reached the passwords file: draw another.
    const std::optional<std::string> force = input.Get("forceChangePassword");
    bool force_change = true;
    if (force) {
      ASSIGN_OR_RETURN(force_change, ParseYesNo("forceChangePassword", *force));
    }
    ASSIGN_OR_RETURN(const bool reissued,
                     run.Write(rows::kReissuedPasswordStep, "", [&](const Actor& actor) -> Status {
                       ASSIGN_OR_RETURN(result.generated_password,
                                        run.directory().SetPassword(
                                            actor, result.target_id,
                                            PasswordChange{.generate = true,
                                                           .force_change_password_next_sign_in =
                                                               force_change}));
                       return Ok();
                     }));
    if (reissued) result.description += "; new password (the first was lost in an interruption)";
  }
  return result;
}

}  // namespace admin365::manage
