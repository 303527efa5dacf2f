#include "graph/connections.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>

namespace admin365::graph {
namespace {

class ConnectionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/admin365-connections-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static TenantConnection Contoso() {
    return TenantConnection{.name = "contoso",
                            .tenant = "contoso.com",
                            .tenant_id = "9b2f0c1e-0000-4000-8000-000000000001",
                            .client_id = "0b8f6c1a-0000-4000-8000-00000000a11e",
                            .client_secret = "s3cret~value",
                            .cloud = "global",
                            .authority_host = "https://login.microsoftonline.com",
                            .graph_endpoint = "https://graph.microsoft.com",
                            .granted = {"User.ReadWrite.All"},
                            .connected_at = 1'800'000'000};
  }

  std::filesystem::path dir_;
};

TEST_F(ConnectionStoreTest, SavesReadsReplacesAndRemoves) {
  ConnectionStore store(dir_);
  EXPECT_TRUE(store.List()->empty());
  ASSERT_TRUE(store.Save(Contoso()).has_value());
  TenantConnection fabrikam = Contoso();
  fabrikam.name = "fabrikam";
  fabrikam.ca_file = "/etc/corp-ca.pem";
  ASSERT_TRUE(store.Save(fabrikam).has_value());

  auto read = ConnectionStore(dir_).Get("CONTOSO");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->client_secret, "s3cret~value");
  EXPECT_EQ(read->granted, std::vector<std::string>{"User.ReadWrite.All"});
  EXPECT_EQ(read->connected_at, 1'800'000'000);
  EXPECT_EQ(store.Get("fabrikam")->ca_file, "/etc/corp-ca.pem");

  TenantConnection again = Contoso();
  again.client_secret = "rotated";
  ASSERT_TRUE(store.Save(again).has_value());
  ASSERT_EQ(store.List()->size(), 2u);
  EXPECT_EQ(store.Get("contoso")->client_secret, "rotated");

  struct stat info {};
  ASSERT_EQ(::stat((dir_ / "connections.json").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);

  ASSERT_TRUE(store.Remove("contoso").has_value());
  auto gone = store.Get("contoso");
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().message, "No tenant is connected as 'contoso'; the connections are: "
                                  "fabrikam.");
  EXPECT_EQ(store.Remove("contoso").error().code, "Tenant_ConnectionNotFound");
}

TEST_F(ConnectionStoreTest, TheCurrentTenantIsAConnectionOrTheEmbeddedOne) {
  ConnectionStore store(dir_);
  EXPECT_EQ(store.Current().value(), "");
  ASSERT_TRUE(store.Save(Contoso()).has_value());
  ASSERT_TRUE(store.Use("Contoso").has_value());
  EXPECT_EQ(ConnectionStore(dir_).Current().value(), "contoso");
  EXPECT_EQ(store.Use("fabrikam").error().message,
            "No tenant is connected as 'fabrikam'; the connections are: contoso.");
  EXPECT_EQ(store.Current().value(), "contoso");
  ASSERT_TRUE(store.Use("embedded").has_value());
  EXPECT_EQ(store.Current().value(), "");
  ASSERT_TRUE(store.Use("contoso").has_value());
  ASSERT_TRUE(store.Remove("contoso").has_value());
  EXPECT_EQ(store.Current().value(), "");
}

TEST_F(ConnectionStoreTest, ADamagedFileIsAnErrorNotAnEmptyList) {
  std::ofstream(dir_ / "connections.json") << "{not json";
  auto list = ConnectionStore(dir_).List();
  ASSERT_FALSE(list.has_value());
  EXPECT_EQ(list.error().message, (dir_ / "connections.json").string() +
                                      " is damaged: it is not the JSON admin365 wrote");
}

TEST(ConnectionNameTest, NamesAreShortWordsAndNeverEmbedded) {
  EXPECT_TRUE(IsValidConnectionName("contoso-prod_2.eu"));
  EXPECT_FALSE(IsValidConnectionName(""));
  EXPECT_FALSE(IsValidConnectionName("Embedded"));
  EXPECT_FALSE(IsValidConnectionName("two words"));
  EXPECT_FALSE(IsValidConnectionName(std::string(65, 'a')));
}

}  // namespace
}  // namespace admin365::graph
