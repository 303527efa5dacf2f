#include "manage/csv_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>

namespace admin365::manage {

namespace {

constexpr std::string_view kUtf8Mark = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeMark = "\xFF\xFE";
constexpr std::string_view kUtf16BeMark = "\xFE\xFF";
constexpr std::size_t kUtf16UnitBytes = 2;
constexpr char kNotUtf8 = '\xFF';

// The length of the UTF-8 sequence that a lead byte starts, 0 for a byte that starts none.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The range the byte after `lead` must fall in, excluding overlong forms, surrogates and
// code points above U+10FFFF.
std::pair<unsigned char, unsigned char> SecondByteRange(unsigned char lead) {
  switch (lead) {
    case 0xE0:
      return {0xA0, 0xBF};
    case 0xED:
      return {0x80, 0x9F};
    case 0xF0:
      return {0x90, 0xBF};
    case 0xF4:
      return {0x80, 0x8F};
    default:
      return {0x80, 0xBF};
  }
}

}  // namespace

std::string_view TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf8Bom:
      return "UTF-8 (BOM)";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
  }
  return "UTF-8";
}

ByteOrderMark SniffByteOrderMark(std::string_view head) {
  if (head.starts_with(kUtf8Mark)) return {TextEncoding::kUtf8Bom, kUtf8Mark.size()};
  if (head.starts_with(kUtf16LeMark)) return {TextEncoding::kUtf16Le, kUtf16LeMark.size()};
  if (head.starts_with(kUtf16BeMark)) return {TextEncoding::kUtf16Be, kUtf16BeMark.size()};
  return {};
}

void Utf8Decoder::IconvCloser::operator()(void* descriptor) const {
  iconv_close(static_cast<iconv_t>(descriptor));
}

Result<Utf8Decoder> Utf8Decoder::Create(TextEncoding encoding) {
  Utf8Decoder decoder;
  if (encoding == TextEncoding::kUtf8 || encoding == TextEncoding::kUtf8Bom) return decoder;
  const std::string name(TextEncodingName(encoding));
  iconv_t descriptor = iconv_open("UTF-8", name.c_str());
  if (descriptor == reinterpret_cast<iconv_t>(-1)) {
    return Fail(Error::Internal("iconv cannot convert " + name + " to UTF-8"));
  }
  decoder.iconv_.reset(descriptor);
  return decoder;
}

void Utf8Decoder::Decode(std::string_view bytes, std::string& utf8) {
  if (!iconv_) {
    utf8.append(bytes);
    return;
  }
  pending_.append(bytes);
  char* in = pending_.data();
  std::size_t in_left = pending_.size();
  std::array<char, 16 * 1024> buffer;
  while (in_left > 0) {
    char* out = buffer.data();
    std::size_t out_left = buffer.size();
    const std::size_t converted = iconv(iconv_.get(), &in, &in_left, &out, &out_left);
    utf8.append(buffer.data(), out - buffer.data());
    if (converted != static_cast<std::size_t>(-1) || errno == EINVAL) break;  // EINVAL: the
    // input ends inside a character, completed by the next piece.
    if (errno == EILSEQ) {
      const std::size_t skipped = std::min(kUtf16UnitBytes, in_left);
      utf8 += kNotUtf8;
      in += skipped;
      in_left -= skipped;
    }
    // E2BIG: the buffer is full; go round again.
  }
  pending_.erase(0, in - pending_.data());
}

bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = SequenceLength(lead);
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      const auto [low, high] =
          k == 1 ? SecondByteRange(lead) : std::pair<unsigned char, unsigned char>{0x80, 0xBF};
      if (byte < low || byte > high) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace admin365::manage
