#include "engine/group_table.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/ascii.h"
#include "engine/filter_binding.h"
#include "engine/group_validation.h"
#include "engine/proxy_addresses.h"

namespace admin365::engine {

namespace {

constexpr const char* kColumns =
    "g.group_key, g.id, g.display_name, g.mail_nickname, g.mail_enabled, g.security_enabled, "
    "g.unified, g.description, g.mail, g.created_at, g.visibility";

// disabled_plans holds plan ids joined with commas, as user_licenses does.
std::vector<std::string> SplitPlans(std::string_view text) {
  std::vector<std::string> plans;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    plans.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return plans;
}

}  // namespace

Result<StoredGroup> GroupTable::ReadRow(sqlite::Statement& row) {
  StoredGroup stored{.key = row.Int(0)};
  Group& group = stored.group;
  group.id = row.Text(1);
  group.display_name = row.Text(2);
  group.mail_nickname = row.Text(3);
  group.mail_enabled = row.Int(4) != 0;
  group.security_enabled = row.Int(5) != 0;
  if (row.Int(6) != 0) group.group_types = {std::string(kUnifiedGroupType)};
  group.description = row.OptionalText(7);
  group.mail = row.OptionalText(8);
  group.created_date_time = row.Int(9);
  group.visibility = row.OptionalText(10);
  sqlite::Statement& addresses =
      db_.Prepare("SELECT value FROM group_proxy_addresses WHERE group_key = ? ORDER BY position");
  addresses.Bind(1, stored.key);
  for (;;) {
    ASSIGN_OR_RETURN(const bool more, addresses.Step());
    if (!more) break;
    group.proxy_addresses.push_back(addresses.Text(0));
  }
  sqlite::Statement& licenses = db_.Prepare(
      "SELECT sku_id, disabled_plans FROM group_licenses WHERE group_key = ? ORDER BY id");
  licenses.Bind(1, stored.key);
  for (;;) {
    ASSIGN_OR_RETURN(const bool more, licenses.Step());
    if (!more) break;
    group.assigned_licenses.push_back(
        {.sku_id = licenses.Text(0), .disabled_plans = SplitPlans(licenses.Text(1))});
  }
  return stored;
}

Result<std::vector<Group>> GroupTable::ReadAll(sqlite::Statement& query) {
  std::vector<Group> groups;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return groups;
    ASSIGN_OR_RETURN(StoredGroup stored, ReadRow(query));
    groups.push_back(std::move(stored.group));
  }
}

Result<std::optional<StoredGroup>> GroupTable::Find(std::string_view id) {
  sqlite::Statement& query =
      db_.Prepare(fmt::format("SELECT {} FROM groups g WHERE g.id = ?", kColumns));
  query.Bind(1, AsciiLower(id));
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return std::optional<StoredGroup>();
  ASSIGN_OR_RETURN(StoredGroup stored, ReadRow(query));
  return std::optional<StoredGroup>(std::move(stored));
}

Result<std::vector<Group>> GroupTable::List() {
  return ReadAll(
      db_.Prepare(fmt::format("SELECT {} FROM groups g ORDER BY g.display_name, g.id", kColumns)));
}

namespace {

// What $filter may name on a group: Graph's filterable group properties that admin365 keeps.
const query::FilterSchema& GroupFilterSchema() {
  using query::ColumnType;
  static const query::FilterSchema schema = [] {
    query::FilterSchema s;
    s.entity_type = "microsoft.graph.group";
    s.row_key = "g.group_key";
    s.properties = {
        {"id", {"g.id", ColumnType::kGuid}},
        {"displayName", {"g.display_name", ColumnType::kString}},
        {"mailNickname", {"g.mail_nickname", ColumnType::kString}},
        {"mail", {"g.mail", ColumnType::kString}},
        {"description", {"g.description", ColumnType::kString}},
        {"mailEnabled", {"g.mail_enabled", ColumnType::kBool}},
        {"securityEnabled", {"g.security_enabled", ColumnType::kBool}},
        {"visibility", {"g.visibility", ColumnType::kString}},
        {"createdDateTime", {"g.created_at", ColumnType::kDateTime}},
    };
    s.collections = {
        {"groupTypes",
         {.table = "group_types", .owner_column = "group_key", .value_column = "value",
          .element_type = "Edm.String"}},
        {"proxyAddresses",
         {.table = "group_proxy_addresses", .owner_column = "group_key", .value_column = "value",
          .element_type = "Edm.String"}},
    };
    return s;
  }();
  return schema;
}

}  // namespace

