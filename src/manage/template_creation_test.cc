#include "manage/template_creation.h"

#include "domain/password_policy.h"
#include "manage/template_test_support.h"

namespace admin365::manage {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;

class TemplateCreationTest : public TemplateTest {
 protected:
  std::vector<std::string> GroupNamesOf(const std::string& user) {
    std::vector<std::string> names;
    const auto groups = directory_->ListMemberOf(user);
    EXPECT_TRUE(groups.has_value());
    for (const Group& group : groups.value_or(std::vector<Group>{})) {
      names.push_back(group.display_name);
    }
    return names;
  }

  User CreateFromOrFail(const ResolvedTemplate& resolved, const TemplateInput& input) {
    auto created = CreateFrom(resolved, input);
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return created ? created->user : User{};
  }
};

TEST_F(TemplateCreationTest, CreatesTheWholeUserInOneStep) {
  const ResolvedTemplate sales = Resolve(Sales(), 3);
  auto created = CreateFrom(sales, {{"givenName", "Zoë"},
                                    {"surname", "Ångström-Łukasiewicz"},
                                    {"employeeId", "S-17"},
                                    {"jobTitle", "Account Executive"}});
  ASSERT_TRUE(created.has_value()) << created.error().message;
  const User& user = created->user;
  EXPECT_EQ(user.user_principal_name, "zoe.angstrom-lukasiewicz@contoso.com");
  EXPECT_EQ(user.mail_nickname, "zoe.angstrom-lukasiewicz");
  EXPECT_EQ(user.display_name, "Zoë Ångström-Łukasiewicz");
  EXPECT_EQ(user.given_name, "Zoë");
  EXPECT_EQ(user.department, "Sales");
  EXPECT_EQ(user.company_name, "Contoso");
  EXPECT_EQ(user.employee_id, "S-17");
  EXPECT_EQ(user.job_title, "Account Executive");
  EXPECT_EQ(user.usage_location, "US");
  EXPECT_TRUE(user.account_enabled);
  EXPECT_TRUE(user.force_change_password_next_sign_in);
  EXPECT_THAT(user.assigned_licenses,
              ElementsAre(AssignedLicense{.sku_id = engine_test::kE3,
                                          .disabled_plans = {engine_test::kSway}}));
  EXPECT_EQ(user.mail, "zoe.angstrom-lukasiewicz@contoso.com");  // the mailbox came with E3
  EXPECT_THAT(GroupNamesOf(user.id), ElementsAre("Sales-All"));
  EXPECT_EQ(directory_->GetManager(user.id)->id, boss_.id);
  EXPECT_EQ(directory_->GetAuthenticationInfo(user.id)->per_user_mfa_state,
            PerUserMfaState::kEnforced);
  // The generated password follows the template's policy and Entra's.
  EXPECT_THAT(created->generated_password, MatchesRegex("[A-Za-z0-9!#$%*+=?@^_~-]{16}"));
  EXPECT_TRUE(CheckPassword(created->generated_password,
                            {.alias = user.mail_nickname, .given_name = "Zoë"}));
}

TEST_F(TemplateCreationTest, EveryWriteRecordsTheTemplateAndVersion) {
  const User user = CreateFromOrFail(
      Resolve(Sales(), 3), {{"givenName", "Ann"}, {"surname", "Lee"}, {"employeeId", "1"}});
  const std::vector<AuditEvent> events = Events(user.id);
  ASSERT_FALSE(events.empty());
  for (const AuditEvent& event : events) {
    EXPECT_EQ(event.origin, "template \"Sales\" v3") << event.action;
    EXPECT_EQ(event.actor, "test:alice");
  }
}

TEST_F(TemplateCreationTest, GivenPasswordAndFieldsOverrideDefaults) {
  Template sales = Sales();
  sales.password = {.generate = false, .force_change_next_sign_in = false};
  auto created = CreateFrom(Resolve(sales), {{"givenName", "Ann"},
                                             {"surname", "Lee"},
                                             {"employeeId", "1"},
                                             {"password", std::string(engine_test::kGoodPassword)},
                                             {"manager", ""},
                                             {"groups", "Engineers; " + sales_all_.id},
                                             {"otherMails", "ann@example.com; lee@example.com"}});
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->generated_password, "");
  EXPECT_FALSE(created->user.force_change_password_next_sign_in);
  EXPECT_THAT(created->user.other_mails, ElementsAre("ann@example.com", "lee@example.com"));
  EXPECT_THAT(GroupNamesOf(created->user.id), ElementsAre("Engineers", "Sales-All"));
}

TEST_F(TemplateCreationTest, TechnicianMayGiveTheNamesWhereEditable) {
  auto created = CreateFrom(Resolve(Engineering()), {{"givenName", "李"},
                                                     {"surname", "小龍"},
                                                     {"userPrincipalName", "bruce@contoso.com"},
                                                     {"displayName", "Bruce Lee"}});
  ASSERT_TRUE(created.has_value()) << created.error().message;
  EXPECT_EQ(created->user.user_principal_name, "bruce@contoso.com");
  EXPECT_EQ(created->user.mail_nickname, "bruce");
  EXPECT_EQ(created->user.display_name, "Bruce Lee");
  EXPECT_FALSE(created->user.account_enabled);
  EXPECT_EQ(created->user.department, "R&D");
}

