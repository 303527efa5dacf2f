#include "cli/context.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/exit_codes.h"

namespace admin365::cli {

Result<LocalDirectory*> Context::Directory() {
  if (!directory_) {
    ASSIGN_OR_RETURN(directory_,
                     LocalDirectory::Open({.data_directory = options_.data_directory}));
  }
  return directory_.get();
}

OutputFormat Context::format() const {
  if (options_.output == "json") return OutputFormat::kJson;
  if (options_.output == "csv") return OutputFormat::kCsv;
  return OutputFormat::kTable;
}

void Context::Print(const std::vector<Record>& records, bool single) const {
  Render(stdout, format(), records, single);
}

void Context::Fail(const Error& error) { exit_code = ReportError(error); }

Actor Context::CurrentActor() {
  const passwd* entry = ::getpwuid(::geteuid());
  return Actor{"cli:" + std::string(entry != nullptr ? entry->pw_name
                                                     : std::to_string(::geteuid()))};
}

std::string DefaultDataDirectory() {
  if (const char* dir = std::getenv("ADMIN365_DATA_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/admin365";
  }
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.local/share/admin365";
}

std::string ReadSecretLine() {
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

}  // namespace admin365::cli
