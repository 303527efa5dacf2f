// Users CRUD through GraphApi: POST, GET (by id and UPN, $select), PATCH (properties and
// password), DELETE, revokeSignInSessions, permissions and error bodies.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;
using engine_test::kActor;

class UsersApiTest : public GraphApiTest {};

TEST_F(UsersApiTest, CreateReturns201WithTheDefaultProperties) {
  const Reply reply = Post("/users", NewUserBody("adele", "Adele Vance"));
  ASSERT_EQ(reply.status, 201) << reply.body;
  const json::object& user = reply.object();
  EXPECT_EQ(user.at("@odata.context").as_string(),
            "https://graph.test/v1.0/$metadata#users/$entity");
  EXPECT_EQ(user.at("displayName").as_string(), "Adele Vance");
  EXPECT_EQ(user.at("userPrincipalName").as_string(), Upn("adele"));
  EXPECT_EQ(user.at("businessPhones"), json::array());
  EXPECT_TRUE(user.at("givenName").is_null());
  EXPECT_TRUE(user.at("mail").is_null());
  EXPECT_EQ(user.at("id").as_string().size(), 36u);
  EXPECT_FALSE(user.contains("accountEnabled"));
  EXPECT_FALSE(user.contains("passwordProfile"));
  EXPECT_EQ(reply.body.find(engine_test::kGoodPassword), std::string::npos);
  // Graph's default set and order, id last.
  std::vector<std::string> names;
  for (const auto& member : user) names.emplace_back(member.key());
  EXPECT_THAT(names,
              ::testing::ElementsAre("@odata.context", "businessPhones", "displayName", "givenName",
                                     "jobTitle", "mail", "mobilePhone", "officeLocation",
                                     "preferredLanguage", "surname", "userPrincipalName", "id"));
  // Written under the principal's audit name.
  EXPECT_EQ(Events(user.at("id").as_string().c_str()).front().actor,
            "app:0b8f6c1a-0000-4000-8000-00000000a11e");
}

TEST_F(UsersApiTest, CreateReportsTheDirectorysErrors) {
  ExpectError(Post("/users", R"({"accountEnabled":true,"mailNickname":"a"})"), 400,
              "Request_BadRequest",
              "A value is required for property 'displayName' of resource 'User'.");
  ASSERT_EQ(Post("/users", NewUserBody("adele", "Adele Vance")).status, 201);
  const Reply duplicate = Post("/users", NewUserBody("adele", "Adele Again"));
  ExpectError(duplicate, 400, "Request_BadRequest",
              "Another object with the same value for property userPrincipalName already exists.");
  EXPECT_EQ(duplicate.json.at("error").at("details"),
            (json::array{{{"code", "ObjectConflict"}, {"target", "userPrincipalName"}}}));
  json::object weak = json::parse(NewUserBody("bob", "Bob")).as_object();
  weak["passwordProfile"] = {{"password", "password"}};
  ExpectError(Post("/users", json::serialize(weak)), 400, "Request_BadRequest",
              "The specified password does not comply with password complexity requirements. "
              "Please provide a different password.");
}

TEST_F(UsersApiTest, CreateRefusesUnknownPropertiesAndWrongTypes) {
  json::object body = json::parse(NewUserBody("adele", "Adele")).as_object();
  body["favouriteColour"] = "blue";
  ExpectError(Post("/users", json::serialize(body)), 400, "Request_BadRequest",
              "Property 'favouriteColour' does not exist as a declared property or extension "
              "property.");
  body.erase("favouriteColour");
  body["accountEnabled"] = "yes";
  ExpectError(Post("/users", json::serialize(body)), 400, "Request_BadRequest",
              "Invalid value specified for property 'accountEnabled' of resource 'User'.");
  body["accountEnabled"] = true;
  body["jobTitle"] = 7;
  ExpectError(Post("/users", json::serialize(body)), 400, "Request_BadRequest",
              "Invalid value specified for property 'jobTitle' of resource 'User'.");
  body["jobTitle"] = "Engineer";
  body["businessPhones"] = json::array{1};
  ExpectError(Post("/users", json::serialize(body)), 400, "Request_BadRequest",
              "Invalid value specified for property 'businessPhones' of resource 'User'.");
  body.erase("businessPhones");
  EXPECT_EQ(Post("/users", json::serialize(body)).status, 201);
}

