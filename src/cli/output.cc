#include "cli/output.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/ascii.h"
#include "common/clock.h"
#include "common/csv_writer.h"
#include "domain/user_properties.h"

namespace admin365::cli {

namespace {

boost::json::value ToJson(const PropertyValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return boost::json::string(*text);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
    boost::json::array array;
    for (const std::string& item : *items) array.emplace_back(item);
    return array;
  }
  return nullptr;
}

boost::json::object ToJsonObject(const Record& record) {
  boost::json::object object;
  for (const auto& [name, value] : record) object[name] = ToJson(value);
  return object;
}

void RenderJson(std::FILE* out, const std::vector<Record>& records, bool single) {
  boost::json::value document;
  if (single && records.size() == 1) {
    document = ToJsonObject(records.front());
  } else {
    boost::json::array array;
    for (const Record& record : records) array.push_back(ToJsonObject(record));
    document = std::move(array);
  }
  fmt::print(out, "{}\n", boost::json::serialize(document));
}

void RenderCsv(std::FILE* out, const std::vector<Record>& records) {
  if (records.empty()) return;
  CsvWriter csv(out, CsvWriter::LineEnd::kLf);
  std::vector<std::string> fields;
  for (const auto& [name, value] : records.front()) fields.push_back(name);
  csv.WriteRow(fields);
  for (const Record& record : records) {
    fields.clear();
    for (const auto& [name, value] : record) fields.push_back(PropertyValueToText(value));
    csv.WriteRow(fields);
  }
}

// Control characters (a hostile value's newline or escape) would break the table.
std::string Printable(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return text;
}

void RenderTable(std::FILE* out, const std::vector<Record>& records, bool single) {
  if (single && records.size() == 1) {
    std::size_t width = 0;
    for (const auto& [name, value] : records.front()) width = std::max(width, name.size());
    for (const auto& [name, value] : records.front()) {
      fmt::print(out, "{:<{}}  {}\n", name, width, Printable(PropertyValueToText(value)));
    }
    return;
  }
  if (records.empty()) return;
  std::vector<std::size_t> widths;
  for (const auto& [name, value] : records.front()) widths.push_back(Utf8Length(name));
  std::vector<std::vector<std::string>> cells;
  for (const Record& record : records) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < record.size(); ++i) {
      row.push_back(Printable(PropertyValueToText(record[i].second)));
      widths[i] = std::max(widths[i], Utf8Length(row.back()));
    }
    cells.push_back(std::move(row));
  }
  const auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - Utf8Length(row[i]) + 2, ' ');
    }
    fmt::print(out, "{}\n", line);
  };
  std::vector<std::string> header;
  for (const auto& [name, value] : records.front()) header.push_back(name);
  print_row(header);
  for (const auto& row : cells) print_row(row);
}

std::string Iso(UnixSeconds time) { return FormatIso8601(time); }

}  // namespace

void Render(std::FILE* out, OutputFormat format, const std::vector<Record>& records,
            bool single) {
  switch (format) {
    case OutputFormat::kJson: return RenderJson(out, records, single);
    case OutputFormat::kCsv: return RenderCsv(out, records);
    case OutputFormat::kTable: return RenderTable(out, records, single);
  }
}

namespace {

// A user's licences, which the property catalogue does not hold: assignedLicenses as SKU
// ids, assignedPlans as "<service> <servicePlanId> <capabilityStatus>".
Record UserLicenseFields(const User& user) {
  std::vector<std::string> licenses;
  for (const AssignedLicense& license : user.assigned_licenses) licenses.push_back(license.sku_id);
  std::vector<std::string> plans;
  for (const AssignedPlan& plan : user.assigned_plans) {
    plans.push_back(
        fmt::format("{} {} {}", plan.service, plan.service_plan_id, plan.capability_status));
  }
  return {{"assignedLicenses", licenses}, {"assignedPlans", plans}};
}

}  // namespace

Record UserRecord(const User& user, const std::vector<std::string>& columns) {
  Record record;
  const Record licenses = UserLicenseFields(user);
  if (columns.empty()) {
    for (const UserProperty& property : AllUserProperties()) {
      record.emplace_back(std::string(property.name), GetUserProperty(user, property));
    }
    record.insert(record.end(), licenses.begin(), licenses.end());
    return record;
  }
  for (const std::string& column : columns) {
    if (const UserProperty* property = FindUserProperty(column)) {
      record.emplace_back(std::string(property->name), GetUserProperty(user, *property));
    }
    for (const auto& field : licenses) {
      if (AsciiIEquals(field.first, column)) record.push_back(field);
    }
  }
  return record;
}

