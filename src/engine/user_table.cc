#include "engine/user_table.h"

#include <functional>

#include <charconv>

#include <fmt/format.h>

#include "common/ascii.h"
#include "common/base64.h"
#include "common/random.h"
#include "domain/graph_errors.h"
#include "engine/filter_binding.h"
#include "engine/license_store.h"
#include "engine/proxy_address_conflicts.h"
#include "engine/proxy_addresses.h"
#include "query/filter_sql.h"

namespace admin365::engine {

namespace {

using query::ColumnType;

// The optional text properties: Graph name, column, field, and whether $filter may use it.
struct TextColumn {
  const char* property;
  const char* column;
  std::optional<std::string> User::*field;
  bool filterable = true;
};

constexpr TextColumn kTextColumns[] = {
    {"givenName", "given_name", &User::given_name},
    {"surname", "surname", &User::surname},
    {"jobTitle", "job_title", &User::job_title},
    {"department", "department", &User::department},
    {"companyName", "company_name", &User::company_name},
    {"employeeId", "employee_id", &User::employee_id},
    {"employeeType", "employee_type", &User::employee_type},
    {"officeLocation", "office_location", &User::office_location},
    {"streetAddress", "street_address", &User::street_address},
    {"city", "city", &User::city},
    {"state", "state", &User::state},
    {"postalCode", "postal_code", &User::postal_code},
    {"country", "country", &User::country},
    {"mobilePhone", "mobile_phone", &User::mobile_phone},
    {"faxNumber", "fax_number", &User::fax_number},
    {"mail", "mail", &User::mail},
    {"preferredLanguage", "preferred_language", &User::preferred_language},
    {"usageLocation", "usage_location", &User::usage_location},
    {"passwordPolicies", "password_policies", &User::password_policies, false},
    {"onPremisesImmutableId", "on_premises_immutable_id", &User::on_premises_immutable_id},
    {"onPremisesSamAccountName", "on_premises_sam_account_name",
     &User::on_premises_sam_account_name},
    {"onPremisesDistinguishedName", "on_premises_distinguished_name",
     &User::on_premises_distinguished_name, false},
    {"onPremisesDomainName", "on_premises_domain_name", &User::on_premises_domain_name, false},
    {"onPremisesUserPrincipalName", "on_premises_user_principal_name",
     &User::on_premises_user_principal_name},
};

// The columns every statement reads, in ReadRow's order; the text columns follow.
constexpr std::string_view kFixedColumns =
    "u.user_key, u.id, u.user_principal_name, u.display_name, u.mail_nickname, "
    "u.account_enabled, u.user_type, u.created_at, u.last_password_change_at, "
    "u.sessions_valid_from, u.deleted_at, u.force_change_password, "
    "u.force_change_password_mfa, u.password_hash, u.on_premises_sync_enabled, "
    "u.on_premises_last_sync_at";
constexpr int kFixedColumnCount = 16;

const std::string& SelectList() {
  static const std::string list = [] {
    std::string out(kFixedColumns);
    for (const TextColumn& column : kTextColumns) out += fmt::format(", u.{}", column.column);
    return out;
  }();
  return list;
}

std::string UpnDomain(std::string_view upn) { return AsciiLower(upn.substr(upn.find('@') + 1)); }

// Binds an optional boolean or timestamp; nullopt binds NULL.
template <class T>
void BindOptional(sqlite::Statement& statement, int index, const std::optional<T>& value) {
  if (value) {
    statement.Bind(index, static_cast<std::int64_t>(*value));
  } else {
    statement.BindNull(index);
  }
}

// The listing a skip token belongs to: the order and its direction, e.g. "1a" or "3d".
std::string TokenListing(UserOrder order, bool descending) {
  return fmt::format("{}{}", static_cast<int>(order), descending ? 'd' : 'a');
}

// The skip token: base64url("<order><a|d>\x1f<last sort value>\x1f<last id>").
std::string EncodeSkipToken(UserOrder order, bool descending, std::string_view value,
                            std::string_view id) {
  const std::string raw = fmt::format("{}\x1f{}\x1f{}", TokenListing(order, descending), value, id);
  return Base64UrlEncode(raw);
}

struct SkipPosition {
  std::string value;
  std::string id;
  std::int64_t seconds = 0;  // the value, for kDeletedDateTime
};

// 400 for a $top outside 1-999 (entra-graph-facts.md §3.12).
Error InvalidPageSize(int page_size) {
  return Error{.kind = ErrorKind::kInvalidArgument,
               .http_status = 400,
               .code = "Request_UnsupportedQuery",
               .message = fmt::format(
                   "Invalid page size specified: '{}'. Must be between 1 and 999 inclusive.",
                   page_size),
               .target = "$top"};
}

Result<SkipPosition> DecodeSkipToken(std::string_view token, UserOrder order, bool descending) {
  const Error invalid{.kind = ErrorKind::kInvalidArgument,
                      .http_status = 400,
                      .code = "Request_BadRequest",
                      .message = "The specified page token value has expired or is invalid.",
                      .target = "$skiptoken"};
  Result<std::string> decoded = Base64UrlDecode(token);
  if (!decoded) return Fail(invalid);
  const std::string& raw = *decoded;
  const std::size_t first = raw.find('\x1f');
  const std::size_t last = raw.rfind('\x1f');
  if (first == std::string::npos || first == last ||
      raw.substr(0, first) != TokenListing(order, descending) || !IsUuid(raw.substr(last + 1))) {
    return Fail(invalid);
  }
  SkipPosition position{raw.substr(first + 1, last - first - 1), raw.substr(last + 1)};
  if (order == UserOrder::kDeletedDateTime) {
    // A timestamp: digits that fit an int64, nothing else.
    std::int64_t seconds = 0;
    const char* begin = position.value.data();
    const char* end = begin + position.value.size();
    const auto [ptr, ec] = std::from_chars(begin, end, seconds);
    if (position.value.empty() || ec != std::errc() || ptr != end) return Fail(invalid);
    position.seconds = seconds;
  }
  return position;
}

std::string_view OrderColumn(UserOrder order) {
  switch (order) {
    case UserOrder::kDisplayName: return "u.display_name";
    case UserOrder::kUserPrincipalName: return "u.user_principal_name";
    case UserOrder::kDeletedDateTime: return "u.deleted_at";
    case UserOrder::kId: break;
  }
  return "u.id";
}

std::string OrderValue(const StoredUser& stored, UserOrder order) {
  switch (order) {
    case UserOrder::kDisplayName: return stored.user.display_name;
    case UserOrder::kUserPrincipalName: return stored.user.user_principal_name;
    case UserOrder::kDeletedDateTime: return std::to_string(stored.user.deleted_date_time.value_or(0));
    case UserOrder::kId: break;
  }
  return stored.user.id;
}

}  // namespace

const query::FilterSchema& UserFilterSchema() {
  static const query::FilterSchema schema = [] {
    query::FilterSchema s;
    s.entity_type = "microsoft.graph.user";
    s.row_key = "u.user_key";
    s.properties = {
        {"id", {"u.id", ColumnType::kGuid}},
        {"userPrincipalName", {"u.user_principal_name", ColumnType::kString}},
        {"displayName", {"u.display_name", ColumnType::kString}},
        {"mailNickname", {"u.mail_nickname", ColumnType::kString}},
        {"accountEnabled", {"u.account_enabled", ColumnType::kBool}},
        {"userType", {"u.user_type", ColumnType::kString}},
        {"createdDateTime", {"u.created_at", ColumnType::kDateTime}},
        {"deletedDateTime", {"u.deleted_at", ColumnType::kDateTime}},
        {"lastPasswordChangeDateTime", {"u.last_password_change_at", ColumnType::kDateTime, false}},
        {"signInSessionsValidFromDateTime",
         {"u.sessions_valid_from", ColumnType::kDateTime, false}},
        {"onPremisesSyncEnabled", {"u.on_premises_sync_enabled", ColumnType::kBool}},
        {"onPremisesLastSyncDateTime", {"u.on_premises_last_sync_at", ColumnType::kDateTime}},
    };
    for (const TextColumn& column : kTextColumns) {
      s.properties[column.property] = {fmt::format("u.{}", column.column), ColumnType::kString,
                                       column.filterable};
    }
    s.collections = {
        {"proxyAddresses",
         {.table = "proxy_addresses", .owner_column = "user_key", .value_column = "value",
          .element_type = "Edm.String"}},
        {"otherMails",
         {.table = "user_other_mails", .owner_column = "user_key", .value_column = "value",
          .element_type = "Edm.String"}},
        {"businessPhones",
         {.table = "user_business_phones", .owner_column = "user_key", .value_column = "value",
          .element_type = "Edm.String"}},
    };
    return s;
  }();
  return schema;
}

Result<StoredUser> UserTable::ReadRow(sqlite::Statement& row) {
  StoredUser stored;
  stored.key = row.Int(0);
  User& user = stored.user;
  user.id = row.Text(1);
  user.user_principal_name = row.Text(2);
  user.display_name = row.Text(3);
  user.mail_nickname = row.Text(4);
  user.account_enabled = row.Int(5) != 0;
  user.user_type = row.Text(6);
  user.created_date_time = row.Int(7);
  user.last_password_change_date_time = row.Int(8);
  user.sign_in_sessions_valid_from_date_time = row.Int(9);
  if (!row.IsNull(10)) user.deleted_date_time = row.Int(10);
  user.force_change_password_next_sign_in = row.Int(11) != 0;
  user.force_change_password_next_sign_in_with_mfa = row.Int(12) != 0;
  stored.password_hash = row.Text(13);
  if (!row.IsNull(14)) user.on_premises_sync_enabled = row.Int(14) != 0;
  if (!row.IsNull(15)) user.on_premises_last_sync_date_time = row.Int(15);
  int index = kFixedColumnCount;
  for (const TextColumn& column : kTextColumns) user.*column.field = row.OptionalText(index++);

  const auto read_collection = [&](const char* sql, std::vector<std::string>& out) -> Status {
    sqlite::Statement& items = db_.Prepare(sql);
    items.Bind(1, stored.key);
    for (;;) {
      ASSIGN_OR_RETURN(const bool more, items.Step());
      if (!more) return Ok();
      out.push_back(items.Text(0));
    }
  };
  RETURN_IF_ERROR(read_collection(
      "SELECT value FROM proxy_addresses WHERE user_key = ? ORDER BY position",
      user.proxy_addresses));
  RETURN_IF_ERROR(read_collection(
      "SELECT value FROM user_business_phones WHERE user_key = ? ORDER BY position",
      user.business_phones));
  RETURN_IF_ERROR(read_collection(
      "SELECT value FROM user_other_mails WHERE user_key = ? ORDER BY position",
      user.other_mails));
  RETURN_IF_ERROR(LoadUserLicenses(db_, stored.key, user));
  return stored;
}

Result<std::optional<StoredUser>> UserTable::Find(std::string_view id_or_upn, bool deleted) {
  const bool by_upn = id_or_upn.find('@') != std::string_view::npos;
  sqlite::Statement& query = db_.Prepare(fmt::format(
      "SELECT {} FROM users u WHERE {} = ? AND u.deleted_at IS {} NULL "
      "ORDER BY u.deleted_at DESC LIMIT 1",
      SelectList(),
      by_upn ? "u.user_principal_name" : "u.id", deleted ? "NOT" : ""));
  query.Bind(1, by_upn ? std::string(id_or_upn) : AsciiLower(id_or_upn));
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return std::optional<StoredUser>();
  // A deleted UPN may be held by several deleted users; the newest deletion wins.
  ASSIGN_OR_RETURN(StoredUser stored, ReadRow(query));
  return std::optional<StoredUser>(std::move(stored));
}

Result<std::int64_t> UserTable::Insert(const User& user, std::string_view password_hash) {
  std::string columns =
      "id, user_principal_name, upn_domain, display_name, mail_nickname, account_enabled, "
      "user_type, created_at, last_password_change_at, sessions_valid_from, "
      "force_change_password, force_change_password_mfa, password_hash, "
      "on_premises_sync_enabled, on_premises_last_sync_at";
  std::string placeholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  for (const TextColumn& column : kTextColumns) {
    columns += fmt::format(", {}", column.column);
    placeholders += ", ?";
  }
  sqlite::Statement& insert =
      db_.Prepare(fmt::format("INSERT INTO users ({}) VALUES ({})", columns, placeholders));
  insert.Bind(1, user.id);
  insert.Bind(2, user.user_principal_name);
  insert.Bind(3, UpnDomain(user.user_principal_name));
  insert.Bind(4, user.display_name);
  insert.Bind(5, user.mail_nickname);
  insert.Bind(6, user.account_enabled);
  insert.Bind(7, user.user_type.value_or("Member"));
  insert.Bind(8, user.created_date_time);
  insert.Bind(9, user.last_password_change_date_time);
  insert.Bind(10, user.sign_in_sessions_valid_from_date_time);
  insert.Bind(11, user.force_change_password_next_sign_in);
  insert.Bind(12, user.force_change_password_next_sign_in_with_mfa);
  insert.Bind(13, password_hash);
  BindOptional(insert, 14, user.on_premises_sync_enabled);
  BindOptional(insert, 15, user.on_premises_last_sync_date_time);
  int index = 16;
  for (const TextColumn& column : kTextColumns) insert.Bind(index++, user.*column.field);
  RETURN_IF_ERROR(insert.Run());
  const std::int64_t key = sqlite3_last_insert_rowid(db_.handle());
  RETURN_IF_ERROR(WriteCollections(key, user));
  return key;
}

Status UserTable::Update(std::int64_t key, const User& before, const User& after) {
  std::string assignments;
  std::vector<std::function<void(sqlite::Statement&, int)>> binders;
  auto set = [&](const char* column, auto value) {
    assignments += fmt::format("{}{} = ?", assignments.empty() ? "" : ", ", column);
    binders.push_back([value](sqlite::Statement& statement, int index) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::optional<std::string>>) {
        statement.Bind(index, value);
      } else if constexpr (requires { value.has_value(); }) {
        BindOptional(statement, index, value);
      } else {
        statement.Bind(index, value);
      }
    });
  };
  if (before.user_principal_name != after.user_principal_name) {
    set("user_principal_name", after.user_principal_name);
    set("upn_domain", UpnDomain(after.user_principal_name));
  }
  if (before.display_name != after.display_name) set("display_name", after.display_name);
  if (before.mail_nickname != after.mail_nickname) set("mail_nickname", after.mail_nickname);
  if (before.account_enabled != after.account_enabled) set("account_enabled", after.account_enabled);
  if (before.user_type != after.user_type) set("user_type", after.user_type.value_or("Member"));
  if (before.sign_in_sessions_valid_from_date_time != after.sign_in_sessions_valid_from_date_time) {
    set("sessions_valid_from", after.sign_in_sessions_valid_from_date_time);
  }
  if (before.on_premises_sync_enabled != after.on_premises_sync_enabled) {
    set("on_premises_sync_enabled", after.on_premises_sync_enabled);
  }
  if (before.on_premises_last_sync_date_time != after.on_premises_last_sync_date_time) {
    set("on_premises_last_sync_at", after.on_premises_last_sync_date_time);
  }
  for (const TextColumn& column : kTextColumns) {
    if (before.*column.field != after.*column.field) set(column.column, after.*column.field);
  }
  if (!assignments.empty()) {
    sqlite::Statement& update =
        db_.Prepare(fmt::format("UPDATE users SET {} WHERE user_key = ?", assignments));
    int index = 1;
    for (const auto& bind : binders) bind(update, index++);
    update.Bind(index, key);
    RETURN_IF_ERROR(update.Run());
  }
  if (before.proxy_addresses != after.proxy_addresses) {
    RETURN_IF_ERROR(ClearCollection("proxy_addresses", key));
    RETURN_IF_ERROR(WriteProxyAddresses(key, after));
  }
  if (before.business_phones != after.business_phones) {
    RETURN_IF_ERROR(ClearCollection("user_business_phones", key));
    RETURN_IF_ERROR(WriteItems("user_business_phones", key, after.business_phones));
  }
  if (before.other_mails != after.other_mails) {
    RETURN_IF_ERROR(ClearCollection("user_other_mails", key));
    RETURN_IF_ERROR(WriteItems("user_other_mails", key, after.other_mails));
  }
  return Ok();
}

