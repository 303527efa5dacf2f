#include "common/private_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace admin365 {

namespace {

Error IoError(std::string_view what, const std::filesystem::path& path, int error) {
  return Error::Internal(fmt::format("Cannot {} {}: {}", what, path.string(), std::strerror(error)));
}

// Writes `contents` to a new temporary file beside `path` and flushes it; returns its name.
Result<std::filesystem::path> WriteTemporary(const std::filesystem::path& path,
                                             std::string_view contents) {
  std::string name = path.string() + ".XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return Fail(IoError("create a temporary file for", path, errno));
  std::string_view rest = contents;
  while (!rest.empty()) {
    const ssize_t written = ::write(fd, rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  const int error = errno;
  const bool flushed = rest.empty() && ::fsync(fd) == 0;
  ::close(fd);
  if (!flushed) {
    ::unlink(name.c_str());
    return Fail(IoError("write", path, error));
  }
  return std::filesystem::path(name);
}

// Flushes the directory holding `path`, so that its new name survives a crash.
void FlushDirectoryOf(const std::filesystem::path& path) {
  const std::filesystem::path directory =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Result<FileCreation> CreatePrivateFile(const std::filesystem::path& path,
                                       std::string_view contents) {
  ASSIGN_OR_RETURN(const std::filesystem::path temporary, WriteTemporary(path, contents));
  const bool linked = ::link(temporary.c_str(), path.c_str()) == 0;
  const int error = errno;
  ::unlink(temporary.c_str());
  if (!linked && error == EEXIST) return FileCreation::kAlreadyExists;
  if (!linked) return Fail(IoError("create", path, error));
  FlushDirectoryOf(path);
  return FileCreation::kCreated;
}

Status ReplacePrivateFile(const std::filesystem::path& path, std::string_view contents) {
  ASSIGN_OR_RETURN(const std::filesystem::path temporary, WriteTemporary(path, contents));
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    return Fail(IoError("replace", path, error));
  }
  FlushDirectoryOf(path);
  return Ok();
}

}  // namespace admin365
