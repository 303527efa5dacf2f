#include "server/graph/router.h"

#include <algorithm>
#include <array>

#include "common/ascii.h"
#include "server/graph/api_errors.h"
#include "server/graph/handlers.h"

namespace admin365::server {
namespace {

using enum Permission;
namespace h = handlers;

struct Route {
  std::string_view method;
  std::string_view pattern;  // segments joined by '/'; "{}" is a placeholder
  Permission permission;
  Handler handler;
  bool beta_only = false;
};

// Literal routes come before the placeholder routes that would also match them.
constexpr auto kRoutes = std::to_array<Route>({
    {"POST", "users", kUserReadWrite, &h::CreateUser},
    {"GET", "users", kUserRead, &h::ListUsers},
    {"GET", "users/$count", kUserRead, &h::CountUsers},
    {"GET", "users/{}", kUserRead, &h::GetUser},
    {"PATCH", "users/{}", kUserReadWrite, &h::UpdateUser},
    {"DELETE", "users/{}", kUserReadWrite, &h::DeleteUser},
    {"POST", "users/{}/revokeSignInSessions", kUserReadWrite, &h::RevokeSignInSessions},
    {"POST", "users/{}/assignLicense", kLicenseAssignment, &h::AssignUserLicense},
    {"GET", "users/{}/licenseDetails", kUserRead, &h::ListLicenseDetails},
    {"GET", "users/{}/manager", kUserRead, &h::GetManager},
    {"GET", "users/{}/manager/$ref", kUserRead, &h::GetManagerReference},
    {"PUT", "users/{}/manager/$ref", kUserReadWrite, &h::SetManager},
    {"DELETE", "users/{}/manager/$ref", kUserReadWrite, &h::RemoveManager},
    {"GET", "users/{}/directReports", kUserRead, &h::ListDirectReports},
    {"GET", "users/{}/memberOf", kUserRead, &h::ListMemberOf},
    {"POST", "users/{}/getMemberGroups", kUserRead, &h::UserGetMemberGroups},
    {"POST", "users/{}/getMemberObjects", kUserRead, &h::UserGetMemberGroups},
    {"POST", "users/{}/checkMemberGroups", kUserRead, &h::UserCheckMemberGroups},
    {"POST", "users/{}/checkMemberObjects", kUserRead, &h::UserCheckMemberObjects},
    {"POST", "groups/{}/getMemberGroups", kGroupRead, &h::GroupGetMemberGroups},
    {"POST", "groups/{}/getMemberObjects", kGroupRead, &h::GroupGetMemberGroups},
    {"POST", "groups/{}/checkMemberGroups", kGroupRead, &h::GroupCheckMemberGroups},
    {"POST", "groups/{}/checkMemberObjects", kGroupRead, &h::GroupCheckMemberObjects},
    {"POST", "directoryObjects/{}/getMemberGroups", kUserRead, &h::ObjectGetMemberGroups},
    {"POST", "directoryObjects/{}/getMemberObjects", kUserRead, &h::ObjectGetMemberGroups},
    {"POST", "directoryObjects/{}/checkMemberGroups", kUserRead, &h::ObjectCheckMemberGroups},
    {"POST", "directoryObjects/{}/checkMemberObjects", kUserRead, &h::ObjectCheckMemberObjects},

    {"GET", "users/{}/authentication/methods", kAuthenticationMethodRead,
     &h::ListAuthenticationMethods},
    {"GET", "users/{}/authentication/passwordMethods", kAuthenticationMethodRead,
     &h::ListPasswordMethods},
    {"GET", "users/{}/authentication/passwordMethods/{}", kAuthenticationMethodRead,
     &h::GetPasswordMethod},
    {"POST", "users/{}/authentication/methods/{}/resetPassword", kAuthenticationMethodWrite,
     &h::ResetPassword},
    {"GET", "users/{}/authentication/phoneMethods", kAuthenticationMethodRead,
     &h::ListPhoneMethods},
    {"POST", "users/{}/authentication/phoneMethods", kAuthenticationMethodWrite,
     &h::AddPhoneMethod},
    {"GET", "users/{}/authentication/phoneMethods/{}", kAuthenticationMethodRead,
     &h::GetPhoneMethod},
    {"PATCH", "users/{}/authentication/phoneMethods/{}", kAuthenticationMethodWrite,
     &h::UpdatePhoneMethod},
    {"DELETE", "users/{}/authentication/phoneMethods/{}", kAuthenticationMethodWrite,
     &h::DeletePhoneMethod},
    {"GET", "users/{}/authentication/emailMethods", kAuthenticationMethodRead,
     &h::ListEmailMethods},
    {"POST", "users/{}/authentication/emailMethods", kAuthenticationMethodWrite,
     &h::AddEmailMethod},
    {"GET", "users/{}/authentication/emailMethods/{}", kAuthenticationMethodRead,
     &h::GetEmailMethod},
    {"PATCH", "users/{}/authentication/emailMethods/{}", kAuthenticationMethodWrite,
     &h::UpdateEmailMethod},
    {"DELETE", "users/{}/authentication/emailMethods/{}", kAuthenticationMethodWrite,
     &h::DeleteEmailMethod},
    {"GET", "users/{}/authentication/requirements", kAuthenticationMethodRead,
     &h::GetAuthenticationRequirements, true},
    {"PATCH", "users/{}/authentication/requirements", kAuthenticationMethodWrite,
     &h::UpdateAuthenticationRequirements, true},
    {"GET", "users/{}/authentication/signInPreferences", kAuthenticationMethodRead,
     &h::GetSignInPreferences, true},
    {"PATCH", "users/{}/authentication/signInPreferences", kAuthenticationMethodWrite,
     &h::UpdateSignInPreferences, true},

    {"POST", "groups", kGroupReadWrite, &h::CreateGroup},
    {"GET", "groups", kGroupRead, &h::ListGroups},
    {"GET", "groups/{}", kGroupRead, &h::GetGroup},
    {"PATCH", "groups/{}", kGroupReadWrite, &h::UpdateGroup},
    {"DELETE", "groups/{}", kGroupReadWrite, &h::DeleteGroup},
    {"GET", "groups/{}/members", kGroupRead, &h::ListGroupMembers},
    {"GET", "groups/{}/members/$count", kGroupRead, &h::CountGroupMembers},
    {"POST", "groups/{}/members/$ref", kGroupMemberReadWrite, &h::AddGroupMember},
    {"DELETE", "groups/{}/members/{}/$ref", kGroupMemberReadWrite, &h::RemoveGroupMember},
    {"GET", "groups/{}/owners", kGroupRead, &h::ListGroupOwners},
    {"POST", "groups/{}/owners/$ref", kGroupReadWrite, &h::AddGroupOwner},
    {"DELETE", "groups/{}/owners/{}/$ref", kGroupReadWrite, &h::RemoveGroupOwner},
    {"POST", "groups/{}/assignLicense", kGroupReadWrite, &h::AssignGroupLicense},

    {"GET", "subscribedSkus", kOrganizationRead, &h::ListSubscribedSkus},
    {"GET", "subscribedSkus/{}", kOrganizationRead, &h::GetSubscribedSku},
    {"GET", "organization", kOrganizationRead, &h::ListOrganization},
    {"GET", "organization/{}", kOrganizationRead, &h::GetOrganization},
    {"GET", "domains", kDomainRead, &h::ListDomains},
    {"GET", "domains/{}", kDomainRead, &h::GetDomain},

    {"GET", "auditLogs/signIns", kAuditLogRead, &h::ListSignIns},

    {"GET", "directory/deletedItems", kUserRead, &h::ListDeletedItemsWithoutCast},
    {"GET", "directory/deletedItems/microsoft.graph.user", kUserRead, &h::ListDeletedUsers},
    {"GET", "directory/deletedItems/{}", kUserRead, &h::GetDeletedItem},
    {"DELETE", "directory/deletedItems/{}", kUserReadWrite, &h::PurgeDeletedItem},
    {"POST", "directory/deletedItems/{}/restore", kUserReadWrite, &h::RestoreDeletedItem},
});

// The number of leading segments of `segments` that `pattern` matches; the values of the
// placeholders among them go to `values`.
std::size_t MatchPrefix(std::string_view pattern, const std::vector<std::string>& segments,
                        std::vector<std::string>& values) {
  std::size_t index = 0;
  while (!pattern.empty() && index < segments.size()) {
    const std::size_t slash = pattern.find('/');
    const std::string_view literal = pattern.substr(0, slash);
    pattern = slash == std::string_view::npos ? std::string_view() : pattern.substr(slash + 1);
    if (literal == "{}") {
      values.push_back(segments[index]);
    } else if (!AsciiIEquals(literal, segments[index])) {
      break;
    }
    ++index;
  }
  return index;
}

std::size_t SegmentCount(std::string_view pattern) {
  return static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '/')) + 1;
}

