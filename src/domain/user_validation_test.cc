#include "domain/user_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {
namespace {

using ::testing::ElementsAre;

PropertyValue Text(std::string text) { return PropertyValue(std::move(text)); }
const PropertyValue kNull = std::monostate{};

// The smallest valid creation: the five required properties.
NewUser MinimalRequest() {
  NewUser request;
  request.properties = {
      {"accountEnabled", true},
      {"displayName", Text("Adele Vance")},
      {"mailNickname", Text("AdeleV")},
      {"userPrincipalName", Text("AdeleV@Contoso.com")},
  };
  request.password_profile = PasswordProfile{.password = "Xk9#mQ2v-Lr4",
                                             .force_change_password_next_sign_in = true,
                                             .force_change_password_next_sign_in_with_mfa = false};
  return request;
}

User SampleUser() {
  User user;
  user.id = "6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11";
  user.user_principal_name = "AdeleV@contoso.com";
  user.display_name = "Adele Vance";
  user.mail_nickname = "AdeleV";
  user.account_enabled = true;
  user.given_name = "Adele";
  user.surname = "Vance";
  user.job_title = "Retail Manager";
  user.usage_location = "US";
  user.business_phones = {"+1 425 555 0109"};
  user.other_mails = {"adele@fabrikam.com"};
  user.proxy_addresses = {"SMTP:AdeleV@contoso.com"};
  user.created_date_time = 1795396662;
  user.last_password_change_date_time = 1795396662;
  user.sign_in_sessions_valid_from_date_time = 1795396662;
  user.force_change_password_next_sign_in = true;
  return user;
}

// ---------------------------------------------------------------------------------------
// ValidateNewUser: success

TEST(ValidateNewUserTest, BuildsTheUserFromTheRequiredProperties) {
  const Result<ValidatedNewUser> validated = ValidateNewUser(MinimalRequest());
  ASSERT_THAT(validated, Succeeds());
  User want;
  want.user_principal_name = "AdeleV@Contoso.com";  // stored as given
  want.display_name = "Adele Vance";
  want.mail_nickname = "AdeleV";
  want.account_enabled = true;
  EXPECT_EQ(validated->user, want);
  EXPECT_EQ(validated->password_profile.password, "Xk9#mQ2v-Lr4");
  EXPECT_TRUE(validated->password_profile.force_change_password_next_sign_in);
  EXPECT_FALSE(validated->password_profile.force_change_password_next_sign_in_with_mfa);
}

TEST(ValidateNewUserTest, AppliesOptionalPropertiesWithTheirRules) {
  NewUser request = MinimalRequest();
  request.properties["accountEnabled"] = false;
  request.properties["GIVENNAME"] = Text("Adele");
  request.properties["surname"] = Text("Vance");
  request.properties["jobTitle"] = Text("Retail Manager");
  request.properties["usageLocation"] = Text("gb");
  request.properties["businessPhones"] = std::vector<std::string>{"+44 20 7946 0000"};
  request.properties["otherMails"] = std::vector<std::string>{"adele@fabrikam.com"};
  request.properties["passwordPolicies"] = Text("DisablePasswordExpiration");
  request.properties["userType"] = Text("Member");
  request.properties["department"] = kNull;  // null on create: simply unset
  request.properties["city"] = Text("");
  const Result<ValidatedNewUser> validated = ValidateNewUser(request);
  ASSERT_THAT(validated, Succeeds());
  const User& user = validated->user;
  EXPECT_FALSE(user.account_enabled);
  EXPECT_EQ(user.given_name, "Adele");
  EXPECT_EQ(user.surname, "Vance");
  EXPECT_EQ(user.job_title, "Retail Manager");
  EXPECT_EQ(user.usage_location, "GB");
  EXPECT_THAT(user.business_phones, ElementsAre("+44 20 7946 0000"));
  EXPECT_THAT(user.other_mails, ElementsAre("adele@fabrikam.com"));
  EXPECT_EQ(user.password_policies, "DisablePasswordExpiration");
  EXPECT_EQ(user.user_type, "Member");
  EXPECT_EQ(user.department, std::nullopt);
  EXPECT_EQ(user.city, std::nullopt);
  EXPECT_EQ(user.id, "");
  EXPECT_EQ(user.created_date_time, 0);
  EXPECT_TRUE(user.proxy_addresses.empty());
}

TEST(ValidateNewUserTest, MatchesPropertyNamesCaseInsensitively) {
  NewUser request;
  request.properties = {
      {"ACCOUNTENABLED", true},
      {"displayname", Text("Adele Vance")},
      {"MailNickName", Text("AdeleV")},
      {"UserPrincipalName", Text("AdeleV@contoso.com")},
  };
  request.password_profile = PasswordProfile{.password = "x"};
  const Result<ValidatedNewUser> validated = ValidateNewUser(request);
  ASSERT_THAT(validated, Succeeds());
  EXPECT_EQ(validated->user.display_name, "Adele Vance");
  EXPECT_EQ(validated->user.user_principal_name, "AdeleV@contoso.com");
}

TEST(ValidateNewUserTest, LeavesPasswordStrengthAndDomainToTheDirectory) {
  NewUser request = MinimalRequest();
  request.password_profile->password = "x";                                     // weak: step 7
  request.properties["userPrincipalName"] = Text("AdeleV@unverified.example");  // step 5
  EXPECT_THAT(ValidateNewUser(request), Succeeds());
}

// ---------------------------------------------------------------------------------------
// Step 1: required properties

TEST(ValidateNewUserTest, EachRequiredPropertyMissingNullOrEmpty) {
  for (const std::string& name : std::vector<std::string>{"accountEnabled", "displayName",
                                                          "mailNickname", "userPrincipalName"}) {
    NewUser absent = MinimalRequest();
    absent.properties.erase(name);
    EXPECT_THAT(ValidateNewUser(absent), FailsWith(expected::RequiredProperty(name))) << name;

    NewUser null = MinimalRequest();
    null.properties[name] = kNull;
    EXPECT_THAT(ValidateNewUser(null), FailsWith(expected::RequiredProperty(name))) << name;

    NewUser empty = MinimalRequest();
    empty.properties[name] = Text("");
    EXPECT_THAT(ValidateNewUser(empty), FailsWith(expected::RequiredProperty(name))) << name;
  }
}

TEST(ValidateNewUserTest, PasswordProfileMissingOrWithoutPassword) {
  NewUser absent = MinimalRequest();
  absent.password_profile.reset();
  EXPECT_THAT(ValidateNewUser(absent), FailsWith(expected::RequiredProperty("passwordProfile")));

  NewUser empty = MinimalRequest();
  empty.password_profile->password = "";
  EXPECT_THAT(ValidateNewUser(empty), FailsWith(expected::RequiredProperty("passwordProfile")));
}

TEST(ValidateNewUserTest, AnEmptyRequestReportsAccountEnabledFirst) {
  EXPECT_THAT(ValidateNewUser(NewUser{}), FailsWith(expected::RequiredProperty("accountEnabled")));
}

TEST(ValidateNewUserTest, RequiredPropertiesAreCheckedInTheDocumentedOrder) {
  const std::vector<std::string> order = {"accountEnabled", "displayName", "mailNickname",
                                          "passwordProfile", "userPrincipalName"};
  // Remove a property and every one after it: the first removed one is reported.
  for (std::size_t first = 0; first < order.size(); ++first) {
    NewUser request = MinimalRequest();
    for (std::size_t i = first; i < order.size(); ++i) {
      if (order[i] == "passwordProfile") {
        request.password_profile.reset();
      } else {
        request.properties.erase(order[i]);
      }
    }
    EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::RequiredProperty(order[first])))
        << order[first];
  }
}

