#include "manage/template_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace admin365::manage {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// Every kind of field rule and two conditional rules.
Template Sales() {
  Template sales{.name = "Sales", .version = 2};
  sales.fields = {
      {"department", {.mode = FieldMode::kReadOnly, .value = "Sales"}},
      {"employeeType", {.mode = FieldMode::kHidden, .value = "Staff"}},
      {"faxNumber", {.mode = FieldMode::kHidden}},
      {"employeeId", {.mode = FieldMode::kMandatory}},
      {"usageLocation", {.mode = FieldMode::kMandatory, .value = "US"}},
      {"jobTitle", {.mode = FieldMode::kEditable, .value = "Sales Representative"}},
  };
  sales.rules = {
      {.field = "jobTitle", .equals = "sales manager", .set = {{"companyName", "Contoso Sales"}}},
      {.field = "companyName", .equals = "Contoso Sales", .set = {{"officeLocation", "HQ"}}},
  };
  return sales;
}

std::string ErrorOf(const TemplateInput& input, const Template& definition = Sales()) {
  auto applied = ApplyTemplateRules(definition, input);
  EXPECT_FALSE(applied.has_value());
  return applied ? "" : applied.error().message;
}

TEST(TemplateRules, PresetsAndDefaultsFillWhatIsNotGiven) {
  auto values = ApplyTemplateRules(Sales(), {{"givenName", "Ann"}, {"employeeId", "E1"}});
  ASSERT_TRUE(values.has_value()) << values.error().message;
  EXPECT_THAT(values->fields,
              ElementsAre(Pair("givenName", "Ann"), Pair("employeeId", "E1"),
                          Pair("department", "Sales"), Pair("employeeType", "Staff"),
                          Pair("usageLocation", "US"), Pair("jobTitle", "Sales Representative")));
  EXPECT_TRUE(values->matched_rules.empty());
}

TEST(TemplateRules, EditableAndMandatoryFieldsTakeTheTechniciansValue) {
  auto values = ApplyTemplateRules(
      Sales(), {{"EMPLOYEEID", "E1"}, {"jobTitle", "Account Manager"}, {"usageLocation", "GB"}});
  ASSERT_TRUE(values.has_value());
  EXPECT_EQ(*values->Find("employeeId"), "E1");
  EXPECT_EQ(*values->Find("jobTitle"), "Account Manager");
  EXPECT_EQ(*values->Find("usageLocation"), "GB");
}

TEST(TemplateRules, UnlistedFieldsAreEditable) {
  auto values = ApplyTemplateRules(
      Sales(), {{"employeeId", "E1"}, {"city", "Oslo"}, {"manager", "boss@contoso.com"}});
  ASSERT_TRUE(values.has_value());
  EXPECT_EQ(*values->Find("city"), "Oslo");
  EXPECT_EQ(*values->Find("manager"), "boss@contoso.com");
}

TEST(TemplateRules, MandatoryFieldMustBeGiven) {
  EXPECT_EQ(ErrorOf({{"givenName", "Ann"}}),
            "employeeId is mandatory in template \"Sales\": give it");
  EXPECT_EQ(ErrorOf({{"employeeId", ""}}),
            "employeeId is mandatory in template \"Sales\": give it");  // empty is not given
  auto rejected = ApplyTemplateRules(Sales(), {});
  EXPECT_EQ(rejected.error().target, "employeeId");
  EXPECT_EQ(rejected.error().code, "Template_InputRejected");
}

TEST(TemplateRules, ReadOnlyFieldRefusesAnotherValue) {
  EXPECT_EQ(ErrorOf({{"employeeId", "E1"}, {"department", "Marketing"}}),
            "department is read-only in template \"Sales\": remove it");
  EXPECT_TRUE(ApplyTemplateRules(Sales(), {{"employeeId", "E1"}, {"department", "Sales"}}));
}

TEST(TemplateRules, HiddenFieldRefusesAnyValue) {
  EXPECT_EQ(ErrorOf({{"employeeId", "E1"}, {"employeeType", "Contractor"}}),
            "employeeType is hidden in template \"Sales\": remove it");
  EXPECT_EQ(ErrorOf({{"employeeId", "E1"}, {"faxNumber", "+1 555"}}),
            "faxNumber is hidden in template \"Sales\": remove it");
}

TEST(TemplateRules, UnknownAndRepeatedFieldsAreRefused) {
  EXPECT_EQ(ErrorOf({{"colour", "blue"}}),
            "template \"Sales\" has no field \"colour\": use a Graph user property name "
            "(givenName, department, ...) or password, manager, groups");
  EXPECT_EQ(ErrorOf({{"createdDateTime", "2020-01-01T00:00:00Z"}}),
            "template \"Sales\" has no field \"createdDateTime\": use a Graph user property name "
            "(givenName, department, ...) or password, manager, groups");
  EXPECT_EQ(ErrorOf({{"city", "Oslo"}, {"City", "Bergen"}}), "city is given twice");
}

TEST(TemplateRules, ConditionalRulesSetFieldsInOrder) {
  auto values = ApplyTemplateRules(Sales(), {{"employeeId", "E1"}, {"jobTitle", "Sales Manager"}});
  ASSERT_TRUE(values.has_value());
  EXPECT_THAT(values->matched_rules, ElementsAre(0, 1));  // the second sees the first's value
  EXPECT_EQ(*values->Find("companyName"), "Contoso Sales");
  EXPECT_EQ(*values->Find("officeLocation"), "HQ");
}

TEST(TemplateRules, ConditionalRulesDoNotOverrideTheTechnician) {
  auto values = ApplyTemplateRules(
      Sales(), {{"employeeId", "E1"}, {"jobTitle", "Sales Manager"}, {"companyName", "Fabrikam"}});
  ASSERT_TRUE(values.has_value());
  EXPECT_THAT(values->matched_rules, ElementsAre(0));
  EXPECT_EQ(*values->Find("companyName"), "Fabrikam");
  EXPECT_EQ(values->Find("officeLocation"), nullptr);
}

TEST(TemplateRules, ConditionalRuleCanFillAMandatoryField) {
  Template definition = Sales();
  definition.rules.push_back(
      {.field = "department", .equals = "Sales", .set = {{"employeeId", "S-0"}}});
  auto values = ApplyTemplateRules(definition, {});
  ASSERT_TRUE(values.has_value());
  EXPECT_EQ(*values->Find("employeeId"), "S-0");
}

TEST(TemplateRules, PasswordIsMandatoryWhenNotGenerated) {
  Template definition{.name = "Typed"};
  definition.password.generate = false;
  EXPECT_EQ(ErrorOf({{"givenName", "Ann"}}, definition),
            "password is mandatory in template \"Typed\": give it");
  EXPECT_TRUE(ApplyTemplateRules(definition, {{"Password", "Vq7#mLp2xT9!"}}));
}

}  // namespace
}  // namespace admin365::manage
