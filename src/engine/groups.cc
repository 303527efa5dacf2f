// LocalDirectory: groups and their membership (entra-graph-facts.md §3.5). Groups are
// deleted for good, Microsoft 365 groups included (docs/entra-rules.md, "Groups and
// managers").

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/random.h"
#include "engine/group_license_sync.h"
#include "engine/group_lookup.h"
#include "engine/group_members.h"
#include "engine/group_table.h"
#include "engine/group_validation.h"
#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"
#include "engine/proxy_address_conflicts.h"

namespace admin365 {

namespace {

constexpr const char* kGroupType = "Group";

Result<std::string> DefaultDomainName(sqlite::Database& db) {
  sqlite::Statement& query = db.Prepare("SELECT name FROM domains WHERE is_default = 1");
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return Fail(errors::TenantNotInitialised());
  return query.Text(0);
}

// Every property a new group has a value for, as the "Add group" event records it.
std::vector<PropertyChange> CreationChanges(const Group& group) {
  const auto flag = [](bool value) { return std::string(value ? "true" : "false"); };
  std::vector<PropertyChange> changes = {
      {"displayName", std::nullopt, group.display_name},
      {"mailNickname", std::nullopt, group.mail_nickname},
      {"mailEnabled", std::nullopt, flag(group.mail_enabled)},
      {"securityEnabled", std::nullopt, flag(group.security_enabled)}};
  if (!group.group_types.empty()) {
    changes.push_back(
        {"groupTypes", std::nullopt, fmt::format("{}", fmt::join(group.group_types, "; "))});
  }
  if (group.description) changes.push_back({"description", std::nullopt, *group.description});
  if (group.visibility) changes.push_back({"visibility", std::nullopt, *group.visibility});
  if (group.mail) changes.push_back({"mail", std::nullopt, *group.mail});
  if (!group.proxy_addresses.empty()) {
    changes.push_back({"proxyAddresses", std::nullopt,
                       fmt::format("{}", fmt::join(group.proxy_addresses, "; "))});
  }
  return changes;
}

}  // namespace

Result<Group> LocalDirectory::CreateGroup(const Actor& actor, const NewGroup& request) {
  ASSIGN_OR_RETURN(Group group, engine::ValidateNewGroup(request));
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  RETURN_IF_ERROR(impl_->LoadTenant());
  engine::GroupTable groups(*impl_->db_);
  if (engine::IsUnified(group)) {
    ASSIGN_OR_RETURN(const bool taken, groups.IsUnifiedNicknameTaken(group.mail_nickname));
    if (taken) return Fail(errors::ObjectConflict("mailNickname"));
    ASSIGN_OR_RETURN(const std::string domain, DefaultDomainName(*impl_->db_));
    group.mail = fmt::format("{}@{}", group.mail_nickname, domain);
    group.proxy_addresses = {fmt::format("SMTP:{}", *group.mail)};
    // Free as another object's proxy address, and as a user's UPN (which a user's own
    // check counts among its addresses).
    ASSIGN_OR_RETURN(std::optional<std::string> conflict,
                     engine::FindProxyAddressConflict(*impl_->db_, group.proxy_addresses, {}));
    ASSIGN_OR_RETURN(const bool upn_taken, impl_->users_.IsUpnTaken(*group.mail, 0));
    if (conflict || upn_taken) return Fail(errors::ObjectConflict("proxyAddresses"));
  }
  RETURN_IF_ERROR(impl_->PurgeExpiredLocked());
  RETURN_IF_ERROR(impl_->CheckQuota());
  group.id = NewUuid(impl_->random_);
  group.created_date_time = impl_->clock_.Now();
  RETURN_IF_ERROR(groups.Insert(group));
  RETURN_IF_ERROR(impl_->Audit(actor, "Add group", kGroupType, group.id, group.display_name,
                               CreationChanges(group)));
  RETURN_IF_ERROR(txn.Commit());
  return group;
}

Result<Group> LocalDirectory::GetGroup(std::string_view group) {
  Impl::Session session(*impl_);
  engine::GroupTable groups(*impl_->db_);
  ASSIGN_OR_RETURN(engine::StoredGroup stored, engine::RequireGroup(groups, group));
  return std::move(stored.group);
}

Result<std::vector<Group>> LocalDirectory::ListGroups() {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->LoadTenant());
  return engine::GroupTable(*impl_->db_).List();
}

Result<std::vector<Group>> LocalDirectory::FindGroups(const query::Filter& filter) {
  Impl::Session session(*impl_);
  RETURN_IF_ERROR(impl_->LoadTenant());
  return engine::GroupTable(*impl_->db_).ListMatching(filter);
}

Status LocalDirectory::DeleteGroup(const Actor& actor, std::string_view group) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  engine::GroupTable groups(*impl_->db_);
  ASSIGN_OR_RETURN(engine::StoredGroup stored, engine::RequireGroup(groups, group));
  if (!stored.group.assigned_licenses.empty()) {
    return Fail(errors::GroupHasLicenses(stored.group.id));
  }
  RETURN_IF_ERROR(groups.Remove(stored.key));
  RETURN_IF_ERROR(
      impl_->Audit(actor, "Delete group", kGroupType, stored.group.id, stored.group.display_name));
  return txn.Commit();
}

