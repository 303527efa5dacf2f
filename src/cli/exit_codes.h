#pragma once

// How the CLI ends: the exit code for each kind of error, and the line telling the admin
// what to do next. docs/cli.md lists the codes.
//
//   0 success                    4 not found
//   1 internal error             5 conflict (a unique value is taken)
//   2 usage error (bad options)  6 failed precondition (e.g. no tenant yet)
//   3 invalid input (Graph 400)  7 permission denied / unauthenticated
//                                8 unavailable (busy; retry)
//   9 a bulk job ran, but some rows failed (see its results file)
//   130 a bulk job stopped on Ctrl-C (resume it)

#include <string>

#include "common/result.h"

namespace admin365::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRowsFailed = 9;
inline constexpr int kExitInterrupted = 130;

int ExitCodeFor(const Error& error);

// What to do about `error`, or "" when the message says it all.
std::string HintFor(const Error& error);

// Prints `error` to stderr as "error: <code>: <message>" plus a "hint:" line, and returns
// its exit code.
int ReportError(const Error& error);

}  // namespace admin365::cli