Status UserTable::ClearCollection(const char* table, std::int64_t key) {
  sqlite::Statement& clear = db_.Prepare(fmt::format("DELETE FROM {} WHERE user_key = ?", table));
  clear.Bind(1, key);
  return clear.Run();
}

Status UserTable::WriteProxyAddresses(std::int64_t key, const User& user) {
  for (std::size_t i = 0; i < user.proxy_addresses.size(); ++i) {
    sqlite::Statement& insert = db_.Prepare(
        "INSERT INTO proxy_addresses (user_key, position, value, address, active) "
        "VALUES (?, ?, ?, ?, ?)");
    insert.Bind(1, key);
    insert.Bind(2, static_cast<std::int64_t>(i));
    insert.Bind(3, user.proxy_addresses[i]);
    insert.Bind(4, AddressOf(user.proxy_addresses[i]));
    insert.Bind(5, !user.deleted_date_time.has_value());
    RETURN_IF_ERROR(insert.Run());
  }
  return Ok();
}

Status UserTable::WriteItems(const char* table, std::int64_t key,
                             const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    sqlite::Statement& insert = db_.Prepare(
        fmt::format("INSERT INTO {} (user_key, position, value) VALUES (?, ?, ?)", table));
    insert.Bind(1, key);
    insert.Bind(2, static_cast<std::int64_t>(i));
    insert.Bind(3, items[i]);
    RETURN_IF_ERROR(insert.Run());
  }
  return Ok();
}

