// $batch: up to 20 requests, ids, dependsOn with 424 Failed Dependency, per-response
// status/headers/body, and payload errors.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

class BatchApiTest : public GraphApiTest {
 protected:
  Reply Batch(const json::array& requests) {
    return Post("/$batch", json::serialize(json::object{{"requests", requests}}));
  }

  static const json::object& ResponseOf(const Reply& reply, std::string_view id) {
    for (const json::value& response : reply.object().at("responses").as_array()) {
      if (response.at("id").as_string() == id) return response.as_object();
    }
    static const json::object kNone;
    ADD_FAILURE() << "no response " << id << " in " << reply.body;
    return kNone;
  }

  static json::object CreateRequest(std::string_view id, const std::string& alias) {
    return json::object{{"id", id},
                        {"method", "POST"},
                        {"url", "/users"},
                        {"headers", {{"Content-Type", "application/json"}}},
                        {"body", json::parse(NewUserBody(alias, alias))}};
  }
};

TEST_F(BatchApiTest, RunsRequestsAndReportsEach) {
  json::object get{{"id", "2"},
                   {"method", "GET"},
                   {"url", "users?$select=userPrincipalName"},
                   {"dependsOn", {"1"}}};
  const Reply reply = Batch({CreateRequest("1", "adele"),
                             get,
                             {{"id", "3"}, {"method", "GET"}, {"url", "/users/nobody@x.com"}}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json::object& created = ResponseOf(reply, "1");
  EXPECT_EQ(created.at("status"), 201);
  EXPECT_EQ(created.at("body").at("userPrincipalName"), Upn("adele").c_str());
  EXPECT_THAT(std::string(created.at("headers").at("Content-Type").as_string()),
              ::testing::StartsWith("application/json"));
  const json::object& listed = ResponseOf(reply, "2");
  EXPECT_EQ(listed.at("status"), 200);
  EXPECT_EQ(listed.at("body").at("value"), (json::array{{{"userPrincipalName", Upn("adele")}}}));
  const json::object& missing = ResponseOf(reply, "3");
  EXPECT_EQ(missing.at("status"), 404);
  EXPECT_EQ(missing.at("body").at("error").at("code"), "Request_ResourceNotFound");
}

TEST_F(BatchApiTest, DependentsOfAFailedRequestGet424) {
  const Reply reply = Batch({
      CreateRequest("1", "adele"),
      CreateRequest("2", "adele"),  // duplicate UPN: fails
      {{"id", "3"},
       {"method", "DELETE"},
       {"url", "/users/adele@contoso.onmicrosoft.com"},
       {"dependsOn", {"2"}}},
      {{"id", "4"},
       {"method", "GET"},
       {"url", "/users/adele@contoso.onmicrosoft.com"},
       {"dependsOn", {"3"}}},
  });
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(ResponseOf(reply, "1").at("status"), 201);
  EXPECT_EQ(ResponseOf(reply, "2").at("status"), 400);
  EXPECT_EQ(ResponseOf(reply, "3").at("status"), 424);
  EXPECT_EQ(ResponseOf(reply, "3").at("body").at("error").at("code"), "FailedDependency");
  EXPECT_EQ(ResponseOf(reply, "4").at("status"), 424);
  EXPECT_EQ(Get("/users/" + Upn("adele")).status, 200);  // 3 never ran
}

TEST_F(BatchApiTest, DependenciesRunFirstWhateverTheOrder) {
  const Reply reply = Batch({
      {{"id", "b"},
       {"method", "GET"},
       {"url", "/users/adele@contoso.onmicrosoft.com"},
       {"dependsOn", {"a"}}},
      CreateRequest("a", "adele"),
  });
  EXPECT_EQ(ResponseOf(reply, "b").at("status"), 200);
  EXPECT_EQ(reply.object().at("responses").as_array()[0].at("id"), "b");
}

TEST_F(BatchApiTest, NumericIdsAreAnsweredAsStrings) {
  // CLI for Microsoft 365 numbers its requests: "id": 1.
  const Reply reply = Batch({
      {{"id", 1},
       {"method", "GET"},
       {"url", "/users/adele@contoso.onmicrosoft.com"},
       {"dependsOn", {2}}},
      CreateRequest("2", "adele"),
  });
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.object().at("responses").as_array()[0].at("id"), "1");
  EXPECT_EQ(ResponseOf(reply, "1").at("status"), 200);
  ExpectError(Batch({{{"id", 1}, {"method", "GET"}, {"url", "/users"}},
                     {{"id", "1"}, {"method", "GET"}, {"url", "/users"}}}),
              400, "BadRequest",
              "Invalid batch payload format: the id '1' is used by more than one request.");
  ExpectError(Batch({{{"id", 1.5}, {"method", "GET"}, {"url", "/users"}}}), 400, "BadRequest",
              "Invalid batch payload format: request 0 has no 'id'.");
}

TEST_F(BatchApiTest, PayloadErrorsFailTheWholeBatch) {
  json::array many;
  for (int i = 0; i < 21; ++i) {
    many.push_back({{"id", std::to_string(i)}, {"method", "GET"}, {"url", "/users"}});
  }
  ExpectError(Batch(many), 400, "BadRequest", "Number of batch requests exceeds the limit of 20.");
  ExpectError(Batch({{{"id", "1"}, {"method", "GET"}, {"url", "/users"}},
                     {{"id", "1"}, {"method", "GET"}, {"url", "/users"}}}),
              400, "BadRequest",
              "Invalid batch payload format: the id '1' is used by more than one request.");
  ExpectError(Batch({{{"id", "1"}, {"method", "GET"}, {"url", "/users"}, {"dependsOn", {"9"}}}}),
              400, "BadRequest",
              "Invalid batch payload format: request '1' depends on a request that is not in the "
              "batch.");
  ExpectError(Batch({{{"id", "1"}, {"method", "GET"}, {"url", "/users"}, {"dependsOn", {"2"}}},
                     {{"id", "2"}, {"method", "GET"}, {"url", "/users"}, {"dependsOn", {"1"}}}}),
              400, "BadRequest", "Invalid batch payload format: dependsOn forms a cycle.");
  ExpectError(Batch({{{"id", "1"}, {"method", "POST"}, {"url", "/users"}, {"body", {{"a", 1}}}}}),
              400, "BadRequest",
              "Invalid batch payload format: request '1' has a body but no Content-Type header.");
  ExpectError(
      Batch({{{"id", "1"}, {"method", "GET"}, {"url", "https://graph.microsoft.com/v1.0/users"}}}),
      400, "BadRequest", "Invalid batch payload format: the url of request '1' must be relative.");
  ExpectError(Post("/$batch", "{\"requests\":"), 400, "BadRequest",
              "Unable to read JSON request payload. Please ensure Content-Type header is set and "
              "payload is of valid JSON format.");
  EXPECT_TRUE(Get("/users").value().empty());
  EXPECT_EQ(Batch({}).object().at("responses"), json::array());
}

TEST_F(BatchApiTest, InnerRequestsCheckTheirOwnPermission) {
  const Reply reply = Send(
      "POST", "/$batch", json::serialize(json::object{{"requests", {CreateRequest("1", "adele")}}}),
      {{"Content-Type", "application/json"}}, App({"User.Read.All"}));
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(ResponseOf(reply, "1").at("status"), 403);
}

}  // namespace
}  // namespace admin365::server::testing