TEST_F(UsersApiTest, GetByIdOrUpnWithSelect) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  const Reply by_id = Get("/users/" + id);
  ASSERT_EQ(by_id.status, 200);
  EXPECT_EQ(by_id.Text("userPrincipalName"), Upn("adele"));
  const Reply by_upn =
      Get("/users/adele%40contoso.onmicrosoft.com?$select=id,accountEnabled,"
          "createdDateTime,usageLocation");
  ASSERT_EQ(by_upn.status, 200) << by_upn.body;
  EXPECT_EQ(by_upn.json, (json::object{{"@odata.context",
                                        "https://graph.test/v1.0/$metadata#users(id,accountEnabled,"
                                        "createdDateTime,usageLocation)/$entity"},
                                       {"id", id},
                                       {"accountEnabled", true},
                                       {"createdDateTime", "2026-01-01T00:00:00Z"},
                                       {"usageLocation", nullptr}}));
}

TEST_F(UsersApiTest, GetMissingOrMalformedUser) {
  ExpectError(Get("/users/nobody@contoso.onmicrosoft.com"), 404, "Request_ResourceNotFound",
              NotFoundMessage("nobody@contoso.onmicrosoft.com"));
  ExpectError(Get("/users/not-a-guid"), 400, "Request_BadRequest",
              "Invalid object identifier 'not-a-guid'.");
  ExpectError(Get("/users/" + Upn("x") + "?$select=displayName,shoeSize"), 400, "BadRequest",
              "Parsing OData Select and Expand failed: Could not find a property named "
              "'shoeSize' on type 'microsoft.graph.user'.");
}

TEST_F(UsersApiTest, PatchUpdatesPropertiesAndReturns204) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  const Reply patched =
      Patch("/users/" + id, R"({"jobTitle":"Engineer","usageLocation":"JP","givenName":null})");
  EXPECT_EQ(patched.status, 204) << patched.body;
  EXPECT_TRUE(patched.body.empty());
  const Reply user = Get("/users/" + id + "?$select=jobTitle,usageLocation");
  EXPECT_EQ(user.Text("jobTitle"), "Engineer");
  EXPECT_EQ(user.Text("usageLocation"), "JP");
  ExpectError(Patch("/users/" + id, R"({"usageLocation":"XX"})"), 400, "Request_BadRequest",
              "Invalid value specified for property 'usageLocation' of resource 'User'.");
  ExpectError(Patch("/users/" + id, R"({"id":"x"})"), 400, "Request_BadRequest",
              "Property 'id' is read-only and cannot be set.");
  ExpectError(Patch("/users/" + std::string(engine_test::kUnknownId), R"({"jobTitle":"x"})"), 404,
              "Request_ResourceNotFound", NotFoundMessage(std::string(engine_test::kUnknownId)));
}

TEST_F(UsersApiTest, PatchPasswordProfileResetsThePassword) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  const std::string before = PasswordHashOf(id);
  EXPECT_EQ(
      Patch(
          "/users/" + id,
          R"({"passwordProfile":{"password":"Zr8!kQw3#pLm","forceChangePasswordNextSignIn":true}})")
          .status,
      204);
  EXPECT_NE(PasswordHashOf(id), before);
  ExpectError(Patch("/users/" + id, R"({"passwordProfile":{"password":"short"}})"), 400,
              "Request_BadRequest",
              "The specified password does not comply with password complexity requirements. "
              "Please provide a different password.");
}

