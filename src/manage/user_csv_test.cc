#include "manage/user_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "testutil/error_matchers.h"

namespace admin365::manage {
namespace {

using namespace std::string_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Values = std::vector<std::pair<std::string, std::string>>;
using Strings = std::vector<std::string>;

// The error of a malformed file or row, as UserCsv builds it.
Error BadCsv(std::string message) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_BadRequest",
               .message = std::move(message)};
}

std::unique_ptr<UserCsv> Read(std::string bytes, const UserCsvOptions& options = {}) {
  Result<std::unique_ptr<UserCsv>> csv = UserCsv::FromBytes(std::move(bytes), options);
  if (!csv) {
    ADD_FAILURE() << "FromBytes failed: " << csv.error().message;
    return nullptr;
  }
  return std::move(*csv);
}

// Every row up to the end of the file, failing the test on a file error.
std::vector<UserCsvRow> Rows(UserCsv& csv) {
  std::vector<UserCsvRow> rows;
  for (;;) {
    Result<std::optional<UserCsvRow>> row = csv.Next();
    if (!row) {
      ADD_FAILURE() << "Next failed: " << row.error().message;
      return rows;
    }
    if (!*row) return rows;
    rows.push_back(std::move(**row));
  }
}

std::vector<UserCsvRow> Rows(std::string bytes) {
  std::unique_ptr<UserCsv> csv = Read(std::move(bytes));
  return csv ? Rows(*csv) : std::vector<UserCsvRow>{};
}

// The row's problem message, "" when it has none.
std::string Problem(const UserCsvRow& row) { return row.problem ? row.problem->message : ""; }

std::string Repeat(std::string_view unit, std::size_t count) {
  std::string out;
  out.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += unit;
  return out;
}

// `text` in UTF-16 with its byte order mark.
std::string Utf16(std::u32string_view text, bool little_endian) {
  std::string bytes;
  auto unit = [&](char16_t u) {
    const char high = static_cast<char>(u >> 8), low = static_cast<char>(u & 0xFF);
    bytes += little_endian ? low : high;
    bytes += little_endian ? high : low;
  };
  unit(0xFEFF);
  for (char32_t c : text) {
    if (c < 0x10000) {
      unit(static_cast<char16_t>(c));
    } else {
      unit(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return bytes;
}

constexpr std::string_view kEntraCreateHeader =
    "Name [displayName] Required,User name [userPrincipalName] Required,Initial password "
    "[passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,First name "
    "[givenName],Last name [surname],Job title [jobTitle],Department [department],Usage "
    "location [usageLocation],Street address [streetAddress],State or province [state],Country "
    "or region [country],Office [physicalDeliveryOfficeName],City [city],ZIP or postal code "
    "[postalCode],Office phone [telephoneNumber],Mobile phone [mobile]";

const std::string kEntraCreateFile =
    "version:v1.0\n" + std::string(kEntraCreateHeader) +
    "\n"
    "Example: Alain Charon,alain@contoso.com,Password1!,No,Alain,Charon,Software "
    "Engineer,Engineering,US,,,,,,,\n"
    "Adele Vance,adele@contoso.com,Correct-Horse-7,No,Adele,Vance,Retail Manager,Retail,US,"
    "1 Microsoft Way,WA,United States,18/2111,Redmond,98052,+1 425 555 0109,+1 425 555 0110\n"
    "Megan Bowen, megan@contoso.com ,Battery-Staple-9,Yes,,,,,,,,,,,,,\n";

// ---------------------------------------------------------------------------------------
// Dialects

TEST(UserCsvTest, ReadsTheEntraBulkCreateTemplate) {
  std::unique_ptr<UserCsv> csv = Read(kEntraCreateFile);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->dialect(), CsvDialect::kEntra);
  EXPECT_EQ(CsvDialectName(csv->dialect()), "Entra");
  EXPECT_EQ(csv->delimiter(), ',');
  EXPECT_EQ(csv->encoding(), "UTF-8");
  EXPECT_EQ(csv->headers().size(), 17u);
  EXPECT_EQ(csv->headers()[3], "Block sign in (Yes/No) [accountEnabled] Required");
  EXPECT_THAT(csv->fields(),
              ElementsAre("displayName", "userPrincipalName", "password", "blockSignIn",
                          "givenName", "surname", "jobTitle", "department", "usageLocation",
                          "streetAddress", "state", "country", "officeLocation", "city",
                          "postalCode", "businessPhones", "mobilePhone"));
  EXPECT_THAT(csv->unknown_columns(), IsEmpty());

  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].row, 1);
  EXPECT_EQ(rows[0].line, 4);
  EXPECT_EQ(Problem(rows[0]), "");
  EXPECT_EQ(rows[0].values, (Values{{"displayName", "Adele Vance"},
                                    {"userPrincipalName", "adele@contoso.com"},
                                    {"password", "Correct-Horse-7"},
                                    {"blockSignIn", "No"},
                                    {"givenName", "Adele"},
                                    {"surname", "Vance"},
                                    {"jobTitle", "Retail Manager"},
                                    {"department", "Retail"},
                                    {"usageLocation", "US"},
                                    {"streetAddress", "1 Microsoft Way"},
                                    {"state", "WA"},
                                    {"country", "United States"},
                                    {"officeLocation", "18/2111"},
                                    {"city", "Redmond"},
                                    {"postalCode", "98052"},
                                    {"businessPhones", "+1 425 555 0109"},
                                    {"mobilePhone", "+1 425 555 0110"}}));
  EXPECT_EQ(rows[1].row, 2);
  EXPECT_EQ(rows[1].line, 5);
  EXPECT_EQ(Problem(rows[1]), "");
  // Values are not trimmed: the bulk engine reports the spaces around a UPN.
  EXPECT_EQ(*rows[1].Find("userPrincipalName"), " megan@contoso.com ");
  EXPECT_EQ(*rows[1].Find("BLOCKSIGNIN"), "Yes");
  EXPECT_EQ(*rows[1].Find("mobilePhone"), "");
  EXPECT_EQ(rows[1].Find("accountEnabled"), nullptr);
  EXPECT_EQ(csv->bytes_read(), kEntraCreateFile.size());
  EXPECT_EQ(csv->total_bytes(), kEntraCreateFile.size());
}

