#pragma once

// AccessLog: one line per HTTP request, to a stream (the server's stderr):
//
//   2026-11-23T04:18:06Z 127.0.0.1 GET /v1.0/users 200 1.84ms request-id=4f5c...
//   2026-11-23T04:18:07Z 10.0.0.9 - refused: 1024 connections from this address
//
// Only the path is logged, never the query string (it may carry a $filter on personal
// data or a secret), headers (Authorization) or bodies (passwords, client secrets).
//
// Thread-safe: each line is written whole.

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace admin365::server {

struct AccessLogEntry {
  std::string remote_address;
  std::string method;
  std::string target;  // as received; the query is cut off here
  int status = 0;
  double duration_ms = 0;
  std::string request_id;
};

// "/v1.0/users?$filter=..." -> "/v1.0/users"
std::string_view PathOf(std::string_view target);

class AccessLog {
 public:
  AccessLog(std::FILE* out, const Clock& clock) : out_(out), clock_(clock) {}

  void Record(const AccessLogEntry& entry);
  // A connection closed unserved: "<time> <address> - refused: <reason>".
  void RecordRefusal(std::string_view remote_address, std::string_view reason);

 private:
  void Write(const std::string& line);

  std::mutex mutex_;
  std::FILE* out_;
  const Clock& clock_;
};

}  // namespace admin365::server
