// Licences: assignLicense (users and groups), licenseDetails and subscribedSkus.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;
using engine_test::kE3;
using engine_test::kExchangeE3;

class LicenceApiTest : public GraphApiTest {
 protected:
  std::string Licensable(const std::string& alias) {
    json::object body = json::parse(NewUserBody(alias, alias)).as_object();
    body["usageLocation"] = "US";
    return Post("/users", json::serialize(body)).Text("id");
  }
};

TEST_F(LicenceApiTest, AssignLicenseReturnsTheUser) {
  Subscribe(kE3, 2);
  const std::string id = Licensable("adele");
  const Reply reply = Post("/users/" + id + "/assignLicense",
                           fmt::format(R"({{"addLicenses":[{{"skuId":"{}","disabledPlans":["{}"]}}],
                                           "removeLicenses":[]}})",
                                       kE3, kExchangeE3));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Text("id"), id);
  EXPECT_EQ(reply.Text("@odata.context"), "https://graph.test/v1.0/$metadata#users/$entity");
  EXPECT_EQ(Get("/users/" + id + "?$select=assignedLicenses").object().at("assignedLicenses"),
            (json::array{{{"disabledPlans", {kExchangeE3}}, {"skuId", kE3}}}));

  const Reply details = Get("/users/" + id + "/licenseDetails");
  ASSERT_EQ(details.status, 200) << details.body;
  ASSERT_EQ(details.value().size(), 1u);
  EXPECT_EQ(details.value()[0].at("skuPartNumber"), "ENTERPRISEPACK");
  bool exchange_disabled = false;
  for (const json::value& plan : details.value()[0].at("servicePlans").as_array()) {
    if (plan.at("servicePlanId") == kExchangeE3.c_str()) {
      exchange_disabled = plan.at("provisioningStatus") == "Disabled";
    }
  }
  EXPECT_TRUE(exchange_disabled);

  EXPECT_EQ(Post("/users/" + id + "/assignLicense",
                 fmt::format(R"({{"addLicenses":[],"removeLicenses":["{}"]}})", kE3))
                .status,
            200);
  EXPECT_TRUE(Get("/users/" + id + "/licenseDetails").value().empty());
}

TEST_F(LicenceApiTest, AssignLicenseErrors) {
  Subscribe(kE3, 1);
  const std::string id = Post("/users", NewUserBody("nolocation", "No Location")).Text("id");
  const std::string add =
      fmt::format(R"({{"addLicenses":[{{"skuId":"{}"}}],"removeLicenses":[]}})", kE3);
  ExpectError(Post("/users/" + id + "/assignLicense", add), 400, "Request_BadRequest",
              "License assignment cannot be done for user with invalid usage location.");
  ExpectError(Post("/users/" + id + "/assignLicense", R"({"addLicenses":[]})"), 400,
              "Request_BadRequest",
              "A value is required for property 'removeLicenses' of resource 'User'.");
  ExpectError(Post("/users/" + id + "/assignLicense", R"({"addLicenses":{},"removeLicenses":[]})"),
              400, "Request_BadRequest",
              "Invalid value specified for property 'addLicenses' of resource 'User'.");
  const std::string unknown = "00000000-0000-4000-8000-0000000000aa";
  ExpectError(
      Post("/users/" + Licensable("adele") + "/assignLicense",
           fmt::format(R"({{"addLicenses":[{{"skuId":"{}"}}],"removeLicenses":[]}})", unknown)),
      400, "Request_BadRequest",
      fmt::format("License {} does not correspond to a valid company License.", unknown));
  ASSERT_EQ(Post("/users/" + Licensable("bob") + "/assignLicense", add).status, 200);
  ExpectError(Post("/users/" + Licensable("carol") + "/assignLicense", add), 400,
              "Request_BadRequest",
              fmt::format("Subscription with SKU {} does not have any available licenses.", kE3));
}

TEST_F(LicenceApiTest, SubscribedSkus) {
  Subscribe(kE3, 25);
  ASSERT_EQ(Post("/users/" + Licensable("adele") + "/assignLicense",
                 fmt::format(R"({{"addLicenses":[{{"skuId":"{}"}}],"removeLicenses":[]}})", kE3))
                .status,
            200);
  const Reply skus = Get("/subscribedSkus");
  ASSERT_EQ(skus.status, 200) << skus.body;
  ASSERT_EQ(skus.value().size(), 1u);
  const json::object& sku = skus.value()[0].as_object();
  EXPECT_EQ(sku.at("skuId"), kE3.c_str());
  EXPECT_EQ(sku.at("skuPartNumber"), "ENTERPRISEPACK");
  EXPECT_EQ(sku.at("consumedUnits"), 1);
  EXPECT_EQ(sku.at("prepaidUnits"),
            (json::object{{"enabled", 25}, {"lockedOut", 0}, {"suspended", 0}, {"warning", 0}}));
  EXPECT_EQ(sku.at("accountName"), "Contoso");
  const std::string sku_id(sku.at("id").as_string());
  EXPECT_EQ(Get("/subscribedSkus/" + sku_id).Text("skuId"), kE3);
  ExpectError(Get("/subscribedSkus/nope"), 404, "Request_ResourceNotFound",
              NotFoundMessage("nope"));
}

TEST_F(LicenceApiTest, GroupAssignLicenseGivesMembersTheLicence) {
  Subscribe(kE3, 5);
  const std::string user = Licensable("adele");
  const Reply group = Post("/groups", R"({"displayName":"Sales","mailNickname":"sales",
                                          "mailEnabled":false,"securityEnabled":true})");
  ASSERT_EQ(group.status, 201) << group.body;
  const std::string group_id = group.Text("id");
  ASSERT_EQ(Post("/groups/" + group_id + "/members/$ref",
                 fmt::format(R"({{"@odata.id":"{}/directoryObjects/{}"}})", kServiceRoot, user))
                .status,
            204);
  const Reply assigned = Post("/groups/" + group_id + "/assignLicense",
                              fmt::format(R"({{"addLicenses":[{{"skuId":"{}"}}],
                                              "removeLicenses":[]}})",
                                          kE3));
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Text("@odata.context"), "https://graph.test/v1.0/$metadata#groups/$entity");
  const Reply states = Get("/users/" + user + "?$select=licenseAssignmentStates");
  EXPECT_EQ(states.object().at("licenseAssignmentStates").as_array()[0].at("assignedByGroup"),
            group_id.c_str());
}

}  // namespace
}  // namespace admin365::server::testing
