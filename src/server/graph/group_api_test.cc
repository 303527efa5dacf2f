// Groups and members/$ref; a user's manager, directReports and memberOf.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string_view>
#include <vector>

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

TEST_F(GroupApiTest, FilterGroups) {
  const std::string sales =
      Post("/groups", R"({"displayName":"Sales","mailNickname":"sales","mailEnabled":false,
                          "securityEnabled":true})")
          .Text("id");
  const std::string team =
      Post("/groups", R"({"displayName":"Sales Team","mailNickname":"team","mailEnabled":true,
                          "securityEnabled":false,"groupTypes":["Unified"]})")
          .Text("id");
  const auto ids = [&](std::string_view filter, HeaderList headers = {}) {
    const Reply reply = Get("/groups?$filter=" + std::string(filter), std::move(headers));
    EXPECT_EQ(reply.status, 200) << filter << ": " << reply.body;
    std::vector<std::string> out;
    if (reply.status == 200) {
      for (const json::value& group : reply.value()) out.emplace_back(group.at("id").as_string());
    }
    return out;
  };
  EXPECT_EQ(ids("displayName eq 'sales'"), std::vector<std::string>{sales});
  EXPECT_EQ(ids("securityEnabled eq true and mailEnabled eq false"), std::vector<std::string>{sales});
  EXPECT_EQ(ids("groupTypes/any(c:c eq 'Unified')"), std::vector<std::string>{team});
  EXPECT_EQ(ids("startswith(displayName,'Sales')"), (std::vector<std::string>{sales, team}));
  EXPECT_EQ(ids("mail eq 'team@contoso.onmicrosoft.com'"), std::vector<std::string>{team});
  EXPECT_EQ(ids("id in ('" + team + "')"), std::vector<std::string>{team});
  EXPECT_EQ(ids("proxyAddresses/any(p:startswith(p,'SMTP:team@'))"),
            std::vector<std::string>{team});
  EXPECT_TRUE(ids("displayName eq 'Legal'").empty());

  // An advanced filter needs the advanced-query parameters, and then counts.
  ExpectError(Get("/groups?$filter=endswith(displayName,'Team')"), 400, "Request_UnsupportedQuery",
              "Unsupported Query.");
  const Reply advanced = Get("/groups?$filter=endswith(displayName,'Team')&$count=true",
                             {{"ConsistencyLevel", "eventual"}});
  ASSERT_EQ(advanced.status, 200) << advanced.body;
  EXPECT_EQ(advanced.object().at("@odata.count"), 1);
  EXPECT_EQ(advanced.value()[0].at("id"), json::value(team));
  ExpectError(Get("/groups?$filter=accountEnabled eq true"), 400, "Request_BadRequest",
              "Could not find a property named 'accountEnabled' on type 'microsoft.graph.group'.");
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

TEST_F(GroupApiTest, MembersWithSelectFilterAndCount) {
  const std::string group =
      Post("/groups", R"({"displayName":"Sales","mailNickname":"sales","mailEnabled":false,
                          "securityEnabled":true})")
          .Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  const std::string bob = Post("/users", NewUserBody("bob", "Bob")).Text("id");
  Post("/users", NewUserBody("ann", "Ann"));  // not a member
  ASSERT_EQ(Post("/groups/" + group + "/members/$ref", Reference(adele)).status, 204);
  ASSERT_EQ(Post("/groups/" + group + "/members/$ref", Reference(bob)).status, 204);
  const HeaderList eventual{{"ConsistencyLevel", "eventual"}};

  const Reply selected = Get("/groups/" + group + "/members?$select=id,accountEnabled");
  ASSERT_EQ(selected.status, 200) << selected.body;
  EXPECT_EQ(selected.value(), (json::array{{{"@odata.type", "#microsoft.graph.user"},
                                            {"id", adele},
                                            {"accountEnabled", true}},
                                           {{"@odata.type", "#microsoft.graph.user"},
                                            {"id", bob},
                                            {"accountEnabled", true}}}));
  const Reply filtered = Get(
      "/groups/" + group + "/members?$filter=startswith(displayName,'a')&$count=true&$select=id",
      eventual);
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  EXPECT_EQ(filtered.object().at("@odata.count"), 1);
  EXPECT_EQ(filtered.value(),
            (json::array{{{"@odata.type", "#microsoft.graph.user"}, {"id", adele}}}));
  ExpectError(Get("/groups/" + group + "/members?$filter=startswith(displayName,'a')"), 400,
              "Request_UnsupportedQuery", "Unsupported Query.");
  ExpectError(Get("/groups/" + group + "/members?$select=favouriteColour"), 400, "BadRequest",
              "Parsing OData Select and Expand failed: Could not find a property named "
              "'favouriteColour' on type 'microsoft.graph.user'.");

  const Reply count = Get("/groups/" + group + "/members/$count", eventual);
  EXPECT_EQ(count.status, 200);
  EXPECT_EQ(count.body, "2");
  ExpectError(Get("/groups/" + group + "/members/$count"), 400, "Request_BadRequest",
              "$count is not currently supported.");
}

