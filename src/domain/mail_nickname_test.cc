#include "domain/mail_nickname.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace admin365 {
namespace {

constexpr std::string_view kForbidden = "@()\\[]\";:<>, ";

TEST(IsValidMailNicknameTest, AcceptsOrdinaryNicknames) {
  for (const std::string_view nickname :
       {"adele", "AdeleV", "o'brien.jr", "first.last", "first-last", "first_last", "a", "0",
        "!#$%&'*+-./=?^_`{|}~", "user+tag", "x=y", "a/b", "a{b}", "a|b", "a?b", "a~b"}) {
    EXPECT_TRUE(IsValidMailNickname(nickname)) << nickname;
  }
}

TEST(IsValidMailNicknameTest, RefusesEachForbiddenCharacter) {
  for (const char c : kForbidden) {
    EXPECT_FALSE(IsValidMailNickname(std::string("ab") + c + "cd")) << "char '" << c << "'";
    EXPECT_FALSE(IsValidMailNickname(std::string(1, c))) << "char '" << c << "'";
  }
}

TEST(IsValidMailNicknameTest, AcceptsExactlyPrintableAsciiLessTheForbiddenSet) {
  for (int c = 0; c < 256; ++c) {
    const bool printable = c >= 0x21 && c <= 0x7E;
    const bool forbidden = kForbidden.find(static_cast<char>(c)) != std::string_view::npos;
    std::string nickname = "a";
    nickname += static_cast<char>(c);
    nickname += "b";
    EXPECT_EQ(IsValidMailNickname(nickname), printable && !forbidden) << "byte " << c;
  }
}

TEST(IsValidMailNicknameTest, RefusesControlsDelAndNonAscii) {
  EXPECT_FALSE(IsValidMailNickname(std::string("ad\0ele", 6)));
  EXPECT_FALSE(IsValidMailNickname("ad\tele"));
  EXPECT_FALSE(IsValidMailNickname("ad\nele"));
  EXPECT_FALSE(IsValidMailNickname("ad\rele"));
  EXPECT_FALSE(IsValidMailNickname("ad\037ele"));
  EXPECT_FALSE(IsValidMailNickname("ad\177ele"));
  EXPECT_FALSE(IsValidMailNickname("ren\xC3\xA9"));                               // renée
  EXPECT_FALSE(IsValidMailNickname("\xD0\xB0\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C"));  // адель
  EXPECT_FALSE(IsValidMailNickname("adele\xF0\x9F\x98\x80"));                     // emoji
  EXPECT_FALSE(IsValidMailNickname("adele\xC2\xA0"));                             // NBSP
}

TEST(IsValidMailNicknameTest, LengthIsOneTo64) {
  EXPECT_EQ(kMaxMailNicknameLength, 64u);
  EXPECT_FALSE(IsValidMailNickname(""));
  EXPECT_TRUE(IsValidMailNickname("a"));
  EXPECT_TRUE(IsValidMailNickname(std::string(64, 'a')));
  EXPECT_FALSE(IsValidMailNickname(std::string(65, 'a')));
}

TEST(DeriveMailNicknameTest, TakesTheAliasOfTheUpn) {
  EXPECT_EQ(DeriveMailNickname("adele.vance@contoso.com"), "adele.vance");
  EXPECT_EQ(DeriveMailNickname("AdeleV@contoso.com"), "AdeleV");
  EXPECT_EQ(DeriveMailNickname("o'brien.jr@contoso.com"), "o'brien.jr");
  EXPECT_EQ(DeriveMailNickname("a!#^~_-z@contoso.com"), "a!#^~_-z");
}

TEST(DeriveMailNicknameTest, UsesTheWholeTextWhenThereIsNoAt) {
  EXPECT_EQ(DeriveMailNickname("adele"), "adele");
  EXPECT_EQ(DeriveMailNickname(""), "");
}

TEST(DeriveMailNicknameTest, StopsAtTheFirstAt) {
  EXPECT_EQ(DeriveMailNickname("adele@vance@contoso.com"), "adele");
  EXPECT_EQ(DeriveMailNickname("@contoso.com"), "");
}

TEST(DeriveMailNicknameTest, DropsForbiddenAndNonAsciiCharacters) {
  EXPECT_EQ(DeriveMailNickname("adele vance@contoso.com"), "adelevance");
  EXPECT_EQ(DeriveMailNickname("(adele)[vance]<x>;y:z,\"q\"\\@contoso.com"), "adelevancexyzq");
  EXPECT_EQ(DeriveMailNickname("ren\303\251e@contoso.com"), "rene");
  EXPECT_EQ(DeriveMailNickname("ad\tel\177e@contoso.com"), "adele");
  EXPECT_EQ(DeriveMailNickname(std::string("ad\0ele@contoso.com", 18)), "adele");
  EXPECT_EQ(DeriveMailNickname("()[]@contoso.com"), "");
  EXPECT_EQ(DeriveMailNickname("\xD0\xB0\xD0\xB4@contoso.com"), "");
}

TEST(DeriveMailNicknameTest, CutsTo64Characters) {
  EXPECT_EQ(DeriveMailNickname(std::string(64, 'a') + "@contoso.com"), std::string(64, 'a'));
  EXPECT_EQ(DeriveMailNickname(std::string(64, 'a') + "bcd@contoso.com"), std::string(64, 'a'));
  EXPECT_EQ(DeriveMailNickname(std::string(100, 'x')), std::string(64, 'x'));
  // The cut counts kept characters, after the forbidden ones are dropped.
  EXPECT_EQ(DeriveMailNickname("((((" + std::string(63, 'a') + "bc@contoso.com"),
            std::string(63, 'a') + "b");
}

TEST(DeriveMailNicknameTest, ANonEmptyResultIsAlwaysValid) {
  for (int c = 0; c < 256; ++c) {
    std::string upn = "a";
    upn += static_cast<char>(c);
    upn += "b@contoso.com";
    const std::string nickname = DeriveMailNickname(upn);
    EXPECT_TRUE(IsValidMailNickname(nickname)) << "byte " << c << " gave " << nickname;
  }
}

}  // namespace
}  // namespace admin365