Status LocalDirectory::AddGroupMember(const Actor& actor, std::string_view group,
                                      std::string_view member) {
  return impl_->ChangeGroupLink(actor, group, member, engine::GroupLink::kMember, true);
}

Status LocalDirectory::RemoveGroupMember(const Actor& actor, std::string_view group,
                                         std::string_view member) {
  return impl_->ChangeGroupLink(actor, group, member, engine::GroupLink::kMember, false);
}

Status LocalDirectory::AddGroupOwner(const Actor& actor, std::string_view group,
                                     std::string_view owner) {
  return impl_->ChangeGroupLink(actor, group, owner, engine::GroupLink::kOwner, true);
}

Status LocalDirectory::RemoveGroupOwner(const Actor& actor, std::string_view group,
                                        std::string_view owner) {
  return impl_->ChangeGroupLink(actor, group, owner, engine::GroupLink::kOwner, false);
}

Status LocalDirectory::AddGroupLinks(const Actor& actor, std::string_view group,
                                     const GroupLinks& links) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(auto txn, impl_->db_->Begin());
  engine::GroupTable groups(*impl_->db_);
  ASSIGN_OR_RETURN(const engine::StoredGroup stored, engine::RequireGroup(groups, group));
  for (const std::string& member : links.members) {
    RETURN_IF_ERROR(impl_->LinkUser(actor, stored, member, engine::GroupLink::kMember, true));
  }
  for (const std::string& owner : links.owners) {
    RETURN_IF_ERROR(impl_->LinkUser(actor, stored, owner, engine::GroupLink::kOwner, true));
  }
  return txn.Commit();
}

Status LocalDirectory::Impl::ChangeGroupLink(const Actor& actor, std::string_view group,
                                             std::string_view user, engine::GroupLink link,
                                             bool add) {
  Session session(*this);
  ASSIGN_OR_RETURN(auto txn, db_->Begin());
  engine::GroupTable groups(*db_);
  ASSIGN_OR_RETURN(const engine::StoredGroup stored, engine::RequireGroup(groups, group));
  RETURN_IF_ERROR(LinkUser(actor, stored, user, link, add));
  return txn.Commit();
}

Status LocalDirectory::Impl::LinkUser(const Actor& actor, const engine::StoredGroup& stored,
                                      std::string_view user_name, engine::GroupLink link,
                                      bool add) {
  const bool member = link == engine::GroupLink::kMember;
  const std::string property = member ? "members" : "owners";
  engine::GroupMembers links(*db_, link);
  ASSIGN_OR_RETURN(engine::StoredUser user, RequireUser(user_name, false));
  ASSIGN_OR_RETURN(const bool linked, links.Contains(stored.key, user.key));
  const std::string& upn = user.user.user_principal_name;
  if (add) {
    if (linked) return Fail(errors::MemberAlreadyExists(property));
    RETURN_IF_ERROR(links.Add(stored.key, user.key, clock_.Now()));
    RETURN_IF_ERROR(Audit(actor, member ? "Add member to group" : "Add owner to group",
                          kGroupType, stored.group.id, stored.group.display_name,
                          {{property, std::nullopt, upn}}));
  } else {
    // Graph names the group, not the user (docs/entra-rules.md, Groups and managers).
    if (!linked) return Fail(errors::ResourceNotFound(stored.group.id));
    if (!member) {
      ASSIGN_OR_RETURN(const long long owners, links.CountActive(stored.key));
      if (owners <= 1) return Fail(errors::LastGroupOwner());
    }
    RETURN_IF_ERROR(links.Remove(stored.key, user.key));
    RETURN_IF_ERROR(Audit(actor, member ? "Remove member from group" : "Remove owner from group",
                          kGroupType, stored.group.id, stored.group.display_name,
                          {{property, upn, std::nullopt}}));
  }
  if (member && !stored.group.assigned_licenses.empty()) {
    RETURN_IF_ERROR(engine::SyncAndAuditGroupLicenses(*this, actor, user));
  }
  return Ok();
}

Result<std::vector<DirectoryObjectRef>> LocalDirectory::ListGroupOwners(std::string_view group) {
  Impl::Session session(*impl_);
  engine::GroupTable groups(*impl_->db_);
  ASSIGN_OR_RETURN(engine::StoredGroup stored, engine::RequireGroup(groups, group));
  return engine::GroupMembers(*impl_->db_, engine::GroupLink::kOwner).List(stored.key);
}

Result<std::vector<DirectoryObjectRef>> LocalDirectory::ListGroupMembers(std::string_view group) {
  Impl::Session session(*impl_);
  engine::GroupTable groups(*impl_->db_);
  ASSIGN_OR_RETURN(engine::StoredGroup stored, engine::RequireGroup(groups, group));
  return engine::GroupMembers(*impl_->db_).List(stored.key);
}

Result<std::vector<Group>> LocalDirectory::ListMemberOf(std::string_view user) {
  Impl::Session session(*impl_);
  ASSIGN_OR_RETURN(engine::StoredUser stored, impl_->RequireUser(user, false));
  return engine::GroupTable(*impl_->db_).ListWithMember(stored.key);
}

}  // namespace admin365