TEST_F(GroupApiTest, ExpandMembersAndOwners) {
  const std::string group =
      Post("/groups", R"({"displayName":"Team","mailNickname":"team","mailEnabled":true,
                          "securityEnabled":false,"groupTypes":["Unified"]})")
          .Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  const std::string bob = Post("/users", NewUserBody("bob", "Bob")).Text("id");
  ASSERT_EQ(Post("/groups/" + group + "/members/$ref", Reference(adele)).status, 204);
  ASSERT_EQ(Post("/groups/" + group + "/members/$ref", Reference(bob)).status, 204);
  ASSERT_EQ(Post("/groups/" + group + "/owners/$ref", Reference(bob)).status, 204);

  const Reply expanded =
      Get("/groups/" + group + "?$expand=members($select=id,displayName),owners($select=id)");
  ASSERT_EQ(expanded.status, 200) << expanded.body;
  EXPECT_EQ(expanded.object().at("members"),
            (json::array{{{"@odata.type", "#microsoft.graph.user"},
                          {"id", adele},
                          {"displayName", "Adele"}},
                         {{"@odata.type", "#microsoft.graph.user"},
                          {"id", bob},
                          {"displayName", "Bob"}}}));
  EXPECT_EQ(expanded.object().at("owners"),
            (json::array{{{"@odata.type", "#microsoft.graph.user"}, {"id", bob}}}));
  const Reply listed = Get("/groups?$expand=owners");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.value()[0].at("owners").as_array()[0].at("userPrincipalName"),
            json::value(Upn("bob")));
  EXPECT_FALSE(listed.value()[0].as_object().contains("members"));
  ExpectError(Get("/groups/" + group + "?$expand=members($top=5)"), 400, "BadRequest",
              "The query specified in the URI is not valid.");
}

TEST_F(GroupApiTest, PatchBindsMembersAndOwnersAllOrNone) {
  const std::string group =
      Post("/groups", R"({"displayName":"Sales","mailNickname":"sales","mailEnabled":false,
                          "securityEnabled":true})")
          .Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  const std::string bob = Post("/users", NewUserBody("bob", "Bob")).Text("id");
  const auto url = [](const std::string& id) {
    return fmt::format("\"{}/directoryObjects/{}\"", kServiceRoot, id);
  };
  EXPECT_EQ(Patch("/groups/" + group, fmt::format(R"({{"members@odata.bind":[{},{}],
                                                     "owners@odata.bind":[{}]}})",
                                                  url(adele), url(bob), url(bob)))
                .status,
            204);
  EXPECT_EQ(Get("/groups/" + group + "/members").value().size(), 2u);
  EXPECT_EQ(Get("/groups/" + group + "/owners").value().size(), 1u);

  // A duplicate anywhere: nothing of the request is added.
  const std::string ann = Post("/users", NewUserBody("ann", "Ann")).Text("id");
  ExpectError(Patch("/groups/" + group,
                    fmt::format(R"({{"members@odata.bind":[{},{}]}})", url(ann), url(adele))),
              400, "Request_BadRequest",
              "One or more added object references already exist for the following modified "
              "properties: 'members'.");
  EXPECT_EQ(Get("/groups/" + group + "/members").value().size(), 2u);

  std::string many;
  for (int i = 0; i < 21; ++i) many += (i ? "," : "") + url(ann);
  ExpectError(Patch("/groups/" + group, "{\"members@odata.bind\":[" + many + "]}"), 400,
              "Request_BadRequest", "A resource cannot contain more than 20 link changes");
  ExpectError(Patch("/groups/" + group, R"({"displayName":"Sellers"})"), 400, "Request_BadRequest",
              "admin365 changes a group's members@odata.bind and owners@odata.bind only; "
              "'displayName' cannot be changed yet.");
  ExpectError(Patch("/groups/" + group, R"({"members@odata.bind":"x"})"), 400,
              "Request_BadRequest",
              "The value of '@odata.id' must be the URL of a directory object.");
}

