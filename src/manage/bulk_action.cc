#include "manage/bulk_action.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace admin365::manage {

namespace {

constexpr std::string_view kPasswordNotReversible = "password resets";

const std::vector<BulkActionInfo>& Actions() {
  static const std::vector<BulkActionInfo> actions = {
      {BulkAction::kCreate, "create", "Create users (with licences, groups and manager)", false,
       {"userPrincipalName", "displayName"}, {}, {}, ""},
      {BulkAction::kAddDisabled, "add-disabled",
       "Create users with sign-in blocked (Add-MSOnlineUser)", false,
       {"userPrincipalName", "displayName"}, {}, {}, ""},
      {BulkAction::kActivate, "activate",
       "Enable users with a password, usage location and licences (Enable-MSOnlineUser)", true,
       {}, {}, {"password", "forceChangePassword", "usageLocation", "addLicenses", "disabledPlans"},
       kPasswordNotReversible},
      {BulkAction::kResetPassword, "reset-password", "Set a given or random password", true, {}, {},
       {"password", "forceChangePassword"}, kPasswordNotReversible},
      {BulkAction::kBlock, "block", "Block sign-in (accountEnabled false)", true, {}, {}, {}, ""},
      {BulkAction::kUnblock, "unblock", "Allow sign-in (accountEnabled true)", true, {}, {}, {}, ""},
      {BulkAction::kDelete, "delete", "Move users to the recycle bin", true, {}, {}, {}, ""},
      {BulkAction::kRestore, "restore", "Restore users from the recycle bin", true, {}, {},
       {"newUserPrincipalName"}, ""},
      {BulkAction::kHardDelete, "hard-delete", "Delete recycle-bin users for good", true, {}, {}, {},
       "hard deletes"},
      {BulkAction::kSetManager, "set-manager",
       "Set the manager, and make the user the manager of its DirectReports", true,
       {}, {"manager", "directReports"}, {"manager", "directReports"}, ""},
      {BulkAction::kRemoveManager, "remove-manager", "Remove the manager", true, {}, {}, {}, ""},
      {BulkAction::kUpdate, "update", "Change any writable user property", true, {}, {}, {}, ""},
      {BulkAction::kSetNames, "set-names", "Change naming attributes", true,
       {}, {"givenName", "surname", "displayName", "mailNickname"},
       {"givenName", "surname", "displayName", "mailNickname"}, ""},
      {BulkAction::kSetContact, "set-contact", "Change contact information", true,
       {}, {"businessPhones", "mobilePhone", "faxNumber", "streetAddress", "city", "state",
        "postalCode", "country", "officeLocation", "otherMails"},
       {"businessPhones", "mobilePhone", "faxNumber", "streetAddress", "city", "state",
        "postalCode", "country", "officeLocation", "otherMails"},
       ""},
      {BulkAction::kSetMfa, "set-mfa", "Set per-user MFA, allowed methods and default method",
       true, {}, {"mfaState", "allowedMethods", "defaultMethod"},
       {"mfaState", "allowedMethods", "defaultMethod"}, ""},
      {BulkAction::kChangeDomain, "change-domain",
       "Move users to another verified domain, same alias", true, {}, {"domain"}, {"domain"}, ""},
      {BulkAction::kChangeUpn, "change-upn", "Change userPrincipalName", true,
       {}, {"newUserPrincipalName"}, {"newUserPrincipalName"}, ""},
      {BulkAction::kSetAuthenticationContact, "set-auth-contact",
       "Set authentication phone numbers and email", true,
       {}, {"authenticationPhone", "alternateAuthenticationPhone", "authenticationOfficePhone",
        "authenticationEmail"},
       {"authenticationPhone", "alternateAuthenticationPhone", "authenticationOfficePhone",
        "authenticationEmail"},
       ""},
      {BulkAction::kRevokeSessions, "revoke-sessions", "Revoke sign-in sessions", true, {}, {}, {},
       "session revocations"},
      {BulkAction::kAddLicenses, "add-licenses", "Assign licences", true, {}, {"addLicenses"},
       {"addLicenses", "disabledPlans"}, ""},
      {BulkAction::kRemoveLicenses, "remove-licenses", "Remove licences", true,
       {}, {"removeLicenses"}, {"removeLicenses"}, ""},
      {BulkAction::kReplaceLicenses, "replace-licenses",
       "Remove some licences and assign others in one step", true, {}, {"addLicenses"},
       {"addLicenses", "removeLicenses", "disabledPlans"}, ""},
      {BulkAction::kAddGroups, "add-groups", "Add users to groups", true, {}, {"groups"},
       {"groups"}, ""},
      {BulkAction::kRemoveGroups, "remove-groups", "Remove users from groups", true,
       {}, {"groups", "removeGroups"}, {"groups", "removeGroups"}, ""},
  };
  return actions;
}

}  // namespace

std::span<const BulkActionInfo> AllBulkActions() { return Actions(); }

Result<const BulkActionInfo*> FindBulkAction(std::string_view name) {
  std::string names;
  for (const BulkActionInfo& info : Actions()) {
    if (AsciiIEquals(info.name, name)) return &info;
    names += names.empty() ? "" : ", ";
    names += info.name;
  }
  return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                    .http_status = 400,
                    .code = "Request_BadRequest",
                    .message = fmt::format("Unknown bulk action '{}'; use one of: {}.", name,
                                           names)});
}

std::optional<std::string> RowInput::Get(std::string_view field) const {
  for (const auto& [name, value] : values) {
    if (!AsciiIEquals(name, field)) continue;
    std::string_view text = value;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (!text.empty()) return std::string(text);
  }
  return std::nullopt;
}

Result<TenantSnapshot> TenantSnapshot::Load(Directory& directory) {
  TenantSnapshot snapshot;
  ASSIGN_OR_RETURN(const Tenant tenant, directory.GetTenant());
  snapshot.tenant_name = tenant.display_name;
  ASSIGN_OR_RETURN(snapshot.domains, directory.ListDomains());
  ASSIGN_OR_RETURN(snapshot.skus, directory.ListSubscribedSkus());
  ASSIGN_OR_RETURN(snapshot.groups, directory.ListGroups());
  ASSIGN_OR_RETURN(snapshot.quota, directory.GetDirectorySizeQuota());
  return snapshot;
}

bool PlanLedger::TakeSeat(const std::string& sku_id, long long available) {
  return ++seats_[sku_id] <= available;
}

bool PlanLedger::TakeObject(const DirectorySizeQuota& quota) {
  if (quota.used + created_ >= quota.total) return false;
  ++created_;
  return true;
}

RowRun::RowRun(Directory& directory, const TenantSnapshot& tenant, BulkTemplates* templates,
               Actor actor, std::map<int, std::string> committed)
    : directory_(directory),
      tenant_(tenant),
      templates_(templates),
      actor_(std::move(actor)),
      records_(std::move(committed)) {
  for (const auto& [step, record] : records_) committed_.insert(step);
}

std::string RowRun::committed_record(int step) const {
  auto it = records_.find(step);
  return it == records_.end() ? "" : it->second;
}

Result<bool> RowRun::Write(int step, std::string before,
                           const std::function<Status(const Actor&)>& write) {
  if (committed_.contains(step)) return false;
  Actor actor = actor_;
  if (actor.job_step) {
    actor.job_step->step = step;
    actor.job_step->before = std::move(before);
  }
  RETURN_IF_ERROR(write(actor));
  return true;
}

}  // namespace admin365::manage
