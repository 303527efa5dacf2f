// LocalDirectory: users synchronized from on-premises Active Directory (§3.10): the Entra
// Connect simulator (SyncUser) and the source-of-authority lock on cloud writes.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/user_properties.h"
#include "engine/engine_test_support.h"
#include "query/filter_parser.h"

namespace admin365::engine_test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr std::string_view kImmutableId = "Hm8aPq0P1U2bZvZ1NB9Kcw==";

OnPremisesIdentity AdeleIdentity() {
  return OnPremisesIdentity{
      .immutable_id = std::string(kImmutableId),
      .sam_account_name = "adelev",
      .distinguished_name = "CN=Adele Vance,OU=Sales,DC=corp,DC=contoso,DC=com",
      .domain_name = "corp.contoso.com",
      .user_principal_name = "adelev@corp.contoso.com"};
}

// What Entra Connect sends for Adele: no password (none synced yet).
NewUser AdeleFromAd() {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.password_profile.reset();
  request.properties["givenName"] = std::string("Adele");
  request.properties["department"] = std::string("Sales");
  return request;
}

class SyncedUserTest : public LocalDirectoryTest {
 protected:
  User Sync(const NewUser& request, const OnPremisesIdentity& identity = AdeleIdentity()) {
    auto synced = directory_->SyncUser(kActor, request, identity);
    EXPECT_THAT(synced, Succeeds());
    return synced ? *synced : User{};
  }
};

// --- The Entra Connect simulator ---

TEST_F(SyncedUserTest, SyncCreatesASynchronizedUser) {
  clock_.Advance(10);
  const User adele = Sync(AdeleFromAd());
  EXPECT_TRUE(IsUuid(adele.id));
  EXPECT_EQ(adele.user_principal_name, "adele@contoso.onmicrosoft.com");
  EXPECT_EQ(adele.display_name, "Adele Vance");
  EXPECT_EQ(adele.department, "Sales");
  EXPECT_TRUE(adele.account_enabled);
  EXPECT_EQ(adele.on_premises_sync_enabled, true);
  EXPECT_EQ(adele.on_premises_immutable_id, kImmutableId);
  EXPECT_EQ(adele.on_premises_sam_account_name, "adelev");
  EXPECT_EQ(adele.on_premises_distinguished_name,
            "CN=Adele Vance,OU=Sales,DC=corp,DC=contoso,DC=com");
  EXPECT_EQ(adele.on_premises_domain_name, "corp.contoso.com");
  EXPECT_EQ(adele.on_premises_user_principal_name, "adelev@corp.contoso.com");
  EXPECT_EQ(adele.on_premises_last_sync_date_time, kStart + 10);
  EXPECT_EQ(adele.created_date_time, kStart + 10);
  EXPECT_EQ(adele.user_type, "Member");
  // Stored, and read back the same after a reopen.
  EXPECT_EQ(Get(adele.id), adele);
  Reopen();
  EXPECT_EQ(Get(adele.id), adele);
  // Nobody knows its password until password hash sync brings one.
  EXPECT_FALSE(*directory_->CheckPassword(adele.id, std::string(kGoodPassword)));

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Add user");
  EXPECT_EQ(event.actor, "test:alice");
  EXPECT_EQ(event.target_id, adele.id);
  EXPECT_THAT(event.changes,
              Contains(PropertyChange{"onPremisesSyncEnabled", std::nullopt, "true"}));
  EXPECT_THAT(event.changes, Contains(PropertyChange{"onPremisesImmutableId", std::nullopt,
                                                     std::string(kImmutableId)}));
  EXPECT_THAT(event.changes,
              Contains(PropertyChange{"onPremisesSamAccountName", std::nullopt, "adelev"}));
  EXPECT_EQ(event.changes.back(), (PropertyChange{"passwordProfile", std::nullopt, "[redacted]"}));
}

