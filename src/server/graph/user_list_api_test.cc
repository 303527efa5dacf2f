// GET /users and /users/$count: paging with @odata.nextLink to the end, $select, $filter
// (with its errors and positions), $orderby, $top, $count, $search and the
// ConsistencyLevel rules of entra-graph-facts.md §3.12.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;
using ::testing::ElementsAre;

const HeaderList kEventual = {{"ConsistencyLevel", "eventual"}};

class UserListApiTest : public GraphApiTest {
 protected:
  // user00..user24, "Person 24".."Person 00" (reverse order), jobTitle "Even"/"Odd".
  void Populate(int count = 25) {
    for (int i = 0; i < count; ++i) {
      CreateFast(fmt::format("user{:02}", i), fmt::format("Person {:02}", count - 1 - i),
                 {{"jobTitle", std::string(i % 2 == 0 ? "Even" : "Odd")}});
    }
  }

  // The target of a nextLink, relative to the service root.
  static std::string Relative(const Reply& reply) {
    const std::string link(reply.object().at("@odata.nextLink").as_string());
    EXPECT_TRUE(link.starts_with(kServiceRoot)) << link;
    return link.substr(kServiceRoot.size());
  }

  static std::vector<std::string> Strings(const Reply& reply, std::string_view name) {
    std::vector<std::string> out;
    for (const json::value& user : reply.value()) out.emplace_back(user.at(name).as_string());
    return out;
  }
};

TEST_F(UserListApiTest, PagesFollowNextLinkToTheEnd) {
  Populate();
  std::set<std::string> seen;
  std::string target = "/users?$top=10&$select=id,userPrincipalName";
  std::vector<std::size_t> sizes;
  for (;;) {
    const Reply page = Get(target);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.Text("@odata.context"),
              "https://graph.test/v1.0/$metadata#users(id,userPrincipalName)");
    sizes.push_back(page.value().size());
    for (const json::value& user : page.value()) {
      EXPECT_EQ(user.as_object().size(), 2u);
      seen.insert(std::string(user.at("userPrincipalName").as_string()));
    }
    if (!page.object().contains("@odata.nextLink")) break;
    target = Relative(page);
    EXPECT_THAT(target, ::testing::StartsWith("/users?$top=10&$select=id,userPrincipalName&"
                                              "$skiptoken="));
  }
  EXPECT_THAT(sizes, ElementsAre(10u, 10u, 5u));
  EXPECT_EQ(seen.size(), 25u);
}

