#pragma once

// Group: a security or Microsoft 365 group (Graph's group resource, §3.5).
//
//   security group:        securityEnabled true,  mailEnabled false, groupTypes []
//   Microsoft 365 group:   mailEnabled true, groupTypes ["Unified"], securityEnabled either

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/licensing.h"

namespace admin365 {

struct Group {
  std::string id;
  std::string display_name;
  std::string mail_nickname;
  bool mail_enabled = false;
  bool security_enabled = true;
  std::vector<std::string> group_types;
  std::optional<std::string> description;
  // "Public", "Private" or "HiddenMembership" (Microsoft 365 groups only); a Microsoft 365
  // group created without one is "Public", a security group has none unless given one.
  std::optional<std::string> visibility;
  std::optional<std::string> mail;
  std::vector<std::string> proxy_addresses;
  std::vector<AssignedLicense> assigned_licenses;  // licences its members inherit
  UnixSeconds created_date_time = 0;

  friend bool operator==(const Group&, const Group&) = default;
};

struct NewGroup {
  std::string display_name;
  std::string mail_nickname;
  bool mail_enabled = false;
  bool security_enabled = true;
  std::vector<std::string> group_types;
  std::optional<std::string> description;
  std::optional<std::string> visibility;
};

// A member, owner or manager reference: enough to show who it is.
struct DirectoryObjectRef {
  std::string id;
  std::string object_type;  // "user" or "group"
  std::string display_name;
  std::string user_principal_name;  // users only

  friend bool operator==(const DirectoryObjectRef&, const DirectoryObjectRef&) = default;
};

}  // namespace admin365
