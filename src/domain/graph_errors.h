#pragma once

// The Graph error catalogue: every directory failure admin365 reports, with Entra's exact
// HTTP status, code and message (../shared/reference/entra-graph-facts.md §3.13).
//
// The engine returns these; the Graph client maps Microsoft's responses onto the same
// values, so callers can compare errors without caring where they came from.

#include <string>
#include <string_view>

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

// --- Groups and manager ---

// --- Authentication and hybrid identity ---

}  // namespace admin365::errors
