#pragma once

// Test-only support for GraphApi's tests: GraphApiTest, the engine's LicensingTest fixture
// (a real LocalDirectory in a temporary directory, FakeClock, seeded randomness) with a
// GraphApi over it, and helpers that send a request the way the transport would and read
// the reply: status, headers, body and the body parsed as JSON.
//
//   Reply reply = Get("/users?$top=2");
//   EXPECT_EQ(reply.status, 200);
//   EXPECT_EQ(reply.json.at("value").as_array().size(), 2u);
//   ExpectError(Get("/users/nobody@contoso.onmicrosoft.com"), 404, "Request_ResourceNotFound",
//               "Resource 'nobody@contoso.onmicrosoft.com' does not exist or ...");

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "engine/license_test_support.h"
#include "server/graph/graph_api.h"

namespace admin365::server::testing {

inline constexpr std::string_view kRequestId = "9f0a0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
inline constexpr std::string_view kBaseUrl = "https://graph.test";
inline constexpr std::string_view kServiceRoot = "https://graph.test/v1.0";

// An application principal holding `roles`.
Principal App(std::set<std::string> roles);
// Every permission the facade checks: Directory.ReadWrite.All,
// UserAuthenticationMethod.ReadWrite.All, Organization.Read.All.
Principal AdminApp();

struct Reply {
  int status = 0;
  HeaderList headers;
  std::string body;
  boost::json::value json;  // null unless the body is JSON

  std::string Header(std::string_view name) const;  // "" when absent
  const boost::json::object& object() const { return json.as_object(); }
  const boost::json::array& value() const { return json.at("value").as_array(); }
  // A string member of the JSON body.
  std::string Text(std::string_view name) const;
};

class GraphApiTest : public engine_test::LicensingTest {
 protected:
  void SetUp() override;

  // Sends `method target` ("/users?$top=5": path and query) as `principal`.
  Reply Send(std::string method, std::string_view target, std::string body = "",
             HeaderList headers = {}, const Principal& principal = AdminApp(),
             std::string version = "v1.0");
  Reply Get(std::string_view target, HeaderList headers = {}) {
    return Send("GET", target, "", std::move(headers));
  }
  Reply Post(std::string_view target, std::string body) {
    return Send("POST", target, std::move(body), {{"Content-Type", "application/json"}});
  }
  Reply Patch(std::string_view target, std::string body) {
    return Send("PATCH", target, std::move(body), {{"Content-Type", "application/json"}});
  }
  Reply Put(std::string_view target, std::string body) {
    return Send("PUT", target, std::move(body), {{"Content-Type", "application/json"}});
  }
  Reply Delete(std::string_view target) { return Send("DELETE", target); }
  Reply GetBeta(std::string_view target) { return Send("GET", target, "", {}, AdminApp(), "beta"); }
  Reply PatchBeta(std::string_view target, std::string body) {
    return Send("PATCH", target, std::move(body), {{"Content-Type", "application/json"}},
                AdminApp(), "beta");
  }

  // {"accountEnabled":true,"displayName":…,"mailNickname":alias,"userPrincipalName":
  // alias@contoso.onmicrosoft.com,"passwordProfile":{"password":kGoodPassword}}
  static std::string NewUserBody(const std::string& alias, const std::string& display_name);
  static std::string Upn(const std::string& alias);

  std::unique_ptr<GraphApi> api_;
};

// The reply is Graph's error body with `status`, `code` and `message`, and its innerError
// carries the date, the request id and the client request id.
void ExpectError(const Reply& reply, int status, std::string_view code, std::string_view message);

// "Resource '{id}' does not exist or one of its queried reference-property objects are not
// present."
std::string NotFoundMessage(std::string_view id);

}  // namespace admin365::server::testing