TEST(UserCsvTest, ReadsTheEntraBulkDeleteTemplate) {
  std::vector<UserCsvRow> rows = Rows(
      "version:v1.0\n"
      "User name [userPrincipalName] Required\n"
      "Example: chris@contoso.com\n"
      "chris@contoso.com\n"
      "\n"
      "adele@contoso.com\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].values, (Values{{"userPrincipalName", "chris@contoso.com"}}));
  EXPECT_EQ(rows[0].line, 4);
  EXPECT_EQ(rows[1].values, (Values{{"userPrincipalName", "adele@contoso.com"}}));
  EXPECT_EQ(rows[1].row, 2);
  EXPECT_EQ(rows[1].line, 6);
}

TEST(UserCsvTest, ReadsTheEntraBulkRestoreTemplate) {
  std::unique_ptr<UserCsv> csv = Read(
      "version:v1.0\r\n"
      "Object ID [objectId] Required\r\n"
      "6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11\r\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->dialect(), CsvDialect::kEntra);
  EXPECT_THAT(csv->fields(), ElementsAre("id"));
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values, (Values{{"id", "6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11"}}));
  EXPECT_EQ(rows[0].line, 3);
}

TEST(UserCsvTest, AcceptsTheVersionLineAsExcelSavesIt) {
  std::unique_ptr<UserCsv> csv = Read(
      "version:v1.0;;\n"
      "Name [displayName] Required;User name [userPrincipalName] Required;Department "
      "[department]\n"
      "Adele Vance;adele@contoso.com;Retail\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->delimiter(), ';');
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("department"), "Retail");
  EXPECT_EQ(rows[0].line, 3);
}

TEST(UserCsvTest, ReadsTheMicrosoft365AdminCenterTemplate) {
  std::unique_ptr<UserCsv> csv = Read(
      "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office "
      "Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or "
      "Postal Code,Country or Region\r\n"
      "chris@contoso.com,Chris,Green,Chris Green,IT Manager,Information Technology,123451,123-"
      "555-1211,123-555-6641,123-555-9821,chris@contoso.net,1 Microsoft way,Redmond,Wa,98052,"
      "United States\r\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->dialect(), CsvDialect::kAdminCenter);
  EXPECT_EQ(CsvDialectName(csv->dialect()), "Microsoft 365 admin center");
  EXPECT_THAT(
      csv->fields(),
      ElementsAre("userPrincipalName", "givenName", "surname", "displayName", "jobTitle",
                  "department", "officeLocation", "businessPhones", "mobilePhone", "faxNumber",
                  "otherMails", "streetAddress", "city", "state", "postalCode", "country"));
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("otherMails"), "chris@contoso.net");
  EXPECT_EQ(*rows[0].Find("country"), "United States");
  EXPECT_EQ(rows[0].line, 2);
}

TEST(UserCsvTest, ReadsMsOnlineAndM365ManagerPlusHeaders) {
  std::unique_ptr<UserCsv> csv = Read(
      "UserPrincipalName,DisplayName,FirstName,LastName,UsageLocation,Office,PhoneNumber,Title,"
      "PasswordNeverExpires,StrongPasswordRequired,Password,ForceChangePassword,BlockCredential,"
      "LicenseAssignment,AlternateEmailAddresses,AlternateMobilePhones\n"
      "adele@contoso.com,Adele Vance,Adele,Vance,US,18/2111,+1 425 555 0109,Retail Manager,"
      "TRUE,TRUE,Correct-Horse-7,FALSE,FALSE,contoso:ENTERPRISEPACK,adele@fabrikam.com,\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->dialect(), CsvDialect::kMsOnline);
  EXPECT_EQ(CsvDialectName(csv->dialect()), "MSOnline / M365 Manager Plus");
  EXPECT_THAT(csv->fields(),
              ElementsAre("userPrincipalName", "displayName", "givenName", "surname",
                          "usageLocation", "officeLocation", "businessPhones", "jobTitle",
                          "passwordNeverExpires", "strongPasswordRequired", "password",
                          "forceChangePassword", "blockSignIn", "addLicenses", "otherMails", ""));
  // Graph has no property for MSOnline's alternate mobile phones: the column is reported.
  EXPECT_THAT(csv->unknown_columns(), ElementsAre("column 16 \"AlternateMobilePhones\""));
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Problem(rows[0]), "");
  EXPECT_EQ(*rows[0].Find("addLicenses"), "contoso:ENTERPRISEPACK");
  EXPECT_EQ(rows[0].values.size(), 15u);
}

TEST(UserCsvTest, ReadsTheM365ManagerPlusModificationHeaders) {
  std::unique_ptr<UserCsv> csv = Read(
      "UserPrincipalName,FirstName,LastName,DisplayName,Initials,Country,State,City,"
      "StreetAddress,PostalCode,PostOfficeBox,Department,Office,Company,DirectReports,"
      "EmployeeId\n"
      "adele@contoso.com,Adele,Vance,Adele Vance,AV,United States,WA,Redmond,1 Microsoft Way,"
      "98052,,Retail,18/2111,Contoso,\"megan@contoso.com,alex@contoso.com\",E1234\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->dialect(), CsvDialect::kMsOnline);
  EXPECT_THAT(csv->unknown_columns(),
              ElementsAre("column 5 \"Initials\"", "column 11 \"PostOfficeBox\""));
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("directReports"), "megan@contoso.com,alex@contoso.com");
  EXPECT_EQ(*rows[0].Find("companyName"), "Contoso");
  EXPECT_EQ(*rows[0].Find("employeeId"), "E1234");
}

TEST(UserCsvTest, ReadsGraphPropertyNamesInAnyCase) {
  std::unique_ptr<UserCsv> csv = Read(
      "userPrincipalName,DISPLAYNAME,accountEnabled,passwordPolicies,"
      "forceChangePasswordNextSignIn,password,addLicenses,mfaState,  Cost centre \n"
      "adele@contoso.com,Adele Vance,true,DisablePasswordExpiration,true,Correct-Horse-7,"
      "SPE_E3,enforced,4711\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->dialect(), CsvDialect::kGraph);
  EXPECT_EQ(CsvDialectName(csv->dialect()), "Microsoft Graph");
  EXPECT_THAT(csv->fields(),
              ElementsAre("userPrincipalName", "displayName", "accountEnabled", "passwordPolicies",
                          "forceChangePassword", "password", "addLicenses", "mfaState", ""));
  EXPECT_THAT(csv->unknown_columns(), ElementsAre("column 9 \"  Cost centre \""));
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values, (Values{{"userPrincipalName", "adele@contoso.com"},
                                    {"displayName", "Adele Vance"},
                                    {"accountEnabled", "true"},
                                    {"passwordPolicies", "DisablePasswordExpiration"},
                                    {"forceChangePassword", "true"},
                                    {"password", "Correct-Horse-7"},
                                    {"addLicenses", "SPE_E3"},
                                    {"mfaState", "enforced"}}));
}

TEST(UserCsvTest, SkipsExampleRowsOnlyInTheEntraDialect) {
  std::vector<UserCsvRow> rows = Rows("userPrincipalName,displayName\nExample:x,Example\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("userPrincipalName"), "Example:x");
}

TEST(UserCsvTest, RefusesTwoColumnsForOneField) {
  Result<std::unique_ptr<UserCsv>> csv =
      UserCsv::FromBytes("version:v1.0\nUserPrincipalName,DisplayName,Department,User Name\n");
  EXPECT_THAT(csv, FailsWith(BadCsv("line 2: two columns mean userPrincipalName: column 1 "
                                    "\"UserPrincipalName\" and column 4 \"User Name\"; remove "
                                    "one")));
}

TEST(UserCsvTest, RefusesAHeaderThatNamesNoField) {
  Result<std::unique_ptr<UserCsv>> csv =
      UserCsv::FromBytes("adele@contoso.com,Adele Vance\nmegan@contoso.com,Megan Bowen\n");
  EXPECT_THAT(csv, FailsWith(BadCsv(
                       "line 1: no column names a user field; the header line needs names such "
                       "as \"userPrincipalName\", \"User Name\" or \"User name "
                       "[userPrincipalName] Required\"")));
}

// ---------------------------------------------------------------------------------------
// Encodings, line ends and delimiters

TEST(UserCsvTest, ReadsUtf8WithByteOrderMark) {
  std::unique_ptr<UserCsv> csv =
      Read("\xEF\xBB\xBFuserPrincipalName,displayName\nzoe@contoso.com,Zo\xC3\xAB\n");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->encoding(), "UTF-8 (BOM)");
  EXPECT_THAT(csv->headers(), ElementsAre("userPrincipalName", "displayName"));
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("displayName"), "Zo\xC3\xAB");
}

