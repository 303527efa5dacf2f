#include "common/csv_writer.h"

#include <csv.h>

namespace admin365 {

bool BeginsLikeFormula(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

std::string NeutraliseFormula(std::string_view field) {
  if (!BeginsLikeFormula(field)) return std::string(field);
  std::string neutralised;
  neutralised.reserve(field.size() + 1);
  neutralised += '\'';
  neutralised += field;
  return neutralised;
}

std::string_view RestoreNeutralisedFormula(std::string_view field) {
  if (field.size() >= 2 && field.front() == '\'' && BeginsLikeFormula(field.substr(1))) {
    return field.substr(1);
  }
  return field;
}

void CsvWriter::WriteRow(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) std::fputc(',', out_);
    const std::string written = NeutraliseFormula(fields[i]);
    csv_fwrite(out_, written.data(), written.size());
  }
  std::fputs(line_end_ == LineEnd::kCrLf ? "\r\n" : "\n", out_);
}

}  // namespace admin365
