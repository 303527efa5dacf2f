#include "manage/bulk_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "common/ascii.h"
#include "common/csv_writer.h"
#include "domain/audit_event.h"

namespace admin365::manage {

namespace {

Error FileError(const std::filesystem::path& path, std::string_view what) {
  return Error{.kind = ErrorKind::kFailedPrecondition,
               .http_status = 500,
               .code = "FileError",
               .message = fmt::format("Cannot {} {}: {}", what, path.string(),
                                      std::strerror(errno))};
}

void WriteLine(std::FILE* file, const std::vector<std::string>& fields) {
  CsvWriter(file, CsvWriter::LineEnd::kCrLf).WriteRow(fields);
}

}  // namespace

ResultsCsv::ResultsCsv(std::FILE* file, std::filesystem::path path,
                       std::vector<std::string> fields, const std::vector<std::string>& headers)
    : file_(file), path_(std::move(path)), fields_(std::move(fields)) {
  for (std::size_t column = 0; column < fields_.size(); ++column) {
    const std::string header = AsciiLower(headers[column]);
    secret_columns_.push_back(fields_[column] == "password" ||
                              header.find("password") != std::string::npos ||
                              header.find("pwd") != std::string::npos);
  }
}

ResultsCsv::~ResultsCsv() {
  if (file_) std::fclose(file_);
}

Result<std::unique_ptr<ResultsCsv>> ResultsCsv::Create(const std::filesystem::path& path,
                                                       const UserCsv& input) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return Fail(FileError(path, "create the results file"));
  std::vector<std::string> headers = input.headers();
  for (const char* column : kResultColumns) headers.emplace_back(column);
  WriteLine(file, headers);
  return std::unique_ptr<ResultsCsv>(new ResultsCsv(file, path, input.fields(), input.headers()));
}

Status ResultsCsv::Write(const UserCsvRow& row, const RowOutcome& outcome) {
  std::vector<std::string> line;
  line.reserve(fields_.size() + std::size(kResultColumns));
  std::size_t unmapped = 0;
  for (std::size_t column = 0; column < fields_.size(); ++column) {
    const std::string& field = fields_[column];
    const std::string* value = nullptr;
    if (field.empty()) {
      value = unmapped < row.unmapped.size() ? &row.unmapped[unmapped] : nullptr;
      ++unmapped;
    } else {
      value = row.Find(field);
    }
    // A password in the input is a secret, under any header: the results never repeat it.
    if (value && !value->empty() && secret_columns_[column]) {
      line.emplace_back(kRedacted);
    } else {
      line.push_back(value ? *value : "");
    }
  }
  line.push_back(std::to_string(outcome.row));
  line.push_back(std::to_string(outcome.line));
  line.emplace_back(RowStatusName(outcome.status));
  line.push_back(outcome.error_code);
  line.push_back(outcome.error_message);
  line.push_back(outcome.error_field);
  line.push_back(outcome.target_id);
  WriteLine(file_, line);
  if (std::ferror(file_)) return Fail(FileError(path_, "write the results file"));
  return Ok();
}

Status ResultsCsv::Close() {
  const int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0) return Fail(FileError(path_, "write the results file"));
  return Ok();
}

PasswordsCsv::PasswordsCsv(std::FILE* file, std::filesystem::path path)
    : file_(file), path_(std::move(path)) {}

PasswordsCsv::~PasswordsCsv() {
  if (file_) std::fclose(file_);
}

Result<std::unique_ptr<PasswordsCsv>> PasswordsCsv::Open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(FileError(path, "create the passwords file"));
  // The file may predate this run with looser permissions: tighten them before writing.
  struct stat status {};
  if (::fchmod(fd, 0600) != 0 || ::fstat(fd, &status) != 0) {
    ::close(fd);
    return Fail(FileError(path, "restrict the permissions of"));
  }
  std::FILE* file = ::fdopen(fd, "ab");
  if (!file) {
    ::close(fd);
    return Fail(FileError(path, "open the passwords file"));
  }
  if (status.st_size == 0) WriteLine(file, {"row", "userPrincipalName", "password"});
  return std::unique_ptr<PasswordsCsv>(new PasswordsCsv(file, path));
}

Status PasswordsCsv::Write(long long row, const std::string& user_principal_name,
                           const std::string& password) {
  WriteLine(file_, {std::to_string(row), user_principal_name, password});
  if (std::fflush(file_) != 0) return Fail(FileError(path_, "write the passwords file"));
  ++written_;
  return Ok();
}

}  // namespace admin365::manage
