// LocalDirectory: sign-in sessions, per-user MFA and authentication methods (§3.7).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::string_view kMobileId = "3179e48a-750b-4051-897c-87b9720928f7";
constexpr std::string_view kAlternateMobileId = "b6332ec1-7057-4abe-9331-3d72feddfe41";
constexpr std::string_view kOfficeId = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
constexpr std::string_view kEmailId = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

PhoneMethod Phone(std::string type, std::string number) {
  return PhoneMethod{.phone_number = std::move(number), .phone_type = std::move(type)};
}

PhoneMethod Stored(std::string_view id, std::string type, std::string number,
                   std::string sms = "notSupported") {
  return PhoneMethod{.id = std::string(id),
                     .phone_number = std::move(number),
                     .phone_type = std::move(type),
                     .sms_sign_in_state = std::move(sms)};
}

class SecurityInfoTest : public LocalDirectoryTest {
 protected:
  void SetUp() override {
    LocalDirectoryTest::SetUp();
    adele_ = Create("adele", "Adele Vance");
  }

  AuthenticationInfo Info(std::string_view user = "adele@contoso.onmicrosoft.com") {
    auto info = directory_->GetAuthenticationInfo(user);
    EXPECT_THAT(info, Succeeds());
    return info ? *info : AuthenticationInfo{};
  }

  void SetPhone(std::string type, std::string number) {
    ASSERT_THAT(directory_->SetPhoneMethod(kActor, adele_.id, Phone(type, number)), Succeeds());
  }

  User adele_;
};

// --- Sessions ---

TEST_F(SecurityInfoTest, RevokeSignInSessionsMovesValidFromToNow) {
  EXPECT_EQ(adele_.sign_in_sessions_valid_from_date_time, kStart);
  clock_.Advance(3600);
  auto revoked = directory_->RevokeSignInSessions(kActor, "ADELE@contoso.onmicrosoft.com");
  ASSERT_THAT(revoked, Succeeds());
  EXPECT_EQ(revoked->sign_in_sessions_valid_from_date_time, kStart + 3600);
  User expected = adele_;
  expected.sign_in_sessions_valid_from_date_time = kStart + 3600;
  EXPECT_EQ(*revoked, expected);
  EXPECT_EQ(Get(adele_.id), expected);

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update StsRefreshTokenValidFrom Timestamp");
  EXPECT_EQ(event.target_id, adele_.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");
  EXPECT_EQ(event.time, kStart + 3600);
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"signInSessionsValidFromDateTime", "2026-01-01T00:00:00Z",
                                         "2026-01-01T01:00:00Z"}));
}

TEST_F(SecurityInfoTest, RevokeSignInSessionsOfAnUnknownUserFails) {
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->RevokeSignInSessions(kActor, "nobody@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->RevokeSignInSessions(kActor, "not-an-id"),
              FailsWith(expected::InvalidObjectIdentifier("not-an-id")));
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  EXPECT_THAT(directory_->RevokeSignInSessions(kActor, adele_.id),
              FailsWith(expected::NotFound(adele_.id)));
  EXPECT_EQ(EventCount(), events + 1);  // the deletion only
}

// --- Defaults and the password method ---

TEST_F(SecurityInfoTest, ANewUserHasThePasswordMethodAndDefaults) {
  clock_.Advance(60);
  ASSERT_THAT(
      directory_->SetPassword(kActor, adele_.id, {.password = "Zx9!kTq4wLm2", .generate = false}),
      Succeeds());
  const AuthenticationInfo info = Info();
  EXPECT_EQ(info.per_user_mfa_state, PerUserMfaState::kDisabled);
  EXPECT_EQ(info.password_method, (PasswordMethod{.id = "28c10230-6103-485e-b985-444c60001490",
                                                  .created_date_time = kStart + 60}));
  EXPECT_THAT(info.phone_methods, IsEmpty());
  EXPECT_EQ(info.email_method, std::nullopt);
  EXPECT_THAT(info.allowed_methods, IsEmpty());
  EXPECT_EQ(info.sign_in_preferences, SignInPreferences{});
  EXPECT_TRUE(info.sign_in_preferences.is_system_preferred_authentication_method_enabled);
}

