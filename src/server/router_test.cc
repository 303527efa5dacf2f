// The router: which endpoint answers what, the 401 and 429 responses, request ids.

#include "server/router.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "server/identity_test_support.h"

namespace admin365::server {
namespace {

namespace json = boost::json;

using ::testing::Contains;
using ::testing::Pair;

class RouterTest : public IdentityTest {
 protected:
  std::vector<std::string> Permissions() const override { return {"User.Read.All"}; }

  void SetUp() override {
    IdentityTest::SetUp();
    MakeRouter(RouterOptions{});
  }
  void TearDown() override {
    router_.reset();
    IdentityTest::TearDown();
  }

  void MakeRouter(RouterOptions options) {
    router_ = std::make_unique<Router>(
        options, *directory_, *tokens_, *keys_,
        [this](const GraphRequest& request) {
          seen_ = request;
          ++calls_;
          return GraphResponse{.status = 200, .body = "{}"};
        },
        clock_, random_);
  }

  HttpResponse Send(std::string method, std::string target, HeaderList headers = {},
                    std::string body = "") {
    headers.emplace_back("Host", "localhost:8443");
    return router_->Handle(HttpRequest{.method = std::move(method),
                                       .target = std::move(target),
                                       .headers = std::move(headers),
                                       .body = std::move(body)});
  }

