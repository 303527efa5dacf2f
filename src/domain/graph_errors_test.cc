#include "domain/graph_errors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testutil/error_matchers.h"

namespace admin365 {
namespace {

Error Make(ErrorKind kind, int status, std::string code, std::string message,
           std::string target = {}, std::vector<ErrorDetail> details = {}) {
  return Error{.kind = kind,
               .http_status = status,
               .code = std::move(code),
               .message = std::move(message),
               .target = std::move(target),
               .details = std::move(details)};
}

constexpr ErrorKind kInvalid = ErrorKind::kInvalidArgument;

TEST(GraphErrorsTest, PropertyErrors) {
  EXPECT_THAT(errors::RequiredProperty("displayName"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "A value is required for property 'displayName' of resource "
                               "'User'.",
                               "displayName")));
  EXPECT_THAT(errors::RequiredProperty("displayName", "Group"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "A value is required for property 'displayName' of resource "
                               "'Group'.",
                               "displayName")));
  EXPECT_THAT(errors::InvalidPropertyValue("mailNickname"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Invalid value specified for property 'mailNickname' of resource "
                               "'User'.",
                               "mailNickname")));
  EXPECT_THAT(errors::UnknownProperty("favouriteColour"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Property 'favouriteColour' does not exist as a declared property "
                               "or extension property.",
                               "favouriteColour")));
  EXPECT_THAT(errors::ReadOnlyProperty("createdDateTime"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Property 'createdDateTime' is read-only and cannot be set.",
                               "createdDateTime")));
}

TEST(GraphErrorsTest, UpnAndPasswordErrors) {
  EXPECT_THAT(errors::InvalidUserPrincipalName(),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Property userPrincipalName is invalid.", "userPrincipalName")));
  EXPECT_THAT(errors::UnverifiedUpnDomain(),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "The domain portion of the userPrincipalName property is invalid. "
                               "You must use one of the verified domain names in your "
                               "organization.",
                               "userPrincipalName")));
  EXPECT_THAT(errors::PasswordComplexity(),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "The specified password does not comply with password complexity "
                               "requirements. Please provide a different password.",
                               "passwordProfile")));
}

TEST(GraphErrorsTest, ConflictErrors) {
  EXPECT_THAT(errors::ObjectConflict("userPrincipalName"),
              EqualsError(Make(ErrorKind::kConflict, 400, "Request_BadRequest",
                               "Another object with the same value for property userPrincipalName "
                               "already exists.",
                               "userPrincipalName",
                               {{.code = "ObjectConflict", .target = "userPrincipalName"}})));
  EXPECT_THAT(errors::ObjectConflict("proxyAddresses"),
              EqualsError(Make(ErrorKind::kConflict, 400, "Request_BadRequest",
                               "Another object with the same value for property proxyAddresses "
                               "already exists.",
                               "proxyAddresses",
                               {{.code = "ObjectConflict", .target = "proxyAddresses"}})));
  EXPECT_THAT(errors::ConflictingObject(),
              EqualsError(Make(ErrorKind::kConflict, 400, "Request_BadRequest",
                               "A conflicting object with one or more of the specified property "
                               "values is present in the directory.")));
  EXPECT_THAT(errors::DomainAlreadyExists(),
              EqualsError(Make(ErrorKind::kConflict, 400, "Request_BadRequest",
                               "Another object with the same value for property id already "
                               "exists.",
                               "id", {{.code = "ObjectConflict", .target = "id"}})));
  EXPECT_THAT(
      errors::RestoreUpnConflict("6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11", "adele@contoso.com"),
      EqualsError(Make(ErrorKind::kConflict, 400, "Request_BadRequest",
                       "The user '6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11' cannot be restored "
                       "because another object uses its userPrincipalName 'adele@contoso.com'. "
                       "Restore it with a new userPrincipalName.",
                       "userPrincipalName",
                       {{.code = "ObjectConflict", .target = "userPrincipalName"}})));
}

TEST(GraphErrorsTest, ObjectErrors) {
  EXPECT_THAT(errors::ResourceNotFound("adele@contoso.com"),
              EqualsError(Make(ErrorKind::kNotFound, 404, "Request_ResourceNotFound",
                               "Resource 'adele@contoso.com' does not exist or one of its queried "
                               "reference-property objects are not present.")));
  EXPECT_THAT(errors::InvalidObjectIdentifier("not-a-guid"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Invalid object identifier 'not-a-guid'.")));
  EXPECT_THAT(errors::OnPremisesMastered(),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Unable to update the specified properties for on-premises "
                               "mastered Directory Sync objects or objects currently undergoing "
                               "migration.")));
  EXPECT_THAT(errors::InsufficientPrivileges(),
              EqualsError(Make(ErrorKind::kPermissionDenied, 403, "Authorization_RequestDenied",
                               "Insufficient privileges to complete the operation.")));
  EXPECT_THAT(errors::DirectoryQuotaExceeded(),
              EqualsError(Make(ErrorKind::kFailedPrecondition, 400, "Directory_QuotaExceeded",
                               "The directory object quota limit for the Tenant has been "
                               "exceeded. Please ask your administrator to increase the quota "
                               "limit or delete objects to reduce the used quota.")));
}

TEST(GraphErrorsTest, DomainErrors) {
  EXPECT_THAT(errors::InvalidDomainName("contoso..com"),
              EqualsError(Make(kInvalid, 400, "Request_BadRequest",
                               "Domain name 'contoso..com' is invalid.", "id")));
  EXPECT_THAT(errors::DomainIsDefaultOrInitial("contoso.onmicrosoft.com"),
              EqualsError(Make(ErrorKind::kFailedPrecondition, 400, "Request_BadRequest",
                               "Unable to delete domain 'contoso.onmicrosoft.com' because it is "
                               "the default or initial domain of the tenant.")));
  EXPECT_THAT(errors::DomainInUse("contoso.com", 12),
              EqualsError(Make(ErrorKind::kFailedPrecondition, 400, "Request_BadRequest",
                               "Unable to delete domain 'contoso.com' because it is still "
                               "referenced by 12 object(s). Move or delete them first.")));
  EXPECT_THAT(errors::DomainNotVerified("contoso.com"),
              EqualsError(Make(ErrorKind::kFailedPrecondition, 400, "Request_BadRequest",
                               "Domain 'contoso.com' must be verified before it can be the "
                               "default.")));
}

TEST(GraphErrorsTest, TenantErrors) {
  EXPECT_THAT(errors::TenantNotInitialised(),
              EqualsError(Make(ErrorKind::kFailedPrecondition, 409, "Tenant_NotInitialised",
                               "The tenant is not initialised. Run 'admin365 tenant init'.")));
  EXPECT_THAT(errors::TenantAlreadyInitialised(),
              EqualsError(Make(ErrorKind::kConflict, 409, "Tenant_AlreadyInitialised",
                               "The tenant is already initialised.")));
}

}  // namespace
}  // namespace admin365
