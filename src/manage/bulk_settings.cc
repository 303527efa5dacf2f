#include "manage/bulk_settings.h"

#include <boost/json.hpp>
#include <fmt/format.h>

namespace admin365::manage {

namespace json = boost::json;

std::string BulkSettings::ToJson() const {
  json::array pairs;
  for (const auto& [field, value] : defaults) pairs.push_back(json::array{field, value});
  return json::serialize(json::object{{"action", action},
                                      {"defaults", std::move(pairs)},
                                      {"threads", threads},
                                      {"results", results_path.string()},
                                      {"passwords", passwords_path.string()}});
}

Result<BulkSettings> BulkSettings::FromJson(std::string_view text) {
  try {
    const json::object object = json::parse(text).as_object();
    BulkSettings settings{.action = std::string(object.at("action").as_string()),
                          .threads = static_cast<int>(object.at("threads").as_int64()),
                          .results_path = std::string(object.at("results").as_string()),
                          .passwords_path = std::string(object.at("passwords").as_string())};
    for (const json::value& pair : object.at("defaults").as_array()) {
      settings.defaults.emplace_back(pair.at(0).as_string(), pair.at(1).as_string());
    }
    return settings;
  } catch (const std::exception& e) {
    return Fail(Error::Internal(fmt::format("a bulk job's stored settings are unreadable: {}",
                                            e.what())));
  }
}

}  // namespace admin365::manage
