#include "server/graph/graph_api_test_support.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace admin365::server::testing {

Principal App(std::set<std::string> roles) {
  return Principal{.kind = Principal::Kind::kApplication,
                   .id = "0b8f6c1a-0000-4000-8000-00000000a11e",
                   .audit_name = "app:0b8f6c1a-0000-4000-8000-00000000a11e",
                   .roles = std::move(roles)};
}

Principal AdminApp() {
  return App({"Directory.ReadWrite.All", "UserAuthenticationMethod.ReadWrite.All",
              "Organization.Read.All"});
}

std::string Reply::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (AsciiIEquals(key, name)) return value;
  }
  return "";
}

std::string Reply::Text(std::string_view name) const {
  const boost::json::value* member = object().if_contains(name);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : "";
}

void GraphApiTest::SetUp() {
  LicensingTest::SetUp();
  api_ = std::make_unique<GraphApi>(*directory_, clock_);
}

Reply GraphApiTest::Send(std::string method, std::string_view target, std::string body,
                         HeaderList headers, const Principal& principal, std::string version) {
  const std::size_t question = target.find('?');
  GraphRequest request{.method = std::move(method),
                       .version = std::move(version),
                       .path = std::string(target.substr(0, question)),
                       .query = question == std::string_view::npos
                                    ? std::string()
                                    : std::string(target.substr(question + 1)),
                       .headers = std::move(headers),
                       .body = std::move(body),
                       .principal = principal,
                       .request_id = std::string(kRequestId),
                       .base_url = std::string(kBaseUrl)};
  GraphResponse response = api_->Handle(request);
  Reply reply{.status = response.status,
              .headers = std::move(response.headers),
              .body = std::move(response.body)};
  if (reply.Header("Content-Type").starts_with("application/json")) {
    boost::system::error_code error;
    reply.json = boost::json::parse(reply.body, error);
    EXPECT_FALSE(error) << reply.body;
  }
  return reply;
}

std::string GraphApiTest::NewUserBody(const std::string& alias, const std::string& display_name) {
  return boost::json::serialize(
      boost::json::object{{"accountEnabled", true},
                          {"displayName", display_name},
                          {"mailNickname", alias},
                          {"userPrincipalName", Upn(alias)},
                          {"passwordProfile", {{"password", engine_test::kGoodPassword}}}});
}

std::string GraphApiTest::Upn(const std::string& alias) {
  return fmt::format("{}@{}", alias, engine_test::kInitialDomain);
}

void ExpectError(const Reply& reply, int status, std::string_view code, std::string_view message) {
  EXPECT_EQ(reply.status, status) << reply.body;
  ASSERT_TRUE(reply.json.is_object()) << reply.body;
  const boost::json::object* error =
      reply.json.as_object().if_contains("error") ? &reply.json.at("error").as_object() : nullptr;
  ASSERT_NE(error, nullptr) << reply.body;
  EXPECT_EQ(error->at("code").as_string(), code) << reply.body;
  EXPECT_EQ(error->at("message").as_string(), message) << reply.body;
  const boost::json::object& inner = error->at("innerError").as_object();
  EXPECT_THAT(std::string(inner.at("date").as_string()),
              ::testing::MatchesRegex("2026-01-01T00:00:[0-9][0-9]"));
  EXPECT_EQ(inner.at("request-id").as_string(), kRequestId);
  EXPECT_TRUE(inner.contains("client-request-id"));
}

std::string NotFoundMessage(std::string_view id) {
  return fmt::format(
      "Resource '{}' does not exist or one of its queried reference-property objects are not "
      "present.",
      id);
}

}  // namespace admin365::server::testing