TEST(UserCsvTest, ReadsUtf16LittleEndian) {
  std::unique_ptr<UserCsv> csv = Read(Utf16(
      U"userPrincipalName\tdisplayName\r\nzoe@contoso.com\tZo\u00EB \u65E5\u672C \U0001F600\r\n",
      true));
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->encoding(), "UTF-16LE");
  EXPECT_EQ(csv->delimiter(), '\t');
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values, (Values{{"userPrincipalName", "zoe@contoso.com"},
                                    {"displayName",
                                     "Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC "
                                     "\xF0\x9F\x98\x80"}}));
  EXPECT_EQ(rows[0].line, 2);
}

TEST(UserCsvTest, ReadsUtf16BigEndian) {
  std::unique_ptr<UserCsv> csv =
      Read(Utf16(U"User Name,Display Name\nzoe@contoso.com,Zo\u00EB\n", false));
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->encoding(), "UTF-16BE");
  EXPECT_EQ(csv->dialect(), CsvDialect::kAdminCenter);
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("displayName"), "Zo\xC3\xAB");
}

TEST(UserCsvTest, CompletesAUtf16CharacterSplitBetweenReads) {
  // The 4 bytes of U+1F600 start at byte 65534: the first 64 KiB read ends inside them.
  const std::string header = Utf16(U"userPrincipalName,displayName\n", true);
  const std::string row_start = Utf16(U"a@contoso.com,", true).substr(2);
  const std::size_t padding = (65534 - header.size() - row_start.size()) / 2;
  const std::u32string tail = std::u32string(padding, U'x') + U"\U0001F600\nb@contoso.com,B\n";
  const std::string file = header + row_start + Utf16(tail, true).substr(2);
  ASSERT_EQ(file.substr(65534, 4), Utf16(U"\U0001F600", true).substr(2));
  std::vector<UserCsvRow> rows = Rows(file);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[0].Find("displayName"), std::string(padding, 'x') + "\xF0\x9F\x98\x80");
  EXPECT_EQ(Problem(rows[0]), "");
  EXPECT_EQ(*rows[1].Find("displayName"), "B");
  EXPECT_EQ(rows[1].line, 3);
}