TEST_F(SecurityInfoTest, GetAuthenticationInfoOfAnUnknownUserFails) {
  EXPECT_THAT(directory_->GetAuthenticationInfo("ghost@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("ghost@contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->GetAuthenticationInfo("ghost"),
              FailsWith(expected::InvalidObjectIdentifier("ghost")));
}

// --- Per-user MFA ---

TEST_F(SecurityInfoTest, PerUserMfaStateMovesBetweenTheThreeStates) {
  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnabled),
              Succeeds());
  EXPECT_EQ(Info().per_user_mfa_state, PerUserMfaState::kEnabled);
  AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update per-user multifactor authentication state");
  EXPECT_EQ(event.target_id, adele_.id);
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"perUserMfaState", "disabled", "enabled"}));

  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnforced),
              Succeeds());
  EXPECT_EQ(Info().per_user_mfa_state, PerUserMfaState::kEnforced);
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"perUserMfaState", "enabled", "enforced"}));

  // The same state again records nothing.
  const std::size_t events = EventCount();
  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnforced),
              Succeeds());
  EXPECT_EQ(EventCount(), events);

  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kDisabled),
              Succeeds());
  EXPECT_EQ(Info().per_user_mfa_state, PerUserMfaState::kDisabled);
  // It survives a reopen: it is stored.
  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnforced),
              Succeeds());
  Reopen();
  EXPECT_EQ(Info().per_user_mfa_state, PerUserMfaState::kEnforced);
}

TEST_F(SecurityInfoTest, MfaSettingsAreEachUsersOwn) {
  const User megan = Create("megan", "Megan Bowen");
  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnforced),
              Succeeds());
  SetPhone("mobile", "+1 4255550100");
  EXPECT_EQ(Info(megan.id).per_user_mfa_state, PerUserMfaState::kDisabled);
  EXPECT_THAT(Info(megan.id).phone_methods, IsEmpty());
}

// --- Phone methods ---

TEST_F(SecurityInfoTest, PhoneMethodsHaveGraphsFixedIds) {
  auto mobile = directory_->SetPhoneMethod(kActor, adele_.id, Phone("mobile", "+1 4255550100"));
  ASSERT_THAT(mobile, Succeeds());
  EXPECT_EQ(*mobile, Stored(kMobileId, "mobile", "+1 4255550100", "notAllowedByPolicy"));
  SetPhone("office", "+1 4255550199x1234");
  SetPhone("alternateMobile", "+44 7700900123");
  EXPECT_THAT(Info().phone_methods,
              ElementsAre(Stored(kMobileId, "mobile", "+1 4255550100", "notAllowedByPolicy"),
                          Stored(kAlternateMobileId, "alternateMobile", "+44 7700900123"),
                          Stored(kOfficeId, "office", "+1 4255550199x1234")));
}

TEST_F(SecurityInfoTest, SettingAPhoneRegistersThenUpdatesIt) {
  SetPhone("mobile", "+1 4255550100");
  AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Admin registered security info");
  EXPECT_EQ(event.target_id, adele_.id);
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"phoneMethods/mobile", std::nullopt, "+1 4255550100"}));

  SetPhone("mobile", "+1 4255550111");
  event = Events().front();
  EXPECT_EQ(event.action, "Admin updated security info");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"phoneMethods/mobile", "+1 4255550100", "+1 4255550111"}));
  // At most one of each type: the second number replaced the first.
  EXPECT_THAT(Info().phone_methods,
              ElementsAre(Stored(kMobileId, "mobile", "+1 4255550111", "notAllowedByPolicy")));

  const std::size_t events = EventCount();
  SetPhone("mobile", "+1 4255550111");  // the same number: nothing to record
  EXPECT_EQ(EventCount(), events);
}

