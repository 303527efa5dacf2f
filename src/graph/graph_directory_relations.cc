// GraphDirectory's groups, managers, sessions and authentication methods: Graph's
// relationship and authentication APIs (graph_directory.cc has users and the tenant).

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "common/ascii.h"
#include "domain/authentication_rules.h"
#include "domain/graph_errors.h"
#include "graph/graph_directory.h"
#include "graph/graph_json.h"
#include "graph/graph_paths.h"
#include "query/advanced_query.h"
#include "query/filter_printer.h"

namespace admin365::graph {

namespace json = boost::json;

namespace {

std::string MethodsPath(std::string_view user, std::string_view version = "v1.0") {
  return fmt::format("/{}/users/{}/authentication", version, PercentEncode(user));
}

// Members and reports by displayName then id, as Directory promises.
template <class T>
void SortByName(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
    return std::tie(a.display_name, a.id) < std::tie(b.display_name, b.id);
  });
}

Result<std::vector<DirectoryObjectRef>> References(GraphClient& client, std::string path) {
  ASSIGN_OR_RETURN(const auto items, client.GetAll(std::move(path)));
  std::vector<DirectoryObjectRef> out;
  for (const json::object& item : items) out.push_back(ReadDirectoryObject(item));
  SortByName(out);
  return out;
}

// A listing of groups, by displayName then id.
Result<std::vector<Group>> SortedGroups(const std::vector<json::object>& items) {
  std::vector<Group> groups;
  for (const json::object& item : items) {
    ASSIGN_OR_RETURN(Group group, ReadGroup(item));
    groups.push_back(std::move(group));
  }
  SortByName(groups);
  return groups;
}

std::string Text(const json::value& object, std::string_view name) {
  if (!object.is_object()) return "";
  const json::value* value = object.get_object().if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

}  // namespace

// --- Groups ---

Result<Group> GraphDirectory::CreateGroup(const Actor&, const NewGroup& request) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST",
                                 .path = "/v1.0/groups",
                                 .body = WriteNewGroup(request)}));
  if (!reply.body.is_object()) return Fail(Error::Internal("Microsoft Graph sent no group."));
  return ReadGroup(reply.body.get_object());
}

Result<Group> GraphDirectory::GetGroup(std::string_view group) {
  ASSIGN_OR_RETURN(const GraphReply reply, client_.Send({.path = GroupPath(group)}));
  if (!reply.body.is_object()) return Fail(Error::Internal("Microsoft Graph sent no group."));
  return ReadGroup(reply.body.get_object());
}

Result<std::vector<Group>> GraphDirectory::ListGroups() {
  ASSIGN_OR_RETURN(const auto items, client_.GetAll("/v1.0/groups?$top=999"));
  return SortedGroups(items);
}

// An advanced filter (ne, not, endsWith) needs ConsistencyLevel: eventual and $count=true.
Result<std::vector<Group>> GraphDirectory::FindGroups(const query::Filter& filter) {
  std::string path = "/v1.0/groups?$top=999&$filter=" + PercentEncode(query::PrintFilter(filter));
  HttpHeaders headers;
  if (query::RequiresAdvancedQuery(filter)) {
    path += "&$count=true";
    headers.emplace_back("ConsistencyLevel", "eventual");
  }
  ASSIGN_OR_RETURN(const auto items, client_.GetAll(std::move(path), std::move(headers)));
  return SortedGroups(items);
}

Status GraphDirectory::DeleteGroup(const Actor&, std::string_view group) {
  RETURN_IF_ERROR(client_.Send({.method = "DELETE", .path = GroupPath(group)}));
  return Ok();
}

Status GraphDirectory::AddGroupLink(std::string_view group, std::string_view link,
                                    std::string_view user) {
  ASSIGN_OR_RETURN(const std::string user_id, UserId(user));
  RETURN_IF_ERROR(client_.Send(
      {.method = "POST",
       .path = GroupPath(group) + "/" + std::string(link) + "/$ref",
       .body = json::object{{"@odata.id", endpoint_ + "/v1.0/directoryObjects/" + user_id}}}));
  return Ok();
}

Status GraphDirectory::RemoveGroupLink(std::string_view group, std::string_view link,
                                       std::string_view user) {
  ASSIGN_OR_RETURN(const std::string user_id, UserId(user));
  RETURN_IF_ERROR(client_.Send({.method = "DELETE",
                                .path = GroupPath(group) + "/" + std::string(link) + "/" +
                                        PercentEncode(user_id) + "/$ref"}));
  return Ok();
}

Status GraphDirectory::AddGroupMember(const Actor&, std::string_view group,
                                      std::string_view member) {
  return AddGroupLink(group, "members", member);
}

Status GraphDirectory::RemoveGroupMember(const Actor&, std::string_view group,
                                         std::string_view member) {
  return RemoveGroupLink(group, "members", member);
}

Result<std::vector<DirectoryObjectRef>> GraphDirectory::ListGroupMembers(std::string_view group) {
  return References(client_, GroupPath(group) + "/members?$top=999");
}