TEST(ValidateNewUserTest, AWrongTypeForARequiredPropertyIsAnInvalidValue) {
  NewUser request = MinimalRequest();
  request.properties["displayName"] = true;
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidValue("displayName")));

  request = MinimalRequest();
  request.properties["accountEnabled"] = Text("true");
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidValue("accountEnabled")));

  request = MinimalRequest();
  request.properties["userPrincipalName"] = true;
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidUpn()));

  request = MinimalRequest();
  request.properties["userPrincipalName"] = std::vector<std::string>{"AdeleV@contoso.com"};
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidUpn()));
}

// ---------------------------------------------------------------------------------------
// Step 2: unknown and read-only properties

TEST(ValidateNewUserTest, RefusesUnknownPropertiesByTheNameGiven) {
  for (const std::string& name :
       std::vector<std::string>{"favouriteColour", "DisplayNam", "onPremisesSecurityIdentifier",
                               ""}) {
    NewUser request = MinimalRequest();
    request.properties[name] = Text("x");
    EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::UnknownProperty(name))) << name;
  }
}

TEST(ValidateNewUserTest, RefusesReadOnlyPropertiesByTheirGraphName) {
  struct Case {
    std::string given;
    std::string reported;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"id", "id"},
           {"ID", "id"},
           {"createdDateTime", "createdDateTime"},
           {"CREATEDDATETIME", "createdDateTime"},
           {"deletedDateTime", "deletedDateTime"},
           {"lastPasswordChangeDateTime", "lastPasswordChangeDateTime"},
           {"signInSessionsValidFromDateTime", "signInSessionsValidFromDateTime"},
           {"proxyAddresses", "proxyAddresses"},
       }) {
    NewUser request = MinimalRequest();
    request.properties[c.given] = Text("x");
    EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::ReadOnlyProperty(c.reported)))
        << c.given;
    // Even null is refused: the property may not be named at all.
    request.properties[c.given] = kNull;
    EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::ReadOnlyProperty(c.reported)))
        << c.given;
  }
}

