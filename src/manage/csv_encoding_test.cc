#include "manage/csv_encoding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "testutil/error_matchers.h"

namespace admin365::manage {
namespace {

using namespace std::string_literals;

TEST(CsvEncodingTest, SniffsTheByteOrderMark) {
  EXPECT_EQ(SniffByteOrderMark("\xEF\xBB\xBFupn").encoding, TextEncoding::kUtf8Bom);
  EXPECT_EQ(SniffByteOrderMark("\xEF\xBB\xBFupn").size, 3u);
  EXPECT_EQ(SniffByteOrderMark("\xFF\xFEu\0"s).encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(SniffByteOrderMark("\xFE\xFF\0u"s).encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(SniffByteOrderMark("\xFE\xFF\0u"s).size, 2u);
  EXPECT_EQ(SniffByteOrderMark("upn").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(SniffByteOrderMark("\xEF\xBB").size, 0u);
  EXPECT_EQ(SniffByteOrderMark("").size, 0u);
}

TEST(CsvEncodingTest, DecodesUtf16PieceByPiece) {
  Result<Utf8Decoder> decoder = Utf8Decoder::Create(TextEncoding::kUtf16Le);
  ASSERT_THAT(decoder, Succeeds());
  // "é😀" in UTF-16LE, fed one byte at a time.
  const std::string bytes = "\xE9\x00\x3D\xD8\x00\xDE"s;
  std::string utf8;
  for (char byte : bytes) {
    decoder->Decode(std::string_view(&byte, 1), utf8);
  }
  EXPECT_EQ(utf8, "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(decoder->pending_bytes(), 0u);
  decoder->Decode("A"s, utf8);
  EXPECT_EQ(decoder->pending_bytes(), 1u);
}

TEST(CsvEncodingTest, MarksAnUnpairedSurrogateWithAByteThatIsNotUtf8) {
  Result<Utf8Decoder> decoder = Utf8Decoder::Create(TextEncoding::kUtf16Be);
  ASSERT_THAT(decoder, Succeeds());
  std::string utf8;
  decoder->Decode("\xDC\x00\x00x"s, utf8);
  EXPECT_EQ(utf8, "\xFFx");
  EXPECT_FALSE(IsValidUtf8(utf8));
}

TEST(CsvEncodingTest, PassesUtf8Through) {
  Utf8Decoder decoder;
  std::string utf8;
  decoder.Decode("caf\xC3", utf8);
  decoder.Decode("\xA9", utf8);
  EXPECT_EQ(utf8, "caf\xC3\xA9");
  EXPECT_EQ(decoder.pending_bytes(), 0u);
}

TEST(CsvEncodingTest, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Zo\xC3\xAB \xE6\x97\xA5 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
  EXPECT_TRUE(IsValidUtf8("tab\tand\nline"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));           // Latin-1
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE6\x97"));          // cut short
  EXPECT_FALSE(IsValidUtf8("\x80"));              // continuation byte alone
}

}  // namespace
}  // namespace admin365::manage
