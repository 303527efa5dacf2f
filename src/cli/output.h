#pragma once

// Rendering for the CLI: records (ordered name/value pairs, values as Graph types) in the
// format the admin chose. JSON uses Graph's property names and types, so scripts can use
// the same field names as with Microsoft Graph; CSV goes through common/CsvWriter (every field
// quoted, formulas neutralised).
//
//   table: one aligned row per record (a single record prints as "name: value" lines)
//   json:  an array of objects, or one object for a single record
//   csv:   a header of names, then one line per record

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/audit_event.h"
#include "domain/group.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "domain/license_details.h"

namespace admin365::cli {

enum class OutputFormat { kTable, kJson, kCsv };

using Record = std::vector<std::pair<std::string, PropertyValue>>;

// `single` renders one object as such (get, add) rather than as a one-row list.
void Render(std::FILE* out, OutputFormat format, const std::vector<Record>& records,
            bool single);

// The properties `columns` of `user` (all catalogue properties when empty).
// After the catalogue properties come the user's licences: assignedLicenses (SKU ids) and
// assignedPlans ("<service> <servicePlanId> <capabilityStatus>"); `columns` may name them.
Record UserRecord(const User& user, const std::vector<std::string>& columns);
// The properties `columns` of `group` (all of them when empty), in Graph's names; its
// assignedLicenses as SKU ids.
Record GroupRecord(const Group& group, const std::vector<std::string>& columns);
// The columns a list of groups shows by default.
const std::vector<std::string>& GroupListColumns();
// A member, manager or direct report: id, displayName, userPrincipalName.
Record DirectoryObjectRecord(const DirectoryObjectRef& object);
Record DomainRecord(const Domain& domain);

// Licences. A subscription as Get-MsolAccountSku showed it: accountSkuId
// "<tenant_label>:<skuPartNumber>" (tenant_label: the initial domain's first label), the
// SKU, capabilityStatus and its units (available: enabled - consumed, never below 0).
Record SubscriptionRecord(const SubscribedSku& sku, std::string_view tenant_label);
// One record per service plan of the subscription: name, id and the catalogue's friendly name.
std::vector<Record> ServicePlanRecords(const SubscribedSku& sku, std::string_view tenant_label);
// One record per service plan of each of a user's licences: the SKU, how it was assigned
// ("direct" or "group <id>"), its state ("Active", "Error (CountViolation)"), and the plan
// with its provisioningStatus ("Success", "Disabled", "ErrorStatus").
std::vector<Record> LicenseDetailRecords(const std::vector<LicenseDetail>& details);
Record TenantRecord(const Tenant& tenant);
Record AuditRecord(const AuditEvent& event);

// "displayName" -> "display-name", the CLI's option spelling of a Graph property.
std::string OptionName(std::string_view property);

}  // namespace admin365::cli