// OData's key syntax: "users('{key}')" or "groups({key})" -> "users", "{key}"; a quoted
// key doubles its quotes ("users('o''neil@contoso.com')"). Other segments stay as they
// are (so are those whose text before '(' is not a name); a segment that opens a key it does not close gives SegmentNotFound(segment).
Status AppendWithKey(const std::string& segment, std::vector<std::string>& out) {
  const std::size_t open = segment.find('(');
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (open == std::string::npos || open == 0 ||
      !std::all_of(segment.begin(), segment.begin() + static_cast<std::ptrdiff_t>(open), letter)) {
    out.push_back(segment);
    return Ok();
  }
  std::string_view key = std::string_view(segment).substr(open + 1);
  if (!key.ends_with(')')) return Fail(SegmentNotFound(segment));
  key.remove_suffix(1);
  std::string value;
  if (key.starts_with('\'')) {
    if (key.size() < 2 || !key.ends_with('\'')) return Fail(SegmentNotFound(segment));
    key = key.substr(1, key.size() - 2);
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (key[i] == '\'') {
        if (i + 1 == key.size() || key[i + 1] != '\'') return Fail(SegmentNotFound(segment));
        ++i;
      }
      value += key[i];
    }
  } else {
    if (key.find_first_of("'()") != std::string_view::npos) return Fail(SegmentNotFound(segment));
    value = key;
  }
  if (value.empty()) return Fail(SegmentNotFound(segment));
  out.push_back(segment.substr(0, open));
  out.push_back(std::move(value));
  return Ok();
}

}  // namespace

Result<RouteMatch> MatchRoute(std::string_view method, std::string_view version,
                              const std::vector<std::string>& path) {
  std::vector<std::string> segments;
  segments.reserve(path.size() + 1);
  for (const std::string& segment : path) RETURN_IF_ERROR(AppendWithKey(segment, segments));
  bool path_known = false;
  std::size_t longest_prefix = 0;
  for (const Route& route : kRoutes) {
    if (route.beta_only && version != "beta") continue;
    std::vector<std::string> params;
    const std::size_t matched = MatchPrefix(route.pattern, segments, params);
    if (matched != segments.size() || SegmentCount(route.pattern) != segments.size()) {
      longest_prefix = std::max(longest_prefix, matched);
      continue;
    }
    if (route.method != method) {
      path_known = true;
      continue;
    }
    return RouteMatch{
        .handler = route.handler, .permission = route.permission, .params = std::move(params)};
  }
  if (path_known) return Fail(MethodNotAllowed());
  if (segments.empty()) return Fail(SegmentNotFound(""));
  return Fail(SegmentNotFound(segments[std::min(longest_prefix, segments.size() - 1)]));
}

}  // namespace admin365::server
