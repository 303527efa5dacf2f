// users/{id}/authentication: methods, resetPassword (202 + Location), phone and email
// methods, and beta's requirements and signInPreferences.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

constexpr std::string_view kPassword = "28c10230-6103-485e-b985-444c60001490";
constexpr std::string_view kMobile = "3179e48a-750b-4051-897c-87b9720928f7";
constexpr std::string_view kEmail = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

class AuthMethodsApiTest : public GraphApiTest {
 protected:
  void SetUp() override {
    GraphApiTest::SetUp();
    id_ = Post("/users", NewUserBody("adele", "Adele")).Text("id");
    base_ = "/users/" + id_ + "/authentication";
  }

  std::string id_;
  std::string base_;
};

TEST_F(AuthMethodsApiTest, MethodsListsThePassword) {
  const Reply methods = Get(base_ + "/methods");
  ASSERT_EQ(methods.status, 200) << methods.body;
  ASSERT_EQ(methods.value().size(), 1u);
  EXPECT_EQ(methods.value()[0],
            (json::object{{"@odata.type", "#microsoft.graph.passwordAuthenticationMethod"},
                          {"id", kPassword},
                          {"password", nullptr},
                          {"createdDateTime", "2026-01-01T00:00:00Z"}}));
  EXPECT_EQ(Get(base_ + "/passwordMethods/" + std::string(kPassword)).Text("id"), kPassword);
  ExpectError(Send("GET", base_ + "/methods", "", {}, App({"Directory.ReadWrite.All"})), 403,
              "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
}

TEST_F(AuthMethodsApiTest, ResetPasswordIsAccepted) {
  const std::string before = PasswordHashOf(id_);
  const Reply given = Post(fmt::format("{}/methods/{}/resetPassword", base_, kPassword),
                           R"({"newPassword":"Zr8!kQw3#pLm"})");
  EXPECT_EQ(given.status, 202) << given.body;
  EXPECT_EQ(given.Header("Location"),
            fmt::format("{}/users/{}/authentication/operations/{}", kServiceRoot, id_, kRequestId));
  EXPECT_TRUE(given.body.empty());
  EXPECT_NE(PasswordHashOf(id_), before);

  const Reply generated = Post(fmt::format("{}/methods/{}/resetPassword", base_, kPassword), "");
  ASSERT_EQ(generated.status, 202) << generated.body;
  EXPECT_GE(generated.Text("newPassword").size(), 8u);

  ExpectError(Post(fmt::format("{}/methods/{}/resetPassword", base_, kPassword),
                   R"({"newPassword":"weak"})"),
              400, "Request_BadRequest",
              "The specified password does not comply with password complexity requirements. "
              "Please provide a different password.");
  ExpectError(Post(base_ + "/methods/" + std::string(kMobile) + "/resetPassword", ""), 404,
              "Request_ResourceNotFound", NotFoundMessage(kMobile));
}

TEST_F(AuthMethodsApiTest, PhoneMethods) {
  const Reply added =
      Post(base_ + "/phoneMethods", R"({"phoneNumber":"+1 4255550100","phoneType":"mobile"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Text("id"), kMobile);
  EXPECT_EQ(added.Text("phoneNumber"), "+1 4255550100");
  EXPECT_EQ(Get(base_ + "/phoneMethods").value().size(), 1u);
  EXPECT_EQ(
      Patch(base_ + "/phoneMethods/" + std::string(kMobile), R"({"phoneNumber":"+1 4255550199"})")
          .status,
      204);
  EXPECT_EQ(Get(base_ + "/phoneMethods/" + std::string(kMobile)).Text("phoneNumber"),
            "+1 4255550199");
  EXPECT_EQ(Get(base_ + "/methods").value().size(), 2u);
  ExpectError(Post(base_ + "/phoneMethods", R"({"phoneNumber":"555","phoneType":"mobile"})"), 400,
              "Request_BadRequest",
              "Invalid value specified for property 'phoneNumber' of resource "
              "'PhoneAuthenticationMethod'.");
  ExpectError(Post(base_ + "/phoneMethods", R"({"phoneNumber":"+1 4255550100","phoneType":"fax"})"),
              400, "Request_BadRequest",
              "Invalid value specified for property 'phoneType' of resource "
              "'PhoneAuthenticationMethod'.");
  EXPECT_EQ(Delete(base_ + "/phoneMethods/" + std::string(kMobile)).status, 204);
  ExpectError(Get(base_ + "/phoneMethods/" + std::string(kMobile)), 404, "Request_ResourceNotFound",
              NotFoundMessage(kMobile));
}

TEST_F(AuthMethodsApiTest, EmailMethods) {
  const Reply added = Post(base_ + "/emailMethods", R"({"emailAddress":"adele@fabrikam.com"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Text("id"), kEmail);
  const Reply updated = Patch(base_ + "/emailMethods/" + std::string(kEmail),
                              R"({"emailAddress":"adele@tailspin.com"})");
  EXPECT_EQ(updated.status, 200);
  EXPECT_EQ(updated.Text("emailAddress"), "adele@tailspin.com");
  EXPECT_EQ(Get(base_ + "/emailMethods").value().size(), 1u);
  EXPECT_EQ(Delete(base_ + "/emailMethods/" + std::string(kEmail)).status, 204);
  EXPECT_TRUE(Get(base_ + "/emailMethods").value().empty());
  ExpectError(Post(base_ + "/emailMethods", R"({"emailAddress":"not an address"})"), 400,
              "Request_BadRequest",
              "Invalid value specified for property 'emailAddress' of resource "
              "'EmailAuthenticationMethod'.");
}

TEST_F(AuthMethodsApiTest, RequirementsAreBetaOnly) {
  ExpectError(Get(base_ + "/requirements"), 400, "BadRequest",
              "Resource not found for the segment 'requirements'.");
  EXPECT_EQ(GetBeta(base_ + "/requirements").Text("perUserMfaState"), "disabled");
  EXPECT_EQ(PatchBeta(base_ + "/requirements", R"({"perUserMfaState":"enforced"})").status, 204);
  EXPECT_EQ(GetBeta(base_ + "/requirements").Text("perUserMfaState"), "enforced");
  ExpectError(PatchBeta(base_ + "/requirements", R"({"perUserMfaState":"sometimes"})"), 400,
              "Request_BadRequest",
              "Invalid value specified for property 'perUserMfaState' of resource "
              "'StrongAuthenticationRequirements'.");
}

TEST_F(AuthMethodsApiTest, SignInPreferences) {
  const Reply initial = GetBeta(base_ + "/signInPreferences");
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_EQ(initial.object().at("isSystemPreferredAuthenticationMethodEnabled"), true);
  EXPECT_TRUE(initial.object().at("userPreferredMethodForSecondaryAuthentication").is_null());
  ASSERT_EQ(Post(base_ + "/phoneMethods", R"({"phoneNumber":"+1 4255550100","phoneType":"mobile"})")
                .status,
            201);
  const Reply patched = PatchBeta(base_ + "/signInPreferences",
                                  R"({"isSystemPreferredAuthenticationMethodEnabled":false,
                                      "userPreferredMethodForSecondaryAuthentication":"sms"})");
  EXPECT_EQ(patched.status, 204) << patched.body;
  EXPECT_EQ(
      GetBeta(base_ + "/signInPreferences").Text("userPreferredMethodForSecondaryAuthentication"),
      "sms");
  ExpectError(PatchBeta(base_ + "/signInPreferences",
                        R"({"userPreferredMethodForSecondaryAuthentication":"carrierPigeon"})"),
              400, "Request_BadRequest",
              "Invalid value specified for property "
              "'userPreferredMethodForSecondaryAuthentication' of resource 'SignInPreferences'.");
}

}  // namespace
}  // namespace admin365::server::testing