TEST_F(SyncedUserTest, PasswordHashSyncSetsTheGivenPassword) {
  NewUser request = AdeleFromAd();
  request.password_profile = PasswordProfile{.password = "weak"};  // AD's policy, not Entra's
  const User adele = Sync(request);
  EXPECT_TRUE(*directory_->CheckPassword(adele.id, "weak"));
  EXPECT_FALSE(adele.force_change_password_next_sign_in);

  clock_.Advance(60);
  NewUser change;
  change.password_profile = PasswordProfile{.password = "Changed0n-Prem!"};
  const User updated = Sync(change);
  EXPECT_TRUE(*directory_->CheckPassword(adele.id, "Changed0n-Prem!"));
  EXPECT_EQ(updated.last_password_change_date_time, kStart + 60);
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update user");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"passwordProfile", "[redacted]", "[redacted]"}));
}

TEST_F(SyncedUserTest, SyncFindsTheUserByItsImmutableId) {
  const User adele = Sync(AdeleFromAd());
  clock_.Advance(1800);
  // A rename on-premises: new UPN, department and sAMAccountName.
  NewUser change;
  change.properties["userPrincipalName"] = std::string("adele.vance@contoso.onmicrosoft.com");
  change.properties["department"] = std::string("Marketing");
  OnPremisesIdentity identity = AdeleIdentity();
  identity.sam_account_name = "avance";
  const User updated = Sync(change, identity);
  EXPECT_EQ(updated.id, adele.id);
  EXPECT_EQ(updated.user_principal_name, "adele.vance@contoso.onmicrosoft.com");
  EXPECT_EQ(updated.department, "Marketing");
  EXPECT_EQ(updated.display_name, "Adele Vance");  // not sent: kept
  EXPECT_EQ(updated.on_premises_sam_account_name, "avance");
  EXPECT_EQ(updated.on_premises_last_sync_date_time, kStart + 1800);
  EXPECT_EQ(Get(adele.id), updated);
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update user");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"department", "Sales", "Marketing"},
                          PropertyChange{"onPremisesSamAccountName", "adelev", "avance"},
                          PropertyChange{"userPrincipalName", "adele@contoso.onmicrosoft.com",
                                         "adele.vance@contoso.onmicrosoft.com"}));

  // A sync that changes no property stamps the sync time and records nothing.
  clock_.Advance(1800);
  const std::size_t events = EventCount();
  EXPECT_EQ(Sync(NewUser{}, identity).on_premises_last_sync_date_time, kStart + 3600);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(SyncedUserTest, SyncSoftMatchesACloudUserByUpn) {
  const User cloud = Create("adele", "Adele V.");
  const User synced = Sync(AdeleFromAd());
  EXPECT_EQ(synced.id, cloud.id);
  EXPECT_EQ(synced.display_name, "Adele Vance");
  EXPECT_EQ(synced.on_premises_sync_enabled, true);
  EXPECT_EQ(synced.on_premises_immutable_id, kImmutableId);
  EXPECT_EQ(synced.created_date_time, cloud.created_date_time);
  EXPECT_TRUE(*directory_->CheckPassword(cloud.id, std::string(kGoodPassword)));
  auto page = directory_->ListUsers({});
  ASSERT_THAT(page, Succeeds());
  EXPECT_THAT(page->users, SizeIs(1));
}

TEST_F(SyncedUserTest, SyncRefusesAUpnHeldByAnotherSourceAnchor) {
  Sync(AdeleFromAd());
  OnPremisesIdentity other = AdeleIdentity();
  other.immutable_id = "OtherAnchor==";
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->SyncUser(kActor, AdeleFromAd(), other),
              FailsWith(expected::ObjectConflict("userPrincipalName")));
  // A cloud user whose admin set an immutable id is no soft-match candidate either.
  NewUser megan = MakeNewUser("megan", "Megan Bowen");
  megan.properties["onPremisesImmutableId"] = std::string("MeganAnchor==");
  Create(megan);
  NewUser megan_from_ad = MakeNewUser("megan", "Megan Bowen");
  megan_from_ad.password_profile.reset();
  EXPECT_THAT(directory_->SyncUser(kActor, megan_from_ad, other),
              FailsWith(expected::ObjectConflict("userPrincipalName")));
  EXPECT_EQ(EventCount(), events + 1);  // Megan's creation only
}