Status GraphDirectory::AddGroupOwner(const Actor&, std::string_view group,
                                     std::string_view owner) {
  return AddGroupLink(group, "owners", owner);
}

Status GraphDirectory::RemoveGroupOwner(const Actor&, std::string_view group,
                                        std::string_view owner) {
  return RemoveGroupLink(group, "owners", owner);
}

// One PATCH, which Graph applies all or nothing (at most 20 links per request).
Status GraphDirectory::AddGroupLinks(const Actor&, std::string_view group,
                                     const GroupLinks& links) {
  json::object body;
  for (const auto& [name, users] : {std::pair{"members@odata.bind", &links.members},
                                    std::pair{"owners@odata.bind", &links.owners}}) {
    if (users->empty()) continue;
    json::array urls;
    for (const std::string& user : *users) {
      ASSIGN_OR_RETURN(const std::string id, UserId(user));
      urls.emplace_back(endpoint_ + "/v1.0/directoryObjects/" + id);
    }
    body[name] = std::move(urls);
  }
  RETURN_IF_ERROR(
      client_.Send({.method = "PATCH", .path = GroupPath(group), .body = std::move(body)}));
  return Ok();
}

Result<std::vector<DirectoryObjectRef>> GraphDirectory::ListGroupOwners(std::string_view group) {
  return References(client_, GroupPath(group) + "/owners?$top=999");
}

Result<std::vector<Group>> GraphDirectory::ListMemberOf(std::string_view user) {
  ASSIGN_OR_RETURN(const auto items, client_.GetAll(UserPath(user) + "/memberOf"));
  std::vector<Group> groups;
  for (const json::object& item : items) {
    // memberOf lists directory roles and administrative units too.
    if (ReadDirectoryObject(item).object_type != "group") continue;
    ASSIGN_OR_RETURN(Group group, ReadGroup(item));
    groups.push_back(std::move(group));
  }
  SortByName(groups);
  return groups;
}

Result<Group> GraphDirectory::AssignGroupLicense(const Actor&, std::string_view group,
                                                 const LicenseChange& change) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST",
                                 .path = GroupPath(group) + "/assignLicense",
                                 .body = WriteLicenseChange(change)}));
  if (!reply.body.is_object()) return GetGroup(group);
  return ReadGroup(reply.body.get_object());
}

// --- Manager ---

Status GraphDirectory::SetManager(const Actor&, std::string_view user, std::string_view manager) {
  ASSIGN_OR_RETURN(const std::string manager_id, UserId(manager));
  RETURN_IF_ERROR(client_.Send(
      {.method = "PUT",
       .path = UserPath(user) + "/manager/$ref",
       .body = json::object{{"@odata.id", endpoint_ + "/v1.0/users/" + manager_id}}}));
  return Ok();
}

Result<DirectoryObjectRef> GraphDirectory::GetManager(std::string_view user) {
  ASSIGN_OR_RETURN(const GraphReply reply, client_.Send({.path = UserPath(user) + "/manager"}));
  if (!reply.body.is_object()) return Fail(errors::ResourceNotFound("manager"));
  return ReadDirectoryObject(reply.body.get_object());
}

Status GraphDirectory::RemoveManager(const Actor&, std::string_view user) {
  RETURN_IF_ERROR(client_.Send({.method = "DELETE", .path = UserPath(user) + "/manager/$ref"}));
  return Ok();
}

Result<std::vector<DirectoryObjectRef>> GraphDirectory::ListDirectReports(std::string_view user) {
  return References(client_, UserPath(user) + "/directReports");
}

// --- Sessions and authentication ---

Result<User> GraphDirectory::RevokeSignInSessions(const Actor&, std::string_view user) {
  RETURN_IF_ERROR(
      client_.Send({.method = "POST", .path = UserPath(user) + "/revokeSignInSessions"}));
  return GetUser(user);
}

Result<AuthenticationInfo> GraphDirectory::GetAuthenticationInfo(std::string_view user) {
  AuthenticationInfo info;
  ASSIGN_OR_RETURN(const GraphReply requirements,
                   client_.Send({.path = MethodsPath(user, "beta") + "/requirements"}));
  info.per_user_mfa_state =
      ParseMfaState(Text(requirements.body, "perUserMfaState")).value_or(PerUserMfaState::kDisabled);
  ASSIGN_OR_RETURN(const auto passwords, client_.GetAll(MethodsPath(user) + "/passwordMethods"));
  if (!passwords.empty()) {
    info.password_method.created_date_time =
        ParseIso8601(Text(passwords.front(), "createdDateTime")).value_or(0);
  }
  ASSIGN_OR_RETURN(const auto phones, client_.GetAll(MethodsPath(user) + "/phoneMethods"));
  for (const json::object& phone : phones) {
    info.phone_methods.push_back({.id = Text(phone, "id"),
                                  .phone_number = Text(phone, "phoneNumber"),
                                  .phone_type = Text(phone, "phoneType"),
                                  .sms_sign_in_state = Text(phone, "smsSignInState")});
  }
  ASSIGN_OR_RETURN(const auto emails, client_.GetAll(MethodsPath(user) + "/emailMethods"));
  if (!emails.empty()) {
    info.email_method = EmailMethod{.id = Text(emails.front(), "id"),
                                    .email_address = Text(emails.front(), "emailAddress")};
  }
  ASSIGN_OR_RETURN(const GraphReply preferences,
                   client_.Send({.path = MethodsPath(user, "beta") + "/signInPreferences"}));
  if (preferences.body.is_object()) {
    const json::object& body = preferences.body.get_object();
    if (const json::value* flag = body.if_contains("isSystemPreferredAuthenticationMethodEnabled");
        flag && flag->is_bool()) {
      info.sign_in_preferences.is_system_preferred_authentication_method_enabled =
          flag->get_bool();
    }
    if (std::string method = Text(preferences.body, "userPreferredMethodForSecondaryAuthentication");
        !method.empty()) {
      info.sign_in_preferences.user_preferred_method_for_secondary_authentication = method;
    }
  }
  return info;
}

