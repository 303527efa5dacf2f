#pragma once

// Base64 (RFC 4648), the one codec of admin365, by libsodium (sodium_bin2base64 /
// sodium_base642bin).
//
//   Base64Encode("foo")                   -> "Zm9v"   (§4, padded: HTTP Basic credentials)
//   Base64UrlEncode("\xfb\xff")           -> "-_8"    (§5 without padding: JWTs, JWKs,
//                                                      skip tokens)
//   Base64Encode(bytes, Base64::kStandardUnpadded)    (§4 without padding: the salts and
//                                                      digests of PHC-style hash strings)
//
// Decoding is strict: only the variant's alphabet, its padding exactly (none for the
// unpadded variants), no whitespace, and zero unused bits in the last character, so that
// every byte string has exactly one accepted encoding.

#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365 {

enum class Base64 {
  kStandard,          // "+/" with "=" padding
  kStandardUnpadded,  // "+/" without padding
  kUrl,               // "-_" without padding
};

std::string Base64Encode(std::string_view bytes, Base64 variant = Base64::kStandard);

// The bytes `text` encodes. Error: InvalidBase64 when `text` is not the variant's
// encoding of any byte string.
Result<std::string> Base64Decode(std::string_view text, Base64 variant = Base64::kStandard);

inline std::string Base64UrlEncode(std::string_view bytes) {
  return Base64Encode(bytes, Base64::kUrl);
}
inline Result<std::string> Base64UrlDecode(std::string_view text) {
  return Base64Decode(text, Base64::kUrl);
}

// 400 BadRequest "The value is not valid base64." (admin365's wording): callers that
// answer a request replace it with the error of the value that held the text.
Error InvalidBase64();

}  // namespace admin365
