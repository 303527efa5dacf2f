#pragma once

// CsvRecordReader: the records of CSV text, fed in pieces of any size, read with libcsv,
// each with the physical line it starts on.
//
// Fields keep every byte (no blank is trimmed). A field longer than max_field_bytes is
// dropped as it streams (libcsv's buffer never holds much more than max_field_bytes) and
// marked kTooLong; a quote that is neither the first character of a field nor doubled in
// a quoted one is kept as text and marks its field kStrayQuote (the field then ends at the
// next delimiter or line break). Line breaks are CRLF, LF or CR; those inside quoted
// fields count as lines too.

#include <csv.h>

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace admin365::manage {

// The error of a malformed CSV file or row: kInvalidArgument, HTTP 400, Request_BadRequest.
Error CsvError(std::string message);

// Counts line breaks (CRLF, LF and CR each one) in text given in pieces: a CRLF split
// between two pieces counts once.
class LineBreakCounter {
 public:
  void Count(std::string_view text);
  long long total() const { return total_; }

 private:
  long long total_ = 0;
  bool after_cr_ = false;
};

// True if `text` starts with "version:" (any case), as the Entra templates' first line does.
bool StartsWithVersionMarker(std::string_view text);

// The delimiter of the header line at the start of `text` (after a "version:" line, which
// is skipped): the most frequent of ',', ';' and tab outside quotes; ',' when none appears,
// and on a tie the first of ',', ';', tab.
char DetectDelimiter(std::string_view text);

enum class FieldIssue { kNone, kTooLong, kStrayQuote };

struct CsvRecord {
  long long line = 0;               // the physical line the record starts on, from 1
  std::vector<std::string> fields;  // the first max_stored_fields fields ("" when kTooLong)
  std::vector<FieldIssue> issues;   // one per stored field
  std::size_t field_count = 0;      // all the record's fields, stored or not
  bool unstored_fields_empty = true;
};

class CsvRecordReader {
 public:
  CsvRecordReader(char delimiter, std::size_t max_field_bytes);
  ~CsvRecordReader();
  CsvRecordReader(const CsvRecordReader&) = delete;
  CsvRecordReader& operator=(const CsvRecordReader&) = delete;

  // Fields after the first `count` of a record are counted, not stored.
  void set_max_stored_fields(std::size_t count) { max_stored_fields_ = count; }

  // Reads `text` and appends the records it completes to `records`. Lines without any
  // field (blank lines) make no record. Error: Internal when libcsv runs out of memory.
  Status Parse(std::string_view text, std::deque<CsvRecord>& records);

  // Ends the input: appends the last record when no line break ends it. Error: a quoted
  // field is never closed ("line 3, column 2: a quoted field starting here is never
  // closed; close the quote or remove it").
  Status Finish(std::deque<CsvRecord>& records);

 private:
  static void OnField(void* data, std::size_t size, void* self);
  static void OnRecordEnd(int terminator, void* self);
  void Field(std::string_view text);
  void RecordEnd(int terminator);
  void DropOverlongFieldBytes();
  void ParseLeniently(char c);

  csv_parser parser_;
  std::size_t max_field_bytes_;
  std::size_t max_stored_fields_ = static_cast<std::size_t>(-1);
  std::deque<CsvRecord>* records_ = nullptr;    // where records go during a call
  CsvRecord record_;                            // the record being read
  FieldIssue field_issue_ = FieldIssue::kNone;  // of the field being read
  LineBreakCounter field_breaks_;               // in the field being read
  long long record_breaks_ = 0;                 // in the record's fields read so far
  long long line_ = 1;                          // where the record being read starts
  int last_terminator_ = -1;
};

}  // namespace admin365::manage
