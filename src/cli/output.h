#pragma once

// Rendering for the CLI: records (ordered name/value pairs, values as Graph types) in the
// format the admin chose. JSON uses Graph's property names and types, so scripts can use
// the same field names as with Microsoft Graph; CSV quotes every field (libcsv).
//
//   table: one aligned row per record (a single record prints as "name: value" lines)
//   json:  an array of objects, or one object for a single record
//   csv:   a header of names, then one line per record

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "domain/audit_event.h"
#include "domain/tenant.h"
#include "domain/user.h"

namespace admin365::cli {

enum class OutputFormat { kTable, kJson, kCsv };

using Record = std::vector<std::pair<std::string, PropertyValue>>;

// `single` renders one object as such (get, add) rather than as a one-row list.
void Render(std::FILE* out, OutputFormat format, const std::vector<Record>& records,
            bool single);

// The properties `columns` of `user` (all catalogue properties when empty).
Record UserRecord(const User& user, const std::vector<std::string>& columns);
Record DomainRecord(const Domain& domain);
Record TenantRecord(const Tenant& tenant);
Record AuditRecord(const AuditEvent& event);

// "displayName" -> "display-name", the CLI's option spelling of a Graph property.
std::string OptionName(std::string_view property);

}  // namespace admin365::cli
