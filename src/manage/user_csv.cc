#include "manage/user_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>

#include "common/ascii.h"
#include "common/csv_writer.h"
#include "manage/csv_encoding.h"
#include "manage/csv_headers.h"
#include "manage/csv_records.h"

namespace admin365::manage {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;  // read from the input at a time
constexpr std::size_t kSliceBytes = 4096;       // parsed at a time, bounding the rows queued
constexpr std::size_t kMaxColumns = 1024;
constexpr std::string_view kExampleMarker = "Example:";
constexpr std::string_view kSaveAsUnicode = "save the file as UTF-8 or UTF-16 (\"Unicode text\")";

// True if the fields of `record` after the first `count` are empty and without issue.
bool FieldsAfterAreEmpty(const CsvRecord& record, std::size_t count) {
  for (std::size_t i = count; i < record.fields.size(); ++i) {
    if (!record.fields[i].empty() || record.issues[i] != FieldIssue::kNone) return false;
  }
  return record.unstored_fields_empty;
}

bool IsBlank(const CsvRecord& record) { return FieldsAfterAreEmpty(record, 0); }

// "version:v1.0" alone in the first cell, as the Entra templates start (Excel may have
// added delimiters after it).
bool IsVersionLine(const CsvRecord& record) {
  return !record.fields.empty() && StartsWithVersionMarker(TrimHeader(record.fields.front())) &&
         FieldsAfterAreEmpty(record, 1);
}

bool IsExampleRow(const CsvRecord& record) {
  if (record.fields.empty()) return false;
  const std::string_view first = TrimHeader(record.fields.front());
  return AsciiIEquals(first.substr(0, kExampleMarker.size()), kExampleMarker);
}

// How a row problem tells which delimiter to quote around.
std::string DelimiterInText(char delimiter) {
  return delimiter == '\t' ? "a tab" : fmt::format("the delimiter \"{}\"", delimiter);
}

class UserCsvReader final : public UserCsv {
 public:
  UserCsvReader(std::unique_ptr<std::istream> input, std::uint64_t total_bytes,
                const UserCsvOptions& options)
      : input_(std::move(input)), total_bytes_(total_bytes), options_(options) {}

  // Reads the encoding, the delimiter, the version line and the header.
  Status Start();

  Result<std::optional<UserCsvRow>> Next() override;

  CsvDialect dialect() const override { return dialect_; }
  char delimiter() const override { return delimiter_; }
  std::string_view encoding() const override { return TextEncodingName(encoding_); }
  const std::vector<std::string>& headers() const override { return headers_; }
  const std::vector<std::string>& fields() const override { return fields_; }
  std::vector<std::string> unknown_columns() const override;
  std::uint64_t bytes_read() const override { return bytes_read_; }
  std::uint64_t total_bytes() const override { return total_bytes_; }

 private:
  Status ReadHeader();
  Status CheckHeader(const CsvRecord& header) const;
  // The next record that is not blank, or nullopt at the end of the input.
  Result<std::optional<CsvRecord>> NextRecord();
  Status Advance();
  Status ReadChunk();
  void Decode(std::string_view bytes);
  UserCsvRow MakeRow(CsvRecord record);
  std::optional<Error> FindProblem(const CsvRecord& record) const;
  std::optional<Error> FieldProblem(const CsvRecord& record, std::size_t column) const;
  std::string Column(long long line, std::size_t column) const;

