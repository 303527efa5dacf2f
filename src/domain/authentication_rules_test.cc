#include "domain/authentication_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Strings = std::vector<std::string>;

TEST(PhoneMethodIdForTest, GivesGraphsFixedIds) {
  EXPECT_EQ(PhoneMethodIdFor("mobile"), "3179e48a-750b-4051-897c-87b9720928f7");
  EXPECT_EQ(PhoneMethodIdFor("alternateMobile"), "b6332ec1-7057-4abe-9331-3d72feddfe41");
  EXPECT_EQ(PhoneMethodIdFor("office"), "e37fc753-ff3b-4958-9484-eaa9425c82bc");
  for (std::string_view bad : {"", "Mobile", "MOBILE", "alternatemobile", "home", "fax", "sms"}) {
    EXPECT_EQ(PhoneMethodIdFor(bad), std::nullopt) << bad;
  }
}

TEST(IsValidPhoneNumberTest, AcceptsGraphsFormat) {
  for (std::string_view good :
       {"+1 4255550100", "+1 5555551234x123", "+44 2079460000", "+353 1234", "+1 2065555555",
        "+7 12345678901234", "+1 4255550100x1", "+1 4255550100x1234567890", "+358 123456789012"}) {
    EXPECT_TRUE(IsValidPhoneNumber(good)) << good;
  }
}

TEST(IsValidPhoneNumberTest, RefusesEverythingElse) {
  for (std::string_view bad : {
           "",
           "+",
           "4255550100",                 // no '+'
           "1 4255550100",               // no '+'
           "+14255550100",               // no space after the country code
           "+1  4255550100",             // two spaces
           "+1 425 555 0100",            // spaces inside the number
           "+1 425-555-0100",            // dashes
           "+1 (425) 5550100",           // brackets
           "+1234 5550100",              // country code of 4 digits
           "+0 4255550100",              // country code starting with 0
           "+ 4255550100",               // no country code
           "+1 123",                     // number of 3 digits
           "+1 ",                        // no number
           "+1 4255550100x",             // empty extension
           "+1 4255550100x12345678901",  // extension of 11 digits
           "+1 4255550100X123",          // upper-case X
           "+1 4255550100 x123",         // space before x
           "+1 4255550100x12a",          // letter in the extension
           "+1 4255550100x1x2",          // two extensions
           "+1 4255550100 ",             // trailing space
           " +1 4255550100",             // leading space
           "+1 123456789012345",         // 16 digits with the country code
           "+123 12345678901234",        // 17 digits
           "+1 42555501OO",              // letters O for zeros
           "+\xEF\xBC\x91 4255550100",   // full-width digit one
       }) {
    EXPECT_FALSE(IsValidPhoneNumber(bad)) << testing::PrintToString(std::string(bad));
  }
}

TEST(SmsSignInStateForTest, OnlyTheMobileNumberCouldSignInBySms) {
  EXPECT_EQ(SmsSignInStateFor("mobile"), "notAllowedByPolicy");
  EXPECT_EQ(SmsSignInStateFor("alternateMobile"), "notSupported");
  EXPECT_EQ(SmsSignInStateFor("office"), "notSupported");
}

TEST(SecondaryAuthenticationMethodsTest, AreGraphsValuesInGraphsOrder) {
  EXPECT_THAT(
      SecondaryAuthenticationMethods(),
      ElementsAre("push", "oath", "voiceMobile", "voiceAlternateMobile", "voiceOffice", "sms"));
  for (std::string_view method : SecondaryAuthenticationMethods()) {
    EXPECT_TRUE(IsSecondaryAuthenticationMethod(method)) << method;
  }
  for (std::string_view bad : {"", "none", "SMS", "Push", "unknownFutureValue", "email", "password",
                               "OneWaySMS", "PhoneAppNotification"}) {
    EXPECT_FALSE(IsSecondaryAuthenticationMethod(bad)) << bad;
  }
}

TEST(PhoneTypeUsedByTest, MapsPhoneMethodsToTheirPhone) {
  EXPECT_EQ(PhoneTypeUsedBy("sms"), "mobile");
  EXPECT_EQ(PhoneTypeUsedBy("voiceMobile"), "mobile");
  EXPECT_EQ(PhoneTypeUsedBy("voiceAlternateMobile"), "alternateMobile");
  EXPECT_EQ(PhoneTypeUsedBy("voiceOffice"), "office");
  EXPECT_EQ(PhoneTypeUsedBy("push"), std::nullopt);
  EXPECT_EQ(PhoneTypeUsedBy("oath"), std::nullopt);
}

TEST(NormalizeAllowedMethodsTest, SortsInGraphsOrderAndDropsDuplicates) {
  auto normalized = NormalizeAllowedMethods({"sms", "push", "sms", "voiceOffice", "push"});
  ASSERT_THAT(normalized, Succeeds());
  EXPECT_THAT(*normalized, ElementsAre("push", "voiceOffice", "sms"));
  auto empty = NormalizeAllowedMethods({});
  ASSERT_THAT(empty, Succeeds());
  EXPECT_THAT(*empty, IsEmpty());
}

TEST(NormalizeAllowedMethodsTest, RefusesUnknownMethods) {
  for (const Strings& bad : {Strings{"sms", "fax"}, Strings{""}, Strings{"SMS"},
                             Strings{"push", "none"}, Strings{"email"}}) {
    EXPECT_THAT(NormalizeAllowedMethods(bad), FailsWith(expected::InvalidValue("allowedMethods")))
        << testing::PrintToString(bad);
  }
}

TEST(IsMethodAllowedTest, EmptyAllowsEverything) {
  EXPECT_TRUE(IsMethodAllowed({}, "sms"));
  EXPECT_TRUE(IsMethodAllowed({"push", "sms"}, "sms"));
  EXPECT_FALSE(IsMethodAllowed({"push"}, "sms"));
}

TEST(MfaStateTest, NamesRoundTrip) {
  for (PerUserMfaState state :
       {PerUserMfaState::kDisabled, PerUserMfaState::kEnabled, PerUserMfaState::kEnforced}) {
    EXPECT_EQ(ParseMfaState(MfaStateName(state)), state);
  }
  EXPECT_EQ(MfaStateName(PerUserMfaState::kDisabled), "disabled");
  EXPECT_EQ(MfaStateName(PerUserMfaState::kEnabled), "enabled");
  EXPECT_EQ(MfaStateName(PerUserMfaState::kEnforced), "enforced");
  for (std::string_view bad : {"", "Enabled", "ENFORCED", "on", "none"}) {
    EXPECT_EQ(ParseMfaState(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace admin365
