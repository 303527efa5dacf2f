#pragma once

// Contract: the Graph errors admin365 must report, written out literally in namespace
// admin365::expected (kind, HTTP status, code, exact message, target, details). Tests compare
// against these instead of calling graph_errors.cc, so a wrong message in production code
// cannot also be the expected value. Each error has exactly one function here; add new
// ones here rather than in a test file. Pair with testutil/error_matchers.h (FailsWith).

#include <string>
#include <utility>

#include "common/result.h"

namespace admin365::expected {

inline Error BadRequest(std::string message, std::string target = "") {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::move(target)};
}

inline Error RequiredProperty(const std::string& property) {
  return BadRequest("A value is required for property '" + property + "' of resource 'User'.",
                    property);
}

inline Error InvalidValue(const std::string& property, const std::string& resource = "User") {
  return BadRequest(
      "Invalid value specified for property '" + property + "' of resource '" + resource + "'.",
      property);
}

inline Error UnknownProperty(const std::string& property) {
  return BadRequest(
      "Property '" + property + "' does not exist as a declared property or extension property.",
      property);
}

inline Error ReadOnlyProperty(const std::string& property) {
  return BadRequest("Property '" + property + "' is read-only and cannot be set.", property);
}

inline Error InvalidUpn() {
  return BadRequest("Property userPrincipalName is invalid.", "userPrincipalName");
}

inline Error UnverifiedUpnDomain() {
  return BadRequest(
      "The domain portion of the userPrincipalName property is invalid. You must use one of the "
      "verified domain names in your organization.",
      "userPrincipalName");
}

inline Error ObjectConflict(const std::string& property) {
  return Error{
      .kind = ErrorKind::kConflict,
      .http_status = 400,
      .code = "Request_BadRequest",
      .message = "Another object with the same value for property " + property + " already exists.",
      .target = property,
      .details = {{.code = "ObjectConflict", .target = property}}};
}

inline Error PasswordComplexity() {
  return BadRequest(
      "The specified password does not comply with password complexity requirements. Please "
      "provide a different password.",
      "passwordProfile");
}

inline Error NotFound(const std::string& id) {
  return Error{.kind = ErrorKind::kNotFound,
               .http_status = 404,
               .code = "Request_ResourceNotFound",
               .message = "Resource '" + id +
                          "' does not exist or one of its queried reference-property objects "
                          "are not present."};
}

inline Error InvalidObjectIdentifier(const std::string& id) {
  return BadRequest("Invalid object identifier '" + id + "'.");
}

inline Error QuotaExceeded() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 400,
               .code = "Directory_QuotaExceeded",
               .message =
                   "The directory object quota limit for the Tenant has been exceeded. "
                   "Please ask your administrator to increase the quota limit or delete "
                   "objects to reduce the used quota."};
}

inline Error InvalidDomainName(const std::string& name) {
  return BadRequest("Domain name '" + name + "' is invalid.", "id");
}

inline Error Precondition(std::string message) {
  Error error = BadRequest(std::move(message));
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

inline Error DomainIsDefaultOrInitial(const std::string& name) {
  return Precondition("Unable to delete domain '" + name +
                      "' because it is the default or initial domain of the tenant.");
}

inline Error DomainInUse(const std::string& name, int count) {
  return Precondition("Unable to delete domain '" + name + "' because it is still referenced by " +
                      std::to_string(count) + " object(s). Move or delete them first.");
}

inline Error DomainNotVerified(const std::string& name) {
  return Precondition("Domain '" + name + "' must be verified before it can be the default.");
}

inline Error RestoreUpnConflict(const std::string& id, const std::string& upn) {
  return Error{.kind = ErrorKind::kConflict,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = "The user '" + id +
                          "' cannot be restored because another object uses its "
                          "userPrincipalName '" +
                          upn + "'. Restore it with a new userPrincipalName.",
               .target = "userPrincipalName",
               .details = {{.code = "ObjectConflict", .target = "userPrincipalName"}}};
}

inline Error TenantNotInitialised() {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 409,
               .code = "Tenant_NotInitialised",
               .message = "The tenant is not initialised. Run 'admin365 tenant init'."};
}

inline Error TenantAlreadyInitialised() {
  return Error{.kind = ErrorKind::kConflict,
               .http_status = 409,
               .code = "Tenant_AlreadyInitialised",
               .message = "The tenant is already initialised."};
}

inline Error BadSkipToken() {
  return BadRequest("The specified page token value has expired or is invalid.", "$skiptoken");
}

inline Error BadPageSize(int size) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_UnsupportedQuery",
               .message = "Invalid page size specified: '" + std::to_string(size) +
                          "'. Must be between 1 and 999 inclusive.",
               .target = "$top"};
}

inline Error FilterNotIndexed() {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_UnsupportedQuery",
               .message = "The request uses a filter property that is not indexed",
               .target = "$filter"};
}

}  // namespace admin365::expected
