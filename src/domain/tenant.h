#pragma once

// Tenant and Domain: the organisation an embedded directory serves and the DNS domains
// its users' UPNs may use (Graph's organization and domain resources, §3.8).

#include <string>

#include "common/clock.h"

namespace admin365 {

struct Tenant {
  std::string id;            // the tenant GUID
  std::string display_name;  // the organisation's name
  std::string initial_domain;  // "<name>.onmicrosoft.com"
  UnixSeconds created_date_time = 0;

  friend bool operator==(const Tenant&, const Tenant&) = default;
};

struct Domain {
  std::string id;  // the domain name, lower case
  std::string authentication_type = "Managed";
  bool is_default = false;
  bool is_initial = false;
  bool is_verified = false;
  UnixSeconds created_date_time = 0;

  friend bool operator==(const Domain&, const Domain&) = default;
};

}  // namespace admin365
