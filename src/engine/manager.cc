// LocalDirectory: users' managers and direct reports (entra-graph-facts.md §3.5). Cycles
// (A manages B, B manages A) are allowed, as in Entra; a user cannot manage themself.
// Deleting a manager removes its direct reports' links (local_directory.cc, DeleteUser).

#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/manager_links.h"

namespace admin365 {

namespace {

constexpr std::string_view kManager = "manager";

}  // namespace

Status LocalDirectory::SetManager(const Actor& actor, std::string_view user,
                                  std::string_view manager) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser report, impl_->RequireUser(user, false));
  ASSIGN_OR_RETURN(engine::StoredUser boss, impl_->RequireUser(manager, false));
  if (report.key == boss.key) return Fail(errors::ManagerIsSelf());
  engine::ManagerLinks links(*impl_->db_);
  ASSIGN_OR_RETURN(std::optional<engine::ManagerLink> current, links.ManagerOf(report.key));
  if (current && current->manager_key == boss.key) return Ok();
  RETURN_IF_ERROR(links.Set(report.key, boss.key));
  RETURN_IF_ERROR(impl_->AuditUser(
      actor, "Set user manager", report.user,
      {{std::string(kManager),
        current ? std::optional<std::string>(current->manager.user_principal_name) : std::nullopt,
        boss.user.user_principal_name}}));
  return txn.Commit();
}

Result<DirectoryObjectRef> LocalDirectory::GetManager(std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(engine::StoredUser report, impl_->RequireUser(user, false));
  ASSIGN_OR_RETURN(std::optional<engine::ManagerLink> current,
                   engine::ManagerLinks(*impl_->db_).ManagerOf(report.key));
  if (!current) return Fail(errors::ResourceNotFound(kManager));
  return std::move(current->manager);
}

Status LocalDirectory::RemoveManager(const Actor& actor, std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  ASSIGN_OR_RETURN(engine::StoredUser report, impl_->RequireUser(user, false));
  engine::ManagerLinks links(*impl_->db_);
  ASSIGN_OR_RETURN(std::optional<engine::ManagerLink> current, links.ManagerOf(report.key));
  if (!current) return Fail(errors::ResourceNotFound(kManager));
  RETURN_IF_ERROR(links.Remove(report.key));
  RETURN_IF_ERROR(impl_->AuditUser(
      actor, "Remove user manager", report.user,
      {{std::string(kManager), current->manager.user_principal_name, std::nullopt}}));
  return txn.Commit();
}

Result<std::vector<DirectoryObjectRef>> LocalDirectory::ListDirectReports(std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(engine::StoredUser manager, impl_->RequireUser(user, false));
  return engine::ManagerLinks(*impl_->db_).Reports(manager.key);
}

}  // namespace admin365