TEST(UserCsvTest, ReportsAnUnpairedUtf16SurrogateAsARowProblem) {
  std::string bytes =
      Utf16(U"userPrincipalName,displayName\na@contoso.com,A\U0001F600\nb@contoso.com,B\n", true);
  // Drops the low half of U+1F600's surrogate pair (D83D DE00): the high half stands alone.
  const std::size_t pair = bytes.find("\x3D\xD8\x00\xDE"s);
  ASSERT_NE(pair, std::string::npos);
  bytes.erase(pair + 2, 2);
  std::vector<UserCsvRow> rows = Rows(bytes);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Problem(rows[0]),
            "line 2, column 2 (\"displayName\"): the field is not valid UTF-16LE; save the file "
            "as UTF-8 or UTF-16 (\"Unicode text\")");
  EXPECT_EQ(*rows[0].Find("displayName"), "");
  EXPECT_EQ(Problem(rows[1]), "");
}

TEST(UserCsvTest, RefusesUtf16CutShort) {
  std::string bytes = Utf16(U"userPrincipalName\na@contoso.com\n", false);
  bytes.pop_back();
  std::unique_ptr<UserCsv> csv = Read(bytes);
  ASSERT_TRUE(csv);
  Result<std::optional<UserCsvRow>> row = csv->Next();
  EXPECT_THAT(row, FailsWith(BadCsv("line 2: the file ends in the middle of a UTF-16BE "
                                    "character; it may be cut short: save the file as UTF-8 or "
                                    "UTF-16 (\"Unicode text\")")));
}

