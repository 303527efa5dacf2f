#include "server/throttle_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace admin365::server {

namespace {

Error Invalid(const std::filesystem::path& path, std::string_view why) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "InvalidThrottleConfig",
               .message = fmt::format("{}: {}", path.string(), why)};
}

}  // namespace

Result<ThrottleLimits> LoadThrottleLimits(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Fail(Invalid(path, "cannot be read"));
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  const boost::json::value config = boost::json::parse(text.str(), ec);
  if (ec || !config.is_object()) return Fail(Invalid(path, "not a JSON object"));

  ThrottleLimits limits;
  const std::pair<std::string_view, std::int64_t*> fields[] = {
      {"smallUnits", &limits.small_units},
      {"mediumUnits", &limits.medium_units},
      {"largeUnits", &limits.large_units},
      {"unitWindowSeconds", &limits.unit_window},
      {"appWrites", &limits.app_writes},
      {"appWriteWindowSeconds", &limits.app_write_window},
      {"tenantWrites", &limits.tenant_writes},
      {"tenantWriteWindowSeconds", &limits.tenant_write_window},
  };
  for (const auto& [key, value] : config.get_object()) {
    auto field = std::find_if(std::begin(fields), std::end(fields),
                              [&](const auto& each) { return each.first == key; });
    if (field == std::end(fields)) {
      return Fail(Invalid(path, fmt::format("unknown key \"{}\"", std::string_view(key))));
    }
    if (!value.is_int64() || value.get_int64() < 1) {
      return Fail(
          Invalid(path, fmt::format("\"{}\" must be a positive integer", std::string_view(key))));
    }
    *field->second = value.get_int64();
  }
  return limits;
}

}  // namespace admin365::server
