#pragma once

// Throttle: Microsoft Graph's identity-and-access throttling (entra-graph-facts.md §4.2)
// played locally, so clients can rehearse their 429 handling. Off unless `serve
// --throttle`.
//
// Token buckets, refilled continuously (per whole second of the Clock) at limit/window:
//   resource units   per app+tenant: S 3,500 / M 5,000 / L 8,000 per 10 s (tenant size:
//                    under 50 users, 50-500, over 500)
//   writes           per app+tenant: 3,000 per 150 s; per tenant (all apps): 18,000 per 300 s
// A request is admitted when every bucket it draws on holds its cost; then all are
// charged. A refused request is answered 429 with Retry-After (the seconds until the
// bucket that refused holds the cost again) and is still charged its resource units, down
// to an empty bucket ("throttled requests still count against usage"), but no writes.
//
//   Throttle throttle(clock);
//   ThrottleDecision d = throttle.Admit("app-id", "tenant-id", TenantSizeFor(users),
//                                       CostOf("GET", "/users", "$top=5"));
//
// Thread-safe.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace admin365::server {

enum class TenantSize { kSmall, kMedium, kLarge };

TenantSize TenantSizeFor(long long user_count);

struct RequestCost {
  int resource_units = 1;
  int writes = 0;

  friend bool operator==(const RequestCost&, const RequestCost&) = default;
};

// The cost of one Graph call: `path` after the version ("/users/{id}/memberOf"), `query`
// the raw query string. Base costs from §4.2's table; $select -1, $expand +1, $top below
// 20 -1, never below 1. POST/PATCH/PUT/DELETE also cost one write, except the listed
// POST queries (checkMemberGroups, getByIds, ...).
RequestCost CostOf(std::string_view method, std::string_view path, std::string_view query);

struct ThrottleLimits {
  std::int64_t small_units = 3500;
  std::int64_t medium_units = 5000;
  std::int64_t large_units = 8000;
  std::int64_t unit_window = 10;
  std::int64_t app_writes = 3000;
  std::int64_t app_write_window = 150;
  std::int64_t tenant_writes = 18000;
  std::int64_t tenant_write_window = 300;
};

struct ThrottleDecision {
  bool admitted = true;
  int resource_units = 0;  // x-ms-resource-unit
  // x-ms-throttle-limit-percentage: the fullest bucket's use, when at least 0.8 (0.8-1.8).
  std::optional<double> limit_percentage;
  // On a refusal:
  UnixSeconds retry_after = 0;
  std::string scope;        // x-ms-throttle-scope: "Tenant_Application/ReadWrite/{app}/{tenant}"
  std::string information;  // x-ms-throttle-information: "ResourceUnitLimitExceeded", ...
};

class Throttle {
 public:
  explicit Throttle(const Clock& clock, ThrottleLimits limits = {})
      : clock_(clock), limits_(limits) {}

  ThrottleDecision Admit(const std::string& app_id, const std::string& tenant_id, TenantSize size,
                         RequestCost cost);

 private:
  struct Bucket {
    long long tokens = 0;
    UnixSeconds updated = 0;
    bool started = false;
  };
  // Refills `bucket` (of `capacity`, refilled over `window`) up to now.
  void Refill(Bucket& bucket, long long capacity, UnixSeconds window, UnixSeconds now) const;

  const Clock& clock_;
  const ThrottleLimits limits_;
  std::mutex mutex_;
  std::map<std::string, Bucket> unit_buckets_;       // by app/tenant
  std::map<std::string, Bucket> app_write_buckets_;  // by app/tenant
  std::map<std::string, Bucket> tenant_write_buckets_;
};

}  // namespace admin365::server
