#include "domain/hybrid_identity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "domain/user_properties.h"
#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The names of `properties` a cloud write may still change for a synced user.
std::vector<std::string_view> Unlocked(std::initializer_list<std::string_view> properties) {
  std::vector<std::string_view> unlocked;
  for (std::string_view property : properties) {
    if (!IsOnPremisesMastered(property)) unlocked.push_back(property);
  }
  return unlocked;
}

TEST(IsOnPremisesMasteredTest, LocksTheSignInIdentity) {
  EXPECT_THAT(Unlocked({"userPrincipalName", "mailNickname", "accountEnabled", "mail", "otherMails",
                        "passwordPolicies"}),
              IsEmpty());
}

TEST(IsOnPremisesMasteredTest, LocksTheNameAndOrganisation) {
  EXPECT_THAT(
      Unlocked({"displayName", "givenName", "surname", "jobTitle", "department", "companyName",
                "employeeId", "employeeType", "officeLocation", "preferredLanguage"}),
      IsEmpty());
}

TEST(IsOnPremisesMasteredTest, LocksTheAddressAndPhones) {
  EXPECT_THAT(Unlocked({"streetAddress", "city", "state", "postalCode", "country", "businessPhones",
                        "mobilePhone", "faxNumber"}),
              IsEmpty());
}

TEST(IsOnPremisesMasteredTest, LocksEveryOnPremisesProperty) {
  EXPECT_THAT(
      Unlocked({"onPremisesImmutableId", "onPremisesSamAccountName", "onPremisesDistinguishedName",
                "onPremisesDomainName", "onPremisesUserPrincipalName", "onPremisesSyncEnabled",
                "onPremisesLastSyncDateTime", "onPremisesExtensionAttributes"}),
      IsEmpty());
  // The prefix alone names no property.
  EXPECT_FALSE(IsOnPremisesMastered("onPremises"));
}

TEST(IsOnPremisesMasteredTest, LeavesCloudAndUnknownNamesUnlocked) {
  EXPECT_THAT(Unlocked({"usageLocation", "userType", "favouriteColour", "", "id"}),
              ElementsAre("usageLocation", "userType", "favouriteColour", "", "id"));
}

TEST(IsOnPremisesMasteredTest, IgnoresCase) {
  EXPECT_TRUE(IsOnPremisesMastered("DISPLAYNAME"));
  EXPECT_TRUE(IsOnPremisesMastered("onpremisesimmutableid"));
}

TEST(IsOnPremisesMasteredTest, EveryWritablePropertyButTwoIsMastered) {
  std::vector<std::string_view> cloud_writable;
  for (const UserProperty& property : AllUserProperties()) {
    if (property.access == PropertyAccess::kWritable && !IsOnPremisesMastered(property.name)) {
      cloud_writable.push_back(property.name);
    }
  }
  EXPECT_THAT(cloud_writable, ElementsAre("usageLocation", "userType"));
}

OnPremisesIdentity FullIdentity() {
  return OnPremisesIdentity{
      .immutable_id = "Hm8aPq0P1U2bZvZ1NB9Kcw==",
      .sam_account_name = "adelev",
      .distinguished_name = "CN=Adele Vance,OU=Sales,DC=corp,DC=contoso,DC=com",
      .domain_name = "corp.contoso.com",
      .user_principal_name = "adelev@corp.contoso.com"};
}

TEST(ValidateOnPremisesIdentityTest, AcceptsWhatEntraConnectWrites) {
  EXPECT_THAT(ValidateOnPremisesIdentity(FullIdentity()), Succeeds());
  EXPECT_THAT(ValidateOnPremisesIdentity({.immutable_id = "x"}), Succeeds());
  OnPremisesIdentity at_limits = FullIdentity();
  at_limits.immutable_id = std::string(256, 'A');
  at_limits.sam_account_name = std::string(20, 's');
  at_limits.distinguished_name = "CN=" + std::string(1021, 'd');
  EXPECT_THAT(ValidateOnPremisesIdentity(at_limits), Succeeds());
}

TEST(ValidateOnPremisesIdentityTest, RequiresTheImmutableId) {
  OnPremisesIdentity identity = FullIdentity();
  identity.immutable_id.clear();
  EXPECT_THAT(ValidateOnPremisesIdentity(identity),
              FailsWith(expected::RequiredProperty("onPremisesImmutableId")));
}

TEST(ValidateOnPremisesIdentityTest, RefusesBadFields) {
  struct Case {
    std::string_view property;
    void (*breaks)(OnPremisesIdentity&);
  };
  for (const Case& c : std::initializer_list<Case>{
           {"onPremisesImmutableId", [](OnPremisesIdentity& i) { i.immutable_id = "a$b"; }},
           {"onPremisesImmutableId", [](OnPremisesIdentity& i) { i.immutable_id = "a_b"; }},
           {"onPremisesImmutableId",
            [](OnPremisesIdentity& i) { i.immutable_id = std::string(257, 'A'); }},
           {"onPremisesImmutableId", [](OnPremisesIdentity& i) { i.immutable_id = "a\nb"; }},
           {"onPremisesSamAccountName",
            [](OnPremisesIdentity& i) { i.sam_account_name = std::string(21, 's'); }},
           {"onPremisesSamAccountName", [](OnPremisesIdentity& i) { i.sam_account_name = "a@b"; }},
           {"onPremisesSamAccountName", [](OnPremisesIdentity& i) { i.sam_account_name = "a\\b"; }},
           {"onPremisesSamAccountName", [](OnPremisesIdentity& i) { i.sam_account_name = "a*"; }},
           {"onPremisesDistinguishedName",
            [](OnPremisesIdentity& i) { i.distinguished_name = std::string(1025, 'd'); }},
           {"onPremisesDomainName", [](OnPremisesIdentity& i) { i.domain_name = "corp"; }},
           {"onPremisesDomainName", [](OnPremisesIdentity& i) { i.domain_name = "-corp.com"; }},
           {"onPremisesUserPrincipalName",
            [](OnPremisesIdentity& i) { i.user_principal_name = "adelev"; }},
           {"onPremisesUserPrincipalName",
            [](OnPremisesIdentity& i) { i.user_principal_name = "a@b@c"; }},
       }) {
    OnPremisesIdentity identity = FullIdentity();
    c.breaks(identity);
    EXPECT_THAT(ValidateOnPremisesIdentity(identity),
                FailsWith(expected::InvalidValue(std::string(c.property))))
        << c.property;
  }
}

}  // namespace
}  // namespace admin365
