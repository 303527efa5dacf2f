#include "engine/group_validation.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/ascii.h"
#include "domain/graph_errors.h"
#include "domain/mail_nickname.h"
#include "domain/user_properties.h"

namespace admin365::engine {

namespace {

constexpr std::string_view kResource = "Group";
constexpr std::size_t kMaxDisplayNameLength = 256;
constexpr std::string_view kHiddenMembership = "HiddenMembership";
constexpr std::array<std::string_view, 3> kVisibilities = {"Public", "Private", kHiddenMembership};

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
  std::optional<std::string> visibility;
  if (request.visibility) {
    const auto known =
        std::find_if(kVisibilities.begin(), kVisibilities.end(),
                     [&](std::string_view v) { return AsciiIEquals(v, *request.visibility); });
    if (known == kVisibilities.end() || (*known == kHiddenMembership && !unified)) {
      return Fail(errors::InvalidPropertyValue("visibility", kResource));
    }
    visibility = std::string(*known);
  } else if (unified) {
    visibility = "Public";
  }
  Group group{.display_name = request.display_name,
              .mail_nickname = request.mail_nickname,
              .mail_enabled = request.mail_enabled,
              .security_enabled = request.security_enabled};
  if (unified) group.group_types = {std::string(kUnifiedGroupType)};
  if (request.description && !request.description->empty()) {
    group.description = request.description;
  }
  group.visibility = std::move(visibility);
  return group;
}

}  // namespace admin365::engine
