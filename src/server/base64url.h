#pragma once

// Base64url (RFC 4648 §5) without padding, as JWTs and JWKs use it. OpenSSL does the
// coding; this file only swaps the alphabet and the padding.

#include <optional>
#include <string>
#include <string_view>

namespace admin365::server {

std::string Base64UrlEncode(std::string_view bytes);

// The bytes `text` encodes, or nullopt if it is not unpadded base64url.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace admin365::server
