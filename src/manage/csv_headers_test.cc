#include "manage/csv_headers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "domain/user_properties.h"
#include "testutil/error_matchers.h"

namespace admin365::manage {
namespace {

using ::testing::ElementsAre;

std::string AsciiUpperForTest(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

std::string FieldOf(std::string_view header) { return InterpretHeader(header).field; }

NameMatch MatchIn(std::string_view header, CsvDialect dialect) {
  return InterpretHeader(header).dialects[static_cast<std::size_t>(dialect)];
}

CsvDialect DialectOf(std::vector<std::string> headers) {
  Result<HeaderMapping> mapping = MapHeaders(headers, 1);
  if (!mapping) {
    ADD_FAILURE() << mapping.error().message;
    return CsvDialect::kGraph;
  }
  return mapping->dialect;
}

TEST(CsvHeadersTest, ReadsTheBracketedNameOfEntraHeaders) {
  EXPECT_EQ(FieldOf("Name [displayName] Required"), "displayName");
  EXPECT_EQ(FieldOf("  User name [userPrincipalName] Required "), "userPrincipalName");
  EXPECT_EQ(FieldOf("Usage location [usageLocation]"), "usageLocation");
  EXPECT_EQ(FieldOf("Anything at all [ JOBTITLE ]"), "jobTitle");
  EXPECT_EQ(MatchIn("Name [displayName] Required", CsvDialect::kEntra), NameMatch::kExact);
  EXPECT_EQ(MatchIn("Name [displayName] Required", CsvDialect::kGraph), NameMatch::kNone);
}

TEST(CsvHeadersTest, MapsTheLegacyNamesOfTheEntraTemplates) {
  EXPECT_EQ(FieldOf("Initial password [passwordProfile] Required"), "password");
  EXPECT_EQ(FieldOf("Office [physicalDeliveryOfficeName]"), "officeLocation");
  EXPECT_EQ(FieldOf("Office phone [telephoneNumber]"), "businessPhones");
  EXPECT_EQ(FieldOf("Mobile phone [mobile]"), "mobilePhone");
  EXPECT_EQ(FieldOf("Object ID [objectId] Required"), "id");
  EXPECT_EQ(FieldOf("physicalDeliveryOfficeName"), "officeLocation");
  EXPECT_EQ(MatchIn("telephoneNumber", CsvDialect::kEntra), NameMatch::kExact);
}

TEST(CsvHeadersTest, BlockSignInIsTheInvertedAccountEnabled) {
  EXPECT_EQ(FieldOf("Block sign in (Yes/No) [accountEnabled] Required"), "blockSignIn");
  EXPECT_EQ(FieldOf("Account enabled [accountEnabled]"), "accountEnabled");
  EXPECT_EQ(FieldOf("accountEnabled"), "accountEnabled");
  EXPECT_EQ(FieldOf("BlockCredential"), "blockSignIn");
}

TEST(CsvHeadersTest, LeavesUnknownNamesUnmapped) {
  EXPECT_EQ(FieldOf("Email address to invite [inviteeEmail] Required"), "");
  EXPECT_EQ(FieldOf("Cost centre"), "");
  EXPECT_EQ(FieldOf("Name [displayName"), "");
  EXPECT_EQ(FieldOf(""), "");
  EXPECT_EQ(InterpretHeader("Cost centre").dialects,
            (std::array<NameMatch, 4>{NameMatch::kNone, NameMatch::kNone, NameMatch::kNone,
                                      NameMatch::kNone}));
}

TEST(CsvHeadersTest, RecognisesEveryGraphPropertyAndFieldByItsName) {
  for (const UserProperty& property : AllUserProperties()) {
    EXPECT_EQ(FieldOf(property.name), property.name);
    EXPECT_EQ(MatchIn(property.name, CsvDialect::kGraph), NameMatch::kExact) << property.name;
  }
  for (std::string_view field : kUserCsvFields) {
    EXPECT_EQ(FieldOf(field), field);
    EXPECT_EQ(FieldOf(AsciiUpperForTest(field)), field);
  }
}

TEST(CsvHeadersTest, MapsTheAliasesOfEachDialect) {
  const std::vector<std::pair<std::string_view, std::string_view>> aliases = {
      {"FirstName", "givenName"},
      {"First Name", "givenName"},
      {"LastName", "surname"},
      {"Title", "jobTitle"},
      {"Office", "officeLocation"},
      {"Office Number", "officeLocation"},
      {"PhoneNumber", "businessPhones"},
      {"Office Phone", "businessPhones"},
      {"MobilePhone", "mobilePhone"},
      {"Fax", "faxNumber"},
      {"AlternateEmailAddresses", "otherMails"},
      {"Alternate email address", "otherMails"},
      {"StreetAddress", "streetAddress"},
      {"Address", "streetAddress"},
      {"State or Province", "state"},
      {"ZIP or Postal Code", "postalCode"},
      {"Country or Region", "country"},
      {"Company", "companyName"},
      {"User Name", "userPrincipalName"},
      {"Display Name", "displayName"},
      {"ObjectId", "id"},
      {"Password", "password"},
      {"ForceChangePassword", "forceChangePassword"},
      {"forceChangePasswordNextSignIn", "forceChangePassword"},
      {"ManagerUserPrincipalName", "manager"},
      {"New user name", "newUserPrincipalName"},
      {"NewDomain", "domain"},
      {"LicenseAssignment", "addLicenses"},
      {"Licenses", "addLicenses"},
      {"LicenseOptions", "disabledPlans"},
      {"AddGroups", "groups"},
      {"Is MFA Enabled", "mfaState"},
      {"StrongAuthenticationRequirements", "mfaState"},
      {"Allowed MFA Methods", "allowedMethods"},
      {"Default MFA Method", "defaultMethod"},
      {"StrongAuthenticationPhoneNumber", "authenticationPhone"},
      {"StrongAuthenticationEmail", "authenticationEmail"},
      {"ImmutableId", "onPremisesImmutableId"},
  };
  for (const auto& [header, field] : aliases) EXPECT_EQ(FieldOf(header), field) << header;
}

TEST(CsvHeadersTest, TrimsSpacesTabsAndNoBreakSpaces) {
  EXPECT_EQ(TrimHeader(" \t\xC2\xA0 User Name\xC2\xA0 "), "User Name");
  EXPECT_EQ(FieldOf("\xC2\xA0user name "), "userPrincipalName");
}

TEST(CsvHeadersTest, ChoosesTheDialectWithTheMostHeaders) {
  EXPECT_EQ(DialectOf({"User Name", "Display Name", "Department", "City"}),
            CsvDialect::kAdminCenter);
  EXPECT_EQ(DialectOf({"UserPrincipalName", "FirstName", "City"}), CsvDialect::kMsOnline);
  EXPECT_EQ(DialectOf({"userPrincipalName", "givenName", "City"}), CsvDialect::kGraph);
  EXPECT_EQ(
      DialectOf({"User name [userPrincipalName] Required", "Name [displayName]", "Department"}),
      CsvDialect::kEntra);
}

TEST(CsvHeadersTest, BreaksTiesByExactSpellingThenByPreference) {
  // Both MSOnline and Graph names, case-insensitively; the spelling decides.
  EXPECT_EQ(DialectOf({"UserPrincipalName", "DisplayName"}), CsvDialect::kMsOnline);
  EXPECT_EQ(DialectOf({"userPrincipalName", "displayName"}), CsvDialect::kGraph);
  EXPECT_EQ(DialectOf({"userprincipalname", "displayname"}), CsvDialect::kGraph);
}

TEST(CsvHeadersTest, MapsEachColumnAndLeavesUnknownOnesEmpty) {
  Result<HeaderMapping> mapping = MapHeaders({"User Name", "Cost centre", "Display Name", ""}, 1);
  ASSERT_THAT(mapping, Succeeds());
  EXPECT_THAT(mapping->fields, ElementsAre("userPrincipalName", "", "displayName", ""));
}

TEST(CsvHeadersTest, RefusesTwoColumnsForOneField) {
  EXPECT_THAT(MapHeaders({"Office [physicalDeliveryOfficeName]", "officeLocation"}, 2),
              FailsWith(Error{.kind = ErrorKind::kInvalidArgument,
                              .http_status = 400,
                              .code = "Request_BadRequest",
                              .message = "line 2: two columns mean officeLocation: column 1 "
                                         "\"Office [physicalDeliveryOfficeName]\" and column 2 "
                                         "\"officeLocation\"; remove one"}));
}

}  // namespace
}  // namespace admin365::manage
