#include "graph/graph_directory.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "common/ascii.h"
#include "common/random.h"
#include "domain/graph_errors.h"
#include "domain/password_generator.h"
#include "graph/cloud.h"
#include "graph/graph_json.h"
#include "graph/graph_paths.h"
#include "query/advanced_query.h"
#include "query/filter_printer.h"

namespace admin365::graph {

namespace json = boost::json;

namespace {

std::string_view OrderName(UserOrder order) {
  switch (order) {
    case UserOrder::kDisplayName: return "displayName";
    case UserOrder::kUserPrincipalName: return "userPrincipalName";
    case UserOrder::kDeletedDateTime: return "deletedDateTime";
    case UserOrder::kId: break;
  }
  return "";
}

Result<User> UserFrom(const GraphReply& reply) {
  if (!reply.body.is_object()) {
    return Fail(Error::Internal(
        fmt::format("Microsoft Graph sent no user (request-id {}).", reply.request_id)));
  }
  return ReadUser(reply.body.get_object());
}

bool SameId(const Domain& domain, std::string_view name) { return AsciiIEquals(domain.id, name); }

}  // namespace

Error NotSupportedOnConnectedTenant(std::string_view what, std::string_view why) {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 501,
               .code = "NotSupportedOnConnectedTenant",
               .message = fmt::format("{} is not possible on a connected tenant: {}", what, why)};
}

Result<std::unique_ptr<GraphDirectory>> GraphDirectory::Open(const TenantConnection& connection,
                                                             const Clock& clock, Random& random,
                                                             RetryPolicy retry) {
  const std::optional<Cloud> cloud = FindCloud(connection.cloud);
  if (!cloud) {
    return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "Tenant_InvalidConnection",
                      .message = fmt::format("The connection '{}' names no known cloud ('{}').",
                                             connection.name, connection.cloud)});
  }
  GraphClientOptions options{.credentials = {.authority_host = connection.authority_host,
                                             .tenant = connection.tenant_id.empty()
                                                           ? connection.tenant
                                                           : connection.tenant_id,
                                             .client_id = connection.client_id,
                                             .client_secret = connection.client_secret,
                                             .graph_resource = cloud->graph_resource},
                             .graph_endpoint = connection.graph_endpoint,
                             .http = {.ca_file = connection.ca_file},
                             .retry = std::move(retry)};
  return std::make_unique<GraphDirectory>(std::move(options), clock, random);
}

GraphDirectory::GraphDirectory(GraphClientOptions options, const Clock& clock, Random& random)
    : client_(options, clock, random), endpoint_(options.graph_endpoint), random_(random) {}

// --- Tenant and domains ---

Result<Tenant> GraphDirectory::GetTenant() {
  ASSIGN_OR_RETURN(const auto organizations, client_.GetAll("/v1.0/organization"));
  if (organizations.empty()) return Fail(errors::TenantNotInitialised());
  return ReadOrganization(organizations.front());
}

// Graph serves the quota in beta only, on $select.
Result<DirectorySizeQuota> GraphDirectory::GetDirectorySizeQuota() {
  ASSIGN_OR_RETURN(const auto organizations,
                   client_.GetAll("/beta/organization?$select=id,directorySizeQuota"));
  if (organizations.empty()) return Fail(errors::TenantNotInitialised());
  const std::optional<DirectorySizeQuota> quota = ReadDirectorySizeQuota(organizations.front());
  if (!quota) {
    return Fail(Error::Unavailable("Microsoft Graph answered GET /beta/organization without "
                                   "its directorySizeQuota."));
  }
  return *quota;
}

Result<std::vector<Domain>> GraphDirectory::ListDomains() {
  ASSIGN_OR_RETURN(const auto items, client_.GetAll("/v1.0/domains"));
  std::vector<Domain> domains;
  for (const json::object& item : items) domains.push_back(ReadDomain(item));
  return domains;
}

Result<Domain> GraphDirectory::AddDomain(const Actor&, std::string_view name) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST",
                                 .path = "/v1.0/domains",
                                 .body = json::object{{"id", name}}}));
  return ReadDomain(reply.body.is_object() ? reply.body.get_object() : json::object{});
}

