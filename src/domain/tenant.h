#pragma once

// Tenant and Domain: the organisation an embedded directory serves and the DNS domains
// its users' UPNs may use (Graph's organization and domain resources, §3.8).

#include <string>

#include "common/clock.h"

namespace admin365 {

struct Tenant {
  std::string id;              // the tenant GUID
  std::string display_name;    // the organisation's name
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

// The directory object quota (Graph's organization.directorySizeQuota): the objects the
// tenant holds (users and groups, the recycle bin's too) and the most it may hold.
// Entra's total is 50,000, or 300,000 once a custom domain is verified, unless Microsoft
// Support raised it (entra-graph-facts.md §4.3).
struct DirectorySizeQuota {
  long long used = 0;
  long long total = 0;

  friend bool operator==(const DirectorySizeQuota&, const DirectorySizeQuota&) = default;
};

inline constexpr long long kDefaultObjectQuota = 50'000;
inline constexpr long long kVerifiedDomainObjectQuota = 300'000;
// The most an operator may raise the embedded tenant's quota to.
inline constexpr long long kMaxObjectQuota = 10'000'000;

}  // namespace admin365
