#include "domain/upn.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {
namespace {

constexpr std::string_view kAllowedAliasSymbols = "'.-_!#^~";

bool IsAllowedAliasChar(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         kAllowedAliasSymbols.find(static_cast<char>(c)) != std::string_view::npos;
}

// A domain of exactly `length` characters (length >= 5): "aaa...a.com".
std::string DomainOfLength(std::size_t length) { return std::string(length - 4, 'a') + ".com"; }

TEST(ParseUpnTest, SplitsAliasAndDomain) {
  const Result<UpnParts> parts = ParseUpn("adele.vance@contoso.com");
  ASSERT_THAT(parts, Succeeds());
  EXPECT_EQ(parts->alias, "adele.vance");
  EXPECT_EQ(parts->domain, "contoso.com");
}

TEST(ParseUpnTest, LowerCasesTheDomainButKeepsTheAliasCase) {
  const Result<UpnParts> parts = ParseUpn("Adele.Vance@Contoso.OnMicrosoft.COM");
  ASSERT_THAT(parts, Succeeds());
  EXPECT_EQ(parts->alias, "Adele.Vance");
  EXPECT_EQ(parts->domain, "contoso.onmicrosoft.com");
}

TEST(ParseUpnTest, AcceptsAnAliasMadeOfEveryAllowedCharacter) {
  for (const std::string& alias : std::vector<std::string>{"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                                           "abcdefghijklmnopqrstuvwxyz",
                                                           "0123456789",
                                                           "a'.-_!#^~z",
                                                           "o'brien",
                                                           "first.last",
                                                           "first-last",
                                                           "first_last",
                                                           "wow!",
                                                           "c#dev",
                                                           "up^down",
                                                           "tilde~user",
                                                           "9",
                                                           "-",
                                                           "_",
                                                           "'",
                                                           "!",
                                                           "#",
                                                           "^",
                                                           "~"}) {
    const Result<UpnParts> parts = ParseUpn(alias + "@contoso.com");
    ASSERT_THAT(parts, Succeeds()) << alias;
    EXPECT_EQ(parts->alias, alias);
  }
}

TEST(ParseUpnTest, AcceptsEachAllowedCharacterAndRefusesEveryOtherByte) {
  for (int c = 0; c < 256; ++c) {
    if (c == '@') continue;  // covered below
    std::string upn = "a";
    upn += static_cast<char>(c);
    upn += "b@contoso.com";
    if (IsAllowedAliasChar(static_cast<unsigned char>(c))) {
      EXPECT_THAT(ParseUpn(upn), Succeeds()) << "byte " << c;
    } else {
      EXPECT_THAT(ParseUpn(upn), FailsWith(expected::InvalidUpn())) << "byte " << c;
    }
  }
}

TEST(ParseUpnTest, RefusesHostileAndNonAsciiAliases) {
  for (const std::string& alias : std::vector<std::string>{
           std::string("adele vance"),                               // space
           std::string("adele\"vance"),                              // quote
           std::string("adele,vance"),                               // comma
           std::string("adele;vance"),                               // semicolon
           std::string("adele\tvance"),                              // tab
           std::string("adele\nvance"),                              // line feed
           std::string("adele\x7Fvance"),                            // DEL
           std::string("adele\0vance", 11),                          // NUL inside the string
           std::string("ren\xC3\xA9"),                               // é
           std::string("\xD0\xB0\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C"),  // Cyrillic "адель"
           std::string("adele\xF0\x9F\x98\x80"),                     // emoji U+1F600
           std::string("adele(vance)"),
           std::string("adele<vance>"),
           std::string("adele[1]"),
           std::string("adele\\vance"),
           std::string("adele/vance"),
           std::string("adele:vance"),
           std::string("adele%40"),
           std::string("adele+tag"),
           std::string("adele=x"),
           std::string("adele&co"),
           std::string("adele*"),
           std::string("adele$"),
           std::string("adele{x}"),
           std::string("adele|x"),
           std::string("adele`x"),
           std::string("adele?"),
       }) {
    EXPECT_THAT(ParseUpn(alias + "@contoso.com"), FailsWith(expected::InvalidUpn()))
        << "alias " << testing::PrintToString(alias);
  }
}

TEST(ParseUpnTest, RefusesASecondAtSign) {
  EXPECT_THAT(ParseUpn("adele@vance@contoso.com"), FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(ParseUpn("adele@@contoso.com"), FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(ParseUpn("adele@contoso.com@"), FailsWith(expected::InvalidUpn()));
}

TEST(ParseUpnTest, RefusesMissingParts) {
  for (const std::string_view upn :
       {"", "@", "adele", "adele.contoso.com", "@contoso.com", "adele@", "adele@.", "adele@contoso",
        "adele@.contoso.com", "adele@contoso..com", "adele@contoso.com."}) {
    EXPECT_THAT(ParseUpn(upn), FailsWith(expected::InvalidUpn())) << upn;
  }
}

TEST(ParseUpnTest, RefusesADotDirectlyBeforeTheAt) {
  EXPECT_THAT(ParseUpn("adele.@contoso.com"), FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(ParseUpn(".@contoso.com"), FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(ParseUpn("adele..@contoso.com"), FailsWith(expected::InvalidUpn()));
  // A dot elsewhere in the alias is fine.
  EXPECT_THAT(ParseUpn("a.dele@contoso.com"), Succeeds());
}

TEST(ParseUpnTest, AliasMayHave64CharactersButNot65) {
  const std::string alias64(64, 'a');
  const Result<UpnParts> parts = ParseUpn(alias64 + "@contoso.com");
  ASSERT_THAT(parts, Succeeds());
  EXPECT_EQ(parts->alias, alias64);
  EXPECT_THAT(ParseUpn(std::string(65, 'a') + "@contoso.com"), FailsWith(expected::InvalidUpn()));
}

TEST(ParseUpnTest, DomainMayHave48CharactersButNot49) {
  const std::string domain48 = DomainOfLength(48);
  ASSERT_EQ(domain48.size(), 48u);
  const Result<UpnParts> parts = ParseUpn("adele@" + domain48);
  ASSERT_THAT(parts, Succeeds());
  EXPECT_EQ(parts->domain, domain48);

  const std::string domain49 = DomainOfLength(49);
  ASSERT_EQ(domain49.size(), 49u);
  ASSERT_TRUE(IsValidDomainName(domain49));  // only the length is wrong
  EXPECT_THAT(ParseUpn("adele@" + domain49), FailsWith(expected::InvalidUpn()));
}

TEST(ParseUpnTest, TotalMayBe113CharactersButNot114) {
  const std::string upn113 = std::string(64, 'a') + "@" + DomainOfLength(48);
  ASSERT_EQ(upn113.size(), kMaxUpnLength);
  EXPECT_THAT(ParseUpn(upn113), Succeeds());

  // 114 characters always breaks a part limit too; both ways are refused.
  const std::string long_alias = std::string(65, 'a') + "@" + DomainOfLength(48);
  const std::string long_domain = std::string(64, 'a') + "@" + DomainOfLength(49);
  ASSERT_EQ(long_alias.size(), 114u);
  ASSERT_EQ(long_domain.size(), 114u);
  EXPECT_THAT(ParseUpn(long_alias), FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(ParseUpn(long_domain), FailsWith(expected::InvalidUpn()));
}

TEST(ParseUpnTest, LimitsAreThoseOfTheFacts) {
  EXPECT_EQ(kMaxUpnLength, 113u);
  EXPECT_EQ(kMaxUpnAliasLength, 64u);
  EXPECT_EQ(kMaxUpnDomainLength, 48u);
}

TEST(ParseUpnTest, RefusesDomainsThatAreNotDnsNames) {
  for (const std::string& domain : std::vector<std::string>{
           "contoso", "contoso.123", "-contoso.com", "contoso-.com", "contoso_corp.com",
           "contoso com.com", "b\303\274cher.de", "contoso.com/x", "[10.0.0.1]"}) {
    EXPECT_THAT(ParseUpn("adele@" + domain), FailsWith(expected::InvalidUpn())) << domain;
  }
}

TEST(IsValidDomainNameTest, AcceptsOrdinaryNames) {
  for (const std::string_view name :
       {"contoso.com", "Contoso.COM", "contoso.onmicrosoft.com", "sub.contoso.co.uk", "a.b",
        "con-toso.com", "c--ontoso.com", "123.com", "contoso.com1", "xn--bcher-kva.example",
        "x1.y2"}) {
    EXPECT_TRUE(IsValidDomainName(name)) << name;
  }
}

TEST(IsValidDomainNameTest, LabelsMayHave63CharactersButNot64) {
  EXPECT_TRUE(IsValidDomainName(std::string(63, 'a') + ".com"));
  EXPECT_FALSE(IsValidDomainName(std::string(64, 'a') + ".com"));
  EXPECT_TRUE(IsValidDomainName("contoso." + std::string(63, 'c')));
  EXPECT_FALSE(IsValidDomainName("contoso." + std::string(64, 'c')));
}

TEST(IsValidDomainNameTest, NameMayHave255CharactersButNot256) {
  const std::string l63(63, 'a');
  const std::string name255 = l63 + "." + l63 + "." + l63 + "." + l63;
  ASSERT_EQ(name255.size(), 255u);
  EXPECT_TRUE(IsValidDomainName(name255));
  const std::string name256 = l63 + "." + l63 + "." + l63 + "." + std::string(62, 'a') + ".b";
  ASSERT_EQ(name256.size(), 256u);
  EXPECT_FALSE(IsValidDomainName(name256));
}

TEST(IsValidDomainNameTest, RefusesMalformedNames) {
  for (const std::string_view name : {
           "",                  // empty
           "localhost",         // single label
           "contoso.123",       // numeric top-level label
           "1.2.3.4",           // an IP address
           "-contoso.com",      // leading hyphen
           "contoso-.com",      // trailing hyphen
           "contoso.-com",      // leading hyphen in the TLD
           "contoso.com-",      // trailing hyphen in the TLD
           "contoso..com",      // empty label
           ".contoso.com",      // empty first label
           "contoso.com.",      // trailing dot
           ".",                 // only a dot
           "contoso_corp.com",  // underscore
           "contoso com",       // space
           "contoso.com:443",   // port
           "contoso@com.com",   // at sign
       }) {
    EXPECT_FALSE(IsValidDomainName(name)) << name;
  }
}

TEST(IsValidDomainNameTest, RefusesNonAsciiAndControlCharacters) {
  EXPECT_FALSE(IsValidDomainName("b\303\274cher.de"));  // bücher.de (IDN, not punycode)
  EXPECT_FALSE(IsValidDomainName(
      "\xD0\xBA\xD0\xBE\xD0\xBD\xD1\x82\xD0\xBE\xD1\x81\xD0\xBE.\xD1\x80\xD1\x84"));  // контосо.рф
  EXPECT_FALSE(IsValidDomainName("contoso.com\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidDomainName(std::string("contoso\0.com", 12)));
  EXPECT_FALSE(IsValidDomainName("contoso\t.com"));
  EXPECT_FALSE(IsValidDomainName("contoso\x7F.com"));
}

}  // namespace
}  // namespace admin365