Result<Domain> GraphDirectory::VerifyDomain(const Actor&, std::string_view name) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST",
                                 .path = "/v1.0/domains/" + PercentEncode(name) + "/verify"}));
  return ReadDomain(reply.body.is_object() ? reply.body.get_object() : json::object{});
}

Result<Domain> GraphDirectory::SetDefaultDomain(const Actor&, std::string_view name) {
  RETURN_IF_ERROR(client_.Send({.method = "PATCH",
                                .path = "/v1.0/domains/" + PercentEncode(name),
                                .body = json::object{{"isDefault", true}}}));
  ASSIGN_OR_RETURN(const std::vector<Domain> domains, ListDomains());
  const auto domain = std::find_if(domains.begin(), domains.end(),
                                   [&](const Domain& each) { return SameId(each, name); });
  if (domain == domains.end()) return Fail(errors::ResourceNotFound(name));
  return *domain;
}

Status GraphDirectory::RemoveDomain(const Actor&, std::string_view name) {
  RETURN_IF_ERROR(client_.Send({.method = "DELETE", .path = "/v1.0/domains/" + PercentEncode(name)}));
  return Ok();
}

// --- Users ---

std::string GraphDirectory::PasswordFor(const PasswordChange& change) {
  return change.password.empty() && change.generate ? GeneratePassword(random_) : change.password;
}

Result<std::string> GraphDirectory::UserId(std::string_view user) {
  if (user.find('@') == std::string_view::npos) return AsciiLower(user);
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.path = UserPath(user) + "?$select=id"}));
  ASSIGN_OR_RETURN(const User found, UserFrom(reply));
  return found.id;
}

Result<CreatedUser> GraphDirectory::CreateUser(const Actor&, const NewUser& request,
                                               bool generate_password) {
  json::object body = WriteProperties(request.properties);
  PasswordProfile profile = request.password_profile.value_or(PasswordProfile{});
  std::string generated;
  if (profile.password.empty() && generate_password) {
    generated = GeneratePassword(random_);
    profile.password = generated;
  }
  if (request.password_profile || !generated.empty()) {
    body["passwordProfile"] = WritePasswordProfile(profile);
  }
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST", .path = "/v1.0/users", .body = body}));
  ASSIGN_OR_RETURN(const User created, UserFrom(reply));
  // Graph answers with its default set; the full user is read back by id.
  ASSIGN_OR_RETURN(User user, GetUser(created.id));
  return CreatedUser{.user = std::move(user), .generated_password = std::move(generated)};
}

Result<User> GraphDirectory::GetUser(std::string_view user) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.path = UserPath(user) + "?$select=" + UserSelectAll()}));
  return UserFrom(reply);
}

Result<UserPage> GraphDirectory::ListUserPage(std::string_view collection,
                                              const UserListOptions& options) {
  GraphCall call;
  const bool advanced = options.count ||
                        (options.filter && query::RequiresAdvancedQuery(*options.filter)) ||
                        (options.filter && options.order != UserOrder::kId);
  if (advanced) call.headers.emplace_back("ConsistencyLevel", "eventual");
  if (!options.skip_token.empty()) {
    // The next page is the previous page's @odata.nextLink; it must lead back to the same
    // service, which receives the tenant's token.
    if (!options.skip_token.starts_with(endpoint_ + "/")) {
      return Fail(Error{.kind = ErrorKind::kInvalidArgument,
                        .http_status = 400,
                        .code = "Request_BadRequest",
                        .message = "The skip token is not a page of this tenant's users."});
    }
    call.path = options.skip_token;
  } else {
    call.path = fmt::format("{}?$select={}&$top={}", collection, UserSelectAll(),
                            options.page_size);
    if (options.filter) call.path += "&$filter=" + PercentEncode(query::PrintFilter(*options.filter));
    if (options.order != UserOrder::kId) {
      call.path += "&$orderby=" + PercentEncode(fmt::format("{}{}", OrderName(options.order),
                                                     options.descending ? " desc" : ""));
    }
    if (options.count) call.path += "&$count=true";
  }
  ASSIGN_OR_RETURN(const GraphReply reply, client_.Send(call));
  UserPage page;
  if (!reply.body.is_object()) return page;
  const json::object& body = reply.body.get_object();
  if (const json::value* value = body.if_contains("value"); value && value->is_array()) {
    for (const json::value& item : value->get_array()) {
      if (!item.is_object()) continue;
      ASSIGN_OR_RETURN(User user, ReadUser(item.get_object()));
      page.users.push_back(std::move(user));
    }
  }
  if (const json::value* next = body.if_contains("@odata.nextLink"); next && next->is_string()) {
    page.next_skip_token = std::string(next->get_string());
  }
  if (const json::value* count = body.if_contains("@odata.count"); count && count->is_number()) {
    page.total_count = count->to_number<long long>();
  }
  return page;
}

