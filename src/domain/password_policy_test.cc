#include "domain/password_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {
namespace {

using ::testing::Contains;
using ::testing::Not;

const PasswordContext kNoContext{};
const PasswordContext kWeak{.strong = false};  // passwordPolicies DisableStrongPassword

TEST(CheckPasswordTest, LimitsAreThoseOfTheFacts) {
  EXPECT_EQ(kMinPasswordLength, 8u);
  EXPECT_EQ(kMaxPasswordLength, 256u);
}

TEST(CheckPasswordTest, NeedsAtLeast8Characters) {
  EXPECT_THAT(CheckPassword("", kNoContext), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("Xk9#mQ2", kNoContext), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("Xk9#mQ2v", kNoContext), Succeeds());
}

TEST(CheckPasswordTest, AllowsAtMost256Characters) {
  std::string password;
  for (int i = 0; i < 32; ++i) password += "Xk9#mQ2v";
  ASSERT_EQ(password.size(), 256u);
  EXPECT_THAT(CheckPassword(password, kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword(password + "x", kNoContext), FailsWith(expected::PasswordComplexity()));
}

struct ClassCase {
  std::string_view password;
  int classes;
};

TEST(CheckPasswordTest, NeedsThreeOfTheFourCharacterClasses) {
  for (const ClassCase& c : std::initializer_list<ClassCase>{
           {"qxvkzjwt", 1},  // lower
           {"QXVKZJWT", 1},  // upper
           {"48293756", 1},  // digits
           {"#%&*#%&*", 1},  // symbols
           {"qxvkZJWT", 2},  // lower + upper
           {"qxvk4829", 2},  // lower + digit
           {"qxvk#%&*", 2},  // lower + symbol
           {"QXVK4829", 2},  // upper + digit
           {"QXVK#%&*", 2},  // upper + symbol
           {"4829#%&*", 2},  // digit + symbol
           {"qxvKZJ48", 3},  // lower + upper + digit
           {"qxvKZJ#%", 3},  // lower + upper + symbol
           {"qxvk48#%", 3},  // lower + digit + symbol
           {"QXVK48#%", 3},  // upper + digit + symbol
           {"qxVK48#%", 4},  // all four
       }) {
    ASSERT_EQ(BannedPasswordScore(c.password, kNoContext), 8) << c.password;
    if (c.classes >= 3) {
      EXPECT_THAT(CheckPassword(c.password, kNoContext), Succeeds()) << c.password;
    } else {
      EXPECT_THAT(CheckPassword(c.password, kNoContext), FailsWith(expected::PasswordComplexity()))
          << c.password;
    }
    // DisableStrongPassword waives the 3-of-4 rule and nothing else.
    EXPECT_THAT(CheckPassword(c.password, kWeak), Succeeds()) << c.password;
  }
}

TEST(CheckPasswordTest, SpaceIsAllowedAndCountsAsASymbol) {
  EXPECT_THAT(CheckPassword("qxvk ZJWT", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("Qx9 mQ2v", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("qxvkzjwt ", kNoContext), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("        ", kWeak), Succeeds());
}

TEST(CheckPasswordTest, AcceptsEveryPrintableAsciiCharacter) {
  for (char c = 0x20; c <= 0x7E; ++c) {
    const std::string password = std::string("qxVK48#") + c;
    EXPECT_THAT(CheckPassword(password, kNoContext), Succeeds()) << "char '" << c << "'";
  }
  EXPECT_THAT(CheckPassword("A-z0@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<>", kNoContext), Succeeds());
}

TEST(CheckPasswordTest, RefusesControlsDelAndUnicode) {
  for (const std::string& bad : std::vector<std::string>{
           std::string("qxVK48#\tz"), std::string("qxVK48#\nz"), std::string("qxVK48#\rz"),
           std::string("qxVK48#\x1Bz"), std::string("qxVK48#\x7Fz"), std::string("qxVK48#\0z", 9),
           std::string("qxVK48#\xC3\xA9z"),          // é
           std::string("qxVK48#\xC3\xB1z"),          // ñ
           std::string("qxVK48#\xD0\xB0z"),          // Cyrillic а
           std::string("qxVK48#\xE2\x82\xACz"),      // €
           std::string("qxVK48#\xF0\x9F\x98\x80z"),  // emoji
           std::string("qxVK48#\xC2\xA0z"),          // NBSP
       }) {
    EXPECT_THAT(CheckPassword(bad, kNoContext), FailsWith(expected::PasswordComplexity()))
        << testing::PrintToString(bad);
    EXPECT_THAT(CheckPassword(bad, kWeak), FailsWith(expected::PasswordComplexity()))
        << testing::PrintToString(bad);
  }
}

TEST(CheckPasswordTest, RefusesTheAliasCaseInsensitively) {
  const PasswordContext adele{.alias = "adele"};
  EXPECT_THAT(CheckPassword("Qx#Adele9z", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("Qx#Adele9z", adele), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("Qx#ADELE9z", adele), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("adeleQx#9z", adele), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("Qx#9zADELE", adele), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("qx#ADELE9z", PasswordContext{.alias = "AdElE"}),
              FailsWith(expected::PasswordComplexity()));
  // Only the whole alias counts; no normalisation or fuzzy matching.
  EXPECT_THAT(CheckPassword("Qx#Adel9zv", adele), Succeeds());
  EXPECT_THAT(CheckPassword("Qx#@dele9z", adele), Succeeds());
  // The rule survives DisableStrongPassword.
  EXPECT_THAT(CheckPassword("qx#adele9z", PasswordContext{.alias = "adele", .strong = false}),
              FailsWith(expected::PasswordComplexity()));
}

TEST(CheckPasswordTest, IgnoresAliasesShorterThanThreeCharacters) {
  EXPECT_THAT(CheckPassword("Qx#Ad9zvK", PasswordContext{.alias = "ad"}), Succeeds());
  EXPECT_THAT(CheckPassword("Qx#Ad9zvK", PasswordContext{.alias = "a"}), Succeeds());
  EXPECT_THAT(CheckPassword("Qx#Ade9zvK", PasswordContext{.alias = "ade"}),
              FailsWith(expected::PasswordComplexity()));
}

struct ScoreCase {
  std::string_view password;
  int score;
};

TEST(BannedPasswordScoreTest, ScoresExactly) {
  for (const ScoreCase& c : std::initializer_list<ScoreCase>{
           {"", 0},
           {"Xk9#mQ2v", 8},       // no banned term: one point a character
           {"Tr0ub4dor&3", 11},   // "troub4dor&3"
           {"P@ssw0rd", 1},       // "password"
           {"password", 1},       // exact
           {"PASSWORD", 1},       // case does not matter
           {"Passw0rt", 1},       // "passwort" is banned too
           {"passwor", 1},        // one deletion
           {"passwords", 1},      // one insertion: the 's' is part of the match
           {"Passwxrd99!", 4},    // one substitution: [passwxrd] + 9 + 9 + !
           {"Password123!", 4},   // "passwordl23!": [passwordl] (one insertion) + 2 + 3 + !
           {"Password#Kq7", 4},   // [password#] + k + q + 7
           {"Password#Kq7v", 5},  // [password#] + k + q + 7 + v
           {"Welcome2024", 4},    // "welcome2o24": [welcome2] + o + 2 + 4
           {"Welcome2024!", 5},   // [welcome2] + o + 2 + 4 + !
           {"Summer2024", 4},     // [summer2] + o + 2 + 4
           {"Qwerty123!", 4},     // "qwertyl23!": [qwertyl] + 2 + 3 + !
           {"Contoso!1", 2},      // "contoso!l": [contoso!] + l
           {"MonkeyDragon7", 3},  // [monkeyd] + [ragon] + 7: longest matches win
           {"Office365!", 1},     // "office365!": [office365!]
           {"Microsoft2024", 4},  // "microsoft2o24": [microsoft2] + o + 2 + 4
           {"abc123", 1},         // "abcl23"
           {"111111", 1},         // "llllll"
           {"Trustno1", 1},       // "trustnol"
       }) {
    EXPECT_EQ(BannedPasswordScore(c.password, kNoContext), c.score) << c.password;
  }
}

TEST(CheckPasswordTest, RefusesPasswordsScoringBelowFive) {
  for (const std::string_view password :
       {"P@ssw0rd", "Password123!", "Passwxrd99!", "Password#Kq7", "Welcome2024", "Summer2024",
        "Qwerty123!", "Contoso!1", "MonkeyDragon7", "Office365!", "Microsoft2024", "Trustno1!"}) {
    EXPECT_THAT(CheckPassword(password, kNoContext), FailsWith(expected::PasswordComplexity()))
        << password;
    EXPECT_THAT(CheckPassword(password, kWeak), FailsWith(expected::PasswordComplexity()))
        << password;
  }
}

TEST(CheckPasswordTest, AcceptsABannedTermWithEnoughAroundIt) {
  EXPECT_THAT(CheckPassword("Password#Kq7v", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("Welcome2024!", kNoContext), Succeeds());
}

TEST(BannedPasswordScoreTest, CountsPersonalTermsOfFourOrMoreCharacters) {
  const PasswordContext megan{.given_name = "Megan"};
  EXPECT_EQ(BannedPasswordScore("Megan#Kq", kNoContext), 8);
  EXPECT_EQ(BannedPasswordScore("Megan#Kq", megan), 4);  // [megan] + # + k + q
  EXPECT_THAT(CheckPassword("Megan#Kq", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("Megan#Kq", megan), FailsWith(expected::PasswordComplexity()));

  const PasswordContext bowen{.surname = "Bowen"};
  EXPECT_EQ(BannedPasswordScore("Bowen!X9", bowen), 4);
  EXPECT_THAT(CheckPassword("Bowen!X9", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("Bowen!X9", bowen), FailsWith(expected::PasswordComplexity()));

  const PasswordContext northwind{.tenant_name = "Northwind"};
  EXPECT_EQ(BannedPasswordScore("Northwind1!", kNoContext), 11);
  EXPECT_EQ(BannedPasswordScore("Northwind1!", northwind), 3);  // [northwind] + l + !
  EXPECT_THAT(CheckPassword("Northwind1!", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("Northwind1!", northwind), FailsWith(expected::PasswordComplexity()));

  // Four characters is enough; every occurrence counts.
  const PasswordContext bobb{.given_name = "Bobb"};
  EXPECT_EQ(BannedPasswordScore("Bobb#Kq7v", bobb), 6);
  EXPECT_EQ(BannedPasswordScore("BobbBobb#1", bobb), 4);  // [bobb] + [bobb] + # + l
  EXPECT_THAT(CheckPassword("BobbBobb#1", kNoContext), Succeeds());
  EXPECT_THAT(CheckPassword("BobbBobb#1", bobb), FailsWith(expected::PasswordComplexity()));
}

TEST(BannedPasswordScoreTest, IgnoresPersonalTermsShorterThanFourCharacters) {
  EXPECT_EQ(BannedPasswordScore("Bob#Kq7v", PasswordContext{.given_name = "Bob"}), 8);
  EXPECT_EQ(BannedPasswordScore("Bob#Kq7v", PasswordContext{.surname = "Bob"}), 8);
  EXPECT_EQ(BannedPasswordScore("Bob#Kq7v", PasswordContext{.tenant_name = "Bob"}), 8);
  EXPECT_EQ(BannedPasswordScore("Bob#Kq7v", PasswordContext{.given_name = ""}), 8);
}

TEST(BannedPasswordScoreTest, PersonalTermsMatchAfterNormalisationButNotFuzzily) {
  // "L0L@#Kq7" normalises to "lola#kq7".
  EXPECT_EQ(BannedPasswordScore("L0L@#Kq7", PasswordContext{.given_name = "Lola"}), 5);
  EXPECT_EQ(BannedPasswordScore("L0L@#Kq7", PasswordContext{.given_name = "L0L@"}), 5);
  // Substring matching only: one edit away is no match for a personal term.
  EXPECT_EQ(BannedPasswordScore("Megxn#Kq", PasswordContext{.given_name = "Megan"}), 8);
  EXPECT_EQ(BannedPasswordScore("Mega#Kq7", PasswordContext{.given_name = "Megan"}), 8);
}

TEST(BannedPasswordScoreTest, NormalisesCaseAndCommonSubstitutions) {
  // 0->o, 1->l, $->s, @->a; other digits and symbols are left alone.
  EXPECT_EQ(BannedPasswordScore("P@$$W0RD", kNoContext), 1);
  EXPECT_EQ(BannedPasswordScore("L3tM31n", kNoContext), 7);  // "l3tm3ln": 3 is not 'e'
  EXPECT_EQ(BannedPasswordScore("LetMe1n", kNoContext), 1);  // "letmeln" is one edit away
}

TEST(GlobalBannedPasswordsTest, TermsAreNormalisedDistinctAndLongEnough) {
  const auto terms = GlobalBannedPasswords();
  ASSERT_FALSE(terms.empty());
  std::set<std::string_view> seen;
  for (const std::string_view term : terms) {
    EXPECT_GE(term.size(), 5u) << term;
    EXPECT_TRUE(seen.insert(term).second) << "duplicate " << term;
    for (const char c : term) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '2' && c <= '9')) << term;
    }
  }
  EXPECT_THAT(terms, Contains(std::string_view("password")));
  EXPECT_THAT(terms, Contains(std::string_view("office365")));
  EXPECT_THAT(terms, Contains(std::string_view("contoso")));
  EXPECT_THAT(terms, Contains(std::string_view("abcl23")));
  EXPECT_THAT(terms, Not(Contains(std::string_view("officej65"))));
}

TEST(CheckPasswordTest, DisableStrongPasswordKeepsLengthCharacterAndBannedRules) {
  EXPECT_THAT(CheckPassword("qxvkzjwt", kWeak), Succeeds());
  EXPECT_THAT(CheckPassword("qxvkzjw", kWeak), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword(std::string(257, 'q'), kWeak),
              FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("password", kWeak), FailsWith(expected::PasswordComplexity()));
  EXPECT_THAT(CheckPassword("qxvk\tzjwt", kWeak), FailsWith(expected::PasswordComplexity()));
}

}  // namespace
}  // namespace admin365
