#include "engine/proxy_addresses.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace admin365::engine {
namespace {

using ::testing::ElementsAre;

TEST(AddressOfTest, StripsThePrefix) {
  EXPECT_EQ(AddressOf("SMTP:adele@contoso.com"), "adele@contoso.com");
  EXPECT_EQ(AddressOf("smtp:adele@contoso.com"), "adele@contoso.com");
  EXPECT_EQ(AddressOf("adele@contoso.com"), "adele@contoso.com");
  EXPECT_EQ(AddressOf("X500:/o=Contoso/ou=x:y"), "/o=Contoso/ou=x:y");
  EXPECT_EQ(AddressOf(""), "");
}

TEST(SetPrimarySmtpAddressTest, OnAnEmptyList) {
  std::vector<std::string> addresses;
  SetPrimarySmtpAddress(addresses, "adele@contoso.com");
  EXPECT_THAT(addresses, ElementsAre("SMTP:adele@contoso.com"));
}

TEST(SetPrimarySmtpAddressTest, DemotesTheCurrentPrimary) {
  std::vector<std::string> addresses = {"SMTP:adele@contoso.com", "smtp:av@contoso.com"};
  SetPrimarySmtpAddress(addresses, "adele.vance@contoso.com");
  EXPECT_THAT(addresses, ElementsAre("SMTP:adele.vance@contoso.com", "smtp:adele@contoso.com",
                                     "smtp:av@contoso.com"));
}

TEST(SetPrimarySmtpAddressTest, PromotesAnExistingSecondaryWithoutDuplicatingIt) {
  std::vector<std::string> addresses = {"SMTP:adele@contoso.com", "smtp:av@contoso.com"};
  SetPrimarySmtpAddress(addresses, "AV@Contoso.com");
  EXPECT_THAT(addresses, ElementsAre("SMTP:AV@Contoso.com", "smtp:adele@contoso.com"));
}

TEST(SetPrimarySmtpAddressTest, SettingThePrimaryAgainKeepsOneEntry) {
  std::vector<std::string> addresses = {"SMTP:adele@contoso.com", "smtp:av@contoso.com"};
  SetPrimarySmtpAddress(addresses, "adele@contoso.com");
  EXPECT_THAT(addresses, ElementsAre("SMTP:adele@contoso.com", "smtp:av@contoso.com"));
}

TEST(AddSecondarySmtpAddressTest, AppendsUnlessPresentInAnyCase) {
  std::vector<std::string> addresses = {"SMTP:adele@contoso.com"};
  AddSecondarySmtpAddress(addresses, "adele@contoso.onmicrosoft.com");
  EXPECT_THAT(addresses,
              ElementsAre("SMTP:adele@contoso.com", "smtp:adele@contoso.onmicrosoft.com"));
  AddSecondarySmtpAddress(addresses, "ADELE@contoso.com");
  AddSecondarySmtpAddress(addresses, "Adele@Contoso.OnMicrosoft.com");
  EXPECT_THAT(addresses,
              ElementsAre("SMTP:adele@contoso.com", "smtp:adele@contoso.onmicrosoft.com"));
}

}  // namespace
}  // namespace admin365::engine