Status GraphDirectory::SetPerUserMfaState(const Actor&, std::string_view user,
                                          PerUserMfaState state) {
  RETURN_IF_ERROR(client_.Send({.method = "PATCH",
                                .path = MethodsPath(user, "beta") + "/requirements",
                                .body = json::object{{"perUserMfaState", MfaStateName(state)}}}));
  return Ok();
}

Result<PhoneMethod> GraphDirectory::SetPhoneMethod(const Actor& actor, std::string_view user,
                                                   const PhoneMethod& phone) {
  const std::optional<std::string_view> id = PhoneMethodIdFor(phone.phone_type);
  if (!id) return Fail(errors::InvalidPhoneType());
  if (phone.phone_number.empty()) {
    RETURN_IF_ERROR(RemovePhoneMethod(actor, user, phone.phone_type));
    return PhoneMethod{};
  }
  ASSIGN_OR_RETURN(const auto phones, client_.GetAll(MethodsPath(user) + "/phoneMethods"));
  const bool exists = std::any_of(phones.begin(), phones.end(), [&](const json::object& each) {
    return AsciiIEquals(Text(each, "id"), *id);
  });
  const json::object body{{"phoneNumber", phone.phone_number}, {"phoneType", phone.phone_type}};
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = exists ? "PATCH" : "POST",
                                 .path = MethodsPath(user) + "/phoneMethods" +
                                         (exists ? "/" + std::string(*id) : ""),
                                 .body = body}));
  PhoneMethod stored{.id = std::string(*id),
                     .phone_number = phone.phone_number,
                     .phone_type = phone.phone_type};
  if (std::string state = Text(reply.body, "smsSignInState"); !state.empty()) {
    stored.sms_sign_in_state = std::move(state);
  }
  return stored;
}

Status GraphDirectory::RemovePhoneMethod(const Actor&, std::string_view user,
                                         std::string_view phone_type) {
  const std::optional<std::string_view> id = PhoneMethodIdFor(phone_type);
  if (!id) return Fail(errors::InvalidPhoneType());
  RETURN_IF_ERROR(client_.Send(
      {.method = "DELETE", .path = MethodsPath(user) + "/phoneMethods/" + std::string(*id)}));
  return Ok();
}

Status GraphDirectory::SetEmailMethod(const Actor&, std::string_view user,
                                      std::string_view email_address) {
  const std::string path = MethodsPath(user) + "/emailMethods";
  if (email_address.empty()) {
    RETURN_IF_ERROR(
        client_.Send({.method = "DELETE", .path = path + "/" + std::string(kEmailMethodId)}));
    return Ok();
  }
  ASSIGN_OR_RETURN(const auto emails, client_.GetAll(path));
  const json::object body{{"emailAddress", email_address}};
  RETURN_IF_ERROR(client_.Send(
      {.method = emails.empty() ? "POST" : "PATCH",
       .path = emails.empty() ? path : path + "/" + std::string(kEmailMethodId),
       .body = body}));
  return Ok();
}

Status GraphDirectory::SetAllowedMethods(const Actor&, std::string_view,
                                         const std::vector<std::string>&) {
  return Fail(NotSupportedOnConnectedTenant(
      "Setting a user's allowed MFA methods",
      "Graph has no per-user API for it; Entra sets the methods users may register in the "
      "tenant's authentication methods policy (/policies/authenticationMethodsPolicy), per "
      "group."));
}

Status GraphDirectory::SetSignInPreferences(const Actor&, std::string_view user,
                                            const SignInPreferences& preferences) {
  json::object body{{"isSystemPreferredAuthenticationMethodEnabled",
                     preferences.is_system_preferred_authentication_method_enabled}};
  body["userPreferredMethodForSecondaryAuthentication"] =
      preferences.user_preferred_method_for_secondary_authentication
          ? json::value(*preferences.user_preferred_method_for_secondary_authentication)
          : json::value(nullptr);
  RETURN_IF_ERROR(client_.Send({.method = "PATCH",
                                .path = MethodsPath(user, "beta") + "/signInPreferences",
                                .body = std::move(body)}));
  return Ok();
}

}  // namespace admin365::graph