TEST(UserCsvTest, CountsLinesWithCrLfLfOrCrLineEnds) {
  for (std::string_view end : {"\r\n", "\n", "\r"}) {
    SCOPED_TRACE(testing::PrintToString(end));
    const std::string e(end);
    std::vector<UserCsvRow> rows =
        Rows("userPrincipalName" + e + "a@contoso.com" + e + e + e + "b@contoso.com" + e);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].line, 2);
    EXPECT_EQ(rows[1].row, 2);
    EXPECT_EQ(rows[1].line, 5);
    EXPECT_EQ(*rows[1].Find("userPrincipalName"), "b@contoso.com");
  }
}

TEST(UserCsvTest, ReadsTheLastLineWithoutALineBreak) {
  std::vector<UserCsvRow> rows = Rows("userPrincipalName,displayName\r\na@contoso.com,A");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("displayName"), "A");
}

TEST(UserCsvTest, DetectsTheSemicolonAndTabDelimiters) {
  std::unique_ptr<UserCsv> semicolons =
      Read("userPrincipalName;\"Display, name\";department\na@contoso.com;Vance, Adele;R&D\n");
  ASSERT_TRUE(semicolons);
  EXPECT_EQ(semicolons->delimiter(), ';');
  EXPECT_THAT(semicolons->headers(),
              ElementsAre("userPrincipalName", "Display, name", "department"));
  std::vector<UserCsvRow> rows = Rows(*semicolons);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("department"), "R&D");

  std::unique_ptr<UserCsv> tabs = Read("userPrincipalName\tdisplayName\na@contoso.com\tVance, A\n");
  ASSERT_TRUE(tabs);
  EXPECT_EQ(tabs->delimiter(), '\t');
  rows = Rows(*tabs);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0].Find("displayName"), "Vance, A");
}

TEST(UserCsvTest, ReadsQuotedDelimitersQuotesAndLineBreaks) {
  std::vector<UserCsvRow> rows = Rows(
      "userPrincipalName,displayName,streetAddress\n"
      "a@contoso.com,\"Vance, Adele \"\"AV\"\"\",\"1 Microsoft Way\r\nBuilding 4\nRedmond\"\n"
      "b@contoso.com,\"\",\n"
      "c@contoso.com,\"C\",\"\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].values, (Values{{"userPrincipalName", "a@contoso.com"},
                                    {"displayName", "Vance, Adele \"AV\""},
                                    {"streetAddress", "1 Microsoft Way\r\nBuilding 4\nRedmond"}}));
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[1].line, 5);
  EXPECT_EQ(rows[1].row, 2);
  EXPECT_EQ(*rows[1].Find("displayName"), "");
  EXPECT_EQ(rows[2].line, 6);
  EXPECT_EQ(*rows[2].Find("displayName"), "C");
}

// The apostrophe admin365 writes before a value that starts like a formula is dropped;
// an apostrophe before anything else is part of the value.
TEST(UserCsvTest, ReadsNeutralisedFormulasAsTheValuesTheyWere) {
  std::vector<UserCsvRow> rows = Rows(
      "userPrincipalName,displayName,mobilePhone,jobTitle\n"
      "a@contoso.com,\"'=HYPERLINK(\"\"x\"\")\",'+1 4255550100,'-lead\n"
      "b@contoso.com,'@home,'Brien,''=x\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].values, (Values{{"userPrincipalName", "a@contoso.com"},
                                    {"displayName", "=HYPERLINK(\"x\")"},
                                    {"mobilePhone", "+1 4255550100"},
                                    {"jobTitle", "-lead"}}));
  EXPECT_EQ(rows[1].values, (Values{{"userPrincipalName", "b@contoso.com"},
                                    {"displayName", "@home"},
                                    {"mobilePhone", "'Brien"},
                                    {"jobTitle", "''=x"}}));
}

