#include "query/advanced_query.h"

#include <gtest/gtest.h>

#include "query/filter_parser.h"

namespace admin365::query {
namespace {

bool Advanced(std::string_view text) {
  Result<Filter> filter = ParseFilter(text);
  if (!filter) {
    ADD_FAILURE() << text << ": " << filter.error().message;
    return false;
  }
  return RequiresAdvancedQuery(*filter);
}

TEST(RequiresAdvancedQueryTest, DefaultQueries) {
  EXPECT_FALSE(Advanced("userType eq 'Guest'"));
  EXPECT_FALSE(Advanced("department eq null"));
  EXPECT_FALSE(Advanced("mail in ('a@x.com','b@x.com')"));
  EXPECT_FALSE(Advanced("startswith(displayName,'a')"));
  EXPECT_FALSE(
      Advanced("createdDateTime ge 2021-01-01T00:00:00Z and createdDateTime le "
               "2022-01-01T00:00:00Z"));
  EXPECT_FALSE(Advanced("createdDateTime gt 2021-01-01T00:00:00Z or displayName lt 'b'"));
  EXPECT_FALSE(Advanced("assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)"));
  EXPECT_FALSE(Advanced("proxyAddresses/any(x:startswith(x,'smtp:'))"));
}

TEST(RequiresAdvancedQueryTest, AdvancedFeatures) {
  EXPECT_TRUE(Advanced("userType ne 'Guest'"));
  EXPECT_TRUE(Advanced("department ne null"));
  EXPECT_TRUE(Advanced("not(userType eq 'Guest')"));
  EXPECT_TRUE(Advanced("endswith(mail,'@contoso.com')"));
  EXPECT_TRUE(Advanced("proxyAddresses/$count eq 0"));
  EXPECT_TRUE(Advanced("proxyAddresses/$count ne 0"));
}

TEST(RequiresAdvancedQueryTest, LooksEverywhereInTheTree) {
  EXPECT_TRUE(Advanced("a eq 1 and (b eq 2 or c ne 3)"));
  EXPECT_TRUE(Advanced("a ne 1 or b eq 2"));
  EXPECT_TRUE(Advanced("proxyAddresses/any(x:endswith(x,'@contoso.com'))"));
  EXPECT_TRUE(Advanced("otherMails/any(x:x ne 'a@x.com')"));
}

}  // namespace
}  // namespace admin365::query
