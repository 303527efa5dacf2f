#pragma once

// Internal to the bulk actions: one row's work, written once for both phases. Planning
// makes the checks and skips the writes; running makes the writes through RowRun.

#include <functional>
#include <string>

#include "manage/bulk_action.h"

namespace admin365::manage::rows {

// The step that gives a new password to a user created before an interruption, whose
// generated password was never written down.
inline constexpr int kReissuedPasswordStep = 100;

struct RowWork {
  const RowInput& input;
  Directory& directory;
  const TenantSnapshot& tenant;
  BulkTemplates* templates = nullptr;
  PlanLedger* ledger = nullptr;  // set when planning
  RowRun* run = nullptr;         // set when running

  bool planning() const { return run == nullptr; }
  // Running: RowRun::Write. Planning: nothing.
  Status Write(int step, std::string before, const std::function<Status(const Actor&)>& write);
  const Actor& actor() const;
};

// The active user the row names by id or userPrincipalName (or, with `deleted`, the one
// in the recycle bin). Errors: FieldError when the row names none; the directory's.
Result<User> TargetUser(const RowWork& work, bool deleted = false);

// Whether `user` holds a licence of `sku_id` (assigned directly or through a group).
bool HasLicense(const User& user, const std::string& sku_id);

// Planning: takes a seat in the file's ledger for each licence `user` (null: a new user)
// does not hold yet. Error: NoAvailableLicenses, target "addLicenses", once the file wants
// more seats of a SKU than the tenant has free.
Status PlanSeats(RowWork& work, const std::vector<AssignedLicense>& licenses, const User* user);

// Undo records (bulk_undo.cc reads them back).
std::string UndoPatch(const User& user, const PropertyMap& patch);
std::string UndoDelete(std::string_view user);
// The user an UndoDelete record names.
std::string DeletedUserOf(const std::string& record);
std::string UndoRestore(std::string_view user_id);
std::string UndoManager(std::string_view user_id, const std::optional<std::string>& manager_id);
std::string UndoLicenses(const User& user, const std::vector<std::string>& touched_sku_ids);
std::string UndoMembership(std::string_view op, std::string_view user_id, std::string_view group_id);
std::string UndoMfaState(std::string_view user_id, PerUserMfaState state);
std::string UndoAllowedMethods(std::string_view user_id, const std::vector<std::string>& methods);
std::string UndoSignInPreferences(std::string_view user_id, const SignInPreferences& preferences);
std::string UndoPhone(std::string_view user_id, std::string_view type, std::string_view number);
std::string UndoEmail(std::string_view user_id, std::string_view address);

// The action families (bulk_rows_*.cc).
Result<RowResult> Create(RowWork& work, bool disabled);
Result<RowResult> Activate(RowWork& work);
Result<RowResult> ResetPassword(RowWork& work);
Result<RowResult> SetAccountEnabled(RowWork& work, bool enabled);
Result<RowResult> Delete(RowWork& work);
Result<RowResult> Restore(RowWork& work);
Result<RowResult> HardDelete(RowWork& work);
Result<RowResult> RevokeSessions(RowWork& work);
Result<RowResult> Update(RowWork& work, const BulkActionInfo& action);
Result<RowResult> ChangeUpn(RowWork& work, bool keep_alias);
Result<RowResult> SetManager(RowWork& work);
Result<RowResult> RemoveManager(RowWork& work);
Result<RowResult> ChangeLicenses(RowWork& work, BulkAction action);
Result<RowResult> ChangeGroups(RowWork& work, bool add);
Result<RowResult> SetMfa(RowWork& work);
Result<RowResult> SetAuthenticationContact(RowWork& work);

}  // namespace admin365::manage::rows
