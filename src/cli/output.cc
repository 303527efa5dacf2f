#include "cli/output.h"

#include <csv.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/clock.h"
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

void WriteCsvField(std::FILE* out, const std::string& field) {
  csv_fwrite(out, field.data(), field.size());
}

void RenderCsv(std::FILE* out, const std::vector<Record>& records) {
  if (records.empty()) return;
  bool first = true;
  for (const auto& [name, value] : records.front()) {
    if (!first) std::fputc(',', out);
    WriteCsvField(out, name);
    first = false;
  }
  std::fputc('\n', out);
  for (const Record& record : records) {
    first = true;
    for (const auto& [name, value] : record) {
      if (!first) std::fputc(',', out);
      WriteCsvField(out, PropertyValueToText(value));
      first = false;
    }
    std::fputc('\n', out);
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

Record UserRecord(const User& user, const std::vector<std::string>& columns) {
  Record record;
  if (columns.empty()) {
    for (const UserProperty& property : AllUserProperties()) {
      record.emplace_back(std::string(property.name), GetUserProperty(user, property));
    }
    return record;
  }
  for (const std::string& column : columns) {
    if (const UserProperty* property = FindUserProperty(column)) {
      record.emplace_back(std::string(property->name), GetUserProperty(user, *property));
    }
  }
  return record;
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
          {"activity", event.action},
          {"targetType", event.target_type},
          {"targetId", event.target_id},
          {"target", event.target_name},
          {"modifiedProperties", changes}};
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
