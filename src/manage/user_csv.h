#pragma once

// UserCsv: the rows of a user CSV file as admins' tools write them, with each column
// mapped to the field it means, whatever the dialect.
//
// Reading goes through libcsv and streams: memory holds one record, never the file.
//  - Encodings: UTF-8 with or without BOM; UTF-16 LE or BE with BOM (Excel's "Unicode
//    text"), converted to UTF-8 as it streams. Line ends CRLF, LF or CR.
//  - Quoted fields may hold delimiters, doubled quotes and line breaks. Values are kept as
//    written, blanks included (the bulk engine judges spaces around a UPN), except the
//    apostrophe admin365's own CSV files put before a value that a spreadsheet would read
//    as a formula ("'+1 425 555 0100", "'=x": common/csv_writer.h), which is dropped, so
//    that an exported file can be edited and imported again.
//  - Lines that are empty or hold only delimiters (Excel's blank rows) are skipped.
//  - The delimiter is ',', ';' or tab, detected from the header line (outside quotes, the
//    most frequent; ',' when none appears; on a tie the first of ',', ';', tab).
//  - Dialects, recognised from the header, each header matched case-insensitively and
//    with surrounding spaces ignored:
//      kEntra       the Entra admin center's bulk templates: an optional first line
//                   "version:v1.0", headers "Name [displayName] Required" (the bracketed
//                   name decides; legacy names such as physicalDeliveryOfficeName,
//                   telephoneNumber, mobile, passwordProfile, objectId map to Graph's), and
//                   data rows whose first cell starts with "Example:" (any case) skipped;
//      kAdminCenter the Microsoft 365 admin center's "Add multiple users" template
//                   ("User Name", "First Name", ..., "Country or Region");
//      kMsOnline    M365 Manager Plus / MSOnline cmdlet parameter names (UserPrincipalName,
//                   FirstName, LastName, Title, Office, PhoneNumber, Fax, MobilePhone,
//                   AlternateEmailAddresses, PasswordNeverExpires, ForceChangePassword,
//                   BlockCredential, LicenseAssignment, DirectReports,
//                   NewUserPrincipalName, ObjectId, ...; AlternateMobilePhones, Initials
//                   and PostOfficeBox have no Graph v1.0 property and stay unknown);
//      kGraph       Graph property names (user_properties.h) and the field names below.
//    The dialect is the one most headers belong to (on a tie, the one with the most headers
//    spelled exactly as it spells them, then the first of Entra, admin center, Graph,
//    MSOnline); headers of the other dialects are still understood.
//
// Fields (UserCsvField) are Graph property names where Graph has one, and otherwise the
// names listed in kUserCsvFields. A column mapped to nothing is reported in
// `unknown_columns` (a warning for the caller); two columns mapping to the same field is
// a file error.
//
// Errors (kInvalidArgument, HTTP 400, Request_BadRequest) name the file's line and column
// (1-based) and say how to fix it:
//  - file errors, returned by Open, or by Next after the rows before the fault (every later
//    call returns the same error): cannot open; empty file; a version line and no header;
//    a header cell not valid UTF-8, longer than max_field_bytes or with a stray quote; more
//    than 1024 columns; no column naming a field; two columns naming the same field; binary
//    content (a NUL character, which is also what UTF-16 without BOM looks like); a file
//    ending inside a UTF-16 character; a quoted field never closed at the end of the file.
//      line 2: two columns mean userPrincipalName: column 1 "UserPrincipalName" and
//        column 4 "User Name"; remove one
//      line 3, column 2: a quoted field starting here is never closed; close the quote or
//        remove it
//  - row problems (UserCsvRow::problem; the caller fails that row alone and reads on), the
//    first of: more fields than the header, unless the extra ones are empty; fewer fields,
//    unless the row ends with an empty field (a padded row: the missing fields read as
//    empty); then, column by column, a field longer than max_field_bytes (its bytes are
//    dropped as they stream), a stray quote (kept as text; the field ends at the next
//    delimiter), a mapped field not valid UTF-8 (or UTF-16). Such a field's value is "".
//      line 12: the row has 5 fields but the header has 4; quote fields that contain the
//        delimiter ","
//      line 7, column 3 ("Password"): the field is not valid UTF-8; save the file as UTF-8
//        or UTF-16 ("Unicode text")
//
//   ASSIGN_OR_RETURN(std::unique_ptr<UserCsv> csv, UserCsv::Open(path));
//   for (;;) {
//     ASSIGN_OR_RETURN(std::optional<UserCsvRow> row, csv->Next());
//     if (!row) break;
//     if (row->problem) { ...fail the row...; continue; }
//     const std::string* upn = row->Find("userPrincipalName");
//   }

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace admin365::manage {

enum class CsvDialect { kEntra, kAdminCenter, kMsOnline, kGraph };

// "Entra", "Microsoft 365 admin center", "MSOnline / M365 Manager Plus", "Microsoft Graph".
std::string_view CsvDialectName(CsvDialect dialect);

// The fields that are not Graph user properties, each with the headers that name it
// besides its own name (matched case-insensitively).
//   id                      objectId, ObjectId, "Object ID [objectId]"
//   password                passwordProfile, Password, "Initial password [passwordProfile]"
//   forceChangePassword     ForceChangePassword, forceChangePasswordNextSignIn
//   blockSignIn             BlockCredential, "Block sign in (Yes/No) [accountEnabled]"
//                           (inverted: Yes means accountEnabled false)
//   passwordNeverExpires    PasswordNeverExpires
//   strongPasswordRequired  StrongPasswordRequired
//   manager                 Manager, ManagerUserPrincipalName
//   directReports           DirectReports
//   newUserPrincipalName    NewUserPrincipalName, "New user name"
//   domain                  Domain, NewDomain
//   addLicenses             LicenseAssignment, Licenses, AddLicenses
//   removeLicenses          RemoveLicenses
//   disabledPlans           DisabledPlans, LicenseOptions
//   groups                  Groups, AddGroups
//   removeGroups            RemoveGroups
//   mfaState                MfaState, "Is MFA Enabled", StrongAuthenticationRequirements
//   allowedMethods          AllowedMethods, "Allowed MFA Methods"
//   defaultMethod           DefaultMethod, "Default MFA Method"
//   authenticationPhone     AuthenticationPhone, StrongAuthenticationPhoneNumber
//   alternateAuthenticationPhone  AlternateAuthenticationPhone
//   authenticationOfficePhone     AuthenticationOfficePhone
//   authenticationEmail     AuthenticationEmail, StrongAuthenticationEmail
//   template                Template
// Graph properties reached by other dialects' names include: givenName (FirstName,
// "First Name"), surname (LastName), jobTitle (Title), officeLocation (Office,
// physicalDeliveryOfficeName, "Office Number"), businessPhones (PhoneNumber,
// telephoneNumber, "Office Phone"), mobilePhone (MobilePhone, mobile), faxNumber (Fax),
// otherMails (AlternateEmailAddresses, "Alternate email address"), streetAddress
// (StreetAddress, Address), state ("State or Province"), postalCode ("ZIP or Postal
// Code"), country ("Country or Region"), companyName (Company), userPrincipalName
// (UserPrincipalName, "User Name"), displayName ("Display Name"), usageLocation,
// onPremisesImmutableId (ImmutableId), alternateAuthenticationPhone (Entra's download
// authenticationAlternativePhoneNumber).
extern const std::vector<std::string_view> kUserCsvFields;

struct UserCsvOptions {
  std::size_t max_field_bytes = 64 * 1024;  // per field, in UTF-8; headers included
};

struct UserCsvRow {
  long long row = 0;   // data rows counted from 1 (version, header and example rows excluded)
  long long line = 0;  // the physical line where the row starts, from 1
  // Field name -> value, for every mapped column (empty cells included, as "").
  std::vector<std::pair<std::string, std::string>> values;
  // The cells of the columns mapped to no field, in column order, as written (so that a
  // results file can repeat every input column).
  std::vector<std::string> unmapped;
  std::optional<Error> problem;  // kInvalidArgument, its message naming line and column

  // The value of a field (case-insensitive name), or null when no column maps to it.
  const std::string* Find(std::string_view field) const;
};

class UserCsv {
 public:
  static Result<std::unique_ptr<UserCsv>> Open(const std::filesystem::path& path,
                                               const UserCsvOptions& options = {});
  // The same over bytes in memory (tests, uploads).
  static Result<std::unique_ptr<UserCsv>> FromBytes(std::string bytes,
                                                    const UserCsvOptions& options = {});
  virtual ~UserCsv() = default;

  // The next data row, or nullopt at the end of the file. Error: a file error (above).
  virtual Result<std::optional<UserCsvRow>> Next() = 0;

  virtual CsvDialect dialect() const = 0;
  virtual char delimiter() const = 0;
  virtual std::string_view encoding() const = 0;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE"
  // The headers as written, and the field each maps to ("" when none).
  virtual const std::vector<std::string>& headers() const = 0;
  virtual const std::vector<std::string>& fields() const = 0;
  // "column 7 \"Cost centre\"" for each header mapped to nothing.
  virtual std::vector<std::string> unknown_columns() const = 0;
  // For progress: input bytes consumed so far and in all (0 when unknown).
  virtual std::uint64_t bytes_read() const = 0;
  virtual std::uint64_t total_bytes() const = 0;
};

}  // namespace admin365::manage
