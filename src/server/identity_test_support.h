#pragma once

// Test-only support for the server's identity tests: IdentityTest, an embedded tenant (the
// engine's LocalDirectoryTest) with an app registration "Provisioning" granted
// Permissions(), a token-signing key and a TokenService over them; and S(), a JSON value
// as text for comparisons.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine_test_support.h"
#include "server/app_registry.h"
#include "server/key_store.h"
#include "server/token_service.h"

namespace admin365::server {

// A JSON value as text: strings unquoted, others serialized.
inline std::string S(const boost::json::value& value) {
  return value.is_string() ? std::string(value.get_string()) : boost::json::serialize(value);
}

class IdentityTest : public engine_test::LocalDirectoryTest {
 protected:
  // The application permissions the "Provisioning" app is granted.
  virtual std::vector<std::string> Permissions() const = 0;

  void SetUp() override {
    LocalDirectoryTest::SetUp();
    auto apps = AppRegistry::Open(data_dir_, clock_, random_);
    ASSERT_TRUE(apps.has_value());
    apps_ = std::move(*apps);
    auto keys = KeyStore::LoadOrCreate(data_dir_ / "token-signing-key.pem");
    ASSERT_TRUE(keys.has_value());
    keys_ = std::move(*keys);
    auto app = apps_->Add("Provisioning");
    ASSERT_TRUE(app.has_value());
    client_id_ = app->app.client_id;
    secret_ = app->secret;
    ASSERT_TRUE(apps_->Grant(client_id_, Permissions()).has_value());
    tenant_id_ = directory_->GetTenant()->id;
    tokens_ = std::make_unique<TokenService>(*directory_, *apps_, *keys_, clock_);
  }

  void TearDown() override {
    tokens_.reset();
    apps_.reset();
    LocalDirectoryTest::TearDown();
  }

  std::unique_ptr<AppRegistry> apps_;
  std::unique_ptr<KeyStore> keys_;
  std::unique_ptr<TokenService> tokens_;
  std::string client_id_, secret_, tenant_id_;
};

}  // namespace admin365::server
