#pragma once

// The tenant-independent half of validating a group creation (POST /groups). Graph
// reports only the first failure, in this order:
//   1. required properties, displayName then mailNickname
//      -> RequiredProperty(name, "Group");
//   2. displayName (at most 256 characters), mailNickname (the user rule: 1-64 ASCII, none
//      of @ ( ) \ [ ] " ; : < > , or space), description (at most 1024 characters),
//      groupTypes (only "Unified", any case) -> InvalidPropertyValue(name, "Group");
//   3. the kind of group: a Microsoft 365 group ("Unified") must be mail-enabled
//      (InvalidPropertyValue("mailEnabled", "Group")); any other group must be
//      security-enabled and not mail-enabled (MailEnabledGroupNotSupported).
// The directory then checks, for a Microsoft 365 group, that no other one has the
// mailNickname and that its address is free, then the object quota.

#include "common/result.h"
#include "domain/group.h"

namespace admin365::engine {

inline constexpr std::string_view kUnifiedGroupType = "Unified";
inline constexpr std::size_t kMaxGroupDescriptionLength = 1024;

// Steps 1-3. Returns the group to create, without id, mail or timestamps: groupTypes
// spelled "Unified", an empty description dropped.
Result<Group> ValidateNewGroup(const NewGroup& request);

// True for a Microsoft 365 group.
bool IsUnified(const Group& group);

}  // namespace admin365::engine