TEST_F(TemplateCreationTest, RefusesANameItCannotTransliterate) {
  auto refused = CreateFrom(Resolve(Engineering()), {{"givenName", "李"}, {"surname", "小龍"}});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message,
            "givenName \"李\" is in the Han script, which admin365 does not transliterate; give "
            "userPrincipalName and mailNickname in Latin letters");
  EXPECT_TRUE(directory_->ListUsers({})->users.size() == 1);  // only the boss
}

TEST_F(TemplateCreationTest, CollisionsTakeTheNextFreeNumber) {
  const ResolvedTemplate sales = Resolve(Sales());
  Create("john.smith", "John Smith (active)", "contoso.com");
  const User deleted = Create("john.smith2", "John Smith (deleted)", "contoso.com");
  ASSERT_THAT(directory_->DeleteUser(engine_test::kActor, deleted.id), Succeeds());
  NewUser nickname_only = engine_test::MakeNewUser("someone", "Nickname holder", "contoso.com");
  nickname_only.properties["mailNickname"] = "john.smith3";
  Create(nickname_only);
  const TemplateInput john{{"givenName", "John"}, {"surname", "Smith"}, {"employeeId", "1"}};
  ASSERT_TRUE(job_names_.TryReserve("john.smith4@contoso.com", "john.smith4"));  // an earlier row
  const User user = CreateFromOrFail(sales, john);
  EXPECT_EQ(user.user_principal_name, "john.smith5@contoso.com");
  EXPECT_EQ(user.mail_nickname, "john.smith5");
  EXPECT_EQ(CreateFromOrFail(sales, john).user_principal_name, "john.smith6@contoso.com");
}

TEST_F(TemplateCreationTest, AFormerUpnKeptAsAProxyAddressCollides) {
  const ResolvedTemplate sales = Resolve(Sales());
  const User user =
      CreateFromOrFail(sales, {{"givenName", "Ann"}, {"surname", "Lee"}, {"employeeId", "1"}});
  ASSERT_THAT(directory_->UpdateUser(engine_test::kActor, user.id,
                                     {{"userPrincipalName", std::string("ann@contoso.com")},
                                      {"mailNickname", std::string("ann")}}),
              Succeeds());
  EXPECT_EQ(CreateFromOrFail(sales, {{"givenName", "Ann"}, {"surname", "Lee"}, {"employeeId", "2"}})
                .user_principal_name,
            "ann.lee2@contoso.com");
}

TEST_F(TemplateCreationTest, MailNicknamePatternIsNumberedWithTheUpn) {
  Template engineering = Engineering();
  engineering.naming.mail_nickname = "{givenName}{surname}";
  const ResolvedTemplate resolved = Resolve(engineering);
  const TemplateInput john{{"givenName", "John"}, {"surname", "Smith"}};
  const User first = CreateFromOrFail(resolved, john);
  EXPECT_EQ(first.user_principal_name, "jsmith@contoso.com");
  EXPECT_EQ(first.mail_nickname, "johnsmith");
  const User second = CreateFromOrFail(resolved, john);
  EXPECT_EQ(second.user_principal_name, "jsmith2@contoso.com");
  EXPECT_EQ(second.mail_nickname, "johnsmith2");
}

TEST_F(TemplateCreationTest, AFailingLaterStepRollsTheWholeUserBack) {
  Subscribe("EMS", 1);
  Template sales = Sales();
  sales.licenses.push_back({.sku = "EMS"});
  const ResolvedTemplate resolved = Resolve(sales);
  CreateFromOrFail(resolved, {{"givenName", "Ann"}, {"surname", "Lee"}, {"employeeId", "1"}});
  auto failed =
      CreateFrom(resolved, {{"givenName", "Bob"}, {"surname", "Ray"}, {"employeeId", "2"}});
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().target, "addLicenses");
  EXPECT_THAT(failed.error().message, ::testing::HasSubstr("does not have any available licenses"));
  EXPECT_FALSE(directory_->GetUser("bob.ray@contoso.com").has_value());
  EXPECT_THAT(directory_->ListDeletedUsers({})->users, IsEmpty());
  EXPECT_EQ(Subscription(engine_test::kE3).consumed_units, 1);
}

TEST_F(TemplateCreationTest, AMissingManagerRollsBackToo) {
  auto failed = CreateFrom(Resolve(Sales()), {{"givenName", "Ann"},
                                              {"surname", "Lee"},
                                              {"employeeId", "1"},
                                              {"manager", "ghost@contoso.com"}});
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().target, "manager");
  EXPECT_FALSE(directory_->GetUser("ann.lee@contoso.com").has_value());
  EXPECT_THAT(directory_->ListDeletedUsers({})->users, IsEmpty());
}

