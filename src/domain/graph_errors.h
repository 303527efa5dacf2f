#pragma once

// The Graph error catalogue: every directory failure admin365 reports, with Entra's exact
// HTTP status, code and message (../shared/reference/entra-graph-facts.md §3.13).
//
// The engine returns these; the Graph client maps Microsoft's responses onto the same
// values, so callers can compare errors without caring where they came from.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace admin365::errors {

// 400 Request_BadRequest "A value is required for property '{property}' of resource 'User'."
Error RequiredProperty(std::string_view property, std::string_view resource = "User");
// 400 Request_BadRequest "Invalid value specified for property '{property}' of resource 'User'."
Error InvalidPropertyValue(std::string_view property, std::string_view resource = "User");
// 400 Request_BadRequest "Property '{property}' does not exist as a declared property or
// extension property."
Error UnknownProperty(std::string_view property);
// 400 Request_BadRequest "Property '{property}' is read-only and cannot be set."
Error ReadOnlyProperty(std::string_view property);
// 400 Request_BadRequest "Property userPrincipalName is invalid."
Error InvalidUserPrincipalName();
// 400 Request_BadRequest "The domain portion of the userPrincipalName property is invalid. ..."
Error UnverifiedUpnDomain();
// 400 Request_BadRequest "Another object with the same value for property {property} already
// exists." with details [{target: property, code: ObjectConflict}].
Error ObjectConflict(std::string_view property);
// 400 Request_BadRequest "A conflicting object with one or more of the specified property
// values is present in the directory."
Error ConflictingObject();
// 400 Request_BadRequest "The specified password does not comply with password complexity
// requirements. Please provide a different password."
Error PasswordComplexity();
// 404 Request_ResourceNotFound "Resource '{id}' does not exist or one of its queried
// reference-property objects are not present."
Error ResourceNotFound(std::string_view id);
// 400 Request_BadRequest "Invalid object identifier '{id}'."
Error InvalidObjectIdentifier(std::string_view id);
// 400 Request_BadRequest "Unable to update the specified properties for on-premises mastered
// Directory Sync objects or objects currently undergoing migration."
Error OnPremisesMastered();
// 403 Authorization_RequestDenied "Insufficient privileges to complete the operation."
Error InsufficientPrivileges();
// 400 Directory_QuotaExceeded "The directory object quota limit for the Tenant has been
// exceeded. Please ask your administrator to increase the quota limit or delete objects to
// reduce the used quota."
Error DirectoryQuotaExceeded();
// 400 Request_BadRequest: an object quota outside 1-kMaxObjectQuota (admin365's wording).
Error InvalidObjectQuota(long long quota);

// Domains (§3.8). Graph's own messages where known; otherwise in Graph's style.
// 400 Request_BadRequest "Domain name '{name}' is invalid."
Error InvalidDomainName(std::string_view name);
// 400 Request_BadRequest "Another object with the same value for property id already exists."
Error DomainAlreadyExists();
// 400 Request_BadRequest "Unable to delete domain '{name}' because it is the default or
// initial domain of the tenant."
Error DomainIsDefaultOrInitial(std::string_view name);
// 400 Request_BadRequest "Unable to delete domain '{name}' because it is still referenced by
// {count} object(s). Move or delete them first."
Error DomainInUse(std::string_view name, long long count);
// 400 Request_BadRequest "Domain '{name}' must be verified before it can be the default."
Error DomainNotVerified(std::string_view name);

// 400 Request_BadRequest "The user '{id}' cannot be restored because another object uses its
// userPrincipalName '{upn}'. Restore it with a new userPrincipalName."
Error RestoreUpnConflict(std::string_view id, std::string_view upn);

// 409 (admin365, not Graph) "The tenant is not initialised. Run 'admin365 tenant init'."
Error TenantNotInitialised();
// 409 (admin365, not Graph) "The tenant is already initialised."
Error TenantAlreadyInitialised();

// --- Licences ---
// assignLicense (§3.4). The first three are Graph's own (observed); the next three are in
// Graph's style where Graph's wording is unknown or only seen through PowerShell.

// 400 Request_BadRequest (precondition) "License assignment cannot be done for user with
// invalid usage location.", target "usageLocation": adding a licence to a user without one.
Error InvalidUsageLocationForLicense();
// 400 Request_BadRequest "License {skuId} does not correspond to a valid company License.",
// target "skuId": a SKU the tenant has no subscription to.
Error InvalidCompanyLicense(std::string_view sku_id);
// 400 Request_BadRequest (precondition) "Subscription with SKU {skuId} does not have any
// available licenses.": no free seat, or the subscription is suspended.
Error NoAvailableLicenses(std::string_view sku_id);
// 400 Request_BadRequest "Service plan {plan} does not correspond to a valid service plan of
// License {skuId}." (admin365's wording), target "disabledPlans": a disabled plan that is
// not one of the SKU's plans.
Error InvalidDisabledPlan(std::string_view sku_id, std::string_view plan);
// 400 Request_BadRequest "User does not have a corresponding license." (the wording of the
// AzureAD module's SetUserLicenses), target "removeLicenses": removing a licence the user
// does not hold.
Error LicenseNotAssigned();
// 400 Request_BadRequest (precondition) "User license is inherited from group membership and
// cannot be removed directly from the user." (observed through third-party tools), target
// "removeLicenses".
Error LicenseInheritedFromGroup();