TEST_F(SecurityInfoTest, BadPhoneNumbersAndTypesAreRefused) {
  SetPhone("mobile", "+1 4255550100");
  const AuthenticationInfo before = Info();
  const std::size_t events = EventCount();
  for (const std::string& bad : std::vector<std::string>{
           "4255550100", "+14255550100", "+1 425 555 0100", "+1 425-555-0100", "+1234 5550100",
           "+1 4255550100x", "+1 123", "+1 4255550100 ", "(425) 555-0100"}) {
    EXPECT_THAT(directory_->SetPhoneMethod(kActor, adele_.id, Phone("office", bad)),
                FailsWith(expected::InvalidPhoneNumber()))
        << bad;
  }
  for (const std::string& type : std::vector<std::string>{"Mobile", "home", "fax", ""}) {
    EXPECT_THAT(directory_->SetPhoneMethod(kActor, adele_.id, Phone(type, "+1 4255550100")),
                FailsWith(expected::InvalidPhoneType()))
        << type;
    EXPECT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, type),
                FailsWith(expected::InvalidPhoneType()))
        << type;
  }
  EXPECT_EQ(Info(), before);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(SecurityInfoTest, AnAlternateMobileNeedsAMobile) {
  EXPECT_THAT(
      directory_->SetPhoneMethod(kActor, adele_.id, Phone("alternateMobile", "+1 4255550100")),
      FailsWith(expected::AlternateMobileNeedsMobile()));
  EXPECT_THAT(Info().phone_methods, IsEmpty());
  SetPhone("mobile", "+1 4255550100");
  SetPhone("alternateMobile", "+1 4255550101");
  // ... and the mobile cannot go while the alternate stays.
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "mobile"),
              FailsWith(expected::MobileNeededByAlternateMobile()));
  EXPECT_EQ(EventCount(), events);
  ASSERT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "alternateMobile"), Succeeds());
  ASSERT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "mobile"), Succeeds());
  EXPECT_THAT(Info().phone_methods, IsEmpty());
}

TEST_F(SecurityInfoTest, RemovingAPhoneDeletesIt) {
  SetPhone("office", "+1 4255550199");
  ASSERT_THAT(directory_->RemovePhoneMethod(kActor, "adele@contoso.onmicrosoft.com", "office"),
              Succeeds());
  EXPECT_THAT(Info().phone_methods, IsEmpty());
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Admin deleted security info");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"phoneMethods/office", "+1 4255550199", std::nullopt}));
  // Removing it again: Graph's not-found for the method id.
  EXPECT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "office"),
              FailsWith(expected::NotFound(std::string(kOfficeId))));
  // An empty number removes too.
  SetPhone("mobile", "+1 4255550100");
  ASSERT_THAT(directory_->SetPhoneMethod(kActor, adele_.id, Phone("mobile", "")), Succeeds());
  EXPECT_THAT(Info().phone_methods, IsEmpty());
  EXPECT_THAT(directory_->SetPhoneMethod(kActor, adele_.id, Phone("mobile", "")),
              FailsWith(expected::NotFound(std::string(kMobileId))));
}

TEST_F(SecurityInfoTest, PhoneMethodsAreSeparateFromContactProperties) {
  ASSERT_THAT(
      directory_->UpdateUser(kActor, adele_.id,
                             {{"mobilePhone", std::string("+1 425 555 0123")},
                              {"businessPhones", std::vector<std::string>{"+1 425 555 0124"}}}),
      Succeeds());
  SetPhone("mobile", "+1 4255550100");
  const User user = Get(adele_.id);
  EXPECT_EQ(user.mobile_phone, "+1 425 555 0123");
  EXPECT_THAT(user.business_phones, ElementsAre("+1 425 555 0124"));
  EXPECT_EQ(Info().phone_methods.front().phone_number, "+1 4255550100");
}

// --- The email method ---

TEST_F(SecurityInfoTest, TheEmailMethodIsSetUpdatedAndRemoved) {
  ASSERT_THAT(directory_->SetEmailMethod(kActor, adele_.id, "adele.vance@fabrikam.com"),
              Succeeds());
  EXPECT_EQ(Info().email_method, (EmailMethod{.id = std::string(kEmailId),
                                              .email_address = "adele.vance@fabrikam.com"}));
  AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Admin registered security info");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"emailMethods", std::nullopt,
                                                        "adele.vance@fabrikam.com"}));

  ASSERT_THAT(directory_->SetEmailMethod(kActor, adele_.id, "adele@outlook.com"), Succeeds());
  event = Events().front();
  EXPECT_EQ(event.action, "Admin updated security info");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"emailMethods", "adele.vance@fabrikam.com",
                                                        "adele@outlook.com"}));

  ASSERT_THAT(directory_->SetEmailMethod(kActor, adele_.id, ""), Succeeds());
  EXPECT_EQ(Info().email_method, std::nullopt);
  event = Events().front();
  EXPECT_EQ(event.action, "Admin deleted security info");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"emailMethods", "adele@outlook.com", std::nullopt}));
  EXPECT_THAT(directory_->SetEmailMethod(kActor, adele_.id, ""),
              FailsWith(expected::NotFound(std::string(kEmailId))));
}