  std::unique_ptr<std::istream> input_;
  std::uint64_t total_bytes_;
  UserCsvOptions options_;
  std::uint64_t bytes_read_ = 0;
  TextEncoding encoding_ = TextEncoding::kUtf8;
  Utf8Decoder decoder_;
  std::string chunk_;
  std::string text_;  // decoded, from text_offset_ not parsed yet
  std::size_t text_offset_ = 0;
  LineBreakCounter lines_;             // in all the text decoded
  std::optional<Error> binary_error_;  // where the text stops: a NUL character
  bool input_done_ = false;
  bool parsing_done_ = false;
  std::unique_ptr<CsvRecordReader> reader_;
  std::deque<CsvRecord> records_;
  std::optional<Error> failure_;  // returned by every Next after a file error
  char delimiter_ = ',';
  CsvDialect dialect_ = CsvDialect::kGraph;
  std::vector<std::string> headers_;
  std::vector<std::string> fields_;
  long long rows_ = 0;
};

Status UserCsvReader::Start() {
  RETURN_IF_ERROR(ReadChunk());
  delimiter_ = DetectDelimiter(text_);
  reader_ = std::make_unique<CsvRecordReader>(delimiter_, options_.max_field_bytes);
  reader_->set_max_stored_fields(kMaxColumns);
  return ReadHeader();
}

Status UserCsvReader::ReadHeader() {
  ASSIGN_OR_RETURN(std::optional<CsvRecord> header, NextRecord());
  if (!header) {
    return Fail(CsvError(
        "the file is empty; expected a header line such as \"userPrincipalName,displayName\""));
  }
  if (IsVersionLine(*header)) {
    const CsvRecord version = std::move(*header);
    ASSIGN_OR_RETURN(header, NextRecord());
    if (!header) {
      return Fail(CsvError(fmt::format(
          "line {}: the file ends after \"{}\"; add the header line below it, such as \"Name "
          "[displayName] Required,User name [userPrincipalName] Required\"",
          version.line, TrimHeader(version.fields.front()))));
    }
  }
  RETURN_IF_ERROR(CheckHeader(*header));
  headers_ = std::move(header->fields);
  ASSIGN_OR_RETURN(HeaderMapping mapping, MapHeaders(headers_, header->line));
  dialect_ = mapping.dialect;
  fields_ = std::move(mapping.fields);
  reader_->set_max_stored_fields(headers_.size());
  return Ok();
}

Status UserCsvReader::CheckHeader(const CsvRecord& header) const {
  if (header.field_count > kMaxColumns) {
    return Fail(CsvError(fmt::format("line {}: the header has {} columns, more than {}",
                                     header.line, header.field_count, kMaxColumns)));
  }
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string where = fmt::format("line {}, column {}", header.line, i + 1);
    switch (header.issues[i]) {
      case FieldIssue::kTooLong:
        return Fail(CsvError(fmt::format(
            "{}: the header is longer than {} bytes; the first line (after \"version:v1.0\") "
            "must be the header",
            where, options_.max_field_bytes)));
      case FieldIssue::kStrayQuote:
        return Fail(CsvError(fmt::format(
            "{}: the header has a quote that is not escaped; enclose the whole header in "
            "quotes and double each quote inside it (\"\")",
            where)));
      case FieldIssue::kNone:
        break;
    }
    if (!IsValidUtf8(header.fields[i])) {
      return Fail(CsvError(fmt::format("{}: the header is not valid {}; {}", where,
                                       TextEncodingName(encoding_), kSaveAsUnicode)));
    }
  }
  return Ok();
}

Result<std::optional<UserCsvRow>> UserCsvReader::Next() {
  if (failure_) return Fail(*failure_);
  for (;;) {
    Result<std::optional<CsvRecord>> record = NextRecord();
    if (!record) {
      failure_ = record.error();
      return Fail(*failure_);
    }
    if (!*record) return std::nullopt;
    if (dialect_ == CsvDialect::kEntra && IsExampleRow(**record)) continue;
    return MakeRow(std::move(**record));
  }
}

Result<std::optional<CsvRecord>> UserCsvReader::NextRecord() {
  for (;;) {
    while (!records_.empty()) {
      CsvRecord record = std::move(records_.front());
      records_.pop_front();
      if (!IsBlank(record)) return record;
    }
    if (parsing_done_) {
      if (binary_error_) return Fail(*binary_error_);
      return std::nullopt;
    }
    RETURN_IF_ERROR(Advance());
  }
}

// One step forward: parses a slice of the decoded text, or reads a chunk, or ends.
Status UserCsvReader::Advance() {
  if (text_offset_ < text_.size()) {
    const std::string_view slice = std::string_view(text_).substr(text_offset_, kSliceBytes);
    text_offset_ += slice.size();
    return reader_->Parse(slice, records_);
  }
  if (!input_done_) return ReadChunk();
  parsing_done_ = true;
  if (binary_error_) return Ok();
  if (decoder_.pending_bytes() > 0) {
    return Fail(CsvError(fmt::format(
        "line {}: the file ends in the middle of a {} character; it may be cut short: {}",
        lines_.total() + 1, TextEncodingName(encoding_), kSaveAsUnicode)));
  }
  return reader_->Finish(records_);
}

Status UserCsvReader::ReadChunk() {
  chunk_.resize(kChunkBytes);
  input_->read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  if (input_->bad()) {
    return Fail(CsvError(fmt::format("the file could not be read after {} bytes: {}", bytes_read_,
                                     std::strerror(errno))));
  }
  const auto size = static_cast<std::size_t>(input_->gcount());
  input_done_ = size < chunk_.size();
  std::string_view bytes(chunk_.data(), size);
  if (bytes_read_ == 0) {
    const ByteOrderMark mark = SniffByteOrderMark(bytes);
    encoding_ = mark.encoding;
    ASSIGN_OR_RETURN(decoder_, Utf8Decoder::Create(encoding_));
    bytes.remove_prefix(mark.size);
  }
  bytes_read_ += size;
  Decode(bytes);
  return Ok();
}

// Appends the UTF-8 of `bytes` to the text to parse, up to a NUL character, which ends the
// input with binary_error_.
void UserCsvReader::Decode(std::string_view bytes) {
  text_.erase(0, text_offset_);
  text_offset_ = 0;
  const std::size_t start = text_.size();
  decoder_.Decode(bytes, text_);
  const std::size_t nul = text_.find('\0', start);
  lines_.Count(std::string_view(text_).substr(start, nul - start));
  if (nul == std::string::npos) return;
  text_.resize(nul);
  input_done_ = true;
  binary_error_ = CsvError(fmt::format(
      "line {}: the file holds NUL characters, so it is binary data or UTF-16 without a byte "
      "order mark, not a CSV text file; save it as \"CSV UTF-8\" or as \"Unicode text\"",
      lines_.total() + 1));
}

