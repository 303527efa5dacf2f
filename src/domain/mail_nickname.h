#pragma once

// mailNickname (the mail alias): 1-64 printable ASCII characters, none of
// @ ( ) \ [ ] " ; : < > , or space (entra-graph-facts.md §3.1).

#include <string>
#include <string_view>

namespace admin365 {

inline constexpr std::size_t kMaxMailNicknameLength = 64;

bool IsValidMailNickname(std::string_view nickname);

// The nickname Entra's portals propose for a UPN: its alias with every disallowed
// character dropped, cut to 64 characters. Empty if nothing is left.
std::string DeriveMailNickname(std::string_view user_principal_name);

}  // namespace admin365
