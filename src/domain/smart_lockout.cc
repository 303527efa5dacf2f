#include "domain/smart_lockout.h"

#include <algorithm>

#include "domain/graph_errors.h"

namespace admin365 {

namespace {

// Lockouts past the first double in length this many times at most.
constexpr int kMaxDoublings = 6;

}  // namespace

Status ValidateLockoutSettings(const LockoutSettings& settings) {
  if (settings.threshold < 1 || settings.threshold > kMaxLockoutThreshold) {
    return Fail(errors::InvalidPropertyValue("LockoutThreshold", "DirectorySetting"));
  }
  if (settings.duration_seconds < kMinLockoutDurationSeconds ||
      settings.duration_seconds > kMaxLockoutDurationSeconds) {
    return Fail(errors::InvalidPropertyValue("LockoutDurationInSeconds", "DirectorySetting"));
  }
  return Ok();
}

bool CountWrongPassword(LockoutState& state, std::string_view fingerprint,
                        const LockoutSettings& settings, UnixSeconds now) {
  auto& recent = state.recent_wrong;
  if (std::find(recent.begin(), recent.end(), fingerprint) != recent.end()) return false;
  recent.emplace_back(fingerprint);
  if (recent.size() > kRememberedWrongPasswords) recent.erase(recent.begin());
  if (++state.failures < settings.threshold) return false;
  const int doublings = std::min(state.lockouts, kMaxDoublings);
  state.locked_until = now + (static_cast<UnixSeconds>(settings.duration_seconds) << doublings);
  ++state.lockouts;
  // The next wrong password after this lockout ends locks the account again, for longer.
  state.failures = settings.threshold - 1;
  return true;
}

}  // namespace admin365
