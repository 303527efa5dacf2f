#include "domain/graph_errors.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/tenant.h"

namespace admin365::errors {

namespace {

Error BadRequest(std::string message, std::string target = {}) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::move(target)};
}

// A 400 whose fix is a change of state rather than of the request.
Error Precondition(std::string message, std::string target = {}) {
  Error error = BadRequest(std::move(message), std::move(target));
  error.kind = ErrorKind::kFailedPrecondition;
  return error;
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
  return BadRequest(fmt::format("Invalid value specified for property '{}' of resource '{}'.",
                                property, resource),
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
               .message =
                   "The directory object quota limit for the Tenant has been exceeded. "
                   "Please ask your administrator to increase the quota limit or delete "
                   "objects to reduce the used quota."};
}

Error InvalidObjectQuota(long long quota) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = fmt::format("The object quota must be a whole number from 1 to {}; "
                                      "{} was given.",
                                      kMaxObjectQuota, quota),
               .target = "objectQuota"};
}

Error InvalidDomainName(std::string_view name) {
  return BadRequest(fmt::format("Domain name '{}' is invalid.", name), "id");
}

Error DomainAlreadyExists() { return ObjectConflict("id"); }

Error DomainIsDefaultOrInitial(std::string_view name) {
  return Precondition(fmt::format(
      "Unable to delete domain '{}' because it is the default or initial domain of the tenant.",
      name));
}

Error DomainInUse(std::string_view name, long long count) {
  return Precondition(fmt::format(
      "Unable to delete domain '{}' because it is still referenced by {} object(s). Move or "
      "delete them first.",
      name, count));
}

Error DomainNotVerified(std::string_view name) {
  return Precondition(
      fmt::format("Domain '{}' must be verified before it can be the default.", name));
}

Error RestoreUpnConflict(std::string_view id, std::string_view upn) {
  Error error =
      Conflict(fmt::format("The user '{}' cannot be restored because another object uses its "
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

Error InvalidUsageLocationForLicense() {
  return Precondition("License assignment cannot be done for user with invalid usage location.",
                      "usageLocation");
}

Error InvalidCompanyLicense(std::string_view sku_id) {
  return BadRequest(
      fmt::format("License {} does not correspond to a valid company License.", sku_id), "skuId");
}

Error NoAvailableLicenses(std::string_view sku_id) {
  return Precondition(
      fmt::format("Subscription with SKU {} does not have any available licenses.", sku_id));
}

Error InvalidDisabledPlan(std::string_view sku_id, std::string_view plan) {
  return BadRequest(
      fmt::format("Service plan {} does not correspond to a valid service plan of License {}.",
                  plan, sku_id),
      "disabledPlans");
}

Error LicenseNotAssigned() {
  return BadRequest("User does not have a corresponding license.", "removeLicenses");
}

Error LicenseInheritedFromGroup() {
  return Precondition(
      "User license is inherited from group membership and cannot be removed directly from the "
      "user.",
      "removeLicenses");
}

Error UnknownProduct(std::string_view name) {
  Error error = BadRequest(fmt::format("Product '{}' is not in the licensing catalogue.", name));
  error.kind = ErrorKind::kNotFound;
  return error;
}

Error AmbiguousProduct(std::string_view sku_part_number, const std::vector<std::string>& sku_ids) {
  return BadRequest(fmt::format("Product '{}' names several SKUs: {}. Give the skuId.",
                                sku_part_number, fmt::join(sku_ids, ", ")));
}

Error SubscriptionExists(std::string_view sku_part_number, std::string_view sku_id) {
  return Conflict(fmt::format("The tenant already has a subscription to {} ({}). Change its "
                              "units instead.",
                              sku_part_number, sku_id),
                  "skuId");
}

Error UnitsBelowConsumed(std::string_view sku_id, long long consumed, long long units) {
  return Precondition(
      fmt::format("Subscription with SKU {} has {} licenses assigned, more than "
                  "{}. Remove licenses from users first.",
                  sku_id, consumed, units));
}

// --- Groups and manager ---

Error MailEnabledGroupNotSupported() {
  return BadRequest(
      "The service does not currently support writes of mail-enabled groups. Please ensure "
      "that the mail-enablement property is unset and the security-enablement property is "
      "set.",
      "mailEnabled");
}

Error MemberAlreadyExists(std::string_view property) {
  return Conflict(fmt::format("One or more added object references already exist for the "
                              "following modified properties: '{}'.",
                              property),
                  std::string(property));
}

Error LastGroupOwner() {
  return BadRequest("The group must have at least one owner, hence this owner cannot be removed.",
                    "owners");
}

Error ManagerIsSelf() { return BadRequest("A user cannot be their own manager.", "manager"); }

Error GroupLicenseNotAssigned() {
  return BadRequest("Group does not have a corresponding license.", "removeLicenses");
}

Error GroupHasLicenses(std::string_view id) {
  return Precondition(fmt::format(
      "Unable to delete group '{}' because it has licenses assigned. Remove its licenses first.",
      id));
}

Error AmbiguousGroupName(std::string_view name) {
  return BadRequest(
      fmt::format("More than one group is named '{}'. Give the group's object id.", name));
}

// --- Authentication and hybrid identity ---

Error InvalidPhoneNumber() {
  return InvalidPropertyValue("phoneNumber", "PhoneAuthenticationMethod");
}

Error InvalidPhoneType() { return InvalidPropertyValue("phoneType", "PhoneAuthenticationMethod"); }

Error InvalidEmailMethodAddress() {
  return InvalidPropertyValue("emailAddress", "EmailAuthenticationMethod");
}

Error InvalidAuthenticationMethod(std::string_view property) {
  return InvalidPropertyValue(property, "SignInPreferences");
}

Error AlternateMobileNeedsMobile() {
  return Precondition(
      "A user must have a mobile phone method before an alternateMobile phone method can be "
      "added.");
}

Error MobileNeededByAlternateMobile() {
  return Precondition(
      "The mobile phone method cannot be removed while an alternateMobile phone method exists. "
      "Remove the alternateMobile phone method first, or replace the mobile number instead.");
}

Error MethodNotAllowed(std::string_view method) {
  return Precondition(fmt::format(
      "The authentication method '{}' is not among the methods this user is allowed to use.",
      method));
}

Error DefaultMethodNotRegistered(std::string_view method, std::string_view phone_type) {
  return Precondition(
      fmt::format("The authentication method '{}' cannot be the default method: the user has no "
                  "{} phone method registered.",
                  method, phone_type));
}

Error PasswordWritebackDisabled() {
  return Precondition(
      "The password of a user synchronized from on-premises Active Directory cannot be reset in "
      "the cloud because password writeback is not enabled. Reset it in on-premises Active "
      "Directory.");
}

}  // namespace admin365::errors
