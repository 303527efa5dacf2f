#include "server/app_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  EXPECT_EQ(created->app.secret_hint, created->secret.substr(0, 3));
  EXPECT_EQ(created->app.created_date_time, kStart);
  const auto stored = QueryText("SELECT secret_hash FROM app_registrations");
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(PasswordHasher::IsArgon2id(*stored));
  EXPECT_EQ(stored->find(created->secret), std::string::npos);

  EXPECT_EQ(apps_->CheckSecret(created->app.client_id, created->secret), true);
  EXPECT_EQ(apps_->CheckSecret(created->app.client_id, "wrong"), false);
  EXPECT_EQ(apps_->CheckSecret("00000000-0000-4000-8000-000000000000", "x").error().code,
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
  EXPECT_EQ(apps_->List()->size(), 1u);
}

TEST_F(AppRegistryTest, RefusesEmptyNames) {
  EXPECT_EQ(apps_->Add("").error().code, "InvalidDisplayName");
}

}  // namespace
}  // namespace admin365::server
