#include "cli/context.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "common/ascii.h"
#include "graph/connections.h"
#include "graph/graph_directory.h"

namespace admin365::cli {

Result<std::string> Context::SelectedTenant() {
  std::string name = options_.tenant;
  if (name.empty()) {
    ASSIGN_OR_RETURN(name, graph::ConnectionStore(options_.data_directory).Current());
  }
  if (AsciiIEquals(name, graph::kEmbeddedTenant)) name.clear();
  return name;
}

Result<admin365::Directory*> Context::Directory() {
  ASSIGN_OR_RETURN(const std::string name, SelectedTenant());
  if (name.empty()) return Embedded();
  if (!connected_) {
    ASSIGN_OR_RETURN(const graph::TenantConnection connection,
                     graph::ConnectionStore(options_.data_directory).Get(name));
    if (!InitCrypto()) return admin365::Fail(Error::Internal("libsodium cannot be initialised"));
    ASSIGN_OR_RETURN(connected_, graph::GraphDirectory::Open(connection, clock_, random_));
  }
  return connected_.get();
}

Result<LocalDirectory*> Context::Embedded() {
  ASSIGN_OR_RETURN(const std::string name, SelectedTenant());
  if (!name.empty()) {
    return admin365::Fail(Error{.kind = ErrorKind::kFailedPrecondition,
                      .http_status = 409,
                      .code = "Tenant_EmbeddedOnly",
                      .message = fmt::format("This command works on the embedded tenant only, "
                                             "and '{}' is a connected tenant.",
                                             name)});
  }
  return OpenEmbedded();
}

Status Context::OpenLocalStores() {
  RETURN_IF_ERROR(OpenEmbedded());
  return Ok();
}

Result<LocalDirectory*> Context::OpenEmbedded() {
  if (!embedded_) {
    ASSIGN_OR_RETURN(embedded_, LocalDirectory::Open({.data_directory = options_.data_directory}));
  }
  return embedded_.get();
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