TEST_F(SyncedUserTest, SyncHardMatchesACloudUserWithTheImmutableId) {
  NewUser megan = MakeNewUser("megan", "Megan Bowen");
  megan.properties["onPremisesImmutableId"] = std::string("MeganAnchor==");
  const User cloud = Create(megan);
  EXPECT_EQ(cloud.on_premises_sync_enabled, std::nullopt);
  NewUser from_ad;
  from_ad.properties["jobTitle"] = std::string("Planner");
  const User synced = Sync(from_ad, {.immutable_id = "meganANCHOR=="});  // case-insensitive
  EXPECT_EQ(synced.id, cloud.id);
  EXPECT_EQ(synced.job_title, "Planner");
  EXPECT_EQ(synced.on_premises_sync_enabled, true);
  EXPECT_EQ(synced.on_premises_immutable_id, "meganANCHOR==");
}

TEST_F(SyncedUserTest, SyncValidatesLikeCreationAndWritesNothingOnFailure) {
  const std::size_t events = EventCount();
  OnPremisesIdentity identity = AdeleIdentity();
  identity.immutable_id.clear();
  EXPECT_THAT(directory_->SyncUser(kActor, AdeleFromAd(), identity),
              FailsWith(expected::RequiredProperty("onPremisesImmutableId")));
  identity = AdeleIdentity();
  identity.immutable_id = "has_underscore";
  EXPECT_THAT(directory_->SyncUser(kActor, AdeleFromAd(), identity),
              FailsWith(expected::InvalidValue("onPremisesImmutableId")));
  identity = AdeleIdentity();
  identity.sam_account_name = std::string(21, 's');
  EXPECT_THAT(directory_->SyncUser(kActor, AdeleFromAd(), identity),
              FailsWith(expected::InvalidValue("onPremisesSamAccountName")));

  NewUser request = AdeleFromAd();
  request.properties.erase("displayName");
  EXPECT_THAT(directory_->SyncUser(kActor, request, AdeleIdentity()),
              FailsWith(expected::RequiredProperty("displayName")));
  request = AdeleFromAd();
  request.properties["userPrincipalName"] = std::string("adele@fabrikam.com");
  EXPECT_THAT(directory_->SyncUser(kActor, request, AdeleIdentity()),
              FailsWith(expected::UnverifiedUpnDomain()));
  request = AdeleFromAd();
  request.properties["department"] = std::string(65, 'd');
  EXPECT_THAT(directory_->SyncUser(kActor, request, AdeleIdentity()),
              FailsWith(expected::InvalidValue("department")));
  request = AdeleFromAd();
  request.properties["onPremisesSyncEnabled"] = false;
  EXPECT_THAT(directory_->SyncUser(kActor, request, AdeleIdentity()),
              FailsWith(expected::ReadOnlyProperty("onPremisesSyncEnabled")));

  EXPECT_EQ(EventCount(), events);
  auto page = directory_->ListUsers({});
  ASSERT_THAT(page, Succeeds());
  EXPECT_THAT(page->users, IsEmpty());

  // An update that fails leaves the user as it was, sync time included.
  const User adele = Sync(AdeleFromAd());
  clock_.Advance(60);
  NewUser bad;
  bad.properties["department"] = std::string("Marketing");
  bad.properties["city"] = std::string(129, 'c');
  EXPECT_THAT(directory_->SyncUser(kActor, bad, AdeleIdentity()),
              FailsWith(expected::InvalidValue("city")));
  EXPECT_EQ(Get(adele.id), adele);
}

// --- The immutable id of cloud users ---

