// Requests the facade refuses before any directory call — malformed JSON, oversized
// bodies, unknown segments, wrong methods, bad query strings — each followed by a valid
// request that still works; and the organization and its domains.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

constexpr std::string_view kUnreadable =
    "Unable to read JSON request payload. Please ensure Content-Type header is set and payload "
    "is of valid JSON format.";

class RequestErrorsApiTest : public GraphApiTest {
 protected:
  void ExpectStillWorks() {
    const Reply created = Post("/users", NewUserBody("ok" + std::to_string(++created_), "OK"));
    EXPECT_EQ(created.status, 201) << created.body;
  }

  int created_ = 0;
};

TEST_F(RequestErrorsApiTest, MalformedJson) {
  for (std::string body : {"", "{", "[1,2]", "\"text\"", "{\"displayName\":}", "{} trailing"}) {
    ExpectError(Post("/users", body), 400, "BadRequest", kUnreadable);
    ExpectStillWorks();
  }
  ExpectError(Post("/users", std::string(100, '[') + std::string(100, ']')), 400, "BadRequest",
              kUnreadable);
  ExpectError(Patch("/users/" + Upn("ok1"), "{\"jobTitle\":"), 400, "BadRequest", kUnreadable);
  ExpectStillWorks();
}

TEST_F(RequestErrorsApiTest, OversizedBody) {
  const std::string huge = "{\"displayName\":\"" + std::string(5 * 1024 * 1024, 'a') + "\"}";
  ExpectError(Post("/users", huge), 413, "Request_EntityTooLarge",
              "The request body is larger than the limit of 4194304 bytes.");
  ExpectStillWorks();
}

TEST_F(RequestErrorsApiTest, UnknownSegmentsAndMethods) {
  ExpectError(Get("/usrs"), 400, "BadRequest", "Resource not found for the segment 'usrs'.");
  ExpectError(Get("/users/" + Upn("x") + "/photo"), 400, "BadRequest",
              "Resource not found for the segment 'photo'.");
  ExpectError(Send("PUT", "/users", "{}"), 405, "Request_BadRequest",
              "Specified HTTP method is not allowed for the request target.");
  ExpectError(Get("/$batch"), 405, "Request_BadRequest",
              "Specified HTTP method is not allowed for the request target.");
  ExpectError(Get("/users?$filter=%zz"), 400, "BadRequest",
              "The query specified in the URI is not valid.");
  ExpectStillWorks();
  EXPECT_EQ(Get("/USERS/" + Upn("ok1")).status, 200);  // segments are case-insensitive
}

TEST_F(RequestErrorsApiTest, Organization) {
  const Reply organization = Get("/organization");
  ASSERT_EQ(organization.status, 200) << organization.body;
  ASSERT_EQ(organization.value().size(), 1u);
  const json::object& tenant = organization.value()[0].as_object();
  EXPECT_EQ(tenant.at("displayName"), "Contoso");
  EXPECT_EQ(tenant.at("verifiedDomains").as_array()[0].at("name"), "contoso.onmicrosoft.com");
  const std::string id(tenant.at("id").as_string());
  EXPECT_EQ(Get("/organization/" + id).Text("id"), id);
  ExpectError(Get("/organization/nope"), 404, "Request_ResourceNotFound", NotFoundMessage("nope"));
  EXPECT_FALSE(tenant.contains("directorySizeQuota"));  // beta only
}

TEST_F(RequestErrorsApiTest, BetaOrganizationHasTheDirectorySizeQuota) {
  ExpectStillWorks();  // one user
  const Reply organization = GetBeta("/organization?$select=id,directorySizeQuota");
  ASSERT_EQ(organization.status, 200) << organization.body;
  EXPECT_EQ(organization.value()[0].at("directorySizeQuota"),
            (json::object{{"used", 1}, {"total", 50000}}));
  ASSERT_THAT(directory_->SetObjectQuota(engine_test::kActor, 1'000'000), Succeeds());
  const std::string id(organization.value()[0].at("id").as_string());
  EXPECT_EQ(GetBeta("/organization/" + id).object().at("directorySizeQuota"),
            (json::object{{"used", 1}, {"total", 1000000}}));
}

TEST_F(RequestErrorsApiTest, Domains) {
  AddVerifiedDomain("fabrikam.com");
  const Reply domains = Get("/domains");
  ASSERT_EQ(domains.status, 200) << domains.body;
  ASSERT_EQ(domains.value().size(), 2u);
  const Reply initial = Get("/domains/contoso.onmicrosoft.com");
  EXPECT_EQ(initial.object().at("isInitial"), true);
  EXPECT_EQ(initial.object().at("isDefault"), true);
  EXPECT_EQ(initial.Text("authenticationType"), "Managed");
  ExpectError(Get("/domains/nope.com"), 404, "Request_ResourceNotFound",
              NotFoundMessage("nope.com"));
  EXPECT_EQ(Send("GET", "/domains", "", {}, App({"Domain.Read.All"})).status, 200);
  EXPECT_EQ(Send("GET", "/domains", "", {}, App({"User.Read.All"})).status, 403);
}

}  // namespace
}  // namespace admin365::server::testing
