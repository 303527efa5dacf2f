#pragma once

// The throttling simulator's limits from a JSON file (`serve --throttle-config FILE`), for
// rehearsing 429s without sending thousands of requests first. Every key is optional and
// defaults to Graph's value (server/throttle.h):
//
//   {"smallUnits": 3500, "mediumUnits": 5000, "largeUnits": 8000, "unitWindowSeconds": 10,
//    "appWrites": 3000, "appWriteWindowSeconds": 150,
//    "tenantWrites": 18000, "tenantWriteWindowSeconds": 300}

#include <filesystem>

#include "common/result.h"
#include "server/throttle.h"

namespace admin365::server {

// Errors: InvalidArgument (InvalidThrottleConfig) if the file cannot be read, is not a
// JSON object, has an unknown key or a value that is not a positive integer.
Result<ThrottleLimits> LoadThrottleLimits(const std::filesystem::path& path);

}  // namespace admin365::server