TEST(UserCsvTest, SkipsRowsOfEmptyFieldsAsExcelWritesThem) {
  std::vector<UserCsvRow> rows =
      Rows("userPrincipalName,displayName\n,\na@contoso.com,A\n,,,\n\"\",\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].row, 1);
  EXPECT_EQ(rows[0].line, 3);
}

// ---------------------------------------------------------------------------------------
// Hostile input

TEST(UserCsvTest, RefusesAnUnterminatedQuoteAfterTheRowsBeforeIt) {
  std::unique_ptr<UserCsv> csv = Read(
      "userPrincipalName,displayName\n"
      "a@contoso.com,A\n"
      "b@contoso.com,\"Bowen\n"
      "c@contoso.com,C\n");
  ASSERT_TRUE(csv);
  Result<std::optional<UserCsvRow>> row = csv->Next();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(*(*row)->Find("userPrincipalName"), "a@contoso.com");
  const Error expected = BadCsv(
      "line 3, column 2: a quoted field starting here is never closed; close the quote or "
      "remove it");
  EXPECT_THAT(csv->Next(), FailsWith(expected));
  EXPECT_THAT(csv->Next(), FailsWith(expected));  // and stays failed
}

TEST(UserCsvTest, ReportsAStrayQuoteAsARowProblem) {
  std::vector<UserCsvRow> rows = Rows(
      "userPrincipalName,displayName\n"
      "a@contoso.com,27\" screen\n"
      "b@contoso.com,\"Bowen\"x\n"
      "c@contoso.com,C\n");
  ASSERT_EQ(rows.size(), 3u);
  const std::string stray =
      ", column 2 (\"displayName\"): the field has a quote that is not escaped; enclose the "
      "whole field in quotes and double each quote inside it (\"\")";
  EXPECT_EQ(Problem(rows[0]), "line 2" + stray);
  EXPECT_EQ(Problem(rows[1]), "line 3" + stray);
  EXPECT_EQ(*rows[1].Find("displayName"), "");
  EXPECT_EQ(Problem(rows[2]), "");
  EXPECT_EQ(*rows[2].Find("displayName"), "C");
  EXPECT_EQ(rows[2].line, 4);
}

TEST(UserCsvTest, ReportsRowsWithMoreOrFewerFields) {
  std::vector<UserCsvRow> rows = Rows(
      "userPrincipalName,displayName,department,jobTitle\n"
      "a@contoso.com,Vance, Adele,Retail,Manager\n"
      "b@contoso.com,Megan Bowen,Sales,Rep,,\n"
      "c@contoso.com,Alex Wilber,Retail\n"
      "d@contoso.com,Diego Siciliani,,\n"
      "e@contoso.com,Emily Braun,\n");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(Problem(rows[0]),
            "line 2: the row has 5 fields but the header has 4; quote fields that contain the "
            "delimiter \",\"");
  // Trailing empty fields are forgiven.
  EXPECT_EQ(Problem(rows[1]), "");
  EXPECT_EQ(*rows[1].Find("jobTitle"), "Rep");
  EXPECT_EQ(Problem(rows[2]),
            "line 4: the row has 3 fields but the header has 4; add the missing fields, empty "
            "ones too, so that each row has one per column");
  EXPECT_EQ(Problem(rows[3]), "");
  // A row that ends with an empty field is a padded row: the fields it lacks are empty.
  EXPECT_EQ(Problem(rows[4]), "");
  EXPECT_EQ(rows[4].values, (Values{{"userPrincipalName", "e@contoso.com"},
                                    {"displayName", "Emily Braun"},
                                    {"department", ""},
                                    {"jobTitle", ""}}));
}

TEST(UserCsvTest, NamesATabDelimiterInRowProblems) {
  std::vector<UserCsvRow> rows = Rows("userPrincipalName\tdisplayName\na\tb\tc\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Problem(rows[0]),
            "line 2: the row has 3 fields but the header has 2; quote fields that contain a tab");
}

TEST(UserCsvTest, DropsATenMegabyteFieldAndReadsOn) {
  const std::string huge = Repeat("0123456789", 1024 * 1024);
  const std::string quoted_huge = "\"" + Repeat(Repeat("x", 999) + "\n", 10 * 1024) + "\"";
  std::vector<UserCsvRow> rows = Rows(
      "userPrincipalName,displayName\n"
      "a@contoso.com," +
      huge +
      "\n"
      "b@contoso.com," +
      quoted_huge +
      "\n"
      "c@contoso.com,C\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Problem(rows[0]),
            "line 2, column 2 (\"displayName\"): the field is longer than 65536 bytes; shorten "
            "it");
  EXPECT_EQ(*rows[0].Find("displayName"), "");
  EXPECT_EQ(*rows[0].Find("userPrincipalName"), "a@contoso.com");
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(Problem(rows[1]),
            "line 3, column 2 (\"displayName\"): the field is longer than 65536 bytes; shorten "
            "it");
  // The 10,240 line breaks inside the dropped field still count.
  EXPECT_EQ(rows[2].line, 3 + 10 * 1024 + 1);
  EXPECT_EQ(Problem(rows[2]), "");
  EXPECT_EQ(*rows[2].Find("displayName"), "C");
}

TEST(UserCsvTest, HonoursMaxFieldBytes) {
  std::unique_ptr<UserCsv> csv = Read(
      "userPrincipalName,displayName\na@contoso.com,12345678901234567\n"
      "b@contoso.com,123456789012345678\n",
      UserCsvOptions{.max_field_bytes = 17});
  ASSERT_TRUE(csv);
  std::vector<UserCsvRow> rows = Rows(*csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Problem(rows[0]), "");
  EXPECT_EQ(Problem(rows[1]),
            "line 3, column 2 (\"displayName\"): the field is longer than 17 bytes; shorten it");
}

TEST(UserCsvTest, RefusesBinaryContentNamingTheLine) {
  std::unique_ptr<UserCsv> csv =
      Read("userPrincipalName\na@contoso.com\r\nb@contoso.com\nPK\x03\x04\0\0junk"s);
  ASSERT_TRUE(csv);
  Result<std::optional<UserCsvRow>> row = csv->Next();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->line, 2);
  row = csv->Next();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->line, 3);
  EXPECT_THAT(csv->Next(),
              FailsWith(BadCsv("line 4: the file holds NUL characters, so it is binary data or "
                               "UTF-16 without a byte order mark, not a CSV text file; save it "
                               "as \"CSV UTF-8\" or as \"Unicode text\"")));
}

