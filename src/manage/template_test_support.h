#pragma once

// Test-only support for the template tests on a real embedded tenant: TemplateTest, the
// licensing fixture (engine/license_test_support.h) with contoso.com verified, groups
// "Sales-All" and "Engineers", an ENTERPRISEPACK subscription, a manager, and the
// template "Sales" that uses them.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/license_test_support.h"
#include "manage/template.h"
#include "manage/template_creation.h"
#include "manage/template_validation.h"

namespace admin365::manage {

class TemplateTest : public engine_test::LicensingTest {
 protected:
  void SetUp() override {
    LicensingTest::SetUp();
    AddVerifiedDomain("contoso.com");
    sales_all_ = CreateGroup(engine_test::SecurityGroup("Sales-All", "salesall"));
    engineers_ = CreateGroup(engine_test::SecurityGroup("Engineers", "engineers"));
    Subscribe("ENTERPRISEPACK", 10);
    boss_ = Create("boss", "The Boss");
  }

  // givenName.surname@contoso.com, usage location US, ENTERPRISEPACK without SWAY, group
  // Sales-All, manager boss, department read-only Sales, employeeId mandatory.
  static Template Sales() {
    Template sales{.name = "Sales", .description = "Sales representatives"};
    sales.domain = "contoso.com";
    sales.licenses = {{.sku = "ENTERPRISEPACK", .disabled_plans = {"SWAY"}}};
    sales.groups = {"Sales-All"};
    sales.mfa_state = PerUserMfaState::kEnforced;
    sales.fields = {
        {"usageLocation", {.mode = FieldMode::kReadOnly, .value = "US"}},
        {"department", {.mode = FieldMode::kReadOnly, .value = "Sales"}},
        {"companyName", {.mode = FieldMode::kHidden, .value = "Contoso"}},
        {"employeeId", {.mode = FieldMode::kMandatory}},
        {"manager", {.mode = FieldMode::kEditable, .value = "boss@contoso.onmicrosoft.com"}},
    };
    return sales;
  }

  // Engineers: {givenName:1}{surname}, no licence, group Engineers, account disabled.
  static Template Engineering() {
    Template engineering{.name = "Engineering"};
    engineering.naming.user_principal_name = "{givenName:1}{surname}";
    engineering.domain = "contoso.com";
    engineering.groups = {"Engineers"};
    engineering.fields = {{"accountEnabled", {.mode = FieldMode::kHidden, .value = "false"}},
                          {"department", {.mode = FieldMode::kEditable, .value = "R&D"}}};
    return engineering;
  }

  ResolvedTemplate Resolve(Template definition, int version = 1) {
    definition.version = version;
    auto resolved = ValidateTemplate(*directory_, definition);
    EXPECT_TRUE(resolved.has_value()) << resolved.error().message;
    return resolved ? *resolved : ResolvedTemplate{};
  }

  Result<CreatedUser> CreateFrom(const ResolvedTemplate& resolved, const TemplateInput& input) {
    return CreateUserFromTemplate(*directory_, engine_test::kActor, resolved, input, job_names_,
                                  random_);
  }

  Group sales_all_;
  Group engineers_;
  User boss_;
  NameReservations job_names_;
};

}  // namespace admin365::manage
