#include "manage/template_validation.h"

#include "manage/template_test_support.h"

namespace admin365::manage {
namespace {

using ::testing::ElementsAre;

class TemplateValidationTest : public TemplateTest {
 protected:
  // The messages of every problem ValidateTemplate finds.
  std::vector<std::string> Problems(const Template& definition) {
    auto resolved = ValidateTemplate(*directory_, definition);
    EXPECT_FALSE(resolved.has_value());
    if (resolved) return {};
    std::vector<std::string> messages;
    for (const ErrorDetail& detail : resolved.error().details) messages.push_back(detail.message);
    EXPECT_FALSE(messages.empty());
    EXPECT_EQ(resolved.error().message, messages.empty() ? "" : messages.front());
    EXPECT_EQ(resolved.error().code, "Template_Invalid");
    return messages;
  }
};

TEST_F(TemplateValidationTest, ResolvesNamesToIds) {
  Template sales = Sales();
  sales.groups = {"sales-all", engineers_.id};
  sales.rules = {{.field = "jobTitle",
                  .equals = "Lead",
                  .add_groups = {"Engineers"},
                  .add_licenses = {{.sku = engine_test::kE3}}}};
  const ResolvedTemplate resolved = Resolve(sales);
  EXPECT_EQ(resolved.domain, "contoso.com");
  EXPECT_THAT(resolved.group_ids, ElementsAre(sales_all_.id, engineers_.id));
  EXPECT_THAT(resolved.licenses,
              ElementsAre(AssignedLicense{.sku_id = engine_test::kE3,
                                          .disabled_plans = {engine_test::kSway}}));
  EXPECT_THAT(resolved.rule_group_ids, ElementsAre(ElementsAre(engineers_.id)));
  EXPECT_THAT(resolved.rule_licenses,
              ElementsAre(ElementsAre(AssignedLicense{.sku_id = engine_test::kE3})));
}

TEST_F(TemplateValidationTest, NoDomainMeansTheDefaultDomain) {
  Template engineering = Engineering();
  engineering.domain.clear();
  EXPECT_EQ(Resolve(engineering).domain, "contoso.onmicrosoft.com");
}

TEST_F(TemplateValidationTest, RefusesWhatTheTenantDoesNotHave) {
  ASSERT_THAT(directory_->AddDomain(engine_test::kActor, "fabrikam.com"), Succeeds());
  Template sales = Sales();
  sales.domain = "fabrikam.com";
  sales.groups = {"Sales-All", "Sales-Europe"};
  sales.licenses = {{.sku = "ENTERPRISEPACK", .disabled_plans = {"SWAY", "NOT_A_PLAN"}},
                    {.sku = "SPE_E5"}};
  sales.fields.push_back({"manager", {.value = "ghost@contoso.com"}});
  sales.fields.erase(sales.fields.begin() + 4);  // the first manager
  sales.rules = {{.field = "jobTitle", .equals = "Lead", .add_groups = {"Leads"}}};
  EXPECT_THAT(
      Problems(sales),
      ElementsAre(
          "template \"Sales\": domain \"fabrikam.com\" is not verified; verify it or change the "
          "template",
          "template \"Sales\": No group has the id or name 'Sales-Europe'; `admin365 group "
          "list` shows the groups.",
          "template \"Sales\": ENTERPRISEPACK has no service plan 'NOT_A_PLAN'; `admin365 "
          "subscription show ENTERPRISEPACK` lists its plans.",
          "template \"Sales\": The tenant has no subscription to 'SPE_E5'; `admin365 "
          "subscription list` shows the ones it has.",
          "template \"Sales\": No group has the id or name 'Leads'; `admin365 group list` "
          "shows the groups.",
          "template \"Sales\": manager \"ghost@contoso.com\" does not exist in the tenant; give "
          "an active user or remove it from the template"));
  sales = Sales();
  sales.domain = "northwind.com";
  EXPECT_THAT(Problems(sales),
              ElementsAre("template \"Sales\": domain \"northwind.com\" does not exist in the "
                          "tenant; add and verify it or change the template"));
}

TEST_F(TemplateValidationTest, RefusesAGroupNameTwoGroupsShare) {
  CreateGroup(engine_test::SecurityGroup("Sales-All", "salesall2"));
  EXPECT_THAT(Problems(Sales()),
              ElementsAre("template \"Sales\": Several groups are named 'Sales-All'; give "
                          "the group's object id instead."));
}

TEST_F(TemplateValidationTest, RefusesADefinitionThatCannotWork) {
  Template bad{.name = "Bad/Name"};
  bad.naming.user_principal_name = "firstname";
  bad.naming.display_name = "{nickname}";
  bad.password.length = 6;
  bad.password.classes = {CharacterClass::kLower, CharacterClass::kLower, CharacterClass::kDigit};
  bad.default_method = "carrierPigeon";
  bad.licenses = {{.sku = "ENTERPRISEPACK"}};
  bad.fields = {{"colour", {}},
                {"password", {.mode = FieldMode::kHidden, .value = "Secret-123"}},
                {"userPrincipalName", {.mode = FieldMode::kReadOnly, .value = "a@b.com"}},
                {"groups", {.value = "A"}},
                {"usageLocation", {.value = "XX"}},
                {"accountEnabled", {.value = "maybe"}},
                {"city", {}},
                {"City", {}}};
  bad.rules = {{.field = "mood", .equals = "happy", .set = {{"displayName", "X"}}}};
  EXPECT_THAT(
      CheckTemplateDefinition(bad),
      ElementsAre(
          ErrorDetail{"Template_Invalid", "name",
                      "template \"Bad/Name\": the name must have 1 to 64 letters, digits, "
                      "spaces, '.', '-' or '_'"},
          ErrorDetail{"Template_Invalid", "userPrincipalName",
                      "template \"Bad/Name\": the userPrincipalName pattern \"firstname\" names "
                      "no attribute, so every user would get the same name"},
          ErrorDetail{"Template_Invalid", "displayName",
                      "template \"Bad/Name\": displayName pattern \"{nickname}\": \"nickname\" "
                      "is not a text property of a user"},
          ErrorDetail{"Template_Invalid", "password.length",
                      "template \"Bad/Name\": a generated password needs 8 to 256 characters, "
                      "not 6"},
          ErrorDetail{"Template_Invalid", "password.classes",
                      "template \"Bad/Name\": a generated password needs at least 3 of the "
                      "classes lower, upper, digit, symbol (Entra's complexity rule)"},
          ErrorDetail{"Template_Invalid", "mfa.defaultMethod",
                      "template \"Bad/Name\": \"carrierPigeon\" is not an authentication method "
                      "(push, oath, voiceMobile, voiceAlternateMobile, voiceOffice, sms)"},
          ErrorDetail{"Template_Invalid", "colour",
                      "template \"Bad/Name\": \"colour\" is not a user property nor password, "
                      "manager or groups"},
          ErrorDetail{"Template_Invalid", "password",
                      "template \"Bad/Name\": field password cannot have a value in a template"},
          ErrorDetail{"Template_Invalid", "userPrincipalName",
                      "template \"Bad/Name\": field userPrincipalName cannot have a value in a "
                      "template: it is built by the naming patterns"},
          ErrorDetail{"Template_Invalid", "groups",
                      "template \"Bad/Name\": field groups cannot have a value in a template: "
                      "list the groups under \"groups\""},
          ErrorDetail{"Template_Invalid", "usageLocation",
                      "template \"Bad/Name\": \"XX\" is not a valid usageLocation"},
          ErrorDetail{"Template_Invalid", "accountEnabled",
                      "template \"Bad/Name\": accountEnabled must be true or false, not "
                      "\"maybe\""},
          ErrorDetail{"Template_Invalid", "city",
                      "template \"Bad/Name\": field city is listed twice"},
          ErrorDetail{"Template_Invalid", "rules[0]",
                      "template \"Bad/Name\": rules[0]: \"mood\" is not a user property nor "
                      "password, manager or groups"},
          ErrorDetail{"Template_Invalid", "rules[0]",
                      "template \"Bad/Name\": rules[0]: cannot set \"displayName\""}));
}

TEST_F(TemplateValidationTest, LicencesNeedAUsageLocation) {
  Template sales = Sales();
  sales.fields.erase(sales.fields.begin());
  EXPECT_THAT(Problems(sales),
              ElementsAre("template \"Sales\": licences need a usageLocation: give the "
                          "usageLocation field a value or make it mandatory"));
  sales.fields.push_back({"usageLocation", {.mode = FieldMode::kMandatory}});
  EXPECT_TRUE(ValidateTemplate(*directory_, sales).has_value());
}

}  // namespace
}  // namespace admin365::manage
