#pragma once

// The files a bulk job writes: the results CSV (the input's columns, then the outcome)
// and the generated passwords, each written by common/CsvWriter (quoted, formulas
// neutralised).

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "manage/bulk_job_store.h"
#include "manage/user_csv.h"

namespace admin365::manage {

// Columns after the input's.
inline constexpr const char* kResultColumns[] = {"row",       "line",         "status",
                                                 "errorCode", "errorMessage", "field",
                                                 "objectId"};

class ResultsCsv {
 public:
  // Creates (or truncates) `path` with the input's headers, every column of it. A
  // password column (the password field, or a header naming a password) is written as
  // "[redacted]".
  static Result<std::unique_ptr<ResultsCsv>> Create(const std::filesystem::path& path,
                                                    const UserCsv& input);
  ~ResultsCsv();

  Status Write(const UserCsvRow& row, const RowOutcome& outcome);
  Status Close();

 private:
  ResultsCsv(std::FILE* file, std::filesystem::path path, std::vector<std::string> fields,
             const std::vector<std::string>& headers);

  std::FILE* file_;
  std::filesystem::path path_;
  std::vector<std::string> fields_;  // each input column's field, "" for unmapped ones
  std::vector<bool> secret_columns_;  // a password column, by its field or its header
};

// Generated passwords: "row,userPrincipalName,password", one line per password, flushed
// as written. The file is created with mode 0600 and appended to when a job resumes; when
// a user appears twice, the later line holds the password in force.
class PasswordsCsv {
 public:
  static Result<std::unique_ptr<PasswordsCsv>> Open(const std::filesystem::path& path);
  ~PasswordsCsv();

  Status Write(long long row, const std::string& user_principal_name,
               const std::string& password);
  long long written() const { return written_; }

 private:
  PasswordsCsv(std::FILE* file, std::filesystem::path path);

  std::FILE* file_;
  std::filesystem::path path_;
  long long written_ = 0;
};

}  // namespace admin365::manage