Result<UserPage> GraphDirectory::ListUsers(const UserListOptions& options) {
  return ListUserPage("/v1.0/users", options);
}

Result<User> GraphDirectory::UpdateUser(const Actor&, std::string_view user,
                                        const PropertyMap& patch) {
  ASSIGN_OR_RETURN(const std::string id, UserId(user));
  RETURN_IF_ERROR(
      client_.Send({.method = "PATCH", .path = UserPath(id), .body = WriteProperties(patch)}));
  return GetUser(id);
}

Result<User> GraphDirectory::UpdateUserWithPassword(const Actor&, std::string_view user,
                                                    const PropertyMap& patch,
                                                    const PasswordChange& password) {
  ASSIGN_OR_RETURN(const std::string id, UserId(user));
  json::object body = WriteProperties(patch);
  body["passwordProfile"] = WritePasswordProfile(
      {.password = PasswordFor(password),
       .force_change_password_next_sign_in = password.force_change_password_next_sign_in,
       .force_change_password_next_sign_in_with_mfa =
           password.force_change_password_next_sign_in_with_mfa});
  RETURN_IF_ERROR(client_.Send({.method = "PATCH", .path = UserPath(id), .body = body}));
  return GetUser(id);
}

Result<std::string> GraphDirectory::SetPassword(const Actor&, std::string_view user,
                                                const PasswordChange& change) {
  const std::string password = PasswordFor(change);
  json::object body{
      {"passwordProfile",
       WritePasswordProfile(
           {.password = password,
            .force_change_password_next_sign_in = change.force_change_password_next_sign_in,
            .force_change_password_next_sign_in_with_mfa =
                change.force_change_password_next_sign_in_with_mfa})}};
  RETURN_IF_ERROR(client_.Send({.method = "PATCH", .path = UserPath(user), .body = body}));
  return change.password.empty() && change.generate ? password : std::string();
}

Status GraphDirectory::DeleteUser(const Actor&, std::string_view user) {
  RETURN_IF_ERROR(client_.Send({.method = "DELETE", .path = UserPath(user)}));
  return Ok();
}

// --- Recycle bin ---

Result<UserPage> GraphDirectory::ListDeletedUsers(const UserListOptions& options) {
  return ListUserPage("/v1.0/directory/deletedItems/microsoft.graph.user", options);
}

Result<User> GraphDirectory::GetDeletedUser(std::string_view id) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.path = "/v1.0/directory/deletedItems/" + PercentEncode(id) +
                                         "?$select=" + UserSelectAll()}));
  return UserFrom(reply);
}

Result<User> GraphDirectory::RestoreUser(const Actor&, std::string_view id,
                                         const RestoreOptions& options) {
  json::object body;
  if (options.auto_reconcile_proxy_conflicts) body["autoReconcileProxyConflict"] = true;
  if (options.new_user_principal_name) {
    body["newUserPrincipalName"] = *options.new_user_principal_name;
  }
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST",
                                 .path = "/v1.0/directory/deletedItems/" + PercentEncode(id) + "/restore",
                                 .body = std::move(body)}));
  ASSIGN_OR_RETURN(const User restored, UserFrom(reply));
  return GetUser(restored.id);
}

Status GraphDirectory::PurgeUser(const Actor&, std::string_view id) {
  RETURN_IF_ERROR(
      client_.Send({.method = "DELETE", .path = "/v1.0/directory/deletedItems/" + PercentEncode(id)}));
  return Ok();
}

// --- Licences ---

