#include "engine/group_validation.h"

#include <algorithm>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/mail_nickname.h"
#include "domain/user_properties.h"

namespace admin365::engine {

namespace {

constexpr std::string_view kResource = "Group";
constexpr std::size_t kMaxDisplayNameLength = 256;

bool IsValidText(std::string_view text, std::size_t max_length) {
  return IsCleanUtf8(text) && Utf8Length(text) <= max_length;
}

}  // namespace

bool IsUnified(const Group& group) {
  return std::find(group.group_types.begin(), group.group_types.end(), kUnifiedGroupType) !=
         group.group_types.end();
}

Result<Group> ValidateNewGroup(const NewGroup& request) {
  if (request.display_name.empty()) return Fail(errors::RequiredProperty("displayName", kResource));
  if (request.mail_nickname.empty()) {
    return Fail(errors::RequiredProperty("mailNickname", kResource));
  }
  if (!IsValidText(request.display_name, kMaxDisplayNameLength)) {
    return Fail(errors::InvalidPropertyValue("displayName", kResource));
  }
  if (!IsValidMailNickname(request.mail_nickname)) {
    return Fail(errors::InvalidPropertyValue("mailNickname", kResource));
  }
  if (request.description && !IsValidText(*request.description, kMaxGroupDescriptionLength)) {
    return Fail(errors::InvalidPropertyValue("description", kResource));
  }
  bool unified = false;
  for (const std::string& type : request.group_types) {
    if (!AsciiIEquals(type, kUnifiedGroupType)) {
      return Fail(errors::InvalidPropertyValue("groupTypes", kResource));
    }
    unified = true;
  }
  if (unified && !request.mail_enabled) {
    return Fail(errors::InvalidPropertyValue("mailEnabled", kResource));
  }
  if (!unified && (request.mail_enabled || !request.security_enabled)) {
    return Fail(errors::MailEnabledGroupNotSupported());
  }
  Group group{.display_name = request.display_name,
              .mail_nickname = request.mail_nickname,
              .mail_enabled = request.mail_enabled,
              .security_enabled = request.security_enabled};
  if (unified) group.group_types = {std::string(kUnifiedGroupType)};
  if (request.description && !request.description->empty()) {
    group.description = request.description;
  }
  return group;
}

}  // namespace admin365::engine
