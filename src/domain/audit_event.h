#pragma once

// AuditEvent: one write to the directory, as the audit trail keeps it (Entra's
// directoryAudit: activity, initiator, target and modified properties). Secrets never
// appear: a changed password is recorded as the property name with both values
// "[redacted]".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace admin365 {

inline constexpr std::string_view kRedacted = "[redacted]";

struct PropertyChange {
  std::string property;
  std::optional<std::string> old_value;  // nullopt: the property had no value
  std::optional<std::string> new_value;

  friend bool operator==(const PropertyChange&, const PropertyChange&) = default;
};

struct AuditEvent {
  std::int64_t sequence = 0;  // ascending in commit order
  UnixSeconds time = 0;
  std::string actor;        // "cli:alice", "system", ...
  std::string origin;       // what the write was part of (Actor::origin), or ""
  std::string action;       // Entra's activity name, e.g. "Add user", "Update user"
  std::string target_type;  // "User", "Domain", "Tenant"
  std::string target_id;
  std::string target_name;  // the UPN or domain name at the time
  std::vector<PropertyChange> changes;

  friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

}  // namespace admin365
