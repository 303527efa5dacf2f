#pragma once

// Private files written whole or not at all (keys, certificates): the contents go to a
// temporary file beside the target (mkstemp: mode 0600), are flushed to disk, and only
// then take the target's name, by link() or rename(), both atomic; the directory is
// flushed too. A crash at any point leaves either no file or the complete one, never a
// truncated key; at worst a stray "<name>.XXXXXX" temporary file.

#include <filesystem>
#include <string_view>

#include "common/result.h"

namespace admin365 {

enum class FileCreation { kCreated, kAlreadyExists };

// Creates `path` with `contents` unless it exists: kAlreadyExists (another process was
// first; `path` is left as it is). Error: Internal (I/O), naming the file.
Result<FileCreation> CreatePrivateFile(const std::filesystem::path& path,
                                       std::string_view contents);

// Creates or replaces `path` with `contents`. Error: Internal (I/O), naming the file.
Status ReplacePrivateFile(const std::filesystem::path& path, std::string_view contents);

}  // namespace admin365
