#pragma once

// Bulk actions: what a bulk job does to each row, on any Directory.
//
// Every action reads the row's fields (user_csv.h names; job-wide values given with
// `--set field=value` fill the fields a file leaves out or empty) and is done in two
// phases:
//  - Plan checks the row against the live tenant without writing (the user exists, a
//    new UPN is free in the tenant and in earlier rows, its domain is verified, a manager
//    or group exists, licences have seats for the whole file) and says what will change;
//  - Run makes the writes, each one a numbered step of the row (Actor::job_step) that
//    carries what undoing it needs, so that a resumed job skips the steps that committed.
// A row fails alone with a Graph-shaped Error whose `target` names the field at fault.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "directory/directory.h"
#include "manage/name_reservations.h"

namespace admin365::manage {

enum class BulkAction {
  kCreate,
  kAddDisabled,
  kActivate,
  kResetPassword,
  kBlock,
  kUnblock,
  kDelete,
  kRestore,
  kHardDelete,
  kSetManager,
  kRemoveManager,
  kUpdate,
  kSetNames,
  kSetContact,
  kSetMfa,
  kChangeDomain,
  kChangeUpn,
  kSetAuthenticationContact,
  kRevokeSessions,
  kAddLicenses,
  kRemoveLicenses,
  kReplaceLicenses,
  kAddGroups,
  kRemoveGroups,
};

struct BulkActionInfo {
  BulkAction action;
  std::string_view name;  // the CLI's spelling, e.g. "reset-password"
  std::string_view summary;
  // The row must name its user by userPrincipalName or id (every action but creation).
  bool keyed;
  // Fields that must each have a column (or a --set value), and fields of which at
  // least one must.
  std::vector<std::string_view> needs_all;
  std::vector<std::string_view> needs_one_of;
  // Fields the action reads besides the key; empty = any writable Graph property.
  std::vector<std::string_view> reads;
  // What undo cannot revert, or "" when every change can be.
  std::string_view irreversible;
};

std::span<const BulkActionInfo> AllBulkActions();
// Errors: InvalidArgument naming the known actions.
Result<const BulkActionInfo*> FindBulkAction(std::string_view name);

// One row as an action sees it.
struct RowInput {
  long long row = 0;
  long long line = 0;
  std::vector<std::pair<std::string, std::string>> values;  // field -> cell

  // The trimmed, non-empty value of a field (case-insensitive), or nullopt.
  std::optional<std::string> Get(std::string_view field) const;
};

// The tenant's state that every row of a job looks up, read once per job.
struct TenantSnapshot {
  std::vector<Domain> domains;
  std::vector<SubscribedSku> skus;
  std::vector<Group> groups;
  std::string tenant_name;
  DirectorySizeQuota quota;

  static Result<TenantSnapshot> Load(Directory& directory);
};

// What a row did or, planned, will do.
struct RowResult {
  std::string target_id;
  std::string target_name;
  bool changed = true;
  std::string generated_password;  // shown once, written to the passwords file
  std::string description;         // "accountEnabled: true -> false"
};

// Shared by the rows of one plan: what earlier rows claim, so that later ones see it. The
// names go to the job's one NameReservations, which template rows use too.
class PlanLedger {
 public:
  explicit PlanLedger(NameReservations& names) : names_(names) {}
  // False when an earlier row of the file already claimed `user_principal_name`.
  bool ClaimUpn(std::string_view user_principal_name) {
    return names_.TryReserveUpn(user_principal_name);
  }
  // Counts one more seat of `sku_id` wanted by the file; false when it exceeds `available`.
  bool TakeSeat(const std::string& sku_id, long long available);
  // Counts one more object the file creates; false when the tenant's quota has no room
  // for it. created() is how many fit so far.
  bool TakeObject(const DirectorySizeQuota& quota);
  long long created() const { return created_; }

 private:
  NameReservations& names_;
  std::map<std::string, long long> seats_;
  long long created_ = 0;
};

class BulkTemplates;

// What Run needs besides the row.
class RowRun {
 public:
  // `committed` holds the row's steps that committed in earlier runs of the job, with the
  // undo records they carry.
  RowRun(Directory& directory, const TenantSnapshot& tenant, BulkTemplates* templates,
         Actor actor, std::map<int, std::string> committed);

  Directory& directory() { return directory_; }
  const TenantSnapshot& tenant() const { return tenant_; }
  BulkTemplates* templates() { return templates_; }
  const Actor& actor() const { return actor_; }
  const std::set<int>& committed_steps() const { return committed_; }
  // The undo record of a committed step, or "".
  std::string committed_record(int step) const;

  // Makes write `step` with `before` recorded for undo, unless it committed in an earlier
  // run of the job. Returns whether it ran now.
  Result<bool> Write(int step, std::string before, const std::function<Status(const Actor&)>& write);

 private:
  Directory& directory_;
  const TenantSnapshot& tenant_;
  BulkTemplates* templates_;
  Actor actor_;
  std::set<int> committed_;
  std::map<int, std::string> records_;
};

// Checks a row against the tenant and says what it would change.
Result<RowResult> PlanRow(const BulkActionInfo& action, const RowInput& input,
                          Directory& directory, const TenantSnapshot& tenant,
                          BulkTemplates* templates, PlanLedger& ledger);

// Performs a row.
Result<RowResult> RunRow(const BulkActionInfo& action, const RowInput& input, RowRun& run);

// Reverts one committed step from the `before` it recorded. Returns what it restored.
// Errors: NotReversible (code "NotReversible": a password, a hard delete, a session
// revocation, or a step covered by its row's first, such as a new user's licences) and
// the directory's.
Result<std::string> UndoStep(const JobStep& step, Directory& directory, const Actor& actor);

}  // namespace admin365::manage
