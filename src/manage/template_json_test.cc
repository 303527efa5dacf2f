#include "manage/template_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace admin365::manage {
namespace {

Template Full() {
  Template full{.name = "Sales", .version = 3, .description = "Sales representatives"};
  full.naming = {.user_principal_name = "{givenName:1}{surname}",
                 .mail_nickname = "{givenName}.{surname}",
                 .display_name = "{surname}, {givenName}",
                 .lower_case = false};
  full.domain = "contoso.com";
  full.password = {
      .generate = true,
      .length = 24,
      .classes = {CharacterClass::kUpper, CharacterClass::kLower, CharacterClass::kDigit},
      .force_change_next_sign_in = false};
  full.licenses = {{.sku = "ENTERPRISEPACK", .disabled_plans = {"SWAY", "TEAMS1"}}};
  full.groups = {"Sales-All", "All Staff"};
  full.mfa_state = PerUserMfaState::kEnforced;
  full.default_method = "sms";
  full.fields = {{"department", {.mode = FieldMode::kReadOnly, .value = "Sales"}},
                 {"employeeId", {.mode = FieldMode::kMandatory}},
                 {"employeeType", {.mode = FieldMode::kHidden, .value = "Staff"}},
                 {"jobTitle", {.mode = FieldMode::kEditable, .value = "Representative"}}};
  full.rules = {{.field = "jobTitle",
                 .equals = "Manager",
                 .set = {{"companyName", "Contoso Sales"}},
                 .add_groups = {"Managers"},
                 .add_licenses = {{.sku = "EMS"}}}};
  return full;
}

std::string ErrorOf(std::string_view json) {
  auto parsed = TemplateFromJson(json);
  EXPECT_FALSE(parsed.has_value());
  return parsed ? "" : parsed.error().message;
}

TEST(TemplateJson, RoundTripsEverySetting) {
  const std::string json = TemplateToJson(Full());
  auto parsed = TemplateFromJson(json);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  Template expected = Full();
  expected.version = 0;  // the store's, not read back
  EXPECT_EQ(*parsed, expected);
}

TEST(TemplateJson, WritesEveryMemberPrettily) {
  EXPECT_EQ(TemplateToJson(Template{.name = "Min", .version = 1}),
            R"({
  "name": "Min",
  "version": 1,
  "description": "",
  "naming": {
    "userPrincipalName": "{givenName}.{surname}",
    "mailNickname": "",
    "displayName": "{givenName} {surname}",
    "lowerCase": true
  },
  "domain": "",
  "password": {
    "generate": true,
    "length": 16,
    "classes": [
      "lower",
      "upper",
      "digit",
      "symbol"
    ],
    "forceChangePasswordNextSignIn": true
  },
  "licenses": [],
  "groups": [],
  "mfa": {
    "state": null,
    "defaultMethod": null
  },
  "fields": {},
  "rules": []
}
)");
}

TEST(TemplateJson, AbsentMembersTakeTheDefaults) {
  auto parsed = TemplateFromJson(R"({"name": "Min"})");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, Template{.name = "Min"});
}

TEST(TemplateJson, ErrorsNameTheJsonPath) {
  EXPECT_THAT(ErrorOf("{\"name\": "), ::testing::StartsWith("template JSON: not valid JSON: "));
  EXPECT_EQ(ErrorOf("[]"), "template JSON: $: expected an object");
  EXPECT_EQ(ErrorOf("{}"), "template JSON: $.name: expected the template's name");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "colour": "blue"})"),
            "template JSON: $.colour: unknown member");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "fields": {"department": {"rule": "locked"}}})"),
            "template JSON: $.fields.department.rule: expected one of \"editable\", "
            "\"mandatory\", \"readOnly\", \"hidden\"");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "fields": {"department": {"value": 7}}})"),
            "template JSON: $.fields.department.value: expected a string");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "licenses": [{"sku": "E3", "plans": []}]})"),
            "template JSON: $.licenses[0].plans: unknown member");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "groups": ["A", 2]})"),
            "template JSON: $.groups[1]: expected a string");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "password": {"length": "long"}})"),
            "template JSON: $.password.length: expected a whole number");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "password": {"classes": ["lower", "emoji"]}})"),
            "template JSON: $.password.classes[1]: expected one of \"lower\", \"upper\", "
            "\"digit\", \"symbol\"");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "mfa": {"state": "on"}})"),
            "template JSON: $.mfa.state: expected one of \"disabled\", \"enabled\", \"enforced\"");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "rules": [{"set": {}}]})"),
            "template JSON: $.rules[0].when: expected {\"field\": ..., \"equals\": ...}");
  EXPECT_EQ(ErrorOf(R"({"name": "S", "rules": [{"when": {"field": "a", "equals": "b"},
                      "set": {"city": true}}]})"),
            "template JSON: $.rules[0].set.city: expected a string");
  auto error = TemplateFromJson(R"({"name": "S", "naming": {"lowerCase": "yes"}})").error();
  EXPECT_EQ(error.message, "template JSON: $.naming.lowerCase: expected true or false");
  EXPECT_EQ(error.target, "$.naming.lowerCase");
  EXPECT_EQ(error.code, "Template_Invalid");
}

}  // namespace
}  // namespace admin365::manage
