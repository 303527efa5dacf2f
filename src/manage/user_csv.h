#pragma once

// UserCsv: the rows of a user CSV file as admins' tools write them, with each column
// mapped to the field it means, whatever the dialect.
//
// Reading goes through libcsv and streams: memory holds one record, never the file.
//  - Encodings: UTF-8 with or without BOM; UTF-16 LE or BE with BOM (Excel's "Unicode
//    text"), converted to UTF-8 as it streams. Line ends CRLF, LF or CR.
//  - Quoted fields may hold delimiters, doubled quotes and line breaks.
//  - The delimiter is ',', ';' or tab, detected from the header line (outside quotes, the
//    most frequent; ',' when none appears).
//  - Dialects, recognised from the header, each header matched case-insensitively and
//    with surrounding spaces ignored:
//      kEntra       the Entra admin center's bulk templates: an optional first line
//                   "version:v1.0", headers "Name [displayName] Required" (the bracketed
//                   name decides; legacy names such as physicalDeliveryOfficeName,
//                   telephoneNumber, mobile, passwordProfile, objectId map to Graph's), and
//                   data rows whose first cell starts with "Example:" skipped;
//      kAdminCenter the Microsoft 365 admin center's "Add multiple users" template
//                   ("User Name", "First Name", ..., "Country or Region");
//      kMsOnline    M365 Manager Plus / MSOnline cmdlet parameter names (UserPrincipalName,
//                   FirstName, LastName, Title, Office, PhoneNumber, Fax, MobilePhone,
//                   AlternateEmailAddresses, AlternateMobilePhones, PasswordNeverExpires,
//                   ForceChangePassword, BlockCredential, LicenseAssignment, DirectReports,
//                   NewUserPrincipalName, ObjectId, ...);
//      kGraph       Graph property names (user_properties.h) and the field names below.
//    The dialect is the one most headers belong to; headers of the other dialects are
//    still understood.
//
// Fields (UserCsvField) are Graph property names where Graph has one, and otherwise the
// names listed in kUserCsvFields. A column mapped to nothing is reported in
// `unknown_columns` (a warning for the caller); two columns mapping to the same field is
// a file error.
//
// Errors name the file's line and column (1-based) and say how to fix it:
//  - file errors (returned by Open or Next, which then stops): cannot open, empty file,
//    no header, binary content (NUL bytes outside UTF-16), odd-length UTF-16, an
//    unterminated quoted field at end of file, duplicate columns;
//  - row problems (UserCsvRow::problem; the caller fails that row alone and reads on): a
//    field not valid UTF-8, a field longer than max_field_bytes (its bytes are dropped as
//    they stream), a row with more or fewer fields than the header (trailing empty
//    fields are forgiven when fewer).
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

std::string_view CsvDialectName(CsvDialect dialect);  // "Entra", "Microsoft 365 admin center", ...

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
// (UserPrincipalName, "User Name"), displayName ("Display Name"), usageLocation.
extern const std::vector<std::string_view> kUserCsvFields;

struct UserCsvOptions {
  std::size_t max_field_bytes = 64 * 1024;
};

struct UserCsvRow {
  long long row = 0;   // data rows counted from 1 (version, header and example rows excluded)
  long long line = 0;  // the physical line where the row starts, from 1
  // Field name -> value, for every mapped column (empty cells included, as "").
  std::vector<std::pair<std::string, std::string>> values;
  std::optional<Error> problem;  // Error::Invalid with a message naming line and column

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

  // The next data row, or nullopt at the end of the file.
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
