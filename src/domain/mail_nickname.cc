#include "domain/mail_nickname.h"

#include <algorithm>

namespace admin365 {

namespace {

bool IsNicknameChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7F) return false;  // controls, space, DEL, non-ASCII
  constexpr std::string_view kForbidden = "@()\\[]\";:<>,";
  return kForbidden.find(c) == std::string_view::npos;
}

}  // namespace

bool IsValidMailNickname(std::string_view nickname) {
  return !nickname.empty() && nickname.size() <= kMaxMailNicknameLength &&
         std::all_of(nickname.begin(), nickname.end(), IsNicknameChar);
}

std::string DeriveMailNickname(std::string_view user_principal_name) {
  const std::string_view alias = user_principal_name.substr(0, user_principal_name.find('@'));
  std::string nickname;
  for (char c : alias) {
    if (IsNicknameChar(c) && nickname.size() < kMaxMailNicknameLength) nickname += c;
  }
  return nickname;
}

}  // namespace admin365