// Subscriptions: the embedded tenant's own (a real tenant buys from Microsoft), admin365's
// wording.
// 400 Request_BadRequest (not found) "Product '{name}' is not in the licensing catalogue."
Error UnknownProduct(std::string_view name);
// 400 Request_BadRequest "Product '{part number}' names several SKUs: {id}, {id}. Give the
// skuId."
Error AmbiguousProduct(std::string_view sku_part_number, const std::vector<std::string>& sku_ids);
// 400 Request_BadRequest (conflict) "The tenant already has a subscription to {part number}
// ({skuId}). Change its units instead.", target "skuId".
Error SubscriptionExists(std::string_view sku_part_number, std::string_view sku_id);
// 400 Request_BadRequest (precondition) "Subscription with SKU {skuId} has {consumed}
// licenses assigned, more than {units}. Remove licenses from users first."
Error UnitsBelowConsumed(std::string_view sku_id, long long consumed, long long units);

// --- Groups and manager ---
// Group creation also uses RequiredProperty / InvalidPropertyValue with resource 'Group',
// ObjectConflict("mailNickname" | "proxyAddresses"), and ResourceNotFound("manager") when a
// user has no manager.

// 400 Request_BadRequest "The service does not currently support writes of mail-enabled
// groups. Please ensure that the mail-enablement property is unset and the
// security-enablement property is set." (Graph's, observed): a mail-enabled group that is
// not a Microsoft 365 group (distribution list, mail-enabled security group), or a group
// that is neither mail- nor security-enabled.
Error MailEnabledGroupNotSupported();
// 400 Request_BadRequest "One or more added object references already exist for the
// following modified properties: '{property}'." (Graph's, observed), target `property`:
// "members" or "owners".
Error MemberAlreadyExists(std::string_view property = "members");
// 400 Request_BadRequest "The group must have at least one owner, hence this owner cannot
// be removed." (Graph's, observed), target "owners".
Error LastGroupOwner();
// 400 Request_BadRequest "A user cannot be their own manager." (admin365's wording: Graph's
// is unknown), target "manager".
Error ManagerIsSelf();
// 400 Request_BadRequest "Group does not have a corresponding license." (admin365's wording,
// after LicenseNotAssigned), target "removeLicenses": removing a licence a group does not give.
Error GroupLicenseNotAssigned();
// 400 Request_BadRequest (precondition) "Unable to delete group '{id}' because it has licenses
// assigned. Remove its licenses first." (admin365's wording: Entra requires it, its message is
// unknown).
Error GroupHasLicenses(std::string_view id);
// 400 Request_BadRequest (admin365, not Graph) "More than one group is named '{name}'. Give
// the group's object id.": a display name given where one group was meant.
Error AmbiguousGroupName(std::string_view name);

// --- Authentication and hybrid identity ---
// Authentication methods (§3.7) reuse the invalid-value pattern, naming the method's
// resource. The precondition messages are admin365's own wording of rules Graph's
// documentation states; Graph's exact text for them is unknown.

// 400 Request_BadRequest "Invalid value specified for property 'phoneNumber' of resource
// 'PhoneAuthenticationMethod'." (a number not in the form "+{country code} {number}x{ext}").
Error InvalidPhoneNumber();
// 400 Request_BadRequest "Invalid value specified for property 'phoneType' of resource
// 'PhoneAuthenticationMethod'." (not mobile, alternateMobile or office).
Error InvalidPhoneType();
// 400 Request_BadRequest "Invalid value specified for property 'emailAddress' of resource
// 'EmailAuthenticationMethod'."
Error InvalidEmailMethodAddress();
// 400 Request_BadRequest "Invalid value specified for property '{property}' of resource
// 'SignInPreferences'." (a method name that is not push, oath, voiceMobile,
// voiceAlternateMobile, voiceOffice or sms).
Error InvalidAuthenticationMethod(std::string_view property);
// 400 Request_BadRequest (precondition) "A user must have a mobile phone method before an
// alternateMobile phone method can be added."
Error AlternateMobileNeedsMobile();
// 400 Request_BadRequest (precondition) "The mobile phone method cannot be removed while an
// alternateMobile phone method exists. Remove the alternateMobile phone method first, or
// replace the mobile number instead."
Error MobileNeededByAlternateMobile();
// 400 Request_BadRequest (precondition) "The authentication method '{method}' is not among
// the methods this user is allowed to use."
Error MethodNotAllowed(std::string_view method);
// 400 Request_BadRequest (precondition) "The authentication method '{method}' cannot be the
// default method: the user has no {phone_type} phone method registered."
Error DefaultMethodNotRegistered(std::string_view method, std::string_view phone_type);
// 400 Request_BadRequest (precondition) "The password of a user synchronized from on-premises
// Active Directory cannot be reset in the cloud because password writeback is not enabled.
// Reset it in on-premises Active Directory."
Error PasswordWritebackDisabled();

}  // namespace admin365::errors