TEST_F(SyncedUserTest, TheImmutableIdIsUniqueAmongActiveUsers) {
  NewUser adele = MakeNewUser("adele", "Adele Vance");
  adele.properties["onPremisesImmutableId"] = std::string("Anchor==");
  const User first = Create(adele);
  NewUser megan = MakeNewUser("megan", "Megan Bowen");
  megan.properties["onPremisesImmutableId"] = std::string("ANCHOR==");
  EXPECT_THAT(directory_->CreateUser(kActor, megan, false),
              FailsWith(expected::ObjectConflict("onPremisesImmutableId")));
  const User second = Create("megan", "Megan Bowen");
  EXPECT_THAT(directory_->UpdateUser(kActor, second.id,
                                     {{"onPremisesImmutableId", std::string("anchor==")}}),
              FailsWith(expected::ObjectConflict("onPremisesImmutableId")));
  EXPECT_THAT(
      directory_->SyncUser(
          kActor, NewUser{.properties = {{"userPrincipalName", second.user_principal_name}}},
          {.immutable_id = "Other=="}),
      Succeeds());  // a soft match of Megan under another anchor is fine
  // Once Adele is deleted, her anchor is free.
  ASSERT_THAT(directory_->DeleteUser(kActor, first.id), Succeeds());
  ASSERT_THAT(directory_->UpdateUser(kActor, Create("lee", "Lee Gu").id,
                                     {{"onPremisesImmutableId", std::string("Anchor==")}}),
              Succeeds());
}

TEST_F(SyncedUserTest, CloudUsersMayClearTheirImmutableIdButNotSetReadOnlyOnes) {
  NewUser adele = MakeNewUser("adele", "Adele Vance");
  adele.properties["onPremisesImmutableId"] = std::string("Anchor==");
  const User user = Create(adele);
  auto cleared =
      directory_->UpdateUser(kActor, user.id, {{"onPremisesImmutableId", std::monostate{}}});
  ASSERT_THAT(cleared, Succeeds());
  EXPECT_EQ(cleared->on_premises_immutable_id, std::nullopt);
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"onPremisesImmutableId", "Anchor==", std::nullopt}));
  for (const std::string name :
       {"onPremisesSyncEnabled", "onPremisesSamAccountName", "onPremisesDistinguishedName",
        "onPremisesDomainName", "onPremisesUserPrincipalName", "onPremisesLastSyncDateTime"}) {
    EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{name, std::string("x")}}),
                FailsWith(expected::ReadOnlyProperty(name)));
  }
}

// --- The source-of-authority lock ---