TEST(ValidateNewUserTest, ReportsTheFirstUnknownOrReadOnlyPropertyInNameOrder) {
  NewUser request = MinimalRequest();
  request.properties["zeta"] = Text("x");
  request.properties["createdDateTime"] = Text("x");
  request.properties["alpha"] = Text("x");
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::UnknownProperty("alpha")));
  request.properties.erase("alpha");
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::ReadOnlyProperty("createdDateTime")));
}

// ---------------------------------------------------------------------------------------
// Step 3: UPN syntax

TEST(ValidateNewUserTest, RefusesABadUpn) {
  for (const std::string& upn : std::vector<std::string>{
           "AdeleV", "AdeleV.@contoso.com", "Adele V@contoso.com", "AdeleV@contoso",
           "ren\303\251e@contoso.com", std::string(65, 'a') + "@contoso.com"}) {
    NewUser request = MinimalRequest();
    request.properties["userPrincipalName"] = Text(upn);
    EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidUpn())) << upn;
  }
}

// ---------------------------------------------------------------------------------------
// Step 4: every other property, in catalogue order

TEST(ValidateNewUserTest, RefusesBadPropertyValues) {
  struct Case {
    std::string name;
    PropertyValue value;
    Error error;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"displayName", Text(std::string(257, 'd')), expected::InvalidValue("displayName")},
           {"displayName", Text("Adele\tVance"), expected::InvalidValue("displayName")},
           {"mailNickname", Text("Adele Vance"), expected::InvalidValue("mailNickname")},
           {"mailNickname", Text(std::string(65, 'm')), expected::InvalidValue("mailNickname")},
           {"givenName", Text(std::string(65, 'g')), expected::InvalidValue("givenName")},
           {"usageLocation", Text("USA"), expected::InvalidValue("usageLocation")},
           {"usageLocation", kNull, expected::InvalidValue("usageLocation")},
           {"businessPhones", std::vector<std::string>{"1", "2"},
            expected::InvalidValue("businessPhones")},
           {"otherMails", std::vector<std::string>{"ren\303\251e@contoso.com"},
            expected::InvalidValue("otherMails")},
           {"passwordPolicies", Text("Never"), expected::InvalidValue("passwordPolicies")},
           {"userType", Text("Admin"), expected::InvalidValue("userType")},
       }) {
    NewUser request = MinimalRequest();
    request.properties[c.name] = c.value;
    EXPECT_THAT(ValidateNewUser(request), FailsWith(c.error)) << c.name;
  }
}

