#pragma once

// Smart lockout, as Entra applies it to sign-ins with a password: after `threshold`
// failed attempts the account is locked for `duration_seconds`; each further lockout
// before a successful sign-in lasts twice as long as the one before (up to 64 times the
// first); the same wrong password tried again is not counted again (the fingerprints of
// the last three wrong passwords are kept). A successful sign-in clears it all.
//
// Pure rules over a user's LockoutState; the embedded tenant stores the state and the
// tenant's LockoutSettings (Entra's Password Rule Settings: LockoutThreshold,
// LockoutDurationInSeconds).

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace admin365 {

struct LockoutSettings {
  int threshold = 10;
  int duration_seconds = 60;

  friend bool operator==(const LockoutSettings&, const LockoutSettings&) = default;
};

inline constexpr int kMaxLockoutThreshold = 50;
inline constexpr int kMinLockoutDurationSeconds = 5;
inline constexpr int kMaxLockoutDurationSeconds = 86'400;
inline constexpr std::size_t kRememberedWrongPasswords = 3;

// Ok if the threshold is 1-50 and the duration 5-86,400 s. Error:
// InvalidPropertyValue("LockoutThreshold" or "LockoutDurationInSeconds", "DirectorySetting").
Status ValidateLockoutSettings(const LockoutSettings& settings);

struct LockoutState {
  int failures = 0;  // wrong passwords counted since the last success or lockout
  int lockouts = 0;  // lockouts since the last success
  UnixSeconds locked_until = 0;
  std::vector<std::string> recent_wrong;  // fingerprints, oldest first, at most 3

  friend bool operator==(const LockoutState&, const LockoutState&) = default;
};

inline bool IsLocked(const LockoutState& state, UnixSeconds now) {
  return now < state.locked_until;
}

// Counts a wrong password whose fingerprint is `fingerprint`, tried at `now` while the
// account is not locked. A fingerprint among the last three is not counted. Returns true
// when this attempt locks the account (state.locked_until is then set).
bool CountWrongPassword(LockoutState& state, std::string_view fingerprint,
                        const LockoutSettings& settings, UnixSeconds now);

}  // namespace admin365
