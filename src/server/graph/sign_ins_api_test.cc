// auditLogs/signIns: the sign-in log as Graph serves it — the permission it needs, the
// signIn shape, newest first, paging with $top and @odata.nextLink.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

class SignInsApiTest : public GraphApiTest {
 protected:
  // Logs `count` sign-ins of adele, one a second; the last one fails with 50053.
  void LogSignIns(int count) {
    for (int i = 1; i <= count; ++i) {
      const bool locked = i == count;
      ASSERT_TRUE(directory_
                      ->RecordSignIn(SignIn{
                          .id = fmt::format("00000000-0000-4000-8000-{:012}", i),
                          .created_date_time = clock_.Now(),
                          .user_id = "7a1b2c3d-0000-4000-8000-000000000001",
                          .user_principal_name = "adele@contoso.onmicrosoft.com",
                          .user_display_name = "Adele Vance",
                          .app_id = "0b8f6c1a-0000-4000-8000-00000000a11e",
                          .app_display_name = "Provisioning",
                          .ip_address = "203.0.113.7",
                          .correlation_id = "c",
                          .error_code = locked ? 50053 : 0,
                          .failure_reason = locked ? "The account is locked." : ""})
                      .has_value());
      clock_.Advance(1);
    }
  }
  Reply GetSignIns(std::string_view target) {
    return Send("GET", target, "", {}, App({"AuditLog.Read.All"}));
  }
};

TEST_F(SignInsApiTest, NewestFirstInGraphsShape) {
  LogSignIns(2);
  const Reply reply = GetSignIns("/auditLogs/signIns");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Text("@odata.context"), "https://graph.test/v1.0/$metadata#auditLogs/signIns");
  ASSERT_EQ(reply.value().size(), 2u);
  const json::object& newest = reply.value()[0].as_object();
  EXPECT_EQ(newest.at("id"), "00000000-0000-4000-8000-000000000002");
  EXPECT_EQ(newest.at("userPrincipalName"), "adele@contoso.onmicrosoft.com");
  EXPECT_EQ(newest.at("appDisplayName"), "Provisioning");
  EXPECT_EQ(newest.at("ipAddress"), "203.0.113.7");
  EXPECT_EQ(newest.at("createdDateTime"), "2026-01-01T00:00:01Z");
  EXPECT_EQ(newest.at("status"), (json::object{{"errorCode", 50053},
                                               {"failureReason", "The account is locked."},
                                               {"additionalDetails", nullptr}}));
  EXPECT_EQ(reply.value()[1].at("status").at("errorCode"), 0);
  EXPECT_TRUE(reply.value()[1].at("status").at("failureReason").is_null());
  EXPECT_FALSE(reply.object().contains("@odata.nextLink"));
}

TEST_F(SignInsApiTest, PagesWithTopAndNextLink) {
  LogSignIns(5);
  Reply page = GetSignIns("/auditLogs/signIns?$top=2");
  ASSERT_EQ(page.status, 200) << page.body;
  std::vector<std::string> ids;
  for (int pages = 0; pages < 5; ++pages) {
    for (const json::value& each : page.value()) ids.emplace_back(each.at("id").as_string());
    if (!page.object().contains("@odata.nextLink")) break;
    const std::string next = page.Text("@odata.nextLink");
    ASSERT_THAT(next, ::testing::StartsWith("https://graph.test/v1.0/auditLogs/signIns?$top=2"
                                            "&$skiptoken="));
    page = GetSignIns(next.substr(std::string_view("https://graph.test/v1.0").size()));
  }
  EXPECT_THAT(ids, ::testing::ElementsAre("00000000-0000-4000-8000-000000000005",
                                          "00000000-0000-4000-8000-000000000004",
                                          "00000000-0000-4000-8000-000000000003",
                                          "00000000-0000-4000-8000-000000000002",
                                          "00000000-0000-4000-8000-000000000001"));
}

TEST_F(SignInsApiTest, RefusalsAreGraphs) {
  ExpectError(Get("/auditLogs/signIns"), 403, "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.");
  ExpectError(GetSignIns("/auditLogs/signIns?$top=1001"), 400, "Request_UnsupportedQuery",
              "Invalid page size specified: '1001'. Must be between 1 and 1000 inclusive.");
  ExpectError(GetSignIns("/auditLogs/signIns?$skiptoken=abc"), 400, "Request_BadRequest",
              "The specified page token value has expired or is invalid.");
  ExpectError(GetSignIns("/auditLogs/signIns?$filter=status/errorCode%20eq%2050053"), 400,
              "Request_UnsupportedQuery", "Unsupported Query.");
}

}  // namespace
}  // namespace admin365::server::testing