TEST_F(SyncedUserTest, ACloudWriteOfAnyMasteredPropertyFailsWhole) {
  const User adele = Sync(AdeleFromAd());
  const std::size_t events = EventCount();
  for (const UserProperty& property : AllUserProperties()) {
    if (property.access != PropertyAccess::kWritable || property.name == "usageLocation" ||
        property.name == "userType") {
      continue;
    }
    const std::string name(property.name);
    // The current value, or a valid one: the lock does not look at values.
    PropertyValue value = GetUserProperty(adele, property);
    EXPECT_THAT(directory_->UpdateUser(kActor, adele.id, {{name, value}}),
                FailsWith(expected::OnPremisesMastered()))
        << name;
  }
  // Mixed with a cloud-writable property, nothing is applied.
  EXPECT_THAT(directory_->UpdateUser(
                  kActor, adele.id,
                  {{"usageLocation", std::string("FR")}, {"jobTitle", std::string("Lead")}}),
              FailsWith(expected::OnPremisesMastered()));
  EXPECT_EQ(Get(adele.id), adele);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(SyncedUserTest, CloudWritablePropertiesStillWork) {
  const User adele = Sync(AdeleFromAd());
  auto updated = directory_->UpdateUser(
      kActor, adele.id, {{"usageLocation", std::string("GB")}, {"userType", std::string("Guest")}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_EQ(updated->usage_location, "GB");
  EXPECT_EQ(updated->user_type, "Guest");
  EXPECT_EQ(updated->on_premises_sync_enabled, true);
  // An unknown property is still reported as unknown.
  EXPECT_THAT(directory_->UpdateUser(kActor, adele.id, {{"favouriteColour", std::string("red")}}),
              FailsWith(expected::UnknownProperty("favouriteColour")));
}

TEST_F(SyncedUserTest, ASynchronizedUserIsNotDeletedOrResetFromTheCloud) {
  const User adele = Sync(AdeleFromAd());
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->DeleteUser(kActor, adele.id), FailsWith(expected::OnPremisesMastered()));
  EXPECT_THAT(directory_->SetPassword(kActor, adele.id, {.password = std::string(kGoodPassword)}),
              FailsWith(expected::PasswordWritebackDisabled()));
  EXPECT_THAT(directory_->SetPassword(kActor, adele.id, {.generate = true}),
              FailsWith(expected::PasswordWritebackDisabled()));
  EXPECT_EQ(Get(adele.id), adele);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(SyncedUserTest, SessionsAndAuthenticationMethodsStillWork) {
  const User adele = Sync(AdeleFromAd());
  clock_.Advance(5);
  auto revoked = directory_->RevokeSignInSessions(kActor, adele.id);
  ASSERT_THAT(revoked, Succeeds());
  EXPECT_EQ(revoked->sign_in_sessions_valid_from_date_time, kStart + 5);
  EXPECT_THAT(directory_->SetPerUserMfaState(kActor, adele.id, PerUserMfaState::kEnforced),
              Succeeds());
  EXPECT_THAT(directory_->SetPhoneMethod(kActor, adele.id,
                                         {.phone_number = "+1 4255550100", .phone_type = "mobile"}),
              Succeeds());
  EXPECT_THAT(directory_->SetEmailMethod(kActor, adele.id, "adele@fabrikam.com"), Succeeds());
  EXPECT_THAT(directory_->SetAllowedMethods(kActor, adele.id, {"sms"}), Succeeds());
  EXPECT_THAT(directory_->SetSignInPreferences(
                  kActor, adele.id, {.user_preferred_method_for_secondary_authentication = "sms"}),
              Succeeds());
}

TEST_F(SyncedUserTest, LicencesAndCloudGroupsStillWork) {
  const User adele = Sync(AdeleFromAd());
  ASSERT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 5), Succeeds());
  ASSERT_THAT(directory_->UpdateUser(kActor, adele.id, {{"usageLocation", std::string("US")}}),
              Succeeds());
  const std::string e3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
  auto licensed = directory_->AssignLicense(kActor, adele.id, {.add_licenses = {{.sku_id = e3}}});
  ASSERT_THAT(licensed, Succeeds());
  EXPECT_THAT(licensed->assigned_licenses, ElementsAre(AssignedLicense{.sku_id = e3}));
  auto group = directory_->CreateGroup(kActor, {.display_name = "Sales", .mail_nickname = "sales"});
  ASSERT_THAT(group, Succeeds());
  ASSERT_THAT(directory_->AddGroupMember(kActor, group->id, adele.id), Succeeds());
  auto members = directory_->ListGroupMembers(group->id);
  ASSERT_THAT(members, Succeeds());
  ASSERT_THAT(*members, SizeIs(1));
  EXPECT_EQ(members->front().id, adele.id);
}

TEST_F(SyncedUserTest, FiltersFindSynchronizedUsers) {
  const User adele = Sync(AdeleFromAd());
  const User megan = Create("megan", "Megan Bowen");
  const auto ids = [&](std::string_view text) {
    auto filter = query::ParseFilter(text);
    EXPECT_THAT(filter, Succeeds()) << text;
    UserListOptions options;
    if (filter) options.filter = *filter;
    auto page = directory_->ListUsers(options);
    EXPECT_THAT(page, Succeeds()) << text;
    std::vector<std::string> out;
    if (page) {
      for (const User& user : page->users) out.push_back(user.id);
    }
    return out;
  };
  EXPECT_THAT(ids("onPremisesSyncEnabled eq true"), ElementsAre(adele.id));
  EXPECT_THAT(ids("onPremisesSyncEnabled eq null"), ElementsAre(megan.id));
  EXPECT_THAT(ids("onPremisesImmutableId eq 'hm8apq0p1u2bzvz1nb9kcw=='"), ElementsAre(adele.id));
  EXPECT_THAT(ids("onPremisesSamAccountName eq 'adelev'"), ElementsAre(adele.id));
  EXPECT_THAT(ids("startswith(onPremisesUserPrincipalName,'adelev@')"), ElementsAre(adele.id));
  auto not_indexed = query::ParseFilter("onPremisesDistinguishedName eq 'x'");
  ASSERT_THAT(not_indexed, Succeeds());
  EXPECT_THAT(directory_->ListUsers({.filter = *not_indexed}),
              FailsWith(expected::FilterNotIndexed()));
}

}  // namespace
}  // namespace admin365::engine_test
