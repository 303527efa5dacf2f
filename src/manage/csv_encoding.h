#pragma once

// The text encodings of CSV files as admins' tools save them: the byte order mark decides
// (UTF-8 when there is none), and UTF-16 is converted to UTF-8 as the file streams.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365::manage {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

// "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE".
std::string_view TextEncodingName(TextEncoding encoding);

struct ByteOrderMark {
  TextEncoding encoding = TextEncoding::kUtf8;
  std::size_t size = 0;  // bytes of the mark, 0 when there is none
};

// The encoding that the byte order mark at the start of `head` announces (`head` holds the
// file's first bytes, at least 3 unless the file is shorter).
ByteOrderMark SniffByteOrderMark(std::string_view head);

// Turns a file's bytes (after the byte order mark) into UTF-8, piece by piece: a character
// split between two pieces is completed by the second. UTF-8 passes through unchanged (its
// fields are validated later); a UTF-16 code unit that is no character (an unpaired
// surrogate) becomes the byte 0xFF, which is not UTF-8, so that its field is reported.
class Utf8Decoder {
 public:
  Utf8Decoder() = default;  // UTF-8 in, UTF-8 out
  // Error: Internal when iconv cannot convert from `encoding`.
  static Result<Utf8Decoder> Create(TextEncoding encoding);

  // Appends the UTF-8 of `bytes` to `utf8`.
  void Decode(std::string_view bytes, std::string& utf8);

  // Bytes held back as the start of a character: not 0 at the end of the input means the
  // file stops in the middle of a UTF-16 character.
  std::size_t pending_bytes() const { return pending_.size(); }

 private:
  struct IconvCloser {
    void operator()(void* descriptor) const;
  };

  std::unique_ptr<void, IconvCloser> iconv_;  // null for UTF-8
  std::string pending_;
};

// True if `text` is well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace admin365::manage