UserCsvRow UserCsvReader::MakeRow(CsvRecord record) {
  UserCsvRow row{.row = ++rows_, .line = record.line, .problem = FindProblem(record)};
  for (std::size_t column = 0; column < fields_.size(); ++column) {
    if (fields_[column].empty()) {
      row.unmapped.push_back(column < record.fields.size() ? std::move(record.fields[column])
                                                           : std::string());
      continue;
    }
    const bool usable = column < record.fields.size() && !FieldProblem(record, column);
    // A value as admin365 writes it ('+1 425…, '=…: common/csv_writer.h) reads as it was.
    row.values.emplace_back(fields_[column],
                            usable ? RestoreNeutralisedFormula(record.fields[column]) : "");
  }
  return row;
}

// The row's first problem: a wrong number of fields, else its first field problem.
std::optional<Error> UserCsvReader::FindProblem(const CsvRecord& record) const {
  const std::size_t expected = headers_.size();
  const bool too_many = record.field_count > expected && !FieldsAfterAreEmpty(record, expected);
  const bool too_few = record.field_count < expected && !record.fields.back().empty();
  if (too_many) {
    return CsvError(fmt::format(
        "line {}: the row has {} fields but the header has {}; quote fields that contain {}",
        record.line, record.field_count, expected, DelimiterInText(delimiter_)));
  }
  if (too_few) {
    return CsvError(fmt::format(
        "line {}: the row has {} fields but the header has {}; add the missing fields, empty "
        "ones too, so that each row has one per column",
        record.line, record.field_count, expected));
  }
  for (std::size_t column = 0; column < std::min(expected, record.fields.size()); ++column) {
    if (std::optional<Error> problem = FieldProblem(record, column)) return problem;
  }
  return std::nullopt;
}

// Invalid UTF-8 counts only in mapped columns: the others are not read.
std::optional<Error> UserCsvReader::FieldProblem(const CsvRecord& record,
                                                 std::size_t column) const {
  switch (record.issues[column]) {
    case FieldIssue::kTooLong:
      return CsvError(fmt::format("{}: the field is longer than {} bytes; shorten it",
                                  Column(record.line, column), options_.max_field_bytes));
    case FieldIssue::kStrayQuote:
      return CsvError(fmt::format(
          "{}: the field has a quote that is not escaped; enclose the whole field in quotes "
          "and double each quote inside it (\"\")",
          Column(record.line, column)));
    case FieldIssue::kNone:
      break;
  }
  if (!fields_[column].empty() && !IsValidUtf8(record.fields[column])) {
    const std::string_view encoding =
        encoding_ == TextEncoding::kUtf8Bom ? "UTF-8" : TextEncodingName(encoding_);
    return CsvError(fmt::format("{}: the field is not valid {}; {}", Column(record.line, column),
                                encoding, kSaveAsUnicode));
  }
  return std::nullopt;
}

// "line 7, column 3 (\"Password\")".
std::string UserCsvReader::Column(long long line, std::size_t column) const {
  return fmt::format("line {}, column {} (\"{}\")", line, column + 1, headers_[column]);
}

std::vector<std::string> UserCsvReader::unknown_columns() const {
  std::vector<std::string> unknown;
  for (std::size_t column = 0; column < fields_.size(); ++column) {
    if (fields_[column].empty()) {
      unknown.push_back(fmt::format("column {} \"{}\"", column + 1, headers_[column]));
    }
  }
  return unknown;
}

Result<std::unique_ptr<UserCsv>> OpenStream(std::unique_ptr<std::istream> input,
                                            std::uint64_t total_bytes,
                                            const UserCsvOptions& options) {
  auto csv = std::make_unique<UserCsvReader>(std::move(input), total_bytes, options);
  RETURN_IF_ERROR(csv->Start());
  return csv;
}

}  // namespace

const std::string* UserCsvRow::Find(std::string_view field) const {
  for (const auto& [name, value] : values) {
    if (AsciiIEquals(name, field)) return &value;
  }
  return nullptr;
}

Result<std::unique_ptr<UserCsv>> UserCsv::Open(const std::filesystem::path& path,
                                               const UserCsvOptions& options) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!*file || error) {
    return Fail(CsvError(fmt::format("cannot open \"{}\": {}", path.string(),
                                     error ? error.message() : std::strerror(errno))));
  }
  return OpenStream(std::move(file), size, options);
}

Result<std::unique_ptr<UserCsv>> UserCsv::FromBytes(std::string bytes,
                                                    const UserCsvOptions& options) {
  const std::uint64_t size = bytes.size();
  return OpenStream(std::make_unique<std::istringstream>(std::move(bytes)), size, options);
}

}  // namespace admin365::manage
