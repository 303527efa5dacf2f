// directory/deletedItems: the type cast Graph requires, listing, reading, restoring and
// hard-deleting users.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

class DeletedItemsApiTest : public GraphApiTest {
 protected:
  std::string CreateAndDelete(const std::string& alias) {
    const std::string id = Post("/users", NewUserBody(alias, alias)).Text("id");
    EXPECT_EQ(Delete("/users/" + id).status, 204);
    return id;
  }
};

TEST_F(DeletedItemsApiTest, ListNeedsTheTypeCast) {
  const std::string id = CreateAndDelete("adele");
  ExpectError(Get("/directory/deletedItems"), 400, "Request_UnsupportedQuery",
              "Unsupported Query.");
  const Reply list = Get("/directory/deletedItems/microsoft.graph.user");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Text("@odata.context"),
            "https://graph.test/v1.0/$metadata#directory/deletedItems/microsoft.graph.user");
  ASSERT_EQ(list.value().size(), 1u);
  EXPECT_EQ(list.value()[0].at("id"), id.c_str());
  EXPECT_EQ(list.value()[0].at("deletedDateTime"), "2026-01-01T00:00:00Z");
  EXPECT_EQ(Get("/directory/deletedItems/microsoft.graph.user?$select=id").value()[0],
            (json::object{{"id", id}}));
}

TEST_F(DeletedItemsApiTest, OrderByDeletedDateTimeIsAnAdvancedQuery) {
  CreateAndDelete("first");
  clock_.Advance(10);
  CreateAndDelete("second");
  ExpectError(Get("/directory/deletedItems/microsoft.graph.user?$orderby=deletedDateTime desc"),
              400, "Request_UnsupportedQuery", "Sorting not supported for current query.");
  const Reply list =
      Get("/directory/deletedItems/microsoft.graph.user?$orderby=deletedDateTime desc&$count=true",
          {{"ConsistencyLevel", "eventual"}});
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.value()[0].at("displayName"), "second");
  EXPECT_EQ(list.object().at("@odata.count"), 2);
}

TEST_F(DeletedItemsApiTest, GetRestoreAndPurge) {
  const std::string id = CreateAndDelete("adele");
  const Reply item = Get("/directory/deletedItems/" + id);
  ASSERT_EQ(item.status, 200) << item.body;
  EXPECT_EQ(item.Text("@odata.type"), "#microsoft.graph.user");
  EXPECT_EQ(item.Text("@odata.context"),
            "https://graph.test/v1.0/$metadata#directoryObjects/$entity");

  const Reply restored = Post("/directory/deletedItems/" + id + "/restore", "");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.Text("userPrincipalName"), Upn("adele"));
  EXPECT_EQ(Get("/users/" + id).status, 200);
  ExpectError(Get("/directory/deletedItems/" + id), 404, "Request_ResourceNotFound",
              NotFoundMessage(id));

  EXPECT_EQ(Delete("/users/" + id).status, 204);
  EXPECT_EQ(Delete("/directory/deletedItems/" + id).status, 204);
  ExpectError(Post("/directory/deletedItems/" + id + "/restore", ""), 404,
              "Request_ResourceNotFound", NotFoundMessage(id));
  EXPECT_TRUE(Get("/directory/deletedItems/microsoft.graph.user").value().empty());
}

TEST_F(DeletedItemsApiTest, RestoreUnderANewUpnWhenTheOldOneIsTaken) {
  const std::string id = CreateAndDelete("adele");
  ASSERT_EQ(Post("/users", NewUserBody("adele", "Adele 2")).status, 201);
  const Reply refused = Post("/directory/deletedItems/" + id + "/restore", "{}");
  EXPECT_EQ(refused.status, 400) << refused.body;
  const Reply restored = Post("/directory/deletedItems/" + id + "/restore",
                              R"({"newUserPrincipalName":"adele.old@contoso.onmicrosoft.com"})");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.Text("userPrincipalName"), "adele.old@contoso.onmicrosoft.com");
  ExpectError(Post("/directory/deletedItems/" + id + "/restore", R"({"colour":1})"), 400,
              "Request_BadRequest",
              "Property 'colour' does not exist as a declared property or extension property.");
}

}  // namespace
}  // namespace admin365::server::testing
