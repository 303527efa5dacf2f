#include "server/app_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "engine/engine_test_support.h"

namespace admin365::server {
namespace {

using engine_test::kStart;
using ::testing::ElementsAre;

class AppRegistryTest : public engine_test::LocalDirectoryTest {
 protected:
  void SetUp() override {
    LocalDirectoryTest::SetUp();
    auto apps = AppRegistry::Open(data_dir_, clock_, random_);
    ASSERT_TRUE(apps.has_value()) << apps.error().message;
    apps_ = std::move(*apps);
  }
  void TearDown() override {
    apps_.reset();
    LocalDirectoryTest::TearDown();
  }

  std::unique_ptr<AppRegistry> apps_;
};

TEST_F(AppRegistryTest, AddsAnAppWithAGeneratedSecretStoredOnlyHashed) {
  auto created = apps_->Add("Provisioning");
  ASSERT_TRUE(created.has_value());
  EXPECT_TRUE(IsUuid(created->app.client_id));
  EXPECT_EQ(created->secret.size(), 40u);
  ASSERT_EQ(created->app.secrets.size(), 1u);
  const AppSecret& secret = created->app.secrets[0];
  EXPECT_TRUE(IsUuid(secret.key_id));
  EXPECT_EQ(secret.hint, created->secret.substr(0, 3));
  EXPECT_EQ(secret.start_date_time, kStart);
  EXPECT_EQ(secret.end_date_time, kStart + 730 * 86'400);
  EXPECT_EQ(created->app.created_date_time, kStart);
  const auto stored = QueryText("SELECT secret_hash FROM app_secrets");
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(PasswordHasher::IsArgon2id(*stored));
  EXPECT_EQ(stored->find(created->secret), std::string::npos);

  EXPECT_EQ(apps_->CheckSecret(created->app.client_id, created->secret), SecretCheck::kValid);
  EXPECT_EQ(apps_->CheckSecret(created->app.client_id, "wrong"), SecretCheck::kWrong);
  EXPECT_EQ(apps_->CheckSecret("00000000-0000-4000-8000-000000000000", "x").error().code,
            "AppNotFound");
}

// Rotation: a second secret works alongside the first until the first is removed; a
// secret past its end date is recognised as expired.
TEST_F(AppRegistryTest, SecretsRotateAndExpire) {
  auto created = apps_->Add("Provisioning");
  ASSERT_TRUE(created.has_value());
  const std::string id = created->app.client_id;
  clock_.Advance(10);
  auto added = apps_->AddSecret(id, "rotation 2027", 30);
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(added->credential.display_name, "rotation 2027");
  EXPECT_EQ(added->credential.end_date_time, kStart + 10 + 30 * 86'400);
  EXPECT_NE(added->secret, created->secret);
  EXPECT_EQ(apps_->CheckSecret(id, created->secret), SecretCheck::kValid);
  EXPECT_EQ(apps_->CheckSecret(id, added->secret), SecretCheck::kValid);
  auto app = apps_->Get(id);
  ASSERT_EQ(app->secrets.size(), 2u);
  EXPECT_EQ(app->secrets[1].key_id, added->credential.key_id);

  ASSERT_TRUE(apps_->RemoveSecret(id, created->app.secrets[0].key_id).has_value());
  EXPECT_EQ(apps_->CheckSecret(id, created->secret), SecretCheck::kWrong);
  EXPECT_EQ(apps_->RemoveSecret(id, created->app.secrets[0].key_id).error().message,
            fmt::format("App '{}' has no client secret with the key id '{}'.", id,
                        created->app.secrets[0].key_id));

  clock_.Advance(30 * 86'400);
  EXPECT_EQ(apps_->CheckSecret(id, added->secret), SecretCheck::kExpired);

  EXPECT_EQ(apps_->AddSecret(id, "", 0).error().message,
            "A client secret is valid for 1 to 730 days.");
  EXPECT_EQ(apps_->AddSecret(id, "", 731).error().code, "InvalidSecretLifetime");
  EXPECT_EQ(apps_->AddSecret(id, std::string(121, 'x'), 30).error().code, "InvalidDisplayName");
  EXPECT_EQ(apps_->AddSecret("00000000-0000-4000-8000-000000000000", "", 30).error().code,
            "AppNotFound");
}

TEST_F(AppRegistryTest, GrantsKnownPermissionsInGraphsSpelling) {
  auto created = apps_->Add("Provisioning");
  ASSERT_TRUE(created.has_value());
  const std::string id = created->app.client_id;
  auto granted = apps_->Grant(id, {"user.readwrite.all", "Group.Read.All", "User.ReadWrite.All"});
  ASSERT_TRUE(granted.has_value());
  EXPECT_THAT(granted->permissions, ElementsAre("Group.Read.All", "User.ReadWrite.All"));

  auto unknown = apps_->Grant(id, {"Directory.Read.All", "Mail.Send"});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, "UnknownPermission");
  EXPECT_THAT(unknown.error().message,
              ::testing::StartsWith("'Mail.Send' is not a Microsoft Graph"));
  EXPECT_THAT(apps_->Get(id)->permissions, ElementsAre("Group.Read.All", "User.ReadWrite.All"))
      << "nothing granted";
}

TEST_F(AppRegistryTest, ListsAndRemoves) {
  auto first = apps_->Add("First");
  clock_.Advance(1);
  auto second = apps_->Add("Second");
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(apps_->Grant(first->app.client_id, {"User.Read.All"}).has_value());
  auto list = apps_->List();
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].display_name, "First");
  EXPECT_EQ((*list)[1].display_name, "Second");

  ASSERT_TRUE(apps_->Remove(first->app.client_id).has_value());
  EXPECT_EQ(apps_->Get(first->app.client_id).error().code, "AppNotFound");
  EXPECT_EQ(apps_->Remove(first->app.client_id).error().code, "AppNotFound");
  EXPECT_EQ(CountRows("app_permissions"), 0);
  EXPECT_EQ(CountRows("app_secrets"), 1);
  EXPECT_EQ(apps_->List()->size(), 1u);
}

TEST_F(AppRegistryTest, RefusesEmptyNames) {
  EXPECT_EQ(apps_->Add("").error().code, "InvalidDisplayName");
}

}  // namespace
}  // namespace admin365::server
