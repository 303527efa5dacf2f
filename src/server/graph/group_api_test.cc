// Groups and members/$ref; a user's manager, directReports and memberOf.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/graph/graph_api_test_support.h"

namespace admin365::server::testing {
namespace {

namespace json = boost::json;

class GroupApiTest : public GraphApiTest {
 protected:
  static std::string Reference(const std::string& id) {
    return fmt::format(R"({{"@odata.id":"{}/directoryObjects/{}"}})", kServiceRoot, id);
  }
};

TEST_F(GroupApiTest, CreateGetListDelete) {
  const Reply created = Post("/groups", R"({"displayName":"Sales","mailNickname":"sales",
      "mailEnabled":true,"securityEnabled":false,"groupTypes":["Unified"],"description":"All"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.Text("id");
  EXPECT_EQ(created.Text("mail"), "sales@contoso.onmicrosoft.com");
  EXPECT_EQ(created.object().at("groupTypes"), (json::array{"Unified"}));
  EXPECT_EQ(created.object().at("mailEnabled"), true);
  EXPECT_EQ(created.Text("visibility"), "Public");
  EXPECT_EQ(Get("/groups/" + id).Text("displayName"), "Sales");
  const Reply hidden = Post("/groups", R"({"displayName":"Board","mailNickname":"board",
      "mailEnabled":true,"securityEnabled":false,"groupTypes":["Unified"],
      "visibility":"HiddenMembership"})");
  ASSERT_EQ(hidden.status, 201) << hidden.body;
  EXPECT_EQ(Get("/groups/" + hidden.Text("id")).Text("visibility"), "HiddenMembership");
  EXPECT_EQ(Delete("/groups/" + hidden.Text("id")).status, 204);
  ExpectError(Post("/groups", R"({"displayName":"x","mailNickname":"x","mailEnabled":false,
      "securityEnabled":true,"visibility":"HiddenMembership"})"),
              400, "Request_BadRequest",
              "Invalid value specified for property 'visibility' of resource 'Group'.");
  EXPECT_EQ(Get("/groups").value().size(), 1u);
  EXPECT_EQ(Delete("/groups/" + id).status, 204);
  ExpectError(Get("/groups/" + id), 404, "Request_ResourceNotFound", NotFoundMessage(id));
  ExpectError(Post("/groups", R"({"mailNickname":"x","mailEnabled":false,"securityEnabled":true})"),
              400, "Request_BadRequest",
              "A value is required for property 'displayName' of resource 'Group'.");
  ExpectError(Post("/groups", R"({"displayName":"x","mailNickname":"x","mailEnabled":"no"})"), 400,
              "Request_BadRequest",
              "Invalid value specified for property 'mailEnabled' of resource 'Group'.");
  ExpectError(Send("POST", "/groups", R"({"displayName":"x","mailNickname":"x"})", {},
                   App({"User.ReadWrite.All"})),
              403, "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.");
}

TEST_F(GroupApiTest, MembersRef) {
  const std::string group =
      Post("/groups", R"({"displayName":"Sales","mailNickname":"sales","mailEnabled":false,
                          "securityEnabled":true})")
          .Text("id");
  const std::string user = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  EXPECT_EQ(Post("/groups/" + group + "/members/$ref", Reference(user)).status, 204);
  ExpectError(Post("/groups/" + group + "/members/$ref", Reference(user)), 400,
              "Request_BadRequest",
              "One or more added object references already exist for the following modified "
              "properties: 'members'.");
  const Reply members = Get("/groups/" + group + "/members");
  EXPECT_EQ(members.value(), (json::array{{{"@odata.type", "#microsoft.graph.user"},
                                           {"id", user},
                                           {"displayName", "Adele"},
                                           {"userPrincipalName", Upn("adele")}}}));
  const Reply member_of = Get("/users/" + user + "/memberOf");
  ASSERT_EQ(member_of.value().size(), 1u);
  EXPECT_EQ(member_of.value()[0].at("@odata.type"), "#microsoft.graph.group");
  EXPECT_EQ(Delete("/groups/" + group + "/members/" + user + "/$ref").status, 204);
  ExpectError(Delete("/groups/" + group + "/members/" + user + "/$ref"), 404,
              "Request_ResourceNotFound", NotFoundMessage(group));
  ExpectError(Post("/groups/" + group + "/members/$ref", R"({"id":"x"})"), 400,
              "Request_BadRequest",
              "The value of '@odata.id' must be the URL of a directory object.");
}

