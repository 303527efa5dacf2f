#pragma once

// Test-only helpers for src/domain tests: printers for Error/Result, matchers that compare
// every Error field, and the expected Graph errors spelled out literally (so a test does
// not trust graph_errors.cc to tell it what the right answer is).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace admin365 {

inline const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument:
      return "kInvalidArgument";
    case ErrorKind::kNotFound:
      return "kNotFound";
    case ErrorKind::kConflict:
      return "kConflict";
    case ErrorKind::kFailedPrecondition:
      return "kFailedPrecondition";
    case ErrorKind::kPermissionDenied:
      return "kPermissionDenied";
    case ErrorKind::kUnauthenticated:
      return "kUnauthenticated";
    case ErrorKind::kUnavailable:
      return "kUnavailable";
    case ErrorKind::kInternal:
      return "kInternal";
  }
  return "?";
}

inline void PrintTo(ErrorKind kind, std::ostream* os) { *os << ErrorKindName(kind); }

inline void PrintTo(const Error& error, std::ostream* os) {
  *os << "Error{kind=" << ErrorKindName(error.kind) << ", http_status=" << error.http_status
      << ", code=\"" << error.code << "\", message=\"" << error.message << "\", target=\""
      << error.target << "\", details=[";
  for (const ErrorDetail& detail : error.details) {
    *os << "{code=\"" << detail.code << "\", target=\"" << detail.target << "\", message=\""
        << detail.message << "\"}";
  }
  *os << "]}";
}

template <class T>
void PrintTo(const Result<T>& result, std::ostream* os) {
  if (result.has_value()) {
    *os << "(success)";
  } else {
    PrintTo(result.error(), os);
  }
}

namespace testing_internal {

// Explains every differing field; returns true when all fields are equal.
inline bool CompareErrors(const Error& actual, const Error& expected,
                          ::testing::MatchResultListener* listener) {
  bool same = true;
  auto field = [&](std::string_view name, const auto& got, const auto& want) {
    if (got == want) return;
    same = false;
    *listener << "\n  " << name << " differs: got " << ::testing::PrintToString(got) << ", want "
              << ::testing::PrintToString(want);
  };
  field("kind", actual.kind, expected.kind);
  field("http_status", actual.http_status, expected.http_status);
  field("code", actual.code, expected.code);
  field("message", actual.message, expected.message);
  field("target", actual.target, expected.target);
  if (actual.details != expected.details) {
    same = false;
    *listener << "\n  details differ: got " << actual.details.size() << " entries, want "
              << expected.details.size();
  }
  return same;
}

}  // namespace testing_internal

// Matches an Error equal to `expected` in every field.
MATCHER_P(EqualsError, expected, "is " + ::testing::PrintToString(expected)) {
  return testing_internal::CompareErrors(arg, expected, result_listener);
}

// Matches a failed Status/Result whose error equals `expected` in every field.
MATCHER_P(FailsWith, expected, "fails with " + ::testing::PrintToString(expected)) {
  if (arg.has_value()) {
    *result_listener << "which succeeded";
    return false;
  }
  return testing_internal::CompareErrors(arg.error(), expected, result_listener);
}

// Matches a successful Status/Result.
MATCHER(Succeeds, "succeeds") {
  if (arg.has_value()) return true;
  *result_listener << "which failed";
  return false;
}

// The Graph errors the domain code reports, written out in full.
namespace expected {

inline Error BadRequest(std::string message, std::string target) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message),
               .target = std::move(target)};
}

inline Error InvalidValue(const std::string& property) {
  return BadRequest("Invalid value specified for property '" + property + "' of resource 'User'.",
                    property);
}

inline Error Required(const std::string& property) {
  return BadRequest("A value is required for property '" + property + "' of resource 'User'.",
                    property);
}

inline Error Unknown(const std::string& property) {
  return BadRequest(
      "Property '" + property + "' does not exist as a declared property or extension property.",
      property);
}

inline Error ReadOnly(const std::string& property) {
  return BadRequest("Property '" + property + "' is read-only and cannot be set.", property);
}

inline Error InvalidUpn() {
  return BadRequest("Property userPrincipalName is invalid.", "userPrincipalName");
}

inline Error PasswordComplexity() {
  return BadRequest(
      "The specified password does not comply with password complexity requirements. Please "
      "provide a different password.",
      "passwordProfile");
}

}  // namespace expected

}  // namespace admin365