TEST_F(UserListApiTest, DefaultPageIs100AndTopIsBounded) {
  Populate(3);
  const Reply all = Get("/users");
  EXPECT_EQ(all.value().size(), 3u);
  EXPECT_FALSE(all.object().contains("@odata.nextLink"));
  EXPECT_EQ(all.Text("@odata.context"), "https://graph.test/v1.0/$metadata#users");
  EXPECT_EQ(all.value()[0].as_object().size(), 11u);
  ExpectError(Get("/users?$top=1000"), 400, "Request_UnsupportedQuery",
              "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
  ExpectError(Get("/users?$top=0"), 400, "Request_UnsupportedQuery",
              "Invalid page size specified: '0'. Must be between 1 and 999 inclusive.");
  ExpectError(Get("/users?$top=ten"), 400, "Request_UnsupportedQuery",
              "Invalid page size specified: 'ten'. Must be between 1 and 999 inclusive.");
  ExpectError(Get("/users?$top=1&$top=2"), 400, "BadRequest",
              "Query option '$top' was specified more than once, but it must be specified at "
              "most once.");
  ExpectError(Get("/users?$skiptoken=garbage"), 400, "Request_BadRequest",
              "The specified page token value has expired or is invalid.");
}

TEST_F(UserListApiTest, FilterBasicOperatorsWithoutTheHeader) {
  Populate(6);
  EXPECT_THAT(Strings(Get("/users?$filter=startswith(displayName,'Person 0')&$select=displayName"),
                      "displayName"),
              ::testing::SizeIs(6));
  EXPECT_THAT(
      Strings(Get("/users?$filter=userPrincipalName%20eq%20'user03@contoso.onmicrosoft.com'"),
              "userPrincipalName"),
      ElementsAre(Upn("user03")));
  EXPECT_THAT(Strings(Get("/users?$filter=userPrincipalName in ('user01@contoso.onmicrosoft.com',"
                          "'user02@contoso.onmicrosoft.com')"),
                      "userPrincipalName"),
              ::testing::UnorderedElementsAre(Upn("user01"), Upn("user02")));
  EXPECT_THAT(Get("/users?$filter=jobTitle eq 'Odd' and accountEnabled eq true").value(),
              ::testing::SizeIs(3));
  EXPECT_THAT(Get("/users?$filter=jobTitle eq 'Odd' or jobTitle eq 'Even'").value(),
              ::testing::SizeIs(6));
  EXPECT_THAT(Get("/users?$filter=givenName eq null").value(), ::testing::SizeIs(6));
  EXPECT_THAT(Get("/users?$filter=userPrincipalName ge 'user04'").value(), ::testing::SizeIs(2));
  EXPECT_THAT(Get("/users?$filter=proxyAddresses/any(x:startswith(x,'smtp:'))").value(),
              ::testing::IsEmpty());
}

TEST_F(UserListApiTest, AdvancedOperatorsNeedEventualConsistencyAndCount) {
  Populate(4);
  for (std::string_view filter : {"jobTitle ne 'Odd'", "not(jobTitle eq 'Odd')",
                                  "endswith(userPrincipalName,'01@contoso.onmicrosoft.com')"}) {
    ExpectError(Get(fmt::format("/users?$filter={}", filter)), 400, "Request_UnsupportedQuery",
                "Unsupported Query.");
    ExpectError(Get(fmt::format("/users?$filter={}", filter), kEventual), 400,
                "Request_UnsupportedQuery", "Unsupported Query.");
    ExpectError(Get(fmt::format("/users?$filter={}&$count=true", filter)), 400,
                "Request_UnsupportedQuery", "Unsupported Query.");
  }
  const Reply ne = Get("/users?$filter=jobTitle ne 'Odd'&$count=true", kEventual);
  ASSERT_EQ(ne.status, 200) << ne.body;
  EXPECT_EQ(ne.object().at("@odata.count").as_int64(), 2);
  EXPECT_EQ(ne.value().size(), 2u);
  const Reply ends =
      Get("/users?$filter=endswith(userPrincipalName,'01@contoso.onmicrosoft.com')&$count=true",
          kEventual);
  EXPECT_THAT(Strings(ends, "userPrincipalName"), ElementsAre(Upn("user01")));
}

TEST_F(UserListApiTest, CountIsIgnoredWithoutTheHeader) {
  Populate(3);
  const Reply plain = Get("/users?$count=true");
  ASSERT_EQ(plain.status, 200);
  EXPECT_FALSE(plain.object().contains("@odata.count"));
  const Reply counted = Get("/users?$count=true&$top=1", kEventual);
  EXPECT_EQ(counted.object().at("@odata.count").as_int64(), 3);
  EXPECT_EQ(counted.value().size(), 1u);
  ExpectError(Get("/users?$count=maybe"), 400, "BadRequest",
              "Invalid value 'maybe' for $count query option found. Valid values are 'true', "
              "'false'.");
}

TEST_F(UserListApiTest, CountSegmentIsPlainText) {
  Populate(5);
  ExpectError(Get("/users/$count"), 400, "Request_BadRequest",
              "$count is not currently supported.");
  const Reply count = Get("/users/$count", kEventual);
  EXPECT_EQ(count.status, 200);
  EXPECT_EQ(count.body, "5");
  EXPECT_THAT(count.Header("Content-Type"), ::testing::StartsWith("text/plain"));
  EXPECT_EQ(Get("/users/$count?$filter=jobTitle ne 'Odd'", kEventual).body, "3");
}

TEST_F(UserListApiTest, FilterErrorsCarryPositions) {
  ExpectError(Get("/users?$filter=displayName eq"), 400, "BadRequest",
              "Invalid $filter: syntax error at position 14: expected a literal but found end "
              "of input.");
  ExpectError(Get("/users?$filter=shoeSize eq 42"), 400, "Request_BadRequest",
              "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
  ExpectError(Get("/users?$filter=accountEnabled eq 'yes'"), 400, "Request_BadRequest",
              "Invalid $filter: the literal 'yes' cannot be compared with property "
              "'accountEnabled' of type Edm.Boolean.");
  ExpectError(Get("/users?$filter=passwordPolicies eq 'None'"), 400, "Request_UnsupportedQuery",
              "The request uses a filter property that is not indexed");
  std::string deep(40, '(');
  deep += "jobTitle eq 'x'" + std::string(40, ')');
  ExpectError(Get("/users?$filter=" + deep), 400, "BadRequest",
              "Invalid $filter: the expression is nested deeper than 32 levels.");
  ExpectError(Get("/users?$filter=displayName eq '" + std::string(5000, 'a') + "'"), 400,
              "BadRequest", "Invalid $filter: the expression is longer than 4096 characters.");
  // The API still answers afterwards.
  EXPECT_EQ(Get("/users").status, 200);
}

TEST_F(UserListApiTest, OrderBy) {
  Populate(5);
  EXPECT_THAT(Strings(Get("/users?$orderby=displayName"), "displayName"),
              ElementsAre("Person 00", "Person 01", "Person 02", "Person 03", "Person 04"));
  EXPECT_THAT(Strings(Get("/users?$orderby=userPrincipalName desc&$top=2"), "userPrincipalName"),
              ElementsAre(Upn("user04"), Upn("user03")));
  ExpectError(Get("/users?$orderby=jobTitle"), 400, "Request_UnsupportedQuery",
              "Sorting not supported for current query.");
  ExpectError(Get("/users?$orderby=displayName&$filter=jobTitle eq 'Odd'"), 400,
              "Request_UnsupportedQuery", "Sorting not supported for current query.");
  EXPECT_THAT(Strings(Get("/users?$orderby=displayName desc&$filter=jobTitle eq 'Odd'&$count=true",
                          kEventual),
                      "displayName"),
              ElementsAre("Person 03", "Person 01"));
  // Paging in display-name order continues in that order.
  const Reply first = Get("/users?$orderby=displayName&$top=3");
  const std::string next(first.object().at("@odata.nextLink").as_string());
  EXPECT_THAT(Strings(Get(next.substr(kServiceRoot.size())), "displayName"),
              ElementsAre("Person 03", "Person 04"));
}

TEST_F(UserListApiTest, SearchNeedsTheHeader) {
  Populate(3);
  ExpectError(Get("/users?$search=\"displayName:Person\""), 400, "Request_UnsupportedQuery",
              "Request with $search query parameter only works through MSGraph with a special "
              "request header: 'ConsistencyLevel: eventual'");
  EXPECT_EQ(Get("/users?$search=\"displayName:person 01\"", kEventual).value().size(), 1u);
  EXPECT_EQ(
      Get("/users?$search=\"displayName:Person 01\" OR \"userPrincipalName:user00\"", kEventual)
          .value()
          .size(),
      2u);
  EXPECT_EQ(Get("/users?$search=%22displayName%3APerson%22&$filter=jobTitle eq 'Odd'", kEventual)
                .value()
                .size(),
            1u);
  ExpectError(Get("/users?$search=displayName:Person", kEventual), 400, "BadRequest",
              "Invalid $search: expected a clause in double quotes at position 0.");
  ExpectError(Get("/users?$search=\"jobTitle:x\"", kEventual), 400, "BadRequest",
              "Invalid $search: the property 'jobTitle' is not searchable.");
}

TEST_F(UserListApiTest, SelectRendersGraphTypes) {
  CreateFast("adele", "Adele", {{"businessPhones", std::vector<std::string>{"+1 425 555 0100"}}});
  const Reply reply =
      Get("/users?$select=displayName,accountEnabled,businessPhones,otherMails,createdDateTime,"
          "deletedDateTime,onPremisesSyncEnabled,assignedLicenses");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.value()[0], (json::object{{"displayName", "Adele"},
                                            {"accountEnabled", true},
                                            {"businessPhones", {"+1 425 555 0100"}},
                                            {"otherMails", json::array()},
                                            {"createdDateTime", "2026-01-01T00:00:00Z"},
                                            {"deletedDateTime", nullptr},
                                            {"onPremisesSyncEnabled", nullptr},
                                            {"assignedLicenses", json::array()}}));
}

}  // namespace
}  // namespace admin365::server::testing
