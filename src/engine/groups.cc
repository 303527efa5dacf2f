// LocalDirectory: groups, membership and manager.
// SCAFFOLD: every body below is a placeholder to be replaced by the real implementation.
#pragma GCC diagnostic ignored "-Wunused-parameter"  // SCAFFOLD: remove with the placeholders

#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"

namespace admin365 {

Result<Group> LocalDirectory::CreateGroup(const Actor& actor, const NewGroup& request) {
  return Fail(Error::Internal("LocalDirectory::CreateGroup is not implemented yet"));
}

Result<Group> LocalDirectory::GetGroup(std::string_view group) {
  return Fail(Error::Internal("LocalDirectory::GetGroup is not implemented yet"));
}

Result<std::vector<Group>> LocalDirectory::ListGroups() {
  return Fail(Error::Internal("LocalDirectory::ListGroups is not implemented yet"));
}

Status LocalDirectory::DeleteGroup(const Actor& actor, std::string_view group) {
  return Fail(Error::Internal("LocalDirectory::DeleteGroup is not implemented yet"));
}

Status LocalDirectory::AddGroupMember(const Actor& actor, std::string_view group, std::string_view member) {
  return Fail(Error::Internal("LocalDirectory::AddGroupMember is not implemented yet"));
}

Status LocalDirectory::RemoveGroupMember(const Actor& actor, std::string_view group, std::string_view member) {
  return Fail(Error::Internal("LocalDirectory::RemoveGroupMember is not implemented yet"));
}

Result<std::vector<DirectoryObjectRef>> LocalDirectory::ListGroupMembers(std::string_view group) {
  return Fail(Error::Internal("LocalDirectory::ListGroupMembers is not implemented yet"));
}

Result<std::vector<Group>> LocalDirectory::ListMemberOf(std::string_view user) {
  return Fail(Error::Internal("LocalDirectory::ListMemberOf is not implemented yet"));
}

Result<Group> LocalDirectory::AssignGroupLicense(const Actor& actor, std::string_view group, const LicenseChange& change) {
  return Fail(Error::Internal("LocalDirectory::AssignGroupLicense is not implemented yet"));
}

Status LocalDirectory::SetManager(const Actor& actor, std::string_view user, std::string_view manager) {
  return Fail(Error::Internal("LocalDirectory::SetManager is not implemented yet"));
}

Result<DirectoryObjectRef> LocalDirectory::GetManager(std::string_view user) {
  return Fail(Error::Internal("LocalDirectory::GetManager is not implemented yet"));
}

Status LocalDirectory::RemoveManager(const Actor& actor, std::string_view user) {
  return Fail(Error::Internal("LocalDirectory::RemoveManager is not implemented yet"));
}

Result<std::vector<DirectoryObjectRef>> LocalDirectory::ListDirectReports(std::string_view user) {
  return Fail(Error::Internal("LocalDirectory::ListDirectReports is not implemented yet"));
}

}  // namespace admin365