// ---------------------------------------------------------------------------------------
// The order of the steps

TEST(ValidateNewUserTest, RequiredBeforeUnknown) {
  NewUser request = MinimalRequest();
  request.properties.erase("displayName");
  request.properties["favouriteColour"] = Text("blue");
  request.properties["createdDateTime"] = Text("x");
  request.properties["userPrincipalName"] = Text("bad upn");
  request.properties["jobTitle"] = Text(std::string(129, 'j'));
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::RequiredProperty("displayName")));
}

TEST(ValidateNewUserTest, MissingPasswordProfileBeforeUnknown) {
  NewUser request = MinimalRequest();
  request.password_profile.reset();
  request.properties["favouriteColour"] = Text("blue");
  request.properties["userPrincipalName"] = Text("bad upn");
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::RequiredProperty("passwordProfile")));
}

TEST(ValidateNewUserTest, MissingUpnBeforeUnknown) {
  NewUser request = MinimalRequest();
  request.properties.erase("userPrincipalName");
  request.properties["favouriteColour"] = Text("blue");
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::RequiredProperty("userPrincipalName")));
}

TEST(ValidateNewUserTest, UnknownAndReadOnlyBeforeUpnSyntax) {
  NewUser request = MinimalRequest();
  request.properties["favouriteColour"] = Text("blue");
  request.properties["userPrincipalName"] = Text("bad upn");
  request.properties["jobTitle"] = Text(std::string(129, 'j'));
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::UnknownProperty("favouriteColour")));

  request.properties.erase("favouriteColour");
  request.properties["proxyAddresses"] = std::vector<std::string>{"SMTP:x@contoso.com"};
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::ReadOnlyProperty("proxyAddresses")));
}

TEST(ValidateNewUserTest, UpnSyntaxBeforeOtherPropertyValues) {
  NewUser request = MinimalRequest();
  request.properties["userPrincipalName"] = Text("AdeleV.@contoso.com");
  // Catalogue order puts all of these before userPrincipalName; the UPN still comes first.
  request.properties["businessPhones"] = std::vector<std::string>{"1", "2"};
  request.properties["displayName"] = Text(std::string(257, 'd'));
  request.properties["mailNickname"] = Text("Adele Vance");
  request.properties["usageLocation"] = Text("USA");
  EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidUpn()));
}

TEST(ValidateNewUserTest, OtherPropertyValuesInCatalogueOrder) {
  NewUser request = MinimalRequest();
  request.properties["userType"] = Text("Admin");
  request.properties["usageLocation"] = Text("USA");
  request.properties["jobTitle"] = Text(std::string(129, 'j'));
  request.properties["accountEnabled"] = Text("yes");
  request.properties["businessPhones"] = std::vector<std::string>{"1", "2"};
  const std::vector<std::string> order = {"accountEnabled", "businessPhones", "jobTitle",
                                          "usageLocation", "userType"};
  for (const std::string& name : order) {
    EXPECT_THAT(ValidateNewUser(request), FailsWith(expected::InvalidValue(name))) << name;
    request.properties.erase(name);
    if (name == "accountEnabled") request.properties[name] = true;  // still required
  }
  EXPECT_THAT(ValidateNewUser(request), Succeeds());
}

// ---------------------------------------------------------------------------------------
// ApplyUserPatch

TEST(ApplyUserPatchTest, ChangesOnlyThePatchedProperties) {
  const User current = SampleUser();
  const Result<User> updated =
      ApplyUserPatch(current, {{"jobTitle", Text("Store Manager")}, {"CITY", Text("Redmond")}});
  ASSERT_THAT(updated, Succeeds());
  User want = current;
  want.job_title = "Store Manager";
  want.city = "Redmond";
  EXPECT_EQ(*updated, want);
}

