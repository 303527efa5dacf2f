// TranslateFilter against a real SQLite database: the fragments run, bind, and select
// exactly the rows Graph would return.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "query/filter_parser.h"
#include "query/filter_sql.h"
#include "query/filter_sql_test_schema.h"

namespace admin365::query {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kSchema = R"sql(
  CREATE TABLE users (
    id TEXT PRIMARY KEY COLLATE NOCASE,
    display_name TEXT COLLATE NOCASE,
    mail TEXT COLLATE NOCASE,
    user_type TEXT COLLATE NOCASE,
    department TEXT COLLATE NOCASE,
    account_enabled INTEGER NOT NULL,
    created_at INTEGER,
    ext1 TEXT COLLATE NOCASE,
    sid TEXT,
    employee_number INTEGER,
    sponsor_id TEXT);
  CREATE TABLE user_proxy_addresses (user_id TEXT NOT NULL, address TEXT NOT NULL COLLATE NOCASE);
  CREATE TABLE user_other_mails (user_id TEXT NOT NULL, mail TEXT NOT NULL COLLATE NOCASE);
  CREATE TABLE user_licenses (user_id TEXT NOT NULL, sku_id TEXT NOT NULL, notes TEXT);
  CREATE TABLE user_identities (user_id TEXT NOT NULL, issuer TEXT);

  -- u1: 2020-06-01, u2: 2021-01-01T00:00:00Z exactly, u3: 2022-03-15, u5: one second later
  INSERT INTO users VALUES
    ('u1', 'Adele Vance', 'AdeleV@contoso.com', 'Member', 'Sales', 1, 1590969600, 'HR',
     'S-1', 7, NULL),
    ('u2', 'Alex Wilber', 'AlexW@fabrikam.com', 'Member', NULL, 0, 1609459200, NULL,
     'S-2', 12, 'ad1c3e55-0000-4000-8000-000000000001'),
    ('u3', 'O''Brien, Pat', NULL, 'Guest', 'sales', 1, 1647302400, NULL, NULL, NULL, NULL),
    ('u4', '100%_Sure', 'sure@contoso.com', 'Member', 'Marketing', 1, NULL, NULL, NULL, 3,
     NULL),
    ('u5', '100xxSure', 'x@contoso.com', 'Member', 'Marketing', 1, 1609459201, NULL, NULL,
     NULL, NULL);
  INSERT INTO user_proxy_addresses VALUES
    ('u1', 'SMTP:AdeleV@contoso.com'), ('u1', 'smtp:adele@contoso.onmicrosoft.com'),
    ('u2', 'SMTP:AlexW@fabrikam.com'), ('u4', 'SMTP:sure@contoso.com');
  INSERT INTO user_other_mails VALUES ('u3', 'pat@gmail.com');
  INSERT INTO user_licenses VALUES
    ('u1', '05e9a617-0261-4cee-bb44-138d3ef5d965', NULL),
    ('u2', '05e9a617-0261-4cee-bb44-138d3ef5d965', NULL),
    ('u2', '184efa21-98c3-4e5d-95ab-d07053a96e67', NULL);
)sql";

class FilterSqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    char* message = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, kSchema, nullptr, nullptr, &message), SQLITE_OK) << message;
  }
  void TearDown() override { sqlite3_close(db_); }

  // The ids of the users `filter` selects, in id order; {"<error>"} if it fails.
  std::vector<std::string> Select(std::string_view filter) {
    Result<Filter> parsed = ParseFilter(filter);
    if (!parsed) return {"parse error: " + parsed.error().message};
    Result<SqlFragment> where = TranslateFilter(*parsed, testing_util::UserSchema());
    if (!where) return {"translate error: " + where.error().message};
    return Query("SELECT u.id FROM users u WHERE " + where->sql + " ORDER BY u.id", where->params);
  }

  std::vector<std::string> Query(const std::string& sql, const std::vector<SqlValue>& params) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return {"prepare error: " + std::string(sqlite3_errmsg(db_)) + " in " + sql};
    }
    EXPECT_EQ(sqlite3_bind_parameter_count(stmt), static_cast<int>(params.size())) << sql;
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (const auto* text = std::get_if<std::string>(&params[i])) {
        sqlite3_bind_text(stmt, index, text->data(), static_cast<int>(text->size()),
                          SQLITE_TRANSIENT);
      } else if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        sqlite3_bind_int64(stmt, index, *number);
      } else {
        sqlite3_bind_null(stmt, index);
      }
    }
    std::vector<std::string> ids;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    if (rc != SQLITE_DONE) ids.push_back("step error: " + std::string(sqlite3_errmsg(db_)));
    sqlite3_finalize(stmt);
    return ids;
  }

  int CountUsers() {
    const std::vector<std::string> all = Query("SELECT id FROM users", {});
    return static_cast<int>(all.size());
  }

  sqlite3* db_ = nullptr;
};