TEST_F(SecurityInfoTest, BadEmailAddressesAreRefused) {
  const std::size_t events = EventCount();
  for (const std::string& bad : std::vector<std::string>{
           "adele", "adele@", "@fabrikam.com", "a@b@c", "ren\xC3\xA9@fabrikam.com",
           "adele vance@fabrikam.com", std::string(247, 'a') + "@fabrikam.c", "a\n@b"}) {
    EXPECT_THAT(directory_->SetEmailMethod(kActor, adele_.id, bad),
                FailsWith(expected::InvalidEmailMethodAddress()))
        << testing::PrintToString(bad);
  }
  EXPECT_EQ(Info().email_method, std::nullopt);
  EXPECT_EQ(EventCount(), events);
}

// --- Allowed methods and the default method ---

TEST_F(SecurityInfoTest, AllowedMethodsAreNormalizedAndAudited) {
  ASSERT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"sms", "push", "sms"}), Succeeds());
  EXPECT_THAT(Info().allowed_methods, ElementsAre("push", "sms"));
  AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update user");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"allowedMethods", std::nullopt, "push,sms"}));

  const std::size_t events = EventCount();
  ASSERT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"push", "sms"}), Succeeds());
  EXPECT_EQ(EventCount(), events);

  ASSERT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {}), Succeeds());
  EXPECT_THAT(Info().allowed_methods, IsEmpty());
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"allowedMethods", "push,sms", std::nullopt}));

  EXPECT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"push", "carrierPigeon"}),
              FailsWith(expected::InvalidValue("allowedMethods")));
  EXPECT_THAT(Info().allowed_methods, IsEmpty());
}

TEST_F(SecurityInfoTest, TheDefaultMethodMustBeAllowedAndItsPhoneRegistered) {
  const auto prefer = [&](std::optional<std::string> method, bool system_preferred = false) {
    return directory_->SetSignInPreferences(
        kActor, adele_.id,
        SignInPreferences{.is_system_preferred_authentication_method_enabled = system_preferred,
                          .user_preferred_method_for_secondary_authentication = method});
  };
  EXPECT_THAT(prefer("sms"), FailsWith(expected::DefaultMethodNotRegistered("sms", "mobile")));
  EXPECT_THAT(prefer("voiceMobile"),
              FailsWith(expected::DefaultMethodNotRegistered("voiceMobile", "mobile")));
  EXPECT_THAT(prefer("voiceAlternateMobile"), FailsWith(expected::DefaultMethodNotRegistered(
                                                  "voiceAlternateMobile", "alternateMobile")));
  EXPECT_THAT(prefer("voiceOffice"),
              FailsWith(expected::DefaultMethodNotRegistered("voiceOffice", "office")));
  EXPECT_THAT(prefer("email"), FailsWith(expected::InvalidAuthenticationMethod(
                                   "userPreferredMethodForSecondaryAuthentication")));
  EXPECT_THAT(prefer("SMS"), FailsWith(expected::InvalidAuthenticationMethod(
                                 "userPreferredMethodForSecondaryAuthentication")));
  EXPECT_EQ(Info().sign_in_preferences, SignInPreferences{});

  // push and oath need no phone.
  ASSERT_THAT(prefer("push"), Succeeds());
  EXPECT_EQ(Info().sign_in_preferences,
            (SignInPreferences{.is_system_preferred_authentication_method_enabled = false,
                               .user_preferred_method_for_secondary_authentication = "push"}));
  AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "PATCH UserAuthMethod.PatchSignInPreferencesAsync");
  EXPECT_THAT(
      event.changes,
      ElementsAre(
          PropertyChange{"userPreferredMethodForSecondaryAuthentication", std::nullopt, "push"},
          PropertyChange{"isSystemPreferredAuthenticationMethodEnabled", "true", "false"}));

  SetPhone("mobile", "+1 4255550100");
  ASSERT_THAT(prefer("sms"), Succeeds());
  EXPECT_THAT(
      Events().front().changes,
      ElementsAre(PropertyChange{"userPreferredMethodForSecondaryAuthentication", "push", "sms"}));

  // Not among the allowed methods.
  ASSERT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"sms", "push"}), Succeeds());
  EXPECT_THAT(prefer("oath"), FailsWith(expected::MethodNotAllowed("oath")));
  EXPECT_THAT(prefer("voiceMobile"), FailsWith(expected::MethodNotAllowed("voiceMobile")));
  EXPECT_EQ(Info().sign_in_preferences.user_preferred_method_for_secondary_authentication, "sms");

  // Clearing it, and turning the system-preferred method back on.
  ASSERT_THAT(prefer(std::nullopt, true), Succeeds());
  EXPECT_EQ(Info().sign_in_preferences, SignInPreferences{});
  const std::size_t events = EventCount();
  ASSERT_THAT(prefer(std::nullopt, true), Succeeds());
  EXPECT_EQ(EventCount(), events);
}

