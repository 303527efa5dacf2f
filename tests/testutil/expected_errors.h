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

inline Error RequiredProperty(const std::string& property, const std::string& resource = "User") {
  return BadRequest(
      "A value is required for property '" + property + "' of resource '" + resource + "'.",
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

// --- Groups and manager ---

inline Error MailEnabledGroupNotSupported() {
  return BadRequest(
      "The service does not currently support writes of mail-enabled groups. Please ensure "
      "that the mail-enablement property is unset and the security-enablement property is set.",
      "mailEnabled");
}

inline Error MemberAlreadyExists(const std::string& property = "members") {
  return Error{.kind = ErrorKind::kConflict,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = "One or more added object references already exist for the following "
                          "modified properties: '" +
                          property + "'.",
               .target = property};
}

inline Error LastGroupOwner() {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = "The group must have at least one owner, hence this owner cannot be "
                          "removed.",
               .target = "owners"};
}

inline Error ManagerIsSelf() {
  return BadRequest("A user cannot be their own manager.", "manager");
}

inline Error GroupLicenseNotAssigned() {
  return BadRequest("Group does not have a corresponding license.", "removeLicenses");
}

inline Error GroupHasLicenses(const std::string& id) {
  return Precondition("Unable to delete group '" + id +
                      "' because it has licenses assigned. Remove its licenses first.");
}

inline Error AmbiguousGroupName(const std::string& name) {
  return BadRequest("More than one group is named '" + name + "'. Give the group's object id.");
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

// --- Authentication and hybrid identity ---

inline Error OnPremisesMastered() {
  return BadRequest(
      "Unable to update the specified properties for on-premises mastered Directory Sync "
      "objects or objects currently undergoing migration.");
}

inline Error InvalidPhoneNumber() {
  return InvalidValue("phoneNumber", "PhoneAuthenticationMethod");
}

inline Error InvalidPhoneType() { return InvalidValue("phoneType", "PhoneAuthenticationMethod"); }

inline Error InvalidEmailMethodAddress() {
  return InvalidValue("emailAddress", "EmailAuthenticationMethod");
}

inline Error InvalidAuthenticationMethod(const std::string& property) {
  return InvalidValue(property, "SignInPreferences");
}

inline Error AlternateMobileNeedsMobile() {
  return Precondition(
      "A user must have a mobile phone method before an alternateMobile phone method can be "
      "added.");
}

inline Error MobileNeededByAlternateMobile() {
  return Precondition(
      "The mobile phone method cannot be removed while an alternateMobile phone method exists. "
      "Remove the alternateMobile phone method first, or replace the mobile number instead.");
}

inline Error MethodNotAllowed(const std::string& method) {
  return Precondition("The authentication method '" + method +
                      "' is not among the methods this user is allowed to use.");
}

inline Error DefaultMethodNotRegistered(const std::string& method, const std::string& phone_type) {
  return Precondition("The authentication method '" + method +
                      "' cannot be the default method: the user has no " + phone_type +
                      " phone method registered.");
}

inline Error PasswordWritebackDisabled() {
  return Precondition(
      "The password of a user synchronized from on-premises Active Directory cannot be reset in "
      "the cloud because password writeback is not enabled. Reset it in on-premises Active "
      "Directory.");
}

// --- Licences ---

inline Error InvalidUsageLocationForLicense() {
  Error error = BadRequest(
      "License assignment cannot be done for user with invalid usage location.", "usageLocation");
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

inline Error InvalidCompanyLicense(const std::string& sku_id) {
  return BadRequest("License " + sku_id + " does not correspond to a valid company License.",
                    "skuId");
}

inline Error NoAvailableLicenses(const std::string& sku_id) {
  return Precondition("Subscription with SKU " + sku_id + " does not have any available licenses.");
}

inline Error InvalidDisabledPlan(const std::string& sku_id, const std::string& plan) {
  return BadRequest("Service plan " + plan +
                        " does not correspond to a valid service plan of License " + sku_id + ".",
                    "disabledPlans");
}

inline Error LicenseNotAssigned() {
  return BadRequest("User does not have a corresponding license.", "removeLicenses");
}

inline Error LicenseInheritedFromGroup() {
  Error error = BadRequest(
      "User license is inherited from group membership and cannot be removed directly from the "
      "user.",
      "removeLicenses");
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
}

inline Error UnknownProduct(const std::string& name) {
  Error error = BadRequest("Product '" + name + "' is not in the licensing catalogue.");
  error.kind = ErrorKind::kNotFound;
  return error;
}

inline Error AmbiguousProduct(const std::string& part_number, const std::string& ids) {
  return BadRequest("Product '" + part_number + "' names several SKUs: " + ids +
                    ". Give the skuId.");
}

inline Error SubscriptionExists(const std::string& part_number, const std::string& sku_id) {
  Error error = BadRequest("The tenant already has a subscription to " + part_number + " (" +
                               sku_id + "). Change its units instead.",
                           "skuId");
  error.kind = ErrorKind::kConflict;
  return error;
}

inline Error UnitsBelowConsumed(const std::string& sku_id, int consumed, int units) {
  return Precondition("Subscription with SKU " + sku_id + " has " + std::to_string(consumed) +
                      " licenses assigned, more than " + std::to_string(units) +
                      ". Remove licenses from users first.");
}

inline Error CatalogueLine(int line, const std::string& what) {
  return Error{.kind = ErrorKind::kInternal,
               .http_status = 500,
               .code = "InternalServerError",
               .message = "Licensing catalogue, line " + std::to_string(line) + ": " + what};
}

}  // namespace admin365::expected