  std::string Token() {
    const HttpResponse response =
        Send("POST", "/" + tenant_id_ + "/oauth2/v2.0/token", {},
             "grant_type=client_credentials&client_id=" + client_id_ + "&client_secret=" + secret_ +
                 "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
    EXPECT_EQ(response.status, 200) << response.body;
    return std::string(json::parse(response.body).at("access_token").as_string());
  }

  std::unique_ptr<Router> router_;
  GraphRequest seen_;
  int calls_ = 0;
};

TEST_F(RouterTest, HealthAndRequestIds) {
  const HttpResponse health = Send("GET", "/health", {{"client-request-id", "mine"}});
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_TRUE(IsUuid(HeaderValue(health.headers, "request-id")));
  EXPECT_EQ(HeaderValue(health.headers, "client-request-id"), "mine");
}

TEST_F(RouterTest, ApiCallsWithoutAValidTokenGet401) {
  const HttpResponse response = Send("GET", "/v1.0/users");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(calls_, 0);
  const json::value body = json::parse(response.body);
  EXPECT_EQ(S(body.at("error").at("code")), "InvalidAuthenticationToken");
  EXPECT_EQ(S(body.at("error").at("message")), "Access token is empty.");
  EXPECT_EQ(S(body.at("error").at("innerError").at("request-id")),
            HeaderValue(response.headers, "request-id"));
  EXPECT_THAT(std::string(HeaderValue(response.headers, "WWW-Authenticate")),
              ::testing::StartsWith("Bearer realm=\"\""));
  EXPECT_EQ(Send("GET", "/beta/users", {{"Authorization", "Bearer x.y.z"}}).status, 401);
}

TEST_F(RouterTest, HandsAuthenticatedCallsToTheGraphFacade) {
  const HttpResponse response =
      Send("PATCH", "/v1.0/users/a%40contoso.com?$select=id",
           {{"Authorization", "Bearer " + Token()}, {"client-request-id", "c1"}}, "{\"a\":1}");
  EXPECT_EQ(response.status, 200);
  ASSERT_EQ(calls_, 1);
  EXPECT_EQ(seen_.method, "PATCH");
  EXPECT_EQ(seen_.version, "v1.0");
  EXPECT_EQ(seen_.path, "/users/a%40contoso.com");
  EXPECT_EQ(seen_.query, "$select=id");
  EXPECT_EQ(seen_.body, "{\"a\":1}");
  EXPECT_EQ(seen_.base_url, "https://localhost:8443");
  EXPECT_EQ(seen_.principal.audit_name, "app:" + client_id_);
  EXPECT_EQ(seen_.request_id, HeaderValue(response.headers, "request-id"));
  EXPECT_EQ(HeaderValue(response.headers, "client-request-id"), "c1");
  EXPECT_EQ(HeaderValue(response.headers, "x-ms-resource-unit"), "") << "throttling is off";

  Send("GET", "/beta/users/x/authentication/requirements",
       {{"Authorization", "Bearer " + Token()}});
  EXPECT_EQ(seen_.version, "beta");
  EXPECT_EQ(seen_.path, "/users/x/authentication/requirements");
}

TEST_F(RouterTest, OpenIdConfigurationForTheTenantItsDomainsAndCommon) {
  for (const std::string& name : {tenant_id_, std::string("contoso.onmicrosoft.com")}) {
    const HttpResponse response =
        Send("GET", "/" + name + "/v2.0/.well-known/openid-configuration");
    ASSERT_EQ(response.status, 200);
    const json::value doc = json::parse(response.body);
    const std::string root = "https://localhost:8443/" + tenant_id_;
    EXPECT_EQ(S(doc.at("token_endpoint")), root + "/oauth2/v2.0/token");
    EXPECT_EQ(S(doc.at("authorization_endpoint")), root + "/oauth2/v2.0/authorize");
    EXPECT_EQ(S(doc.at("jwks_uri")), root + "/discovery/v2.0/keys");
    EXPECT_EQ(S(doc.at("issuer")), root + "/v2.0");
    EXPECT_EQ(HeaderValue(response.headers, "Cache-Control"), "max-age=86400, private");
    EXPECT_EQ(HeaderValue(response.headers, "Access-Control-Allow-Origin"), "*");
  }
  const json::value common =
      json::parse(Send("GET", "/organizations/v2.0/.well-known/openid-configuration").body);
  EXPECT_EQ(S(common.at("issuer")), "https://localhost:8443/{tenantid}/v2.0");
  EXPECT_EQ(S(common.at("token_endpoint")),
            "https://localhost:8443/organizations/oauth2/v2.0/token");

  const HttpResponse unknown = Send("GET", "/fabrikam.com/v2.0/.well-known/openid-configuration");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(S(json::parse(unknown.body).at("error")), "invalid_tenant");
  EXPECT_EQ(S(json::parse(unknown.body).at("error_codes").at(0)), "90002");
}

TEST_F(RouterTest, KeysAndInstanceDiscovery) {
  const json::value keys = json::parse(Send("GET", "/" + tenant_id_ + "/discovery/v2.0/keys").body);
  EXPECT_EQ(S(keys.at("keys").at(0).at("kid")), keys_->Current()->key_id());
  EXPECT_EQ(S(keys.at("keys").at(0).at("kty")), "RSA");
  const json::value discovery = json::parse(
      Send("GET", "/common/discovery/instance?api-version=1.1&authorization_endpoint=x").body);
  EXPECT_EQ(S(discovery.at("tenant_discovery_endpoint")),
            "https://localhost:8443/{tenant}/v2.0/.well-known/openid-configuration");
  EXPECT_EQ(S(discovery.at("metadata").at(0).at("preferred_network")), "localhost:8443");
}

TEST_F(RouterTest, TheTokenEndpointTakesOnlyPost) {
  const HttpResponse response = Send("GET", "/" + tenant_id_ + "/oauth2/v2.0/token");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(S(json::parse(response.body).at("error_codes").at(0)), "900561");
  EXPECT_EQ(Send("GET", "/nowhere").status, 404);
}

TEST_F(RouterTest, ThrottlingAnswers429WithGraphsHeaders) {
  MakeRouter(RouterOptions{.throttle = true, .throttle_limits = {.small_units = 4}});
  const std::string token = Token();
  for (int i = 0; i < 2; ++i) {
    const HttpResponse ok = Send("GET", "/v1.0/users", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(HeaderValue(ok.headers, "x-ms-resource-unit"), "2");
  }
  const HttpResponse throttled = Send("GET", "/v1.0/users", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(calls_, 2);
  EXPECT_THAT(throttled.headers, Contains(Pair("Retry-After", "5")));
  EXPECT_THAT(throttled.headers,
              Contains(Pair("x-ms-throttle-scope",
                            "Tenant_Application/ReadWrite/" + client_id_ + "/" + tenant_id_)));
  EXPECT_THAT(throttled.headers,
              Contains(Pair("x-ms-throttle-information", "ResourceUnitLimitExceeded")));
  const json::value body = json::parse(throttled.body);
  EXPECT_EQ(S(body.at("error").at("code")), "TooManyRequests");
  EXPECT_EQ(S(body.at("error").at("message")), "Please retry again later.");
  EXPECT_EQ(S(body.at("error").at("innerError").at("status")), "429");
  clock_.Advance(5);
  EXPECT_EQ(Send("GET", "/v1.0/users", {{"Authorization", "Bearer " + token}}).status, 200);
}

TEST_F(RouterTest, ABatchCostsTheSumOfItsRequests) {
  MakeRouter(RouterOptions{.throttle = true, .throttle_limits = {.small_units = 4}});
  const std::string batch = R"({"requests":[{"id":"1","method":"GET","url":"/users"},)"
                            R"({"id":"2","method":"get","url":"/users/x?$select=id"}]})";
  const HttpResponse response =
      Send("POST", "/v1.0/$batch", {{"Authorization", "Bearer " + Token()}}, batch);
  EXPECT_EQ(HeaderValue(response.headers, "x-ms-resource-unit"), "3");
}

}  // namespace
}  // namespace admin365::server
