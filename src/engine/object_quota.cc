// The directory object quota (domain/tenant.h DirectorySizeQuota): what counts, Entra's
// totals, and the operator's raised one.

#include <optional>
#include <string>

#include "engine/local_directory_impl.h"

namespace admin365 {

namespace {

// The quota the tenant's row holds: the raised one, or nullopt for Entra's.
Result<std::optional<long long>> RaisedQuota(sqlite::Database& db) {
  sqlite::Statement& query = db.Prepare("SELECT object_quota FROM tenant");
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return Fail(errors::TenantNotInitialised());
  if (query.IsNull(0)) return std::optional<long long>();
  return std::optional<long long>(query.Int(0));
}

// An audit value: the raised quota, or none for Entra's.
std::optional<std::string> QuotaText(const std::optional<long long>& raised) {
  if (!raised) return std::nullopt;
  return std::to_string(*raised);
}

}  // namespace

Result<DirectorySizeQuota> LocalDirectory::Impl::SizeQuota() {
  ASSIGN_OR_RETURN(const std::optional<long long> raised, RaisedQuota(*db_));
  ASSIGN_OR_RETURN(const long long used, users_.CountAll());
  if (raised) return DirectorySizeQuota{.used = used, .total = *raised};
  sqlite::Statement& custom =
      db_->Prepare("SELECT 1 FROM domains WHERE is_verified = 1 AND is_initial = 0 LIMIT 1");
  ASSIGN_OR_RETURN(const bool has_custom, custom.Step());
  return DirectorySizeQuota{.used = used,
                            .total = has_custom ? kVerifiedDomainObjectQuota : kDefaultObjectQuota};
}

Result<DirectorySizeQuota> LocalDirectory::GetDirectorySizeQuota() {
  Impl::Session session(*impl_);
  return impl_->SizeQuota();
}

Result<DirectorySizeQuota> LocalDirectory::SetObjectQuota(const Actor& actor,
                                                          std::optional<long long> total) {
  if (total && (*total < 1 || *total > kMaxObjectQuota)) {
    return Fail(errors::InvalidObjectQuota(*total));
  }
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(const Tenant tenant, impl_->LoadTenant());
  ASSIGN_OR_RETURN(const std::optional<long long> before, RaisedQuota(*impl_->db_));
  if (before != total) {
    sqlite::Statement& update = impl_->db_->Prepare("UPDATE tenant SET object_quota = ?");
    if (total) {
      update.Bind(1, static_cast<std::int64_t>(*total));
    } else {
      update.BindNull(1);
    }
    RETURN_IF_ERROR(update.Run());
    RETURN_IF_ERROR(impl_->Audit(actor, "Update directory setting", "Tenant", tenant.id,
                                 tenant.display_name,
                                 {{"ObjectQuota", QuotaText(before), QuotaText(total)}}));
  }
  ASSIGN_OR_RETURN(const DirectorySizeQuota quota, impl_->SizeQuota());
  RETURN_IF_ERROR(txn.Commit());
  return quota;
}

}  // namespace admin365