TEST(ApplyUserPatchTest, AnEmptyPatchChangesNothing) {
  const User current = SampleUser();
  const Result<User> updated = ApplyUserPatch(current, {});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_EQ(*updated, current);
}

TEST(ApplyUserPatchTest, ClearsOptionalPropertiesWithNullOrEmpty) {
  const User current = SampleUser();
  const Result<User> updated =
      ApplyUserPatch(current, {{"givenName", kNull},
                               {"jobTitle", Text("")},
                               {"businessPhones", kNull},
                               {"otherMails", std::vector<std::string>{}}});
  ASSERT_THAT(updated, Succeeds());
  User want = current;
  want.given_name.reset();
  want.job_title.reset();
  want.business_phones.clear();
  want.other_mails.clear();
  EXPECT_EQ(*updated, want);
}

TEST(ApplyUserPatchTest, ChangesTheUpnAfterCheckingItsSyntax) {
  const User current = SampleUser();
  const Result<User> updated =
      ApplyUserPatch(current, {{"userPrincipalName", Text("Adele.Vance@Fabrikam.com")}});
  ASSERT_THAT(updated, Succeeds());
  User want = current;
  want.user_principal_name = "Adele.Vance@Fabrikam.com";
  EXPECT_EQ(*updated, want);
}

TEST(ApplyUserPatchTest, ReportsErrorsWithoutTouchingTheInput) {
  struct Case {
    PropertyMap patch;
    Error error;
  };
  const std::vector<Case> cases = {
      {{{"displayName", Text("")}}, expected::RequiredProperty("displayName")},
      {{{"displayName", kNull}}, expected::RequiredProperty("displayName")},
      {{{"mailNickname", kNull}}, expected::RequiredProperty("mailNickname")},
      {{{"accountEnabled", kNull}}, expected::InvalidValue("accountEnabled")},
      {{{"usageLocation", kNull}}, expected::InvalidValue("usageLocation")},
      {{{"usageLocation", Text("")}}, expected::InvalidValue("usageLocation")},
      {{{"usageLocation", Text("XX")}}, expected::InvalidValue("usageLocation")},
      {{{"userPrincipalName", Text("")}}, expected::InvalidUpn()},
      {{{"userPrincipalName", kNull}}, expected::InvalidUpn()},
      {{{"userPrincipalName", Text("adele@@contoso.com")}}, expected::InvalidUpn()},
      {{{"favouriteColour", Text("blue")}}, expected::UnknownProperty("favouriteColour")},
      {{{"Id", Text("x")}}, expected::ReadOnlyProperty("id")},
      {{{"proxyAddresses", kNull}}, expected::ReadOnlyProperty("proxyAddresses")},
      // A good property next to a bad one: nothing is applied.
      {{{"city", Text("Redmond")}, {"jobTitle", Text(std::string(129, 'j'))}},
       expected::InvalidValue("jobTitle")},
      {{{"city", Text("Redmond")}, {"zip", Text("98052")}}, expected::UnknownProperty("zip")},
      // Step order holds for updates too.
      {{{"favouriteColour", Text("blue")}, {"userPrincipalName", Text("bad upn")}},
       expected::UnknownProperty("favouriteColour")},
      {{{"userPrincipalName", Text("bad upn")}, {"displayName", kNull}}, expected::InvalidUpn()},
      {{{"businessPhones", std::vector<std::string>{"1", "2"}}, {"usageLocation", Text("USA")}},
       expected::InvalidValue("businessPhones")},
  };
  for (const Case& c : cases) {
    const User current = SampleUser();
    const User copy = current;
    EXPECT_THAT(ApplyUserPatch(current, c.patch), FailsWith(c.error))
        << ::testing::PrintToString(c.error);
    EXPECT_EQ(current, copy);
  }
}

}  // namespace
}  // namespace admin365
