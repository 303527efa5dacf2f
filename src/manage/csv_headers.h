#pragma once

// What the column headers of a user CSV file mean: the field each names, in the dialect of
// each tool that writes such files (user_csv.h lists them), and the dialect of the whole
// header line.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "manage/user_csv.h"

namespace admin365::manage {

// How a header matches one of a dialect's names.
enum class NameMatch { kNone, kOtherCase, kExact };

struct HeaderMeaning {
  std::string field;                    // "" when the header names no field
  std::array<NameMatch, 4> dialects{};  // indexed by CsvDialect
};

// `header` without the spaces, tabs and no-break spaces around it.
std::string_view TrimHeader(std::string_view header);

// The field a header names, matched case-insensitively once trimmed:
//  - "<label> [name] <Required or nothing>" (the Entra templates) by the bracketed name: a
//    legacy AAD Graph name, a Graph property or a field of kUserCsvFields; accountEnabled
//    labelled "Block sign in..." is the inverted blockSignIn. Only the Entra dialect.
//  - otherwise by the names of each dialect (user_csv.h).
HeaderMeaning InterpretHeader(std::string_view header);

struct HeaderMapping {
  CsvDialect dialect = CsvDialect::kGraph;
  std::vector<std::string> fields;  // per column, "" when it names no field
};

// Maps the headers on `line` of the file. The dialect is the one with the most headers
// among its names; on a tie, the one with the most spelled exactly as it spells them; then
// the first of Entra, admin center, Graph, MSOnline.
// Errors: two columns name the same field ("line 2: two columns mean userPrincipalName:
// column 1 \"UserPrincipalName\" and column 4 \"User Name\"; remove one"); no column names
// a field.
Result<HeaderMapping> MapHeaders(const std::vector<std::string>& headers, long long line);

}  // namespace admin365::manage
