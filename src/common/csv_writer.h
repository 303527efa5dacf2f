#pragma once

// CsvWriter: the one way admin365 writes CSV (bulk results and passwords files, `-o csv`,
// audit and report exports). Every field is quoted by libcsv (RFC 4180), and a field that
// a spreadsheet would evaluate as a formula is neutralised (CWE-1236, as OWASP's "CSV
// Injection" page recommends): one that begins with '=', '+', '-', '@', a tab or a
// carriage return is written with a leading apostrophe, so Excel and LibreOffice show it
// as text. Only the file changes; the value stored in the tenant stays as it was. The bulk
// CSV reader drops that apostrophe again (manage/user_csv.h), so a file admin365 wrote can
// be edited and fed back unchanged.
//
//   CsvWriter csv(stdout, CsvWriter::LineEnd::kLf);
//   csv.WriteRow({"displayName", "mail"});
//   csv.WriteRow({user.display_name, user.mail});   // "=cmd" becomes "'=cmd"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace admin365 {

// True when a spreadsheet would read `field` as a formula: it begins with '=', '+', '-',
// '@', a tab or a carriage return.
bool BeginsLikeFormula(std::string_view field);

// `field` as it is written: with a leading apostrophe when BeginsLikeFormula.
std::string NeutraliseFormula(std::string_view field);

// The inverse, for input: `field` without the apostrophe NeutraliseFormula added (a field
// of an apostrophe followed by what BeginsLikeFormula recognises); any other field as is.
std::string_view RestoreNeutralisedFormula(std::string_view field);

class CsvWriter {
 public:
  // Results files end lines with CRLF, as RFC 4180 and Excel; terminal output with LF.
  enum class LineEnd { kCrLf, kLf };

  // Writes to `out`, which the caller owns and checks (ferror) and closes.
  CsvWriter(std::FILE* out, LineEnd line_end) : out_(out), line_end_(line_end) {}

  void WriteRow(const std::vector<std::string>& fields);

 private:
  std::FILE* out_;
  LineEnd line_end_;
};

}  // namespace admin365