Status UserTable::WriteCollections(std::int64_t key, const User& user) {
  RETURN_IF_ERROR(WriteProxyAddresses(key, user));
  RETURN_IF_ERROR(WriteItems("user_business_phones", key, user.business_phones));
  return WriteItems("user_other_mails", key, user.other_mails);
}

Status UserTable::SetPassword(std::int64_t key, std::string_view password_hash,
                              UnixSeconds changed_at, bool force_change,
                              bool force_change_with_mfa) {
  sqlite::Statement& update = db_.Prepare(
      "UPDATE users SET password_hash = ?, last_password_change_at = ?, "
      "force_change_password = ?, force_change_password_mfa = ? WHERE user_key = ?");
  update.Bind(1, password_hash);
  update.Bind(2, changed_at);
  update.Bind(3, force_change);
  update.Bind(4, force_change_with_mfa);
  update.Bind(5, key);
  return update.Run();
}

Status UserTable::SetDeleted(std::int64_t key, std::optional<UnixSeconds> deleted_at) {
  sqlite::Statement& update = db_.Prepare("UPDATE users SET deleted_at = ? WHERE user_key = ?");
  if (deleted_at) {
    update.Bind(1, *deleted_at);
  } else {
    update.BindNull(1);
  }
  update.Bind(2, key);
  RETURN_IF_ERROR(update.Run());
  sqlite::Statement& proxies =
      db_.Prepare("UPDATE proxy_addresses SET active = ? WHERE user_key = ?");
  proxies.Bind(1, !deleted_at.has_value());
  proxies.Bind(2, key);
  return proxies.Run();
}

