// LocalDirectory: subscriptions and licence assignment (entra-graph-facts.md §3.4). The
// rules live in license_change.h (assignLicense), license_rules.h (what licences give) and
// license_seats.h (seat counting); this file runs them in one transaction per call.

#include <set>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "common/random.h"
#include "domain/graph_errors.h"
#include "engine/audit_trail.h"
#include "engine/license_audit.h"
#include "engine/license_change.h"
#include "engine/license_rules.h"
#include "engine/license_seats.h"
#include "engine/license_store.h"
#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/sku_catalog.h"

namespace admin365 {

namespace {

using engine::SkuCatalog;
using engine::SubscriptionRow;

constexpr long long kMaxUnits = 1'000'000;

Status CheckUnits(long long units) {
  if (units < 1 || units > kMaxUnits) {
    return Fail(errors::InvalidPropertyValue("prepaidUnits", "SubscribedSku"));
  }
  return Ok();
}

Result<SubscribedSku> ToSubscribedSku(sqlite::Database& db, const SkuCatalog& catalog,
                                      const SubscriptionRow& row) {
  ASSIGN_OR_RETURN(const long long consumed, engine::ConsumedUnits(db, row.sku_id));
  const Sku* sku = catalog.FindById(row.sku_id);
  return SubscribedSku{
      .sku =
          sku != nullptr ? *sku : Sku{.sku_id = row.sku_id, .sku_part_number = row.sku_part_number},
      .capability_status = row.capability_status,
      .enabled_units = row.enabled_units(),
      .suspended_units = row.units - row.enabled_units(),
      .consumed_units = consumed,
      .subscription_ids = {row.subscription_id}};
}

// LocalDirectory::ResolveSkuId, inside the caller's session.
Result<std::string> ResolveSku(sqlite::Database& db, const SkuCatalog& catalog,
                               std::string_view sku) {
  if (IsUuid(sku)) return AsciiLower(sku);
  ASSIGN_OR_RETURN(const std::vector<SubscriptionRow> subscriptions, engine::ListSubscriptions(db));
  std::vector<std::string> bought;
  for (const SubscriptionRow& row : subscriptions) {
    if (AsciiIEquals(row.sku_part_number, sku)) bought.push_back(row.sku_id);
  }
  if (bought.size() == 1) return bought.front();
  if (bought.size() > 1) return Fail(errors::AmbiguousProduct(sku, bought));
  ASSIGN_OR_RETURN(const Sku* product, catalog.Resolve(sku));
  return product->sku_id;
}

// The subscription `sku` names. Errors: as ResolveSku, InvalidCompanyLicense.
Result<SubscriptionRow> RequireSubscription(sqlite::Database& db, const SkuCatalog& catalog,
                                            std::string_view sku) {
  ASSIGN_OR_RETURN(const std::string sku_id, ResolveSku(db, catalog, sku));
  ASSIGN_OR_RETURN(std::optional<SubscriptionRow> row, engine::FindSubscription(db, sku_id));
  if (!row) return Fail(errors::InvalidCompanyLicense(sku_id));
  return std::move(*row);
}

}  // namespace

Result<std::vector<SubscribedSku>> LocalDirectory::ListSubscribedSkus() {
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(const std::vector<SubscriptionRow> rows, engine::ListSubscriptions(*impl_->db_));
  std::vector<SubscribedSku> skus;
  for (const SubscriptionRow& row : rows) {
    ASSIGN_OR_RETURN(SubscribedSku sku, ToSubscribedSku(*impl_->db_, *catalog, row));
    skus.push_back(std::move(sku));
  }
  return skus;
}

Result<std::string> LocalDirectory::ResolveSkuId(std::string_view sku) {
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  Impl::Session session(*impl_);
  return ResolveSku(*impl_->db_, *catalog, sku);
}

Result<SubscribedSku> LocalDirectory::AddSubscription(const Actor& actor, std::string_view sku,
                                                      long long units) {
  RETURN_IF_ERROR(CheckUnits(units));
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  ASSIGN_OR_RETURN(const Sku* product, catalog->Resolve(sku));
  Impl::Session session(*impl_);
  sqlite::Database& db = *impl_->db_;
  ASSIGN_OR_RETURN(auto txn, db.Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(const std::optional<SubscriptionRow> existing,
                   engine::FindSubscription(db, product->sku_id));
  if (existing) {
    return Fail(errors::SubscriptionExists(product->sku_part_number, product->sku_id));
  }
  const SubscriptionRow row{.sku_id = product->sku_id,
                            .sku_part_number = product->sku_part_number,
                            .subscription_id = NewUuid(impl_->random_),
                            .units = units,
                            .created_at = impl_->clock_.Now()};
  RETURN_IF_ERROR(engine::InsertSubscription(db, row));
  RETURN_IF_ERROR(impl_->Audit(actor, "Add subscription", "SubscribedSku", row.sku_id,
                               row.sku_part_number,
                               {{"prepaidUnits", std::nullopt, std::to_string(units)},
                                {"capabilityStatus", std::nullopt, row.capability_status}}));
  ASSIGN_OR_RETURN(SubscribedSku added, ToSubscribedSku(db, *catalog, row));
  RETURN_IF_ERROR(txn.Commit());
  return added;
}

Result<SubscribedSku> LocalDirectory::SetSubscriptionUnits(const Actor& actor, std::string_view sku,
                                                           long long units) {
  RETURN_IF_ERROR(CheckUnits(units));
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  Impl::Session session(*impl_);
  sqlite::Database& db = *impl_->db_;
  ASSIGN_OR_RETURN(auto txn, db.Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  ASSIGN_OR_RETURN(SubscriptionRow row, RequireSubscription(db, *catalog, sku));
  ASSIGN_OR_RETURN(const long long consumed, engine::ConsumedUnits(db, row.sku_id));
  if (units < consumed) return Fail(errors::UnitsBelowConsumed(row.sku_id, consumed, units));
  if (units != row.units) {
    const std::string old_units = std::to_string(row.units);
    row.units = units;
    RETURN_IF_ERROR(engine::UpdateSubscription(db, row));
    RETURN_IF_ERROR(impl_->Audit(actor, "Change subscription units", "SubscribedSku", row.sku_id,
                                 row.sku_part_number,
                                 {{"prepaidUnits", old_units, std::to_string(units)}}));
  }
  ASSIGN_OR_RETURN(SubscribedSku changed, ToSubscribedSku(db, *catalog, row));
  RETURN_IF_ERROR(txn.Commit());
  return changed;
}

Result<SubscribedSku> LocalDirectory::SuspendSubscription(const Actor& actor,
                                                          std::string_view sku) {
  return impl_->SetSubscriptionStatus(actor, sku, engine::kSubscriptionSuspended,
                                      "Suspend subscription");
}

Result<SubscribedSku> LocalDirectory::ResumeSubscription(const Actor& actor, std::string_view sku) {
  return impl_->SetSubscriptionStatus(actor, sku, engine::kSubscriptionEnabled,
                                      "Reactivate subscription");
}

Result<SubscribedSku> LocalDirectory::Impl::SetSubscriptionStatus(const Actor& actor,
                                                                  std::string_view sku,
                                                                  std::string_view status,
                                                                  std::string action) {
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  Session session(*this);
  sqlite::Database& db = *db_;
  ASSIGN_OR_RETURN(auto txn, db.Begin());
  RETURN_IF_ERROR(LoadTenant());
  ASSIGN_OR_RETURN(SubscriptionRow row, RequireSubscription(db, *catalog, sku));
  if (row.capability_status != status) {
    // The schema allows only "Enabled" and "Suspended": the old status is the other one.
    std::string old_status = std::exchange(row.capability_status, std::string(status));
    RETURN_IF_ERROR(engine::UpdateSubscription(db, row));
    RETURN_IF_ERROR(Audit(actor, std::move(action), "SubscribedSku", row.sku_id,
                          row.sku_part_number,
                          {{"capabilityStatus", std::move(old_status), row.capability_status}}));
  }
  ASSIGN_OR_RETURN(SubscribedSku changed, ToSubscribedSku(db, *catalog, row));
  RETURN_IF_ERROR(txn.Commit());
  return changed;
}

Result<User> LocalDirectory::AssignLicense(const Actor& actor, std::string_view user,
                                           const LicenseChange& change) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  ASSIGN_OR_RETURN(User updated, impl_->AssignLicenseLocked(actor, stored, change));
  RETURN_IF_ERROR(txn.Commit());
  return updated;
}

Result<User> LocalDirectory::Impl::AssignLicenseLocked(const Actor& actor,
                                                       const engine::StoredUser& stored,
                                                       const LicenseChange& change) {
  ASSIGN_OR_RETURN(const SkuCatalog* catalog, SkuCatalog::BuiltIn());
  sqlite::Database& db = *db_;
  ASSIGN_OR_RETURN(const std::vector<SubscriptionRow> subscriptions, engine::ListSubscriptions(db));
  std::set<std::string> subscribed;
  for (const SubscriptionRow& row : subscriptions) subscribed.insert(row.sku_id);

  // Seats are counted and taken in this transaction, under the directory's lock: no other
  // writer can take the last seat in between.
  const UnixSeconds now = clock_.Now();
  ASSIGN_OR_RETURN(engine::PlannedLicenseChange planned,
                   engine::PlanLicenseChange(stored.user, change, subscribed, *catalog, now));
  for (const std::string& sku_id : planned.seats_needed) {
    ASSIGN_OR_RETURN(const long long available, engine::AvailableUnits(db, sku_id, stored.key));
    if (available < 1) return Fail(errors::NoAvailableLicenses(sku_id));
  }

  User updated = stored.user;
  updated.license_assignment_states = std::move(planned.states);
  engine::ApplyLicenseStates(updated, *catalog, now);
  if (updated == stored.user) return updated;
  // A new mailbox brings mail and a primary proxy address, which must be free.
  std::vector<PropertyChange> changes = engine::DiffUsers(&stored.user, updated);
  if (!changes.empty()) {
    RETURN_IF_ERROR(CheckUpnAndAddresses(updated, stored.key));
    RETURN_IF_ERROR(users_.Update(stored.key, stored.user, updated));
  }
  RETURN_IF_ERROR(engine::SaveUserLicenses(db, stored.key, updated));
  if (auto states = engine::LicenseStatesChange(stored.user.license_assignment_states,
                                                updated.license_assignment_states, *catalog)) {
    changes.insert(changes.begin(), std::move(*states));
  }
  RETURN_IF_ERROR(AuditUser(actor, "Change user license", updated, std::move(changes)));
  return updated;
}

}  // namespace admin365