TEST_F(GroupApiTest, OwnersRef) {
  const std::string group =
      Post("/groups", R"({"displayName":"Team","mailNickname":"team","mailEnabled":true,
                          "securityEnabled":false,"groupTypes":["Unified"]})")
          .Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  const std::string bob = Post("/users", NewUserBody("bob", "Bob")).Text("id");
  EXPECT_EQ(Post("/groups/" + group + "/owners/$ref", Reference(adele)).status, 204);
  EXPECT_EQ(Post("/groups/" + group + "/Owners/$ref", Reference(bob)).status, 204);
  ExpectError(Post("/groups/" + group + "/owners/$ref", Reference(bob)), 400,
              "Request_BadRequest",
              "One or more added object references already exist for the following modified "
              "properties: 'owners'.");
  const Reply owners = Get("/groups/" + group + "/owners");
  ASSERT_EQ(owners.status, 200) << owners.body;
  EXPECT_EQ(owners.value(), (json::array{{{"@odata.type", "#microsoft.graph.user"},
                                          {"id", adele},
                                          {"displayName", "Adele"},
                                          {"userPrincipalName", Upn("adele")}},
                                         {{"@odata.type", "#microsoft.graph.user"},
                                          {"id", bob},
                                          {"displayName", "Bob"},
                                          {"userPrincipalName", Upn("bob")}}}));
  EXPECT_TRUE(Get("/groups/" + group + "/members").value().empty());
  EXPECT_EQ(Delete("/groups/" + group + "/owners/" + adele + "/$ref").status, 204);
  ExpectError(Delete("/groups/" + group + "/owners/" + bob + "/$ref"), 400, "Request_BadRequest",
              "The group must have at least one owner, hence this owner cannot be removed.");
  ExpectError(Delete("/groups/" + group + "/owners/" + adele + "/$ref"), 404,
              "Request_ResourceNotFound", NotFoundMessage(group));
  ExpectError(Send("POST", "/groups/" + group + "/owners/$ref", Reference(adele), {},
                   App({"GroupMember.ReadWrite.All"})),
              403, "Authorization_RequestDenied",
              "Insufficient privileges to complete the operation.");
}