TEST(UserCsvTest, RefusesUtf16WithoutByteOrderMark) {
  std::string bytes = Utf16(U"userPrincipalName\na@contoso.com\n", true).substr(2);
  EXPECT_THAT(UserCsv::FromBytes(bytes),
              FailsWith(BadCsv("line 1: the file holds NUL characters, so it is binary data or "
                               "UTF-16 without a byte order mark, not a CSV text file; save it "
                               "as \"CSV UTF-8\" or as \"Unicode text\"")));
}

TEST(UserCsvTest, RefusesAHeaderThatIsNotUtf8) {
  EXPECT_THAT(UserCsv::FromBytes("userPrincipalName,Soci\xE9t\xE9\na@contoso.com,x\n"),
              FailsWith(BadCsv("line 1, column 2: the header is not valid UTF-8; save the file "
                               "as UTF-8 or UTF-16 (\"Unicode text\")")));
}

TEST(UserCsvTest, ReportsInvalidUtf8InMappedFieldsOnly) {
  std::vector<UserCsvRow> rows = Rows(
      "userPrincipalName,Password,Notes\n"
      "a@contoso.com,caf\xE9,ok\n"
      "b@contoso.com,ok,caf\xE9\n"
      "c@contoso.com,\xED\xA0\x80,ok\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Problem(rows[0]),
            "line 2, column 2 (\"Password\"): the field is not valid UTF-8; save the file as "
            "UTF-8 or UTF-16 (\"Unicode text\")");
  EXPECT_EQ(*rows[0].Find("password"), "");
  EXPECT_EQ(Problem(rows[1]), "");
  EXPECT_EQ(Problem(rows[2]),
            "line 4, column 2 (\"Password\"): the field is not valid UTF-8; save the file as "
            "UTF-8 or UTF-16 (\"Unicode text\")");
}

TEST(UserCsvTest, RefusesAnEmptyFile) {
  const Error empty =
      BadCsv("the file is empty; expected a header line such as \"userPrincipalName,displayName\"");
  EXPECT_THAT(UserCsv::FromBytes(""), FailsWith(empty));
  EXPECT_THAT(UserCsv::FromBytes("\xEF\xBB\xBF"), FailsWith(empty));
  EXPECT_THAT(UserCsv::FromBytes("\r\n\n\r\n"), FailsWith(empty));
  EXPECT_THAT(UserCsv::FromBytes(Utf16(U"", true)), FailsWith(empty));
}