TEST_F(TemplateCreationTest, ConditionalRulesAddGroupsAndLicences) {
  Subscribe("EMS", 5);
  Template engineering = Engineering();
  engineering.fields.push_back({"usageLocation", {.value = "NO"}});
  engineering.rules = {{.field = "department",
                        .equals = "sales",
                        .set = {{"companyName", "Contoso Sales"}},
                        .add_groups = {"Sales-All"},
                        .add_licenses = {{.sku = "EMS"}}}};
  const ResolvedTemplate resolved = Resolve(engineering);
  const User engineer = CreateFromOrFail(resolved, {{"givenName", "Eve"}, {"surname", "Ng"}});
  EXPECT_THAT(GroupNamesOf(engineer.id), ElementsAre("Engineers"));
  EXPECT_THAT(engineer.assigned_licenses, IsEmpty());
  const User seller = CreateFromOrFail(
      resolved, {{"givenName", "Sam"}, {"surname", "Ng"}, {"department", "Sales"}});
  EXPECT_THAT(GroupNamesOf(seller.id), ElementsAre("Engineers", "Sales-All"));
  ASSERT_EQ(seller.assigned_licenses.size(), 1u);
  EXPECT_EQ(seller.company_name, "Contoso Sales");
}

TEST_F(TemplateCreationTest, InputGroupsMustExist) {
  auto refused = CreateFrom(Resolve(Engineering()),
                            {{"givenName", "Eve"}, {"surname", "Ng"}, {"groups", "Pilots"}});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message,
            "No group has the id or name 'Pilots'; `admin365 group list` shows the groups.");
  EXPECT_EQ(refused.error().target, "groups");
}

TEST_F(TemplateCreationTest, BuildWritesNothingAndReservesTheNames) {
  const ResolvedTemplate resolved = Resolve(Engineering());
  const std::size_t events = EventCount();
  auto built = BuildCreationFromTemplate(resolved, {{"givenName", "Eve"}, {"surname", "Ng"}},
                                         job_names_, *directory_, random_);
  ASSERT_TRUE(built.has_value());
  EXPECT_EQ(EventCount(), events);
  EXPECT_TRUE(job_names_.Contains("eng@contoso.com"));
  EXPECT_TRUE(job_names_.Contains("ENG"));
  EXPECT_EQ(built->origin, "template \"Engineering\" v1");
  EXPECT_TRUE(built->password_generated);
  EXPECT_THAT(built->creation.groups, ElementsAre(engineers_.id));
}

// A bulk job: rows naming one of two templates, sharing one set of reserved names.
TEST_F(TemplateCreationTest, MixedBulkCreationReportsEachRow) {
  const ResolvedTemplate sales = Resolve(Sales(), 2);
  const ResolvedTemplate engineering = Resolve(Engineering(), 5);
  struct Row {
    const ResolvedTemplate* resolved;
    TemplateInput input;
  };
  const std::vector<Row> rows = {
      {&sales, {{"givenName", "Ann"}, {"surname", "Lee"}, {"employeeId", "1"}}},
      {&engineering, {{"givenName", "Ann"}, {"surname", "Lee"}}},
      {&sales, {{"givenName", "Ann"}, {"surname", "Lee"}, {"employeeId", "2"}}},
      {&sales, {{"givenName", "Bob"}, {"surname", "Ray"}}},
      {&engineering, {{"givenName", "Юрий"}, {"surname", "Гагарин"}}},
      {&sales,
       {{"givenName", "Cy"}, {"surname", "Ode"}, {"employeeId", "3"}, {"department", "HR"}}},
      {&engineering, {{"givenName", "Alan"}, {"surname", "Lee"}}},
  };
  std::vector<std::string> outcomes;
  for (const Row& row : rows) {
    auto created = CreateFrom(*row.resolved, row.input);
    outcomes.push_back(created ? created->user.user_principal_name + " " +
                                     TemplateOrigin(row.resolved->definition)
                               : "failed: " + created.error().message);
  }
  EXPECT_THAT(outcomes,
              ElementsAre("ann.lee@contoso.com template \"Sales\" v2",
                          "alee@contoso.com template \"Engineering\" v5",
                          "ann.lee2@contoso.com template \"Sales\" v2",
                          "failed: employeeId is mandatory in template \"Sales\": give it",
                          "ygagarin@contoso.com template \"Engineering\" v5",
                          "failed: department is read-only in template \"Sales\": remove it",
                          "alee2@contoso.com template \"Engineering\" v5"));
  EXPECT_EQ(Get("ann.lee2@contoso.com").department, "Sales");
  EXPECT_FALSE(Get("alee2@contoso.com").account_enabled);
  EXPECT_EQ(Subscription(engine_test::kE3).consumed_units, 2);
}

}  // namespace
}  // namespace admin365::manage