Result<std::vector<Group>> GroupTable::ListMatching(const query::Filter& filter) {
  ASSIGN_OR_RETURN(const query::SqlFragment fragment,
                   query::TranslateFilter(filter, GroupFilterSchema()));
  ASSIGN_OR_RETURN(auto statement,
                   db_.PrepareUncached(fmt::format(
                       "SELECT {} FROM groups g WHERE {} ORDER BY g.display_name, g.id", kColumns,
                       fragment.sql)));
  for (std::size_t i = 0; i < fragment.params.size(); ++i) {
    BindValue(*statement, static_cast<int>(i + 1), fragment.params[i]);
  }
  return ReadAll(*statement);
}

Result<std::vector<Group>> GroupTable::ListWithMember(std::int64_t user_key) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT {} FROM groups g JOIN group_members m ON m.group_key = g.group_key "
                  "WHERE m.user_key = ? ORDER BY g.display_name, g.id",
                  kColumns));
  query.Bind(1, user_key);
  return ReadAll(query);
}

Result<bool> GroupTable::IsUnifiedNicknameTaken(std::string_view mail_nickname) {
  sqlite::Statement& query =
      db_.Prepare("SELECT 1 FROM groups WHERE mail_nickname = ? AND unified = 1");
  query.Bind(1, mail_nickname);
  return query.Step();
}

Result<std::int64_t> GroupTable::Insert(const Group& group) {
  sqlite::Statement& insert = db_.Prepare(
      "INSERT INTO groups (id, display_name, mail_nickname, mail_enabled, security_enabled, "
      "unified, description, mail, created_at, visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.Bind(1, group.id);
  insert.Bind(2, group.display_name);
  insert.Bind(3, group.mail_nickname);
  insert.Bind(4, group.mail_enabled);
  insert.Bind(5, group.security_enabled);
  insert.Bind(6, IsUnified(group));
  insert.Bind(7, group.description);
  insert.Bind(8, group.mail);
  insert.Bind(9, group.created_date_time);
  insert.Bind(10, group.visibility);
  RETURN_IF_ERROR(insert.Run());
  const std::int64_t key = sqlite3_last_insert_rowid(db_.handle());
  for (std::size_t i = 0; i < group.proxy_addresses.size(); ++i) {
    sqlite::Statement& address = db_.Prepare(
        "INSERT INTO group_proxy_addresses (group_key, position, value, address) "
        "VALUES (?, ?, ?, ?)");
    address.Bind(1, key);
    address.Bind(2, static_cast<std::int64_t>(i));
    address.Bind(3, group.proxy_addresses[i]);
    address.Bind(4, AddressOf(group.proxy_addresses[i]));
    RETURN_IF_ERROR(address.Run());
  }
  return key;
}

Status GroupTable::SetLicenses(std::int64_t key, const std::vector<AssignedLicense>& licenses) {
  sqlite::Statement& clear = db_.Prepare("DELETE FROM group_licenses WHERE group_key = ?");
  clear.Bind(1, key);
  RETURN_IF_ERROR(clear.Run());
  for (const AssignedLicense& license : licenses) {
    sqlite::Statement& insert = db_.Prepare(
        "INSERT INTO group_licenses (group_key, sku_id, disabled_plans) VALUES (?, ?, ?)");
    insert.Bind(1, key);
    insert.Bind(2, license.sku_id);
    insert.Bind(3, fmt::format("{}", fmt::join(license.disabled_plans, ",")));
    RETURN_IF_ERROR(insert.Run());
  }
  return Ok();
}

Status GroupTable::Remove(std::int64_t key) {
  sqlite::Statement& remove = db_.Prepare("DELETE FROM groups WHERE group_key = ?");
  remove.Bind(1, key);
  return remove.Run();
}

}  // namespace admin365::engine
