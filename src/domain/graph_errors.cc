#include "domain/graph_errors.h"

#include <fmt/format.h>

namespace admin365::errors {

namespace {

Error BadRequest(std::string message, std::string target = {}) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::move(target)};
}

Error Conflict(std::string message, std::string target) {
  Error error = BadRequest(std::move(message), std::move(target));
  error.kind = ErrorKind::kConflict;
  return error;
}

}  // namespace

Error RequiredProperty(std::string_view property, std::string_view resource) {
  return BadRequest(
      fmt::format("A value is required for property '{}' of resource '{}'.", property, resource),
      std::string(property));
}

Error InvalidPropertyValue(std::string_view property, std::string_view resource) {
  return BadRequest(
      fmt::format("Invalid value specified for property '{}' of resource '{}'.", property, resource),
      std::string(property));
}

Error UnknownProperty(std::string_view property) {
  return BadRequest(fmt::format("Property '{}' does not exist as a declared property or extension "
                                "property.",
                                property),
                    std::string(property));
}

Error ReadOnlyProperty(std::string_view property) {
  return BadRequest(fmt::format("Property '{}' is read-only and cannot be set.", property),
                    std::string(property));
}

Error InvalidUserPrincipalName() {
  return BadRequest("Property userPrincipalName is invalid.", "userPrincipalName");
}

Error UnverifiedUpnDomain() {
  return BadRequest(
      "The domain portion of the userPrincipalName property is invalid. You must use one of the "
      "verified domain names in your organization.",
      "userPrincipalName");
}

Error ObjectConflict(std::string_view property) {
  Error error = Conflict(
      fmt::format("Another object with the same value for property {} already exists.", property),
      std::string(property));
  error.details.push_back({.code = "ObjectConflict", .target = std::string(property)});
  return error;
}

Error ConflictingObject() {
  return Conflict(
      "A conflicting object with one or more of the specified property values is present in the "
      "directory.",
      "");
}

Error PasswordComplexity() {
  return BadRequest(
      "The specified password does not comply with password complexity requirements. Please "
      "provide a different password.",
      "passwordProfile");
}

Error ResourceNotFound(std::string_view id) {
  return Error{.kind = ErrorKind::kNotFound,
               .http_status = 404,
               .code = "Request_ResourceNotFound",
               .message = fmt::format("Resource '{}' does not exist or one of its queried "
                                      "reference-property objects are not present.",
                                      id)};
}

Error InvalidObjectIdentifier(std::string_view id) {
  return BadRequest(fmt::format("Invalid object identifier '{}'.", id));
}

Error OnPremisesMastered() {
  return BadRequest(
      "Unable to update the specified properties for on-premises mastered Directory Sync "
      "objects or objects currently undergoing migration.");
}

Error InsufficientPrivileges() {
  return Error{.kind = ErrorKind::kPermissionDenied,
               .http_status = 403,
               .code = "Authorization_RequestDenied",
               .message = "Insufficient privileges to complete the operation."};
}

Error DirectoryQuotaExceeded() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 400,
               .code = "Directory_QuotaExceeded",
               .message = "The directory object quota limit for the Tenant has been exceeded. "
                          "Please ask your administrator to increase the quota limit or delete "
                          "objects to reduce the used quota."};
}

Error InvalidDomainName(std::string_view name) {
  return BadRequest(fmt::format("Domain name '{}' is invalid.", name), "id");
}

Error DomainAlreadyExists() { return ObjectConflict("id"); }

Error DomainIsDefaultOrInitial(std::string_view name) {
  Error error = BadRequest(fmt::format(
      "Unable to delete domain '{}' because it is the default or initial domain of the tenant.",
      name));
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

Error DomainInUse(std::string_view name, long long count) {
  Error error = BadRequest(fmt::format(
      "Unable to delete domain '{}' because it is still referenced by {} object(s). Move or "
      "delete them first.",
      name, count));
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

Error DomainNotVerified(std::string_view name) {
  Error error =
      BadRequest(fmt::format("Domain '{}' must be verified before it can be the default.", name));
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

Error RestoreUpnConflict(std::string_view id, std::string_view upn) {
  Error error = Conflict(
      fmt::format("The user '{}' cannot be restored because another object uses its "
                  "userPrincipalName '{}'. Restore it with a new userPrincipalName.",
                  id, upn),
      "userPrincipalName");
  error.details.push_back({.code = "ObjectConflict", .target = "userPrincipalName"});
  return error;
}

Error TenantNotInitialised() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 409,
               .code = "Tenant_NotInitialised",
               .message = "The tenant is not initialised. Run 'admin365 tenant init'."};
}

Error TenantAlreadyInitialised() {
  return Error{.kind = ErrorKind::kConflict,
               .http_status = 409,
               .code = "Tenant_AlreadyInitialised",
               .message = "The tenant is already initialised."};
}

// --- Licences ---

// --- Groups and manager ---

// --- Authentication and hybrid identity ---

}  // namespace admin365::errors