Record GroupRecord(const Group& group, const std::vector<std::string>& columns) {
  const auto optional = [](const std::optional<std::string>& value) -> PropertyValue {
    if (value) return *value;
    return std::monostate();
  };
  std::vector<std::string> licenses;
  for (const AssignedLicense& license : group.assigned_licenses) {
    licenses.push_back(license.sku_id);
  }
  Record all = {{"id", group.id},
                {"displayName", group.display_name},
                {"description", optional(group.description)},
                {"mailNickname", group.mail_nickname},
                {"mail", optional(group.mail)},
                {"mailEnabled", group.mail_enabled},
                {"securityEnabled", group.security_enabled},
                {"groupTypes", group.group_types},
                {"visibility", optional(group.visibility)},
                {"proxyAddresses", group.proxy_addresses},
                {"assignedLicenses", licenses},
                {"createdDateTime", Iso(group.created_date_time)}};
  if (columns.empty()) return all;
  Record record;
  for (const std::string& column : columns) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& field) {
      return AsciiIEquals(field.first, column);
    });
    if (it != all.end()) record.push_back(*it);
  }
  return record;
}

const std::vector<std::string>& GroupListColumns() {
  static const std::vector<std::string> columns = {"displayName", "id", "mailNickname",
                                                   "groupTypes", "mail"};
  return columns;
}

Record DirectoryObjectRecord(const DirectoryObjectRef& object) {
  return {{"id", object.id},
          {"displayName", object.display_name},
          {"userPrincipalName", object.user_principal_name}};
}

Record DomainRecord(const Domain& domain) {
  return {{"id", domain.id},
          {"authenticationType", domain.authentication_type},
          {"isDefault", domain.is_default},
          {"isInitial", domain.is_initial},
          {"isVerified", domain.is_verified}};
}

Record TenantRecord(const Tenant& tenant) {
  return {{"id", tenant.id},
          {"displayName", tenant.display_name},
          {"initialDomain", tenant.initial_domain},
          {"createdDateTime", Iso(tenant.created_date_time)}};
}

Record AuditRecord(const AuditEvent& event) {
  std::vector<std::string> changes;
  for (const PropertyChange& change : event.changes) {
    changes.push_back(fmt::format("{}: {} -> {}", change.property,
                                  change.old_value.value_or("(none)"),
                                  change.new_value.value_or("(none)")));
  }
  return {{"activityDateTime", Iso(event.time)},
          {"initiatedBy", event.actor},
          {"origin", event.origin},
          {"activity", event.action},
          {"targetType", event.target_type},
          {"targetId", event.target_id},
          {"target", event.target_name},
          {"modifiedProperties", changes}};
}

Record SubscriptionRecord(const SubscribedSku& sku, std::string_view tenant_label) {
  const auto units = [](long long count) { return std::to_string(count); };
  return {{"accountSkuId", fmt::format("{}:{}", tenant_label, sku.sku.sku_part_number)},
          {"skuPartNumber", sku.sku.sku_part_number},
          {"skuId", sku.sku.sku_id},
          {"capabilityStatus", sku.capability_status},
          {"enabledUnits", units(sku.enabled_units)},
          {"consumedUnits", units(sku.consumed_units)},
          {"availableUnits", units(std::max(0LL, sku.available_units()))},
          {"warningUnits", units(sku.warning_units)},
          {"suspendedUnits", units(sku.suspended_units)}};
}

std::vector<Record> ServicePlanRecords(const SubscribedSku& sku, std::string_view tenant_label) {
  std::vector<Record> records;
  for (const ServicePlan& plan : sku.sku.service_plans) {
    records.push_back(
        {{"accountSkuId", fmt::format("{}:{}", tenant_label, sku.sku.sku_part_number)},
         {"servicePlanName", plan.service_plan_name},
         {"servicePlanId", plan.service_plan_id},
         {"friendlyName", plan.friendly_name}});
  }
  return records;
}

std::vector<Record> LicenseDetailRecords(const std::vector<LicenseDetail>& details) {
  std::vector<Record> records;
  for (const LicenseDetail& detail : details) {
    const std::string assigned_by =
        detail.assigned_by_group.empty() ? "direct" : "group " + detail.assigned_by_group;
    const std::string state =
        detail.error == "None" ? detail.state : fmt::format("{} ({})", detail.state, detail.error);
    for (const ServicePlanDetail& plan : detail.service_plans) {
      records.push_back({{"skuPartNumber", detail.sku_part_number},
                         {"skuId", detail.sku_id},
                         {"assignedBy", assigned_by},
                         {"state", state},
                         {"servicePlanName", plan.service_plan_name},
                         {"servicePlanId", plan.service_plan_id},
                         {"provisioningStatus", plan.provisioning_status}});
    }
  }
  return records;
}

std::string OptionName(std::string_view property) {
  std::string out;
  for (char c : property) {
    if (c >= 'A' && c <= 'Z') {
      out += '-';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace admin365::cli