TEST_F(FilterSqliteTest, StringEqualityIsCaseInsensitive) {
  EXPECT_THAT(Select("displayName eq 'adele vance'"), ElementsAre("u1"));
  EXPECT_THAT(Select("userType eq 'guest'"), ElementsAre("u3"));
  EXPECT_THAT(Select("department eq 'SALES'"), ElementsAre("u1", "u3"));
  EXPECT_THAT(Select("displayName eq 'O''Brien, Pat'"), ElementsAre("u3"));
  EXPECT_THAT(Select("onPremisesExtensionAttributes/extensionAttribute1 eq 'hr'"),
              ElementsAre("u1"));
}

TEST_F(FilterSqliteTest, NullAndNe) {
  EXPECT_THAT(Select("department eq null"), ElementsAre("u2"));
  EXPECT_THAT(Select("department ne null"), ElementsAre("u1", "u3", "u4", "u5"));
  // ne is the complement of eq: a null department is not 'sales'.
  EXPECT_THAT(Select("department ne 'sales'"), ElementsAre("u2", "u4", "u5"));
}

TEST_F(FilterSqliteTest, Booleans) {
  EXPECT_THAT(Select("accountEnabled eq false"), ElementsAre("u2"));
  EXPECT_THAT(Select("accountEnabled ne false"), ElementsAre("u1", "u3", "u4", "u5"));
  EXPECT_THAT(Select("accountEnabled in (false)"), ElementsAre("u2"));
}

TEST_F(FilterSqliteTest, InLists) {
  EXPECT_THAT(Select("mail in ('adelev@contoso.com','ALEXW@fabrikam.com')"),
              ElementsAre("u1", "u2"));
  EXPECT_THAT(Select("mail in ('x@contoso.com',null)"), ElementsAre("u3", "u5"));
}

TEST_F(FilterSqliteTest, StartsWithAndEndsWith) {
  EXPECT_THAT(Select("startswith(displayName,'a')"), ElementsAre("u1", "u2"));
  EXPECT_THAT(Select("startswith(displayName,'100%')"), ElementsAre("u4"));
  EXPECT_THAT(Select("startswith(displayName,'100_')"), IsEmpty());  // _ is not a wildcard
  EXPECT_THAT(Select("startswith(displayName,'100')"), ElementsAre("u4", "u5"));
  EXPECT_THAT(Select("endswith(mail,'@CONTOSO.COM')"), ElementsAre("u1", "u4", "u5"));
}

TEST_F(FilterSqliteTest, NotSelectsTheComplementIncludingNulls) {
  EXPECT_THAT(Select("not(endswith(mail,'@contoso.com'))"), ElementsAre("u2", "u3"));
  EXPECT_THAT(Select("not(displayName eq 'Adele Vance') and not(accountEnabled eq false)"),
              ElementsAre("u3", "u4", "u5"));
  EXPECT_THAT(Select("not(department eq 'sales')"), ElementsAre("u2", "u4", "u5"));
  EXPECT_THAT(Select("not not(department eq 'sales')"), ElementsAre("u1", "u3"));
}

TEST_F(FilterSqliteTest, DateTimes) {
  EXPECT_THAT(Select("createdDateTime ge 2021-01-01T00:00:00Z"), ElementsAre("u2", "u3", "u5"));
  EXPECT_THAT(Select("createdDateTime gt 2021-01-01T00:00:00Z"), ElementsAre("u3", "u5"));
  EXPECT_THAT(Select("createdDateTime le 2021-01-01T00:00:00Z"), ElementsAre("u1", "u2"));
  EXPECT_THAT(Select("createdDateTime lt 2021-01-01T00:00:00Z"), ElementsAre("u1"));
  EXPECT_THAT(Select("createdDateTime eq 2021-01-01T00:00:00Z"), ElementsAre("u2"));
  EXPECT_THAT(Select("createdDateTime ge 2021-01-01T00:00:00.5Z"), ElementsAre("u3", "u5"));
  EXPECT_THAT(Select("createdDateTime le 2021-01-01T00:00:00.5Z"), ElementsAre("u1", "u2"));
  EXPECT_THAT(Select("createdDateTime eq 2021-01-01T00:00:00.5Z"), IsEmpty());
  EXPECT_THAT(Select("createdDateTime ne 2021-01-01T00:00:00.5Z"),
              ElementsAre("u1", "u2", "u3", "u4", "u5"));
  EXPECT_THAT(Select("createdDateTime eq null"), ElementsAre("u4"));
}

