#include "server/throttle.h"

#include <algorithm>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>
#include <cmath>
#include <vector>

#include "common/ascii.h"

namespace admin365::server {

namespace {

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (end > start) out.push_back(AsciiLower(path.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

// The base resource units of a GET, from the table in §4.2; "me/x" and "users/{id}/x"
// cost the same.
int GetUnits(const std::vector<std::string>& s) {
  const std::size_t n = s.size();
  if (n == 1 && (s[0] == "users" || s[0] == "applications" || s[0] == "oauth2permissiongrants")) {
    return 2;
  }
  if (n == 1 && (s[0] == "subscribedskus" || s[0] == "contracts")) return 3;
  if (n == 3 && s[0] == "groups" && s[2] == "members") return 3;
  if (n == 3 && s[0] == "groups" && s[2] == "transitivemembers") return 5;
  if (n == 3 && s[0] == "domains" && s[2] == "domainnamereferences") return 4;
  if (n == 3 && s[0] == "serviceprincipals" && s[2] == "approleassignments") return 2;
  const bool on_user = (n == 2 && s[0] == "me") || (n == 3 && s[0] == "users");
  if (on_user && (s[n - 1] == "licensedetails" || s[n - 1] == "memberof" ||
                  s[n - 1] == "ownedobjects" || s[n - 1] == "transitivememberof")) {
    return 2;
  }
  return 1;
}

// The base resource units of a POST that only reads, or 0 for a write.
int PostQueryUnits(const std::vector<std::string>& s) {
  if (s.empty()) return 0;
  const std::string& last = s.back();
  if (last == "checkmembergroups" || last == "checkmemberobjects" || last == "ismemberof") {
    return 4;
  }
  if (last == "getmembergroups" || last == "getmemberobjects") return 2;
  if (s.size() == 2 && s[0] == "directoryobjects" &&
      (last == "getbyids" || last == "getobjectsbyid")) {
    return 3;
  }
  return 0;
}

long long Capacity(const ThrottleLimits& limits, TenantSize size) {
  switch (size) {
    case TenantSize::kSmall:
      return limits.small_units;
    case TenantSize::kMedium:
      return limits.medium_units;
    case TenantSize::kLarge:
      return limits.large_units;
  }
  return limits.small_units;
}

// Seconds until a bucket holding `tokens` of `capacity` (refilled over `window`) holds `cost`.
UnixSeconds SecondsUntil(long long tokens, long long cost, long long capacity, UnixSeconds window) {
  const long long missing = cost - tokens;
  return std::max<UnixSeconds>(1, (missing * window + capacity - 1) / capacity);
}

double Fraction(long long used, long long capacity) {
  return std::min(
      1.8, std::floor(10.0 * static_cast<double>(used) / static_cast<double>(capacity)) / 10.0);
}

}  // namespace

TenantSize TenantSizeFor(long long user_count) {
  if (user_count < 50) return TenantSize::kSmall;
  if (user_count <= 500) return TenantSize::kMedium;
  return TenantSize::kLarge;
}

RequestCost CostOf(std::string_view method, std::string_view path, std::string_view query) {
  const std::vector<std::string> segments = Segments(path);
  RequestCost cost;
  if (method == "GET") {
    cost.resource_units = GetUnits(segments);
  } else if (method == "POST" && PostQueryUnits(segments) > 0) {
    cost.resource_units = PostQueryUnits(segments);
  } else {
    cost.resource_units = 1;
    cost.writes = 1;
  }
  // Boost.URL 1.81 takes its own string_view (a std::string_view would go through strlen)
  // and needs a non-null pointer even when empty.
  auto params = boost::urls::parse_query(
      query.empty() ? boost::urls::string_view("")
                    : boost::urls::string_view(query.data(), query.size()));
  if (params) {
    for (const boost::urls::param& param : boost::urls::params_view(*params)) {
      if (param.key == "$select") cost.resource_units -= 1;
      if (param.key == "$expand") cost.resource_units += 1;
      if (param.key == "$top" && !param.value.empty() && param.value.size() < 3 &&
          std::all_of(param.value.begin(), param.value.end(),
                      [](char c) { return c >= '0' && c <= '9'; }) &&
          std::stoi(param.value) < 20) {
        cost.resource_units -= 1;
      }
    }
  }
  cost.resource_units = std::max(cost.resource_units, 1);
  return cost;
}

void Throttle::Refill(Bucket& bucket, long long capacity, UnixSeconds window,
                      UnixSeconds now) const {
  if (!bucket.started) {
    bucket = Bucket{.tokens = capacity, .updated = now, .started = true};
    return;
  }
  if (now <= bucket.updated) return;
  const long long gained = (now - bucket.updated) * capacity / window;
  if (bucket.tokens + gained >= capacity) {
    bucket.tokens = capacity;
    bucket.updated = now;
    return;
  }
  // Only the time turned into whole tokens is spent: with fewer tokens than seconds in the
  // window, the remainder carries over to the next call instead of being lost.
  bucket.tokens += gained;
  bucket.updated += gained * window / capacity;
}

ThrottleDecision Throttle::Admit(const std::string& app_id, const std::string& tenant_id,
                                 TenantSize size, RequestCost cost) {
  const UnixSeconds now = clock_.Now();
  const std::string key = app_id + "/" + tenant_id;
  const long long unit_capacity = Capacity(limits_, size);

  std::lock_guard lock(mutex_);
  Bucket& units = unit_buckets_[key];
  Bucket& app_writes = app_write_buckets_[key];
  Bucket& tenant_writes = tenant_write_buckets_[tenant_id];
  Refill(units, unit_capacity, limits_.unit_window, now);
  Refill(app_writes, limits_.app_writes, limits_.app_write_window, now);
  Refill(tenant_writes, limits_.tenant_writes, limits_.tenant_write_window, now);

  ThrottleDecision decision{.resource_units = cost.resource_units};
  if (units.tokens < cost.resource_units) {
    decision.admitted = false;
    decision.retry_after =
        SecondsUntil(units.tokens, cost.resource_units, unit_capacity, limits_.unit_window);
    decision.scope = "Tenant_Application/ReadWrite/" + key;
    decision.information = "ResourceUnitLimitExceeded";
    decision.limit_percentage =
        Fraction(unit_capacity - units.tokens + cost.resource_units, unit_capacity);
  } else if (cost.writes > 0 && app_writes.tokens < cost.writes) {
    decision.admitted = false;
    decision.retry_after =
        SecondsUntil(app_writes.tokens, cost.writes, limits_.app_writes, limits_.app_write_window);
    decision.scope = "Tenant_Application/Write/" + key;
    decision.information = "WriteLimitExceeded";
    decision.limit_percentage =
        Fraction(limits_.app_writes - app_writes.tokens + cost.writes, limits_.app_writes);
  } else if (cost.writes > 0 && tenant_writes.tokens < cost.writes) {
    decision.admitted = false;
    decision.retry_after = SecondsUntil(tenant_writes.tokens, cost.writes, limits_.tenant_writes,
                                        limits_.tenant_write_window);
    decision.scope = "Tenant/Write/" + key;
    decision.information = "WriteLimitExceeded";
    decision.limit_percentage =
        Fraction(limits_.tenant_writes - tenant_writes.tokens + cost.writes, limits_.tenant_writes);
  }
  if (!decision.admitted) {
    units.tokens = std::max(0LL, units.tokens - cost.resource_units);
    return decision;
  }
  units.tokens -= cost.resource_units;
  app_writes.tokens -= cost.writes;
  tenant_writes.tokens -= cost.writes;
  const double used =
      std::max({Fraction(unit_capacity - units.tokens, unit_capacity),
                Fraction(limits_.app_writes - app_writes.tokens, limits_.app_writes),
                Fraction(limits_.tenant_writes - tenant_writes.tokens, limits_.tenant_writes)});
  if (used >= 0.8) decision.limit_percentage = used;
  return decision;
}

}  // namespace admin365::server
