#pragma once

// FuzzTenant: the server as `admin365 serve` assembles it, for the fuzz targets that go
// through HTTP requests: an embedded tenant "Contoso" (contoso.onmicrosoft.com) in a
// temporary directory removed at exit, one user, an app granted every permission a route
// honours, a token-signing key, the token service, the Graph facade and the router with
// throttling off. Built once per fuzzing process, on first use.
//
//   FuzzTenant& tenant = FuzzTenant::Get();
//   tenant.Handle({.method = "POST", .target = "/v1.0/$batch",
//                  .headers = tenant.AppHeaders(), .body = input});

#include <memory>
#include <string>

#include "server/router.h"

namespace admin365::fuzz {

class FuzzTenant {
 public:
  static FuzzTenant& Get();

  server::HttpResponse Handle(const server::HttpRequest& request);

  // Authorization (the app's bearer token) and Content-Type: application/json.
  server::HeaderList AppHeaders() const;
  // The object id of the tenant's user adele@contoso.onmicrosoft.com.
  const std::string& user_id() const { return user_id_; }

 private:
  FuzzTenant();
  struct Parts;
  std::unique_ptr<Parts> parts_;
  std::string bearer_;
  std::string user_id_;
};

}  // namespace admin365::fuzz
