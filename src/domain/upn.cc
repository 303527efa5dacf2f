#include "domain/upn.h"

#include <cctype>

#include "common/ascii.h"
#include "domain/graph_errors.h"

namespace admin365 {

namespace {

bool IsAliasChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
    return true;
  }
  switch (c) {
    case '\'': case '.': case '-': case '_': case '!': case '#': case '^': case '~':
      return true;
    default:
      return false;
  }
}

bool IsValidLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || !(std::isalnum(u) || c == '-')) return false;
  }
  return true;
}

}  // namespace

bool IsValidDomainName(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  std::size_t labels = 0;
  std::string_view last;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = name.find('.', start);
    const std::string_view label =
        name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!IsValidLabel(label)) return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  bool all_digits = true;
  for (char c : last) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(c));
  return labels >= 2 && !all_digits;
}

Result<UpnParts> ParseUpn(std::string_view upn) {
  const std::size_t at = upn.find('@');
  if (upn.size() > kMaxUpnLength || at == std::string_view::npos ||
      upn.find('@', at + 1) != std::string_view::npos) {
    return Fail(errors::InvalidUserPrincipalName());
  }
  const std::string_view alias = upn.substr(0, at);
  const std::string_view domain = upn.substr(at + 1);
  if (alias.empty() || alias.size() > kMaxUpnAliasLength || alias.back() == '.' ||
      domain.size() > kMaxUpnDomainLength || !IsValidDomainName(domain)) {
    return Fail(errors::InvalidUserPrincipalName());
  }
  for (char c : alias) {
    if (!IsAliasChar(c)) return Fail(errors::InvalidUserPrincipalName());
  }
  return UpnParts{.alias = std::string(alias), .domain = AsciiLower(domain)};
}

}  // namespace admin365
