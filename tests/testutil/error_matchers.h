#pragma once

// Contract: gtest/gmock support for admin365::Error, shared by every test target.
//  - PrintTo for ErrorKind, ErrorDetail, Error and Result<T>/Status, so failures show every
//    field of an Error instead of raw bytes.
//  - testutil::CompareErrors(actual, expected, listener) compares every Error field (kind,
//    http_status, code, message, target and each detail element by element), explains each
//    difference to the listener, and returns true only when all fields are equal.
//  - EqualsError(expected): an Error equal to `expected` in every field.
//    FailsWith(expected): a failed Status/Result whose error equals `expected` in every field.
//    Succeeds(): a successful Status/Result; on failure it prints the error.
// Expected errors themselves live in testutil/expected_errors.h.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

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

inline void PrintTo(const ErrorDetail& detail, std::ostream* os) {
  *os << "{code=\"" << detail.code << "\", target=\"" << detail.target << "\", message=\""
      << detail.message << "\"}";
}

inline void PrintTo(const Error& error, std::ostream* os) {
  *os << "Error{kind=" << ErrorKindName(error.kind) << ", http_status=" << error.http_status
      << ", code=\"" << error.code << "\", message=\"" << error.message << "\", target=\""
      << error.target << "\", details=[";
  for (const ErrorDetail& detail : error.details) PrintTo(detail, os);
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

namespace testutil {

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
  if (actual.details.size() != expected.details.size()) {
    same = false;
    *listener << "\n  details differ: got " << actual.details.size() << " entries, want "
              << expected.details.size();
  }
  const std::size_t common = std::min(actual.details.size(), expected.details.size());
  for (std::size_t i = 0; i < common; ++i) {
    const std::string prefix = "details[" + std::to_string(i) + "].";
    field(prefix + "code", actual.details[i].code, expected.details[i].code);
    field(prefix + "target", actual.details[i].target, expected.details[i].target);
    field(prefix + "message", actual.details[i].message, expected.details[i].message);
  }
  if (actual.details.size() != expected.details.size()) {
    *listener << "\n  details: got " << ::testing::PrintToString(actual.details) << ", want "
              << ::testing::PrintToString(expected.details);
  }
  return same;
}

}  // namespace testutil

// Matches an Error equal to `expected` in every field.
MATCHER_P(EqualsError, expected, "is " + ::testing::PrintToString(expected)) {
  return testutil::CompareErrors(arg, expected, result_listener);
}

// Matches a failed Status/Result whose error equals `expected` in every field.
MATCHER_P(FailsWith, expected, "fails with " + ::testing::PrintToString(expected)) {
  if (arg.has_value()) {
    *result_listener << "which succeeded";
    return false;
  }
  return testutil::CompareErrors(arg.error(), expected, result_listener);
}

// Matches a successful Status/Result, printing the error otherwise.
MATCHER(Succeeds, "succeeds") {
  if (arg.has_value()) return true;
  *result_listener << "which failed with " << ::testing::PrintToString(arg.error());
  return false;
}

}  // namespace admin365