TEST(UserCsvTest, ReadsAHeaderOnlyFileAsNoRows) {
  std::unique_ptr<UserCsv> csv = Read("userPrincipalName,displayName\r\n");
  ASSERT_TRUE(csv);
  Result<std::optional<UserCsvRow>> row = csv->Next();
  ASSERT_TRUE(row);
  EXPECT_FALSE(*row);
  std::unique_ptr<UserCsv> entra = Read("version:v1.0\n" + std::string(kEntraCreateHeader));
  ASSERT_TRUE(entra);
  EXPECT_THAT(Rows(*entra), IsEmpty());
}

TEST(UserCsvTest, RefusesAFileOfOnlyTheVersionLine) {
  EXPECT_THAT(UserCsv::FromBytes("version:v1.0\r\n"),
              FailsWith(BadCsv("line 1: the file ends after \"version:v1.0\"; add the header "
                               "line below it, such as \"Name [displayName] Required,User name "
                               "[userPrincipalName] Required\"")));
}

TEST(UserCsvTest, RefusesAStrayQuoteOrAnOverlongCellInTheHeader) {
  EXPECT_THAT(UserCsv::FromBytes("userPrincipalName, \"displayName\"\n"),
              FailsWith(BadCsv("line 1, column 2: the header has a quote that is not escaped; "
                               "enclose the whole header in quotes and double each quote inside "
                               "it (\"\")")));
  EXPECT_THAT(
      UserCsv::FromBytes("userPrincipalName,displayName\n", UserCsvOptions{.max_field_bytes = 12}),
      FailsWith(BadCsv("line 1, column 1: the header is longer than 12 bytes; the first "
                       "line (after \"version:v1.0\") must be the header")));
}

TEST(UserCsvTest, RefusesAHeaderOfMoreThan1024Columns) {
  EXPECT_THAT(UserCsv::FromBytes("userPrincipalName" + Repeat(",x", 1100) + "\n"),
              FailsWith(BadCsv("line 1: the header has 1101 columns, more than 1024")));
}

// ---------------------------------------------------------------------------------------
// Files

class UserCsvFileTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(std::string_view bytes) {
    const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) /
                                       ("user_csv_test_" + std::to_string(files_.size()) + ".csv");
    std::ofstream(path, std::ios::binary).write(bytes.data(), bytes.size());
    files_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& path : files_) std::filesystem::remove(path);
  }

  std::vector<std::filesystem::path> files_;
};

TEST_F(UserCsvFileTest, OpensAFile) {
  Result<std::unique_ptr<UserCsv>> csv = UserCsv::Open(Write(kEntraCreateFile));
  ASSERT_THAT(csv, Succeeds());
  EXPECT_EQ((*csv)->dialect(), CsvDialect::kEntra);
  EXPECT_EQ((*csv)->total_bytes(), kEntraCreateFile.size());
  std::vector<UserCsvRow> rows = Rows(**csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[1].Find("displayName"), "Megan Bowen");
}

TEST_F(UserCsvFileTest, StreamsALargeFileReportingProgress) {
  std::string file = "\xEF\xBB\xBFuserPrincipalName;displayName\r\n";
  constexpr int kUsers = 20000;
  for (int i = 1; i <= kUsers; ++i) {
    file += "user" + std::to_string(i) + "@contoso.com;\"User\n" + std::to_string(i) + "\"\r\n";
  }
  Result<std::unique_ptr<UserCsv>> csv = UserCsv::Open(Write(file));
  ASSERT_THAT(csv, Succeeds());
  UserCsv& reader = **csv;
  EXPECT_EQ(reader.total_bytes(), file.size());
  EXPECT_LT(reader.bytes_read(), file.size());
  long long count = 0;
  long long last_line = 0;
  for (;;) {
    Result<std::optional<UserCsvRow>> row = reader.Next();
    ASSERT_THAT(row, Succeeds());
    if (!*row) break;
    ++count;
    EXPECT_EQ((*row)->row, count);
    EXPECT_EQ(Problem(**row), "");
    last_line = (*row)->line;
    EXPECT_EQ(*(*row)->Find("userPrincipalName"), "user" + std::to_string(count) + "@contoso.com");
  }
  EXPECT_EQ(count, kUsers);
  EXPECT_EQ(last_line, 2 + 2 * (kUsers - 1));
  EXPECT_EQ(reader.bytes_read(), file.size());
}

TEST_F(UserCsvFileTest, RefusesAFileThatCannotBeOpened) {
  const std::filesystem::path missing =
      std::filesystem::path(::testing::TempDir()) / "no-such-dir" / "users.csv";
  EXPECT_THAT(UserCsv::Open(missing), FailsWith(BadCsv("cannot open \"" + missing.string() +
                                                       "\": No such file or directory")));
}

}  // namespace
}  // namespace admin365::manage
