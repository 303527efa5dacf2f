#include "domain/usage_location.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace admin365 {
namespace {

TEST(IsValidUsageLocationTest, AcceptsCountryCodesInEitherCase) {
  for (const std::string_view code : {"US", "us", "Us", "uS", "GB", "gb", "JP", "jp", "DE", "FR",
                                      "IN", "BR", "CA", "AU", "CN", "RU", "AX", "SS", "ZW", "AD"}) {
    EXPECT_TRUE(IsValidUsageLocation(code)) << code;
  }
}

TEST(IsValidUsageLocationTest, RefusesWhatIsNotAnAllowedAlpha2Code) {
  for (const std::string_view code : {"", "U", "USA", "usa", "XX", "xx", "1A", "A1", "00", "UK",
                                      "EU", "ZZ", "AA", " US", "US ", "U ", " U", "U-", "--"}) {
    EXPECT_FALSE(IsValidUsageLocation(code)) << "'" << code << "'";
  }
  EXPECT_FALSE(IsValidUsageLocation(std::string("U\0", 2)));
  EXPECT_FALSE(IsValidUsageLocation(std::string("\0S", 2)));
  EXPECT_FALSE(IsValidUsageLocation("\xC3\x9C"));  // "Ü": two bytes, one letter
  EXPECT_FALSE(IsValidUsageLocation("\xC3\xBC"));  // "ü"
}

TEST(IsValidUsageLocationTest, RefusesEmbargoedCountries) {
  for (const std::string_view code : {"CU", "IR", "KP", "SY", "cu", "ir", "kp", "sy"}) {
    EXPECT_FALSE(IsValidUsageLocation(code)) << code;
  }
}

TEST(IsValidUsageLocationTest, AllowsExactly245Codes) {
  // ISO 3166-1 assigns 249 alpha-2 codes; four are embargoed.
  int valid = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string upper{a, b};
      const std::string lower{static_cast<char>(a - 'A' + 'a'), static_cast<char>(b - 'A' + 'a')};
      const std::string mixed{a, static_cast<char>(b - 'A' + 'a')};
      const bool ok = IsValidUsageLocation(upper);
      EXPECT_EQ(IsValidUsageLocation(lower), ok) << lower;
      EXPECT_EQ(IsValidUsageLocation(mixed), ok) << mixed;
      valid += ok ? 1 : 0;
    }
  }
  EXPECT_EQ(valid, 245);
}

TEST(NormalizeUsageLocationTest, UpperCasesAsciiLetters) {
  EXPECT_EQ(NormalizeUsageLocation("gb"), "GB");
  EXPECT_EQ(NormalizeUsageLocation("Us"), "US");
  EXPECT_EQ(NormalizeUsageLocation("jP"), "JP");
  EXPECT_EQ(NormalizeUsageLocation("US"), "US");
  EXPECT_EQ(NormalizeUsageLocation("1a"), "1A");
  EXPECT_EQ(NormalizeUsageLocation(""), "");
  EXPECT_EQ(NormalizeUsageLocation("usa"), "USA");
  EXPECT_EQ(NormalizeUsageLocation("\xC3\xBC"), "\xC3\xBC");  // non-ASCII left alone
}

}  // namespace
}  // namespace admin365
