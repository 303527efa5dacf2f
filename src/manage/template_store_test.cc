#include "manage/template_store.h"

#include "manage/template_test_support.h"

namespace admin365::manage {
namespace {

using ::testing::ElementsAre;

class TemplateStoreTest : public engine_test::LocalDirectoryTest {
 protected:
  void SetUp() override {
    LocalDirectoryTest::SetUp();
    auto store = TemplateStore::Open(data_dir_ / "tenant.db", &clock_);
    ASSERT_TRUE(store.has_value()) << store.error().message;
    store_ = std::move(*store);
  }

  StoredTemplate Save(const Template& definition) {
    auto saved = store_->Save(engine_test::kActor, definition);
    EXPECT_TRUE(saved.has_value()) << saved.error().message;
    return saved ? *saved : StoredTemplate{};
  }

  std::unique_ptr<TemplateStore> store_;
};

TEST_F(TemplateStoreTest, EachSaveMakesANewVersion) {
  Template sales{.name = "Sales", .description = "first"};
  const StoredTemplate first = Save(sales);
  EXPECT_EQ(first.definition.version, 1);
  EXPECT_EQ(first.saved_at, engine_test::kStart);
  EXPECT_EQ(first.saved_by, "test:alice");
  clock_.Advance(60);
  sales.description = "second";
  sales.version = 7;  // ignored
  EXPECT_EQ(Save(sales).definition.version, 2);

  auto latest = store_->Find("sales");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->definition.version, 2);
  EXPECT_EQ(latest->definition.description, "second");
  EXPECT_EQ(latest->saved_at, engine_test::kStart + 60);
  auto old = store_->Find("Sales", 1);
  ASSERT_TRUE(old.has_value());
  EXPECT_EQ(old->definition.description, "first");
  EXPECT_EQ(old->definition, (Template{.name = "Sales", .version = 1, .description = "first"}));
}

TEST_F(TemplateStoreTest, ListsTheLatestVersionOfEachByName) {
  Save(Template{.name = "Sales"});
  Save(Template{.name = "Engineering"});
  Save(Template{.name = "SALES", .description = "renamed"});
  auto listed = store_->List();
  ASSERT_TRUE(listed.has_value());
  std::vector<std::string> rows;
  for (const StoredTemplate& stored : *listed) {
    rows.push_back(stored.definition.name + " v" + std::to_string(stored.definition.version));
  }
  EXPECT_THAT(rows, ElementsAre("Engineering v1", "SALES v2"));
}

TEST_F(TemplateStoreTest, MissingTemplatesAndVersions) {
  Save(Template{.name = "Sales"});
  auto missing = store_->Find("Marketing");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message, "No template is named \"Marketing\".");
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store_->Find("Sales", 4).error().message, "Template \"Sales\" has no version 4.");
  EXPECT_EQ(store_->Remove("Marketing").error().code, "Template_NotFound");
}

TEST_F(TemplateStoreTest, RemovedTemplatesKeepTheirVersionNumbers) {
  Save(Template{.name = "Sales"});
  Save(Template{.name = "Sales"});
  EXPECT_EQ(store_->Remove("Sales").value_or(0), 2);
  EXPECT_FALSE(store_->Find("Sales").has_value());
  EXPECT_FALSE(store_->Find("Sales", 1).has_value());
  EXPECT_TRUE(store_->List()->empty());
  EXPECT_EQ(Save(Template{.name = "Sales"}).definition.version, 3);
}

TEST_F(TemplateStoreTest, SurvivesReopening) {
  Save(Template{.name = "Sales", .domain = "contoso.com"});
  store_.reset();
  Reopen();
  auto store = TemplateStore::Open(data_dir_ / "tenant.db", &clock_);
  ASSERT_TRUE(store.has_value());
  EXPECT_EQ((*store)->Find("Sales")->definition.domain, "contoso.com");
}

}  // namespace
}  // namespace admin365::manage