TEST_F(GroupApiTest, ManagerAndDirectReports) {
  const std::string boss = Post("/users", NewUserBody("boss", "Boss")).Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  ExpectError(Get("/users/" + adele + "/manager"), 404, "Request_ResourceNotFound",
              NotFoundMessage("manager"));
  EXPECT_EQ(
      Put("/users/" + adele + "/manager/$ref",
          fmt::format(R"({{"@odata.id":"{}/users/boss%40contoso.onmicrosoft.com"}})", kServiceRoot))
          .status,
      204);
  const Reply manager = Get("/users/" + adele + "/manager");
  ASSERT_EQ(manager.status, 200) << manager.body;
  EXPECT_EQ(manager.Text("@odata.type"), "#microsoft.graph.user");
  EXPECT_EQ(manager.Text("id"), boss);
  EXPECT_EQ(Get("/users/" + adele + "/manager/$ref").Text("@odata.id"),
            fmt::format("{}/directoryObjects/{}", kServiceRoot, boss));
  EXPECT_EQ(Get("/users/" + boss + "/directReports").value()[0].at("id"), adele.c_str());
  EXPECT_EQ(Delete("/users/" + adele + "/manager/$ref").status, 204);
  EXPECT_TRUE(Get("/users/" + boss + "/directReports").value().empty());
  ExpectError(Put("/users/" + adele + "/manager/$ref", Reference(adele)), 400, "Request_BadRequest",
              "A user cannot be their own manager.");
}

TEST_F(GroupApiTest, ExpandManagerOnAUserAndOnTheList) {
  const std::string boss = Post("/users", NewUserBody("boss", "Boss")).Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  ASSERT_EQ(Put("/users/" + adele + "/manager/$ref", Reference(boss)).status, 204);

  const Reply expanded = Get("/users/" + adele + "?$expand=manager");
  ASSERT_EQ(expanded.status, 200) << expanded.body;
  EXPECT_EQ(expanded.Text("displayName"), "Adele");
  const json::object& manager = expanded.object().at("manager").as_object();
  EXPECT_EQ(manager.at("@odata.type"), "#microsoft.graph.user");
  EXPECT_EQ(manager.at("id"), boss.c_str());
  EXPECT_EQ(manager.at("userPrincipalName"), Upn("boss").c_str());
  EXPECT_TRUE(manager.contains("jobTitle"));  // the default set, as GET .../manager

  const Reply selected = Get(
      "/users?$select=displayName&$orderby=displayName&$expand=Manager($select=id,displayName)");
  ASSERT_EQ(selected.status, 200) << selected.body;
  EXPECT_EQ(
      selected.value(),
      (json::array{
          {{"displayName", "Adele"},
           {"manager",
            {{"@odata.type", "#microsoft.graph.user"}, {"id", boss}, {"displayName", "Boss"}}}},
          {{"displayName", "Boss"}}}));  // no manager: no "manager"

  ExpectError(Get("/users/" + adele + "?$expand=manager($select=nope)"), 400, "BadRequest",
              "Parsing OData Select and Expand failed: Could not find a property named 'nope' on "
              "type 'microsoft.graph.user'.");
  ExpectError(Get("/users/" + adele + "?$expand=manager($levels=max)"), 400, "BadRequest",
              "The query specified in the URI is not valid.");
  ExpectError(Get("/users?$expand=manager("), 400, "BadRequest",
              "The query specified in the URI is not valid.");
}

}  // namespace
}  // namespace admin365::server::testing