Status UserTable::Remove(std::int64_t key) {
  sqlite::Statement& remove = db_.Prepare("DELETE FROM users WHERE user_key = ?");
  remove.Bind(1, key);
  return remove.Run();
}

Result<bool> UserTable::IsHeldByActiveUser(std::string_view column, std::string_view value,
                                           std::int64_t except_key) {
  sqlite::Statement& query = db_.Prepare(fmt::format(
      "SELECT 1 FROM users WHERE {} = ? AND deleted_at IS NULL AND user_key <> ?", column));
  query.Bind(1, value);
  query.Bind(2, except_key);
  return query.Step();
}

Result<bool> UserTable::IsUpnTaken(std::string_view upn, std::int64_t except_key) {
  return IsHeldByActiveUser("user_principal_name", upn, except_key);
}

Result<bool> UserTable::IsImmutableIdTaken(std::string_view immutable_id, std::int64_t except_key) {
  return IsHeldByActiveUser("on_premises_immutable_id", immutable_id, except_key);
}

Result<std::optional<StoredUser>> UserTable::FindByImmutableId(std::string_view immutable_id) {
  sqlite::Statement& query = db_.Prepare(fmt::format(
      "SELECT {} FROM users u WHERE u.on_premises_immutable_id = ? AND u.deleted_at IS NULL",
      SelectList()));
  query.Bind(1, immutable_id);
  ASSIGN_OR_RETURN(const bool found, query.Step());
  if (!found) return std::optional<StoredUser>();
  ASSIGN_OR_RETURN(StoredUser stored, ReadRow(query));
  return std::optional<StoredUser>(std::move(stored));
}