// Graph applies a PATCH whole: a refused password leaves the other properties as they
// were, and a refused property leaves the password.
TEST_F(UsersApiTest, PatchWithPropertiesAndAPasswordIsAllOrNothing) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  const std::string before = PasswordHashOf(id);
  ExpectError(Patch("/users/" + id,
                    R"({"jobTitle":"Analyst","passwordProfile":{"password":"short"}})"),
              400, "Request_BadRequest",
              "The specified password does not comply with password complexity requirements. "
              "Please provide a different password.");
  ExpectError(Patch("/users/" + id,
                    R"({"usageLocation":"XX","passwordProfile":{"password":"Zr8!kQw3#pLm"}})"),
              400, "Request_BadRequest",
              "Invalid value specified for property 'usageLocation' of resource 'User'.");
  const Reply user = Get("/users/" + id + "?$select=jobTitle,usageLocation");
  EXPECT_TRUE(user.object().at("jobTitle").is_null());
  EXPECT_TRUE(user.object().at("usageLocation").is_null());
  EXPECT_EQ(PasswordHashOf(id), before);

  EXPECT_EQ(Patch("/users/" + id,
                  R"({"jobTitle":"Analyst","passwordProfile":{"password":"Zr8!kQw3#pLm"}})")
                .status,
            204);
  EXPECT_EQ(Get("/users/" + id + "?$select=jobTitle").Text("jobTitle"), "Analyst");
  EXPECT_NE(PasswordHashOf(id), before);
}

TEST_F(UsersApiTest, DeleteMovesToTheRecycleBin) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  EXPECT_EQ(Delete("/users/" + id).status, 204);
  ExpectError(Get("/users/" + id), 404, "Request_ResourceNotFound", NotFoundMessage(id));
  ExpectError(Delete("/users/" + id), 404, "Request_ResourceNotFound", NotFoundMessage(id));
}

TEST_F(UsersApiTest, RevokeSignInSessions) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  clock_.Advance(60);
  const Reply reply = Post("/users/" + id + "/revokeSignInSessions", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json,
            (json::object{{"@odata.context", "https://graph.test/v1.0/$metadata#Edm.Boolean"},
                          {"value", true}}));
  EXPECT_EQ(Get("/users/" + id + "?$select=signInSessionsValidFromDateTime")
                .Text("signInSessionsValidFromDateTime"),
            "2026-01-01T00:01:00Z");
}

TEST_F(UsersApiTest, PermissionsAreChecked) {
  const Principal reader = App({"User.Read.All"});
  const Reply denied = Send("POST", "/users", NewUserBody("adele", "Adele"),
                            {{"Content-Type", "application/json"}}, reader);
  ExpectError(denied, 403, "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.");
  EXPECT_EQ(Send("GET", "/users", "", {}, reader).status, 200);
  EXPECT_EQ(Send("POST", "/users", NewUserBody("adele", "Adele"),
                 {{"Content-Type", "application/json"}}, App({"User.ReadWrite.All"}))
                .status,
            201);
  ExpectError(Send("GET", "/users", "", {}, App({"Group.ReadWrite.All"})), 403,
              "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  ExpectError(Send("GET", "/subscribedSkus", "", {}, App({"User.ReadWrite.All"})), 403,
              "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  // Delegated tokens are checked against their scopes.
  Principal user{
      .kind = Principal::Kind::kUser, .audit_name = "user:x", .roles = {"User.Read.All"}};
  EXPECT_EQ(Send("GET", "/users", "", {}, user).status, 403);
  user.scopes = {"User.Read.All"};
  EXPECT_EQ(Send("GET", "/users", "", {}, user).status, 200);
}

TEST_F(UsersApiTest, MeIsTheSignedInUser) {
  const std::string id = Post("/users", NewUserBody("adele", "Adele Vance")).Text("id");
  const Principal adele{.kind = Principal::Kind::kUser,
                        .id = id,
                        .audit_name = "user:" + Upn("adele"),
                        .scopes = {"User.Read.All"}};
  EXPECT_EQ(Send("GET", "/me", "", {}, adele).Text("id"), id);
  ExpectError(Get("/me"), 400, "BadRequest",
              "/me request is only valid with delegated authentication flow.");
}

TEST_F(UsersApiTest, EchoesRequestIds) {
  const Reply reply = Get("/users/nobody@contoso.onmicrosoft.com", {{"client-request-id", "abc"}});
  EXPECT_EQ(reply.Header("request-id"), kRequestId);
  EXPECT_EQ(reply.Header("client-request-id"), "abc");
  EXPECT_EQ(reply.json.at("error").at("innerError").at("client-request-id"), "abc");
  EXPECT_EQ(Get("/users").Header("client-request-id"), kRequestId);
}

}  // namespace
}  // namespace admin365::server::testing
