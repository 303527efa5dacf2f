#include "fuzz/fuzz_tenant.h"

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "common/clock.h"
#include "common/random.h"
#include "engine/local_directory.h"
#include "server/app_registry.h"
#include "server/graph/graph_api.h"
#include "server/key_store.h"
#include "server/permissions.h"
#include "server/token_service.h"

namespace admin365::fuzz {

namespace {

template <typename T>
T Must(Result<T> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "fuzz tenant: %s: %s\n", what, result.error().message.c_str());
    std::abort();
  }
  return std::move(*result);
}

std::filesystem::path TemporaryDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "admin365-fuzz-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) std::abort();
  return pattern;
}

}  // namespace

struct FuzzTenant::Parts {
  std::filesystem::path data_directory = TemporaryDirectory();
  SystemClock clock;
  CryptoRandom random;
  std::unique_ptr<LocalDirectory> directory;
  std::unique_ptr<server::AppRegistry> apps;
  std::unique_ptr<server::KeyStore> keys;
  std::unique_ptr<server::GraphApi> graph;
  std::unique_ptr<server::TokenService> tokens;
  std::unique_ptr<server::Router> router;

  ~Parts() {
    router.reset();
    tokens.reset();
    graph.reset();
    apps.reset();
    directory.reset();
    std::error_code ignored;
    std::filesystem::remove_all(data_directory, ignored);
  }
};

FuzzTenant& FuzzTenant::Get() {
  static FuzzTenant* tenant = [] {
    static FuzzTenant built;  // destroyed at exit, which removes its directory
    return &built;
  }();
  return *tenant;
}

FuzzTenant::FuzzTenant() : parts_(std::make_unique<Parts>()) {
  if (!InitCrypto()) std::abort();
  Parts& p = *parts_;
  p.directory = Must(LocalDirectory::Open({.data_directory = p.data_directory,
                                           .clock = &p.clock,
                                           .random = &p.random}),
                     "open the directory");
  const Actor actor{.name = "fuzz"};
  Must(p.directory->InitializeTenant(actor, "Contoso", "contoso"), "initialise the tenant");
  NewUser adele;
  adele.properties = {{"userPrincipalName", std::string("adele@contoso.onmicrosoft.com")},
                      {"displayName", std::string("Adele Vance")},
                      {"mailNickname", std::string("adele")},
                      {"accountEnabled", true}};
  adele.password_profile = PasswordProfile{.password = "Correct-Horse-7-Battery"};
  user_id_ = Must(p.directory->CreateUser(actor, adele, /*generate_password=*/false), "create a user").user.id;
  p.apps = Must(server::AppRegistry::Open(p.data_directory, p.clock, p.random), "open apps");
  p.keys = Must(server::KeyStore::LoadOrCreate(p.data_directory / "token-signing-key.pem"),
                "create the signing key");
  const server::NewApp app = Must(p.apps->Add("Fuzz"), "register the app");
  std::vector<std::string> permissions;
  for (std::string_view permission : server::KnownGraphPermissions()) {
    permissions.emplace_back(permission);
  }
  Must(p.apps->Grant(app.app.client_id, permissions), "grant the app");
  p.graph = std::make_unique<server::GraphApi>(*p.directory, p.clock);
  p.tokens = std::make_unique<server::TokenService>(*p.directory, *p.apps, *p.keys, p.clock);
  p.router = std::make_unique<server::Router>(
      server::RouterOptions{}, *p.directory, *p.tokens, *p.keys,
      [graph = p.graph.get()](const server::GraphRequest& request) {
        return graph->Handle(request);
      },
      p.clock, p.random);
  const server::HttpResponse token = Handle(
      {.method = "POST",
       .target = "/contoso.onmicrosoft.com/oauth2/v2.0/token",
       .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
       .body = "grant_type=client_credentials&client_id=" + app.app.client_id +
               "&client_secret=" + app.secret +
               "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"});
  if (token.status != 200) {
    std::fprintf(stderr, "fuzz tenant: no app token: %s\n", token.body.c_str());
    std::abort();
  }
  bearer_ = "Bearer " + std::string(boost::json::parse(token.body).at("access_token").as_string());
}

server::HttpResponse FuzzTenant::Handle(const server::HttpRequest& request) {
  return parts_->router->Handle(request);
}

server::HeaderList FuzzTenant::AppHeaders() const {
  return {{"Authorization", bearer_}, {"Content-Type", "application/json"}};
}

}  // namespace admin365::fuzz