TEST_F(FilterSqliteTest, IntegersAndGuids) {
  EXPECT_THAT(Select("employeeNumber gt 5"), ElementsAre("u1", "u2"));
  EXPECT_THAT(Select("sponsorId eq AD1C3E55-0000-4000-8000-000000000001"), ElementsAre("u2"));
}

TEST_F(FilterSqliteTest, LambdaOnStringCollections) {
  EXPECT_THAT(Select("proxyAddresses/any(x:startswith(x,'smtp:adele'))"), ElementsAre("u1"));
  EXPECT_THAT(Select("proxyAddresses/any(x:x eq 'smtp:alexw@fabrikam.com')"), ElementsAre("u2"));
  EXPECT_THAT(Select("proxyAddresses/any(x:endswith(x,'@contoso.com'))"), ElementsAre("u1", "u4"));
  EXPECT_THAT(Select("otherMails/any(x:x eq 'PAT@gmail.com' or x eq 'nobody@x.com')"),
              ElementsAre("u3"));
}

TEST_F(FilterSqliteTest, LambdaOnObjectCollections) {
  EXPECT_THAT(Select("assignedLicenses/any(x:x/skuId eq 184EFA21-98C3-4E5D-95AB-D07053A96E67)"),
              ElementsAre("u2"));
  EXPECT_THAT(Select("assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965)"),
              ElementsAre("u1", "u2"));
  EXPECT_THAT(
      Select("not(assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965))"),
      ElementsAre("u3", "u4", "u5"));
}

TEST_F(FilterSqliteTest, CountOnCollections) {
  EXPECT_THAT(Select("proxyAddresses/$count eq 0"), ElementsAre("u3", "u5"));
  EXPECT_THAT(Select("proxyAddresses/$count ne 0"), ElementsAre("u1", "u2", "u4"));
  EXPECT_THAT(Select("proxyAddresses/$count gt 1"), ElementsAre("u1"));
  EXPECT_THAT(Select("proxyAddresses/$count eq 1"), ElementsAre("u2", "u4"));
  EXPECT_THAT(Select("assignedLicenses/$count eq 2"), ElementsAre("u2"));
  EXPECT_THAT(Select("assignedLicenses/$count le 1"), ElementsAre("u1", "u3", "u4", "u5"));
}

TEST_F(FilterSqliteTest, Combinations) {
  EXPECT_THAT(Select("accountEnabled eq true and (userType eq 'Guest' or "
                     "startswith(displayName,'adele'))"),
              ElementsAre("u1", "u3"));
  EXPECT_THAT(Select("userType eq 'Guest' or startswith(displayName,'adele') and "
                     "accountEnabled eq false"),
              ElementsAre("u3"));
  EXPECT_THAT(Select("department eq 'Marketing' and proxyAddresses/$count eq 0 or "
                     "assignedLicenses/$count gt 1"),
              ElementsAre("u2", "u5"));
}

TEST_F(FilterSqliteTest, InjectionAttemptsMatchNothingAndChangeNothing) {
  EXPECT_THAT(Select("displayName eq 'x'' OR 1=1 --'"), IsEmpty());
  EXPECT_THAT(Select("displayName eq 'x''; DROP TABLE users; --'"), IsEmpty());
  EXPECT_THAT(Select("startswith(displayName,''' OR ''1''=''1')"), IsEmpty());
  EXPECT_THAT(Select("mail in ('a''); DELETE FROM users; --')"), IsEmpty());
  EXPECT_THAT(Select("proxyAddresses/any(x:x eq 'x'') OR 1=1) --')"), IsEmpty());
  EXPECT_EQ(CountUsers(), 5);
}

}  // namespace
}  // namespace admin365::query
