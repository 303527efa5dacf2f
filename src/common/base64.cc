#include "common/base64.h"

#include <sodium.h>

#include <cstring>

namespace admin365 {
namespace {

int SodiumVariant(Base64 variant) {
  switch (variant) {
    case Base64::kStandard:
      return sodium_base64_VARIANT_ORIGINAL;
    case Base64::kStandardUnpadded:
      return sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
    case Base64::kUrl:
      return sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  }
  return sodium_base64_VARIANT_ORIGINAL;
}

}  // namespace

std::string Base64Encode(std::string_view bytes, Base64 variant) {
  const int sodium_variant = SodiumVariant(variant);
  // The encoded length plus libsodium's terminating NUL.
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> Base64Decode(std::string_view text, Base64 variant) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  // No characters to ignore and no end pointer: the whole text must be one encoding.
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr, SodiumVariant(variant)) != 0) {
    return Fail(InvalidBase64());
  }
  out.resize(length);
  return out;
}

Error InvalidBase64() {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "BadRequest",
               .message = "The value is not valid base64."};
}

}  // namespace admin365
