#include "manage/csv_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "common/ascii.h"

namespace admin365::manage {

namespace {

// Strict: a stray quote stops csv_parse (then ParseLeniently marks it and reads on), and
// csv_fini reports a quoted field never closed. REPALL_NL: every line break reaches
// OnRecordEnd, blank lines included, so that lines are counted exactly.
constexpr unsigned char kOptions = CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL;

// libcsv reads at most this much before the reader checks the field's length again.
constexpr std::size_t kPieceBytes = 4096;

constexpr std::string_view kVersionMarker = "version:";

// For csv_set_space_func: no character is a blank to trim, so values keep their spaces and
// libcsv's count of trailing blanks (`spaces`) stays 0.
int NothingIsBlank(unsigned char) { return 0; }

}  // namespace

Error CsvError(std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message)};
}

bool StartsWithVersionMarker(std::string_view text) {
  return AsciiIEquals(text.substr(0, kVersionMarker.size()), kVersionMarker);
}

void LineBreakCounter::Count(std::string_view text) {
  for (char c : text) {
    if (c == '\n' && !after_cr_) ++total_;
    if (c == '\r') ++total_;
    after_cr_ = c == '\r';
  }
}

char DetectDelimiter(std::string_view text) {
  if (StartsWithVersionMarker(text)) {
    const std::size_t end = text.find_first_of("\r\n");
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  }
  text.remove_prefix(std::min(text.find_first_not_of("\r\n"), text.size()));
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::array<std::size_t, 3> counts{};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\r' || c == '\n') break;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) counts[i] += c == kCandidates[i];
  }
  const auto most = std::max_element(counts.begin(), counts.end());
  return *most == 0 ? ',' : kCandidates[most - counts.begin()];
}

CsvRecordReader::CsvRecordReader(char delimiter, std::size_t max_field_bytes)
    : max_field_bytes_(max_field_bytes) {
  csv_init(&parser_, kOptions);  // fails only for a null parser
  csv_set_delim(&parser_, static_cast<unsigned char>(delimiter));
  csv_set_space_func(&parser_, NothingIsBlank);
}

CsvRecordReader::~CsvRecordReader() { csv_free(&parser_); }

Status CsvRecordReader::Parse(std::string_view text, std::deque<CsvRecord>& records) {
  records_ = &records;
  while (!text.empty()) {
    const std::string_view piece = text.substr(0, kPieceBytes);
    const std::size_t parsed =
        csv_parse(&parser_, piece.data(), piece.size(), OnField, OnRecordEnd, this);
    DropOverlongFieldBytes();
    text.remove_prefix(parsed);
    if (parsed == piece.size()) continue;
    if (csv_error(&parser_) != CSV_EPARSE) {
      return Fail(
          Error::Internal(fmt::format("libcsv failed: {}", csv_strerror(csv_error(&parser_)))));
    }
    ParseLeniently(text.front());
    text.remove_prefix(1);
  }
  return Ok();
}

Status CsvRecordReader::Finish(std::deque<CsvRecord>& records) {
  records_ = &records;
  if (csv_fini(&parser_, OnField, OnRecordEnd, this) != 0) {
    return Fail(CsvError(fmt::format(
        "line {}, column {}: a quoted field starting here is never closed; close the quote or "
        "remove it",
        line_ + record_breaks_, record_.field_count + 1)));
  }
  return Ok();
}

void CsvRecordReader::OnField(void* data, std::size_t size, void* self) {
  static_cast<CsvRecordReader*>(self)->Field(
      std::string_view(static_cast<const char*>(data), size));
}

void CsvRecordReader::OnRecordEnd(int terminator, void* self) {
  static_cast<CsvRecordReader*>(self)->RecordEnd(terminator);
}

void CsvRecordReader::Field(std::string_view text) {
  field_breaks_.Count(text);
  record_breaks_ += field_breaks_.total();
  field_breaks_ = {};
  const bool too_long = field_issue_ == FieldIssue::kTooLong || text.size() > max_field_bytes_;
  const FieldIssue issue = too_long ? FieldIssue::kTooLong : field_issue_;
  field_issue_ = FieldIssue::kNone;
  if (record_.field_count++ < max_stored_fields_) {
    record_.fields.emplace_back(too_long ? std::string_view() : text);
    record_.issues.push_back(issue);
  } else if (!text.empty() || issue != FieldIssue::kNone) {
    record_.unstored_fields_empty = false;
  }
}

// The '\n' of a CRLF arrives as a record end of its own, without fields, after the '\r'.
void CsvRecordReader::RecordEnd(int terminator) {
  const bool second_half_of_crlf =
      terminator == '\n' && last_terminator_ == '\r' && record_.field_count == 0;
  last_terminator_ = terminator;
  const long long start = line_;
  line_ += record_breaks_ + (terminator >= 0 && !second_half_of_crlf ? 1 : 0);
  record_breaks_ = 0;
  if (record_.field_count > 0) {
    record_.line = start;
    records_->push_back(std::move(record_));
  }
  record_ = CsvRecord{};
}

// libcsv keeps the field being read in entry_buf[0, entry_pos). Past the limit, all but its
// last byte go (that byte may be the quote that ends the field, which libcsv removes
// later), their line breaks counted first.
void CsvRecordReader::DropOverlongFieldBytes() {
  if (parser_.entry_pos <= max_field_bytes_) return;
  const std::size_t dropped = parser_.entry_pos - 1;
  field_breaks_.Count(std::string_view(reinterpret_cast<const char*>(parser_.entry_buf), dropped));
  parser_.entry_buf[0] = parser_.entry_buf[dropped];
  parser_.entry_pos = 1;
  field_issue_ = FieldIssue::kTooLong;
}

// Strict mode stopped at `c`: a quote inside an unquoted field, or the character after a
// quoted field's closing quote. Without strict mode libcsv keeps it as text; the field then
// goes on unquoted to the next delimiter or line break (rather than to the next quote,
// which could swallow the rest of the file).
void CsvRecordReader::ParseLeniently(char c) {
  if (field_issue_ == FieldIssue::kNone) field_issue_ = FieldIssue::kStrayQuote;
  csv_set_opts(&parser_, kOptions & ~CSV_STRICT);
  csv_parse(&parser_, &c, 1, OnField, OnRecordEnd, this);
  csv_set_opts(&parser_, kOptions);
  parser_.quoted = 0;
}

}  // namespace admin365::manage