Result<std::optional<std::string>> UserTable::FindProxyConflict(
    const std::vector<std::string>& proxy_addresses, std::int64_t except_key) {
  return FindProxyAddressConflict(db_, proxy_addresses, {.user_key = except_key});
}

Result<UserPage> UserTable::List(const UserListOptions& options, bool deleted) {
  if (options.page_size < 1 || options.page_size > 999) {
    return Fail(InvalidPageSize(options.page_size));
  }
  std::string where = fmt::format("u.deleted_at IS {} NULL", deleted ? "NOT" : "");
  std::vector<query::SqlValue> params;
  if (options.filter) {
    ASSIGN_OR_RETURN(query::SqlFragment fragment,
                     query::TranslateFilter(*options.filter, UserFilterSchema()));
    where += fmt::format(" AND ({})", fragment.sql);
    params = std::move(fragment.params);
  }

  UserPage page;
  if (options.count) {
    ASSIGN_OR_RETURN(auto count, db_.PrepareUncached(fmt::format(
                                     "SELECT count(*) FROM users u WHERE {}", where)));
    for (std::size_t i = 0; i < params.size(); ++i) {
      BindValue(*count, static_cast<int>(i + 1), params[i]);
    }
    ASSIGN_OR_RETURN(const bool row, count->Step());
    page.total_count = row ? count->Int(0) : 0;
  }

  // Active users have no deletedDateTime: ordered by it, they are in id order (the key
  // that breaks ties), and the keyset is the id alone (NULL compares with nothing).
  const bool by_id_only = options.order == UserOrder::kId ||
                          (options.order == UserOrder::kDeletedDateTime && !deleted);
  const std::string_view column = OrderColumn(options.order);
  const char* direction = options.descending ? "DESC" : "ASC";
  const char* after = options.descending ? "<" : ">";
  std::string keyset;
  if (!options.skip_token.empty()) {
    ASSIGN_OR_RETURN(SkipPosition position,
                     DecodeSkipToken(options.skip_token, options.order, options.descending));
    if (by_id_only) {
      keyset = fmt::format(" AND u.id {} ?", after);
      params.emplace_back(position.id);
    } else {
      keyset = fmt::format(" AND ({0} {1} ? OR ({0} = ? AND u.id {1} ?))", column, after);
      query::SqlValue value = position.value;
      if (options.order == UserOrder::kDeletedDateTime) value = position.seconds;
      params.push_back(value);
      params.push_back(value);
      params.emplace_back(position.id);
    }
  }
  const std::string order_by = by_id_only
                                   ? fmt::format("u.id {}", direction)
                                   : fmt::format("{0} {1}, u.id {1}", column, direction);
  ASSIGN_OR_RETURN(auto select,
                   db_.PrepareUncached(fmt::format("SELECT {} FROM users u WHERE {}{} ORDER BY {} LIMIT ?",
                                                   SelectList(), where, keyset, order_by)));
  sqlite::Statement& statement = *select;
  for (std::size_t i = 0; i < params.size(); ++i) {
    BindValue(statement, static_cast<int>(i + 1), params[i]);
  }
  statement.Bind(static_cast<int>(params.size() + 1), options.page_size + 1);
  std::optional<StoredUser> last;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, statement.Step());
    if (!row) break;
    if (static_cast<int>(page.users.size()) == options.page_size) {
      page.next_skip_token = EncodeSkipToken(options.order, options.descending,
                                             OrderValue(*last, options.order), last->user.id);
      break;
    }
    ASSIGN_OR_RETURN(StoredUser stored, ReadRow(statement));
    page.users.push_back(stored.user);
    last = std::move(stored);
  }
  return page;
}

Result<long long> UserTable::CountAll() {
  sqlite::Statement& count = db_.Prepare("SELECT sum(count) FROM object_counts");
  ASSIGN_OR_RETURN(const bool row, count.Step());
  return row ? count.Int(0) : 0;
}

Result<long long> UserTable::CountInDomain(std::string_view domain) {
  sqlite::Statement& count = db_.Prepare("SELECT count(*) FROM users WHERE upn_domain = ?");
  count.Bind(1, domain);
  ASSIGN_OR_RETURN(const bool row, count.Step());
  return row ? count.Int(0) : 0;
}

Result<std::vector<StoredUser>> UserTable::DeletedBefore(UnixSeconds cutoff) {
  sqlite::Statement& query = db_.Prepare(
      fmt::format("SELECT {} FROM users u WHERE u.deleted_at IS NOT NULL AND u.deleted_at < ?",
                  SelectList()));
  query.Bind(1, cutoff);
  std::vector<StoredUser> users;
  for (;;) {
    ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return users;
    ASSIGN_OR_RETURN(StoredUser stored, ReadRow(query));
    users.push_back(std::move(stored));
  }
}

}  // namespace admin365::engine
