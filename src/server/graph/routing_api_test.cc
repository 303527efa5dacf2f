// How the facade reads paths and query options: OData's key syntax, segments and
// property names in any case, and what Microsoft's JS SDK sends ($select=passwordProfile,
// id in ('…')).

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

class RoutingApiTest : public GraphApiTest {
 protected:
  void SetUp() override {
    GraphApiTest::SetUp();
    adele_ = Post("/users", NewUserBody("adele", "Adele")).Text("id");
    alex_ = Post("/users", NewUserBody("alex", "Alex")).Text("id");
    group_ = Post("/groups", R"({"displayName":"Sales","mailNickname":"sales",
                                 "mailEnabled":false,"securityEnabled":true})")
                 .Text("id");
  }

  std::string adele_, alex_, group_;
};

TEST_F(RoutingApiTest, KeySyntaxWithIdsAndUserPrincipalNames) {
  EXPECT_EQ(Get(fmt::format("/users('{}')", adele_)).Text("displayName"), "Adele");
  EXPECT_EQ(Get(fmt::format("/users({})", adele_)).Text("displayName"), "Adele");
  EXPECT_EQ(Get(fmt::format("/users('{}')", Upn("alex"))).Text("id"), alex_);
  EXPECT_EQ(Get("/users('" + Upn("alex") + "')?$select=id").Text("id"), alex_);
  const Reply revoked = Post(fmt::format("/users('{}')/revokeSignInSessions", adele_), "");
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.object().at("value"), true);
  EXPECT_EQ(Get(fmt::format("/groups('{}')", group_)).Text("displayName"), "Sales");
  EXPECT_EQ(Get(fmt::format("/groups('{}')/members", group_)).status, 200);
}

TEST_F(RoutingApiTest, BadKeySyntaxNamesTheSegment) {
  ExpectError(Get("/users('" + adele_), 400, "BadRequest",
              fmt::format("Resource not found for the segment 'users('{}'.", adele_));
  ExpectError(Get("/users('a'b')"), 400, "BadRequest",
              "Resource not found for the segment 'users('a'b')'.");
  ExpectError(Get("/users()"), 400, "BadRequest", "Resource not found for the segment 'users()'.");
  ExpectError(Get("/users('')"), 400, "BadRequest",
              "Resource not found for the segment 'users('')'.");
  ExpectError(Get("/users('nobody@contoso.onmicrosoft.com')"), 404, "Request_ResourceNotFound",
              NotFoundMessage("nobody@contoso.onmicrosoft.com"));
  EXPECT_EQ(Get(fmt::format("/users/{}", adele_)).status, 200);  // still serving
}

TEST_F(RoutingApiTest, SegmentsMatchInAnyCase) {
  EXPECT_EQ(Get(fmt::format("/Groups/{}/Members", group_)).status, 200);
  EXPECT_EQ(Get(fmt::format("/USERS/{}/MemberOf", adele_)).status, 200);
}

TEST_F(RoutingApiTest, PropertyNamesInQueryOptionsMatchInAnyCase) {
  const Reply selected = Get(fmt::format("/users/{}?$select=Id,DISPLAYNAME", adele_));
  EXPECT_EQ(selected.object(), (json::object{
                                   {"@odata.context",
                                    fmt::format("{}/$metadata#users(id,displayName)/$entity",
                                                kServiceRoot)},
                                   {"id", adele_},
                                   {"displayName", "Adele"},
                               }));
  const Reply filtered = Get("/users?$filter=DisplayName eq 'Alex'&$select=id");
  ASSERT_EQ(filtered.value().size(), 1u) << filtered.body;
  EXPECT_EQ(filtered.value()[0].at("id").as_string(), alex_);
}

TEST_F(RoutingApiTest, PasswordProfileSelectsAsNull) {
  const Reply user = Get(fmt::format("/users/{}?$select=id,passwordProfile", adele_));
  ASSERT_EQ(user.status, 200) << user.body;
  EXPECT_EQ(user.object().at("passwordProfile"), nullptr);
  EXPECT_EQ(user.object().at("id").as_string(), adele_);
}

TEST_F(RoutingApiTest, MetadataNoneDropsControlInformation) {
  const HeaderList none = {{"Accept", "application/json;odata.metadata=none"}};
  const Reply user = Get(fmt::format("/users/{}?$select=id,displayName", adele_), none);
  EXPECT_EQ(user.object(), (json::object{{"id", adele_}, {"displayName", "Adele"}}));
  EXPECT_THAT(user.Header("Content-Type"), ::testing::StartsWith("application/json;odata.metadata=none"));
  const Reply page = Get("/users?$top=1&$select=id", none);
  EXPECT_FALSE(page.object().contains("@odata.context"));
  EXPECT_TRUE(page.object().contains("@odata.nextLink"));
  EXPECT_EQ(page.value().size(), 1u);
  ASSERT_EQ(Post(fmt::format("/groups/{}/members/$ref", group_),
                 fmt::format(R"({{"@odata.id":"{}/directoryObjects/{}"}})", kServiceRoot, adele_))
                .status,
            204);
  EXPECT_EQ(Get(fmt::format("/users/{}/memberOf", adele_), none).value()[0].as_object().contains(
                "@odata.type"),
            false);
  EXPECT_TRUE(Get(fmt::format("/users/{}/memberOf", adele_)).value()[0].as_object().contains(
      "@odata.type"));
  ExpectError(Get("/users/nobody@contoso.onmicrosoft.com", none), 404, "Request_ResourceNotFound",
              NotFoundMessage("nobody@contoso.onmicrosoft.com"));
}

TEST_F(RoutingApiTest, IdInQuotedGuids) {
  const Reply users = Get(fmt::format("/users?$filter=id in ('{}','{}')&$select=displayName",
                                      adele_, alex_));
  ASSERT_EQ(users.status, 200) << users.body;
  EXPECT_THAT(users.value(),  // in id order
              ::testing::UnorderedElementsAre(json::object{{"displayName", "Adele"}},
                                              json::object{{"displayName", "Alex"}}));
}

}  // namespace
}  // namespace admin365::server::testing