TEST_F(SecurityInfoTest, LosingItsPhoneOrPermissionClearsTheDefaultMethod) {
  SetPhone("mobile", "+1 4255550100");
  SetPhone("office", "+1 4255550199");
  ASSERT_THAT(directory_->SetSignInPreferences(
                  kActor, adele_.id,
                  {.is_system_preferred_authentication_method_enabled = false,
                   .user_preferred_method_for_secondary_authentication = "voiceOffice"}),
              Succeeds());
  // Another phone goes: the default stays.
  ASSERT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "mobile"), Succeeds());
  EXPECT_EQ(Info().sign_in_preferences.user_preferred_method_for_secondary_authentication,
            "voiceOffice");
  // Its phone goes: the default falls back to none, in the same event.
  ASSERT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "office"), Succeeds());
  EXPECT_EQ(Info().sign_in_preferences.user_preferred_method_for_secondary_authentication,
            std::nullopt);
  EXPECT_FALSE(Info().sign_in_preferences.is_system_preferred_authentication_method_enabled);
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"phoneMethods/office", "+1 4255550199", std::nullopt},
                          PropertyChange{"userPreferredMethodForSecondaryAuthentication",
                                         "voiceOffice", std::nullopt}));

  ASSERT_THAT(directory_->SetSignInPreferences(
                  kActor, adele_.id,
                  {.is_system_preferred_authentication_method_enabled = false,
                   .user_preferred_method_for_secondary_authentication = "push"}),
              Succeeds());
  ASSERT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"oath"}), Succeeds());
  EXPECT_EQ(Info().sign_in_preferences.user_preferred_method_for_secondary_authentication,
            std::nullopt);
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"allowedMethods", std::nullopt, "oath"},
                          PropertyChange{"userPreferredMethodForSecondaryAuthentication", "push",
                                         std::nullopt}));
}

TEST_F(SecurityInfoTest, MethodsGoWithAPurgedUser) {
  SetPhone("mobile", "+1 4255550100");
  ASSERT_THAT(directory_->SetEmailMethod(kActor, adele_.id, "adele@fabrikam.com"), Succeeds());
  ASSERT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"sms"}), Succeeds());
  ASSERT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnforced),
              Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  // A deleted user keeps them for a restore.
  EXPECT_EQ(CountRows("user_phone_methods"), 1);
  ASSERT_THAT(directory_->RestoreUser(kActor, adele_.id, {}), Succeeds());
  EXPECT_EQ(Info().per_user_mfa_state, PerUserMfaState::kEnforced);
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, adele_.id), Succeeds());
  for (const std::string table :
       {"user_mfa_settings", "user_allowed_methods", "user_phone_methods", "user_email_methods"}) {
    EXPECT_EQ(CountRows(table), 0) << table;
  }
}

TEST_F(SecurityInfoTest, EveryCallRefusesUnknownAndDeletedUsers) {
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  const std::size_t events = EventCount();
  const Error gone = expected::NotFound(adele_.id);
  EXPECT_THAT(directory_->GetAuthenticationInfo(adele_.id), FailsWith(gone));
  EXPECT_THAT(directory_->SetPerUserMfaState(kActor, adele_.id, PerUserMfaState::kEnabled),
              FailsWith(gone));
  EXPECT_THAT(directory_->SetPhoneMethod(kActor, adele_.id, Phone("mobile", "+1 4255550100")),
              FailsWith(gone));
  EXPECT_THAT(directory_->RemovePhoneMethod(kActor, adele_.id, "mobile"), FailsWith(gone));
  EXPECT_THAT(directory_->SetEmailMethod(kActor, adele_.id, "a@b.c"), FailsWith(gone));
  EXPECT_THAT(directory_->SetAllowedMethods(kActor, adele_.id, {"sms"}), FailsWith(gone));
  EXPECT_THAT(directory_->SetSignInPreferences(kActor, adele_.id, {}), FailsWith(gone));
  EXPECT_EQ(EventCount(), events);
}

}  // namespace
}  // namespace admin365::engine_test