Result<std::vector<SubscribedSku>> GraphDirectory::ListSubscribedSkus() {
  ASSIGN_OR_RETURN(const auto items, client_.GetAll("/v1.0/subscribedSkus"));
  std::vector<SubscribedSku> skus;
  for (const json::object& item : items) skus.push_back(ReadSubscribedSku(item));
  return skus;
}

Result<std::string> GraphDirectory::ResolveSkuId(std::string_view sku) {
  if (IsUuid(sku)) return AsciiLower(sku);
  ASSIGN_OR_RETURN(const std::vector<SubscribedSku> skus, ListSubscribedSkus());
  std::vector<std::string> matches;
  for (const SubscribedSku& each : skus) {
    if (AsciiIEquals(each.sku.sku_part_number, sku)) matches.push_back(each.sku.sku_id);
  }
  if (matches.size() > 1) return Fail(errors::AmbiguousProduct(sku, matches));
  if (matches.empty()) return Fail(errors::UnknownProduct(sku));
  return matches.front();
}

Result<User> GraphDirectory::AssignLicense(const Actor&, std::string_view user,
                                           const LicenseChange& change) {
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.method = "POST",
                                 .path = UserPath(user) + "/assignLicense",
                                 .body = WriteLicenseChange(change)}));
  ASSIGN_OR_RETURN(const User assigned, UserFrom(reply));
  return GetUser(assigned.id);
}

// --- Classic cmdlet jobs ---

Result<ActivatedUser> GraphDirectory::ActivateUser(const Actor& actor, std::string_view user,
                                                   const ActivateRequest& request) {
  if (request.password.password.empty() && !request.password.generate) {
    return Fail(errors::RequiredProperty("passwordProfile"));
  }
  ASSIGN_OR_RETURN(const User current, GetUser(user));
  PropertyMap patch;
  if (current.on_premises_sync_enabled != true) patch["accountEnabled"] = true;
  if (request.usage_location) patch["usageLocation"] = *request.usage_location;
  const std::string password = PasswordFor(request.password);
  ASSIGN_OR_RETURN(User activated,
                   UpdateUserWithPassword(actor, current.id, patch,
                                          {.password = password,
                                           .force_change_password_next_sign_in =
                                               request.password.force_change_password_next_sign_in,
                                           .force_change_password_next_sign_in_with_mfa =
                                               request.password
                                                   .force_change_password_next_sign_in_with_mfa}));
  if (!request.add_licenses.empty()) {
    ASSIGN_OR_RETURN(activated,
                     AssignLicense(actor, current.id, {.add_licenses = request.add_licenses}));
  }
  return ActivatedUser{.user = std::move(activated),
                       .generated_password = request.password.password.empty() ? password : ""};
}

// --- Audit and jobs ---

Result<std::vector<AuditEvent>> GraphDirectory::ListAuditEvents(const AuditQuery&) {
  return Fail(NotSupportedOnConnectedTenant(
      "Listing admin365's audit trail",
      "the tenant's own audit log is Graph's /auditLogs/directoryAudits, which admin365 does "
      "not read yet."));
}

Result<std::vector<SignIn>> GraphDirectory::ListSignIns(const SignInQuery& query) {
  if (query.before_sequence != 0 || !query.user_id.empty()) {
    return Fail(NotSupportedOnConnectedTenant(
        "Paging or filtering the sign-in log",
        "Graph pages /auditLogs/signIns by @odata.nextLink; only the newest page is read."));
  }
  ASSIGN_OR_RETURN(const GraphReply reply,
                   client_.Send({.path = fmt::format("/v1.0/auditLogs/signIns?$top={}",
                                                     std::clamp(query.limit, 1, 1000))}));
  std::vector<SignIn> sign_ins;
  if (!reply.body.is_object()) return sign_ins;
  const json::value* value = reply.body.get_object().if_contains("value");
  if (value == nullptr || !value->is_array()) return sign_ins;
  for (const json::value& item : value->get_array()) {
    if (item.is_object()) sign_ins.push_back(ReadSignIn(item.get_object()));
  }
  return sign_ins;
}

Result<std::vector<JobStep>> GraphDirectory::ListCommittedJobSteps(std::string_view) {
  return Fail(NotSupportedOnConnectedTenant(
      "Running a bulk job",
      "bulk jobs on a connected tenant need a local write journal, which is not built yet."));
}

}  // namespace admin365::graph