TEST_F(GroupApiTest, GetAndCheckMemberGroups) {
  const std::string sales =
      Post("/groups", R"({"displayName":"Sales","mailNickname":"sales","mailEnabled":false,
                          "securityEnabled":true})")
          .Text("id");
  const std::string team =
      Post("/groups", R"({"displayName":"Team","mailNickname":"team","mailEnabled":true,
                          "securityEnabled":false,"groupTypes":["Unified"]})")
          .Text("id");
  const std::string user = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  ASSERT_EQ(Post("/groups/" + sales + "/members/$ref", Reference(user)).status, 204);
  ASSERT_EQ(Post("/groups/" + team + "/members/$ref", Reference(user)).status, 204);
  const auto ids = [](const Reply& reply) {
    std::set<std::string> out;
    for (const json::value& id : reply.value()) out.emplace(id.as_string());
    return out;
  };

  const Reply all = Post("/users/" + user + "/getMemberGroups", R"({"securityEnabledOnly":false})");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Text("@odata.context"),
            std::string(kServiceRoot) + "/$metadata#Collection(Edm.String)");
  EXPECT_EQ(ids(all), (std::set<std::string>{sales, team}));
  EXPECT_EQ(ids(Post("/users/" + Upn("adele") + "/getMemberObjects",
                     R"({"securityEnabledOnly":true})")),
            (std::set<std::string>{sales}));
  EXPECT_EQ(ids(Post("/directoryObjects/" + user + "/getMemberGroups", "{}")),
            (std::set<std::string>{sales, team}));
  EXPECT_TRUE(Post("/groups/" + sales + "/getMemberGroups", "{}").value().empty());  // no nesting

  // checkMemberGroups answers the asked ids it is a member of, as given.
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  std::string upper = team;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const Reply checked = Post("/users/" + user + "/checkMemberGroups",
                             fmt::format(R"({{"groupIds":["{}","{}"]}})", unknown, upper));
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(checked.value(), (json::array{upper}));
  EXPECT_EQ(Post("/directoryObjects/" + user + "/checkMemberObjects",
                 fmt::format(R"({{"ids":["{}"]}})", sales))
                .value(),
            (json::array{sales}));

  std::string many;
  for (int i = 0; i < 21; ++i) many += fmt::format("{}\"{}\"", i ? "," : "", unknown);
  ExpectError(Post("/users/" + user + "/checkMemberGroups", "{\"groupIds\":[" + many + "]}"), 400,
              "Request_BadRequest",
              "At most 20 ids can be checked in one request; groupIds has more. Split the list.");
  ExpectError(Post("/users/" + user + "/checkMemberGroups", "{}"), 400, "Request_BadRequest",
              "The parameter 'groupIds' of the action is missing or of the wrong type.");
  ExpectError(Post("/users/" + user + "/checkMemberGroups", R"({"groupIds":[1]})"), 400,
              "Request_BadRequest",
              "The parameter 'groupIds' of the action is missing or of the wrong type.");
  ExpectError(Post("/users/" + user + "/getMemberGroups", R"({"securityEnabledOnly":"yes"})"),
              400, "Request_BadRequest",
              "The parameter 'securityEnabledOnly' of the action is missing or of the wrong type.");
  ExpectError(Post("/users/" + user + "/getMemberGroups", R"({"transitive":true})"), 400,
              "Request_BadRequest",
              "Property 'transitive' does not exist as a declared property or extension property.");
  ExpectError(Post("/directoryObjects/" + unknown + "/getMemberGroups", "{}"), 404,
              "Request_ResourceNotFound", NotFoundMessage(unknown));
  ExpectError(Post("/users/nobody@contoso.onmicrosoft.com/getMemberGroups", "{}"), 404,
              "Request_ResourceNotFound", NotFoundMessage("nobody@contoso.onmicrosoft.com"));
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

TEST_F(GroupApiTest, ExpandDirectReportsAndMemberOf) {
  const std::string boss = Post("/users", NewUserBody("boss", "Boss")).Text("id");
  const std::string adele = Post("/users", NewUserBody("adele", "Adele")).Text("id");
  const std::string bob = Post("/users", NewUserBody("bob", "Bob")).Text("id");
  ASSERT_EQ(Put("/users/" + adele + "/manager/$ref", Reference(boss)).status, 204);
  ASSERT_EQ(Put("/users/" + bob + "/manager/$ref", Reference(boss)).status, 204);
  const std::string sales =
      Post("/groups", R"({"displayName":"Sales","mailNickname":"sales","mailEnabled":false,
                          "securityEnabled":true})")
          .Text("id");
  ASSERT_EQ(Post("/groups/" + sales + "/members/$ref", Reference(boss)).status, 204);

  const Reply expanded = Get("/users/" + boss +
                             "?$select=id&$expand=directReports($select=displayName),memberOf");
  ASSERT_EQ(expanded.status, 200) << expanded.body;
  EXPECT_EQ(expanded.object().at("directReports"),
            (json::array{{{"@odata.type", "#microsoft.graph.user"}, {"displayName", "Adele"}},
                         {{"@odata.type", "#microsoft.graph.user"}, {"displayName", "Bob"}}}));
  const json::array& groups = expanded.object().at("memberOf").as_array();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].at("@odata.type"), "#microsoft.graph.group");
  EXPECT_EQ(groups[0].at("id"), json::value(sales));
  EXPECT_EQ(groups[0].at("displayName"), "Sales");

  // Without reports or groups: empty collections.
  const Reply alone = Get("/users/" + adele + "?$select=id&$expand=directReports,memberOf");
  EXPECT_EQ(alone.object().at("directReports"), json::array{});
  EXPECT_EQ(alone.object().at("memberOf"), json::array{});
  ExpectError(Get("/users/" + adele + "?$expand=memberOf($select=id)"), 400, "BadRequest",
              "The query specified in the URI is not valid.");
}

}  // namespace
}  // namespace admin365::server::testing
