#include "query/filter_sql.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "query/filter_parser.h"
#include "query/filter_sql_test_schema.h"
#include "query/filter_test_util.h"

namespace admin365::query {

inline void PrintTo(const SqlFragment& fragment, std::ostream* os) {
  *os << '"' << fragment.sql << "\" [";
  for (const SqlValue& value : fragment.params) {
    std::visit(
        [os](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            *os << "NULL";
          } else if constexpr (std::is_same_v<T, std::string>) {
            *os << '\'' << v << '\'';
          } else {
            *os << v;
          }
        },
        value);
    *os << ", ";
  }
  *os << ']';
}

namespace {

using namespace testing_util;  // NOLINT(build/namespaces)
using ::testing::HasSubstr;
using ::testing::Not;

Result<SqlFragment> Translate(std::string_view text) {
  Result<Filter> filter = ParseFilter(text);
  if (!filter) {
    ADD_FAILURE() << text << ": " << filter.error().message;
    return Fail(filter.error());
  }
  return TranslateFilter(*filter, UserSchema());
}

// The SQL for `text`, failing the test on error.
SqlFragment Sql(std::string_view text) {
  Result<SqlFragment> sql = Translate(text);
  if (!sql) {
    ADD_FAILURE() << text << ": " << sql.error().message;
    return {};
  }
  return *std::move(sql);
}

SqlFragment Frag(std::string sql, std::vector<SqlValue> params = {}) {
  return SqlFragment{.sql = std::move(sql), .params = std::move(params)};
}

// The error for `text`, checking the fields all translation errors share.
Error ErrorOf(std::string_view text) {
  Result<SqlFragment> sql = Translate(text);
  if (sql) {
    ADD_FAILURE() << text << " unexpectedly translated to " << sql->sql;
    return {};
  }
  EXPECT_EQ(sql.error().kind, ErrorKind::kInvalidArgument) << text;
  EXPECT_EQ(sql.error().http_status, 400) << text;
  EXPECT_EQ(sql.error().target, "$filter") << text;
  return sql.error();
}

// "Request_BadRequest: message", to compare code and message at once.
std::string BadRequestOf(std::string_view text) {
  const Error error = ErrorOf(text);
  return error.code + ": " + error.message;
}

constexpr std::int64_t k2021 = 1609459200;  // 2021-01-01T00:00:00Z
const std::string kSkuE5 = "184efa21-98c3-4e5d-95ab-d07053a96e67";

// --- Comparisons --------------------------------------------------------------------

TEST(TranslateFilterTest, StringComparisons) {
  EXPECT_EQ(Sql("displayName eq 'Adele'"), Frag("u.display_name = ?", {"Adele"}));
  EXPECT_EQ(Sql("displayName ne 'Adele'"), Frag("u.display_name IS NOT ?", {"Adele"}));
  EXPECT_EQ(Sql("displayName gt 'b'"), Frag("u.display_name > ?", {"b"}));
  EXPECT_EQ(Sql("displayName ge 'b'"), Frag("u.display_name >= ?", {"b"}));
  EXPECT_EQ(Sql("displayName lt 'b'"), Frag("u.display_name < ?", {"b"}));
  EXPECT_EQ(Sql("displayName le 'b'"), Frag("u.display_name <= ?", {"b"}));
}

TEST(TranslateFilterTest, NullComparisons) {
  EXPECT_EQ(Sql("department eq null"), Frag("u.department IS NULL"));
  EXPECT_EQ(Sql("department ne null"), Frag("u.department IS NOT NULL"));
  EXPECT_EQ(Sql("accountEnabled eq null"), Frag("u.account_enabled IS NULL"));
  EXPECT_EQ(Sql("createdDateTime ne null"), Frag("u.created_at IS NOT NULL"));
}

TEST(TranslateFilterTest, BooleansBindAsZeroOrOne) {
  EXPECT_EQ(Sql("accountEnabled eq false"), Frag("u.account_enabled = ?", {std::int64_t{0}}));
  EXPECT_EQ(Sql("accountEnabled eq true"), Frag("u.account_enabled = ?", {std::int64_t{1}}));
  EXPECT_EQ(Sql("accountEnabled ne true"), Frag("u.account_enabled IS NOT ?", {std::int64_t{1}}));
}

TEST(TranslateFilterTest, DateTimesBindAsUnixSeconds) {
  EXPECT_EQ(Sql("createdDateTime ge 2021-01-01T00:00:00Z"), Frag("u.created_at >= ?", {k2021}));
  EXPECT_EQ(Sql("createdDateTime lt 2021-01-01T00:00:00.000Z"), Frag("u.created_at < ?", {k2021}));
  EXPECT_EQ(Sql("createdDateTime eq 2021-01-01T00:00:00Z"), Frag("u.created_at = ?", {k2021}));
}

TEST(TranslateFilterTest, FractionalDateTimesCompareExactlyWithWholeSeconds) {
  EXPECT_EQ(Sql("createdDateTime gt 2021-01-01T00:00:00.5Z"), Frag("u.created_at > ?", {k2021}));
  EXPECT_EQ(Sql("createdDateTime ge 2021-01-01T00:00:00.5Z"), Frag("u.created_at > ?", {k2021}));
  EXPECT_EQ(Sql("createdDateTime lt 2021-01-01T00:00:00.5Z"), Frag("u.created_at <= ?", {k2021}));
  EXPECT_EQ(Sql("createdDateTime le 2021-01-01T00:00:00.5Z"), Frag("u.created_at <= ?", {k2021}));
  EXPECT_EQ(Sql("createdDateTime eq 2021-01-01T00:00:00.5Z"), Frag("0"));
  EXPECT_EQ(Sql("createdDateTime ne 2021-01-01T00:00:00.5Z"), Frag("1"));
  EXPECT_EQ(Sql("createdDateTime in (2021-01-01T00:00:00.5Z)"), Frag("0"));
  EXPECT_EQ(Sql("createdDateTime in (2021-01-01T00:00:00.5Z,2021-01-01T00:00:00Z)"),
            Frag("u.created_at IN (?)", {k2021}));
}

TEST(TranslateFilterTest, GuidsBindInLowerCase) {
  EXPECT_EQ(Sql("sponsorId eq 184EFA21-98C3-4E5D-95AB-D07053A96E67"),
            Frag("u.sponsor_id = ?", {kSkuE5}));
  EXPECT_EQ(Sql("sponsorId ne 184efa21-98c3-4e5d-95ab-d07053a96e67"),
            Frag("u.sponsor_id IS NOT ?", {kSkuE5}));
  // Graph takes a GUID written as a string too.
  EXPECT_EQ(Sql("sponsorId in ('184EFA21-98C3-4E5D-95AB-D07053A96E67')"),
            Frag("u.sponsor_id IN (?)", {kSkuE5}));
}

TEST(TranslateFilterTest, Integers) {
  EXPECT_EQ(Sql("employeeNumber gt -5"), Frag("u.employee_number > ?", {std::int64_t{-5}}));
}

TEST(TranslateFilterTest, PropertyPathsAndNamesMatchCaseInsensitively) {
  EXPECT_EQ(Sql("onPremisesExtensionAttributes/extensionAttribute1 eq 'HR'"),
            Frag("u.ext1 = ?", {"HR"}));
  EXPECT_EQ(Sql("ONPREMISESEXTENSIONATTRIBUTES/EXTENSIONATTRIBUTE1 eq 'HR'"),
            Frag("u.ext1 = ?", {"HR"}));
  EXPECT_EQ(Sql("DISPLAYNAME eq 'x'"), Frag("u.display_name = ?", {"x"}));
  EXPECT_EQ(Sql("accountenabled eq true"), Frag("u.account_enabled = ?", {std::int64_t{1}}));
}

// --- in, functions ------------------------------------------------------------------

TEST(TranslateFilterTest, InLists) {
  EXPECT_EQ(Sql("mail in ('a@x.com','b@x.com')"), Frag("u.mail IN (?, ?)", {"a@x.com", "b@x.com"}));
  EXPECT_EQ(Sql("mail in ('a@x.com')"), Frag("u.mail IN (?)", {"a@x.com"}));
  EXPECT_EQ(Sql("mail in ('a@x.com',null)"),
            Frag("(u.mail IN (?) OR u.mail IS NULL)", {"a@x.com"}));
  EXPECT_EQ(Sql("mail in (null)"), Frag("u.mail IS NULL"));
  EXPECT_EQ(Sql("accountEnabled in (true,false)"),
            Frag("u.account_enabled IN (?, ?)", {std::int64_t{1}, std::int64_t{0}}));
}

TEST(TranslateFilterTest, StartsWithAndEndsWithUseEscapedLike) {
  EXPECT_EQ(Sql("startswith(displayName,'a')"), Frag("u.display_name LIKE ? ESCAPE '\\'", {"a%"}));
  EXPECT_EQ(Sql("endswith(mail,'@contoso.com')"),
            Frag("u.mail LIKE ? ESCAPE '\\'", {"%@contoso.com"}));
  EXPECT_EQ(Sql("startswith(displayName,'50%_off\\')"),
            Frag("u.display_name LIKE ? ESCAPE '\\'", {"50\\%\\_off\\\\%"}));
  EXPECT_EQ(Sql("startswith(displayName,'')"), Frag("u.display_name LIKE ? ESCAPE '\\'", {"%"}));
}

// --- Logic --------------------------------------------------------------------------

TEST(TranslateFilterTest, NotSelectsTheComplement) {
  EXPECT_EQ(Sql("not(endswith(mail,'@contoso.com'))"),
            Frag("(u.mail LIKE ? ESCAPE '\\') IS NOT TRUE", {"%@contoso.com"}));
  EXPECT_EQ(Sql("not (userType eq 'Guest' or mail eq 'x')"),
            Frag("(u.user_type = ? OR u.mail = ?) IS NOT TRUE", {"Guest", "x"}));
  EXPECT_EQ(Sql("not not accountEnabled eq true"),
            Frag("((u.account_enabled = ?) IS NOT TRUE) IS NOT TRUE", {std::int64_t{1}}));
}

TEST(TranslateFilterTest, AndOrKeepPrecedence) {
  EXPECT_EQ(Sql("userType eq 'a' or userType eq 'b' and mail eq 'c'"),
            Frag("u.user_type = ? OR u.user_type = ? AND u.mail = ?", {"a", "b", "c"}));
  EXPECT_EQ(Sql("(userType eq 'a' or userType eq 'b') and mail eq 'c'"),
            Frag("(u.user_type = ? OR u.user_type = ?) AND u.mail = ?", {"a", "b", "c"}));
  EXPECT_EQ(Sql("mail eq 'c' and (userType eq 'a' or userType eq 'b')"),
            Frag("u.mail = ? AND (u.user_type = ? OR u.user_type = ?)", {"c", "a", "b"}));
  EXPECT_EQ(Sql("mail eq 'a' and (mail eq 'b' and mail eq 'c')"),
            Frag("u.mail = ? AND u.mail = ? AND u.mail = ?", {"a", "b", "c"}));
}

TEST(TranslateFilterTest, ParametersFollowPlaceholderOrder) {
  EXPECT_EQ(Sql("displayName eq 'a' and (mail eq 'b' or proxyAddresses/any(x:x eq 'c')) and "
                "createdDateTime ge 2021-01-01T00:00:00Z"),
            Frag("u.display_name = ? AND (u.mail = ? OR EXISTS (SELECT 1 FROM "
                 "user_proxy_addresses c WHERE c.user_id = u.id AND c.address = ?)) AND "
                 "u.created_at >= ?",
                 {"a", "b", "c", k2021}));
}

// --- Collections --------------------------------------------------------------------

TEST(TranslateFilterTest, AnyOnStringCollection) {
  EXPECT_EQ(Sql("proxyAddresses/any(x:startswith(x,'smtp:adele'))"),
            Frag("EXISTS (SELECT 1 FROM user_proxy_addresses c WHERE c.user_id = u.id AND "
                 "c.address LIKE ? ESCAPE '\\')",
                 {"smtp:adele%"}));
  EXPECT_EQ(Sql("otherMails/any(m:m eq 'a@x.com' or m eq 'b@x.com')"),
            Frag("EXISTS (SELECT 1 FROM user_other_mails c WHERE c.user_id = u.id AND "
                 "(c.mail = ? OR c.mail = ?))",
                 {"a@x.com", "b@x.com"}));
  EXPECT_EQ(Sql("PROXYADDRESSES/any(x:x in ('a','b'))"),
            Frag("EXISTS (SELECT 1 FROM user_proxy_addresses c WHERE c.user_id = u.id AND "
                 "c.address IN (?, ?))",
                 {"a", "b"}));
}

TEST(TranslateFilterTest, AnyOnObjectCollection) {
  EXPECT_EQ(Sql("assignedLicenses/any(x:x/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)"),
            Frag("EXISTS (SELECT 1 FROM user_licenses c WHERE c.user_id = u.id AND "
                 "c.sku_id = ?)",
                 {kSkuE5}));
  EXPECT_EQ(Sql("assignedLicenses/any(l:l/SKUID ne 184efa21-98c3-4e5d-95ab-d07053a96e67)"),
            Frag("EXISTS (SELECT 1 FROM user_licenses c WHERE c.user_id = u.id AND "
                 "c.sku_id IS NOT ?)",
                 {kSkuE5}));
}

TEST(TranslateFilterTest, CountOnCollection) {
  const std::string from = "FROM user_proxy_addresses c WHERE c.user_id = u.id";
  EXPECT_EQ(Sql("proxyAddresses/$count eq 0"), Frag("NOT EXISTS (SELECT 1 " + from + ")"));
  EXPECT_EQ(Sql("proxyAddresses/$count ne 0"), Frag("EXISTS (SELECT 1 " + from + ")"));
  EXPECT_EQ(Sql("proxyAddresses/$count eq 2"),
            Frag("(SELECT count(*) " + from + ") = ?", {std::int64_t{2}}));
  EXPECT_EQ(Sql("proxyAddresses/$count ne 2"),
            Frag("(SELECT count(*) " + from + ") <> ?", {std::int64_t{2}}));
  EXPECT_EQ(Sql("proxyAddresses/$count gt 1"),
            Frag("(SELECT count(*) " + from + ") > ?", {std::int64_t{1}}));
  EXPECT_EQ(Sql("proxyAddresses/$count ge 0"),
            Frag("(SELECT count(*) " + from + ") >= ?", {std::int64_t{0}}));
  EXPECT_EQ(Sql("proxyAddresses/$count lt 3"),
            Frag("(SELECT count(*) " + from + ") < ?", {std::int64_t{3}}));
  EXPECT_EQ(Sql("proxyAddresses/$count le 3"),
            Frag("(SELECT count(*) " + from + ") <= ?", {std::int64_t{3}}));
}

// --- Hostile values -----------------------------------------------------------------

// The SQL holds placeholders only: no quote other than the ESCAPE character, no ';',
// no comment.
void ExpectOnlyPlaceholders(const SqlFragment& fragment) {
  std::string sql = fragment.sql;
  for (std::size_t at; (at = sql.find("ESCAPE '\\'")) != std::string::npos;) {
    sql.erase(at, 10);
  }
  EXPECT_THAT(sql, Not(HasSubstr("'"))) << fragment.sql;
  EXPECT_THAT(sql, Not(HasSubstr(";"))) << fragment.sql;
  EXPECT_THAT(sql, Not(HasSubstr("--"))) << fragment.sql;
  EXPECT_THAT(sql, Not(HasSubstr("1=1"))) << fragment.sql;
}

TEST(TranslateFilterTest, HostileValuesStayInParameters) {
  SqlFragment sql = Sql("displayName eq 'x'' OR 1=1 --'");
  EXPECT_EQ(sql, Frag("u.display_name = ?", {"x' OR 1=1 --"}));
  ExpectOnlyPlaceholders(sql);

  sql = Sql("displayName eq 'a''; DROP TABLE users; --'");
  EXPECT_EQ(sql, Frag("u.display_name = ?", {"a'; DROP TABLE users; --"}));
  ExpectOnlyPlaceholders(sql);

  sql = Sql("startswith(displayName,''' OR ''1''=''1')");
  EXPECT_EQ(sql, Frag("u.display_name LIKE ? ESCAPE '\\'", {"' OR '1'='1%"}));
  ExpectOnlyPlaceholders(sql);

  sql = Sql("mail in ('a''); DELETE FROM users; --','b') or mail eq '\"'");
  EXPECT_EQ(sql, Frag("u.mail IN (?, ?) OR u.mail = ?", {"a'); DELETE FROM users; --", "b", "\""}));
  ExpectOnlyPlaceholders(sql);

  sql = Sql("proxyAddresses/any(x:x eq 'smtp:x'') OR 1=1) --')");
  EXPECT_EQ(sql.params, std::vector<SqlValue>{"smtp:x') OR 1=1) --"});
  ExpectOnlyPlaceholders(sql);
}

// --- Errors -------------------------------------------------------------------------

TEST(TranslateFilterErrorTest, UnknownProperty) {
  EXPECT_EQ(BadRequestOf("foo eq 1"),
            "Request_BadRequest: Could not find a property named 'foo' on type "
            "'microsoft.graph.user'.");
  EXPECT_EQ(BadRequestOf("startswith(Foo,'a')"),
            "Request_BadRequest: Could not find a property named 'Foo' on type "
            "'microsoft.graph.user'.");
  EXPECT_EQ(BadRequestOf("bar in (1)"),
            "Request_BadRequest: Could not find a property named 'bar' on type "
            "'microsoft.graph.user'.");
  EXPECT_EQ(BadRequestOf("onPremisesExtensionAttributes/extensionAttribute99 eq 'x'"),
            "Request_BadRequest: Could not find a property named "
            "'onPremisesExtensionAttributes/extensionAttribute99' on type "
            "'microsoft.graph.user'.");
  EXPECT_EQ(BadRequestOf("foo/any(x:x eq 'a')"),
            "Request_BadRequest: Could not find a property named 'foo' on type "
            "'microsoft.graph.user'.");
  EXPECT_EQ(BadRequestOf("foo/$count eq 0"),
            "Request_BadRequest: Could not find a property named 'foo' on type "
            "'microsoft.graph.user'.");
  EXPECT_EQ(BadRequestOf("assignedLicenses/any(x:x/foo eq 1)"),
            "Request_BadRequest: Could not find a property named 'foo' on type "
            "'microsoft.graph.assignedLicense'.");
  EXPECT_EQ(BadRequestOf("proxyAddresses/any(x:x/foo eq 'a')"),
            "Request_BadRequest: Could not find a property named 'foo' on type 'Edm.String'.");
  // Stops at the first unknown property, left to right.
  EXPECT_EQ(BadRequestOf("displayName eq 'a' and foo eq 1 and bar eq 2"),
            "Request_BadRequest: Could not find a property named 'foo' on type "
            "'microsoft.graph.user'.");
}

TEST(TranslateFilterErrorTest, NotIndexed) {
  const std::string expected =
      "Request_UnsupportedQuery: The request uses a filter property that is not indexed";
  EXPECT_EQ(BadRequestOf("securityIdentifier eq 'S-1-5'"), expected);
  EXPECT_EQ(BadRequestOf("startswith(securityIdentifier,'S')"), expected);
  EXPECT_EQ(BadRequestOf("identities/any(x:x/issuer eq 'contoso.com')"), expected);
  EXPECT_EQ(BadRequestOf("identities/$count eq 0"), expected);
  EXPECT_EQ(BadRequestOf("assignedLicenses/any(x:x/notes eq 'a')"), expected);
}

TEST(TranslateFilterErrorTest, TypeMismatch) {
  EXPECT_EQ(BadRequestOf("accountEnabled eq 'x'"),
            "Request_BadRequest: Invalid $filter: the literal 'x' cannot be compared with "
            "property 'accountEnabled' of type Edm.Boolean.");
  EXPECT_EQ(BadRequestOf("displayName eq true"),
            "Request_BadRequest: Invalid $filter: the literal true cannot be compared with "
            "property 'displayName' of type Edm.String.");
  EXPECT_EQ(BadRequestOf("displayName eq 5"),
            "Request_BadRequest: Invalid $filter: the literal 5 cannot be compared with "
            "property 'displayName' of type Edm.String.");
  EXPECT_EQ(BadRequestOf("createdDateTime ge '2021-01-01'"),
            "Request_BadRequest: Invalid $filter: the literal '2021-01-01' cannot be compared "
            "with property 'createdDateTime' of type Edm.DateTimeOffset.");
  EXPECT_EQ(BadRequestOf("createdDateTime gt null"),
            "Request_BadRequest: Invalid $filter: the literal null cannot be compared with "
            "property 'createdDateTime' of type Edm.DateTimeOffset.");
  EXPECT_EQ(BadRequestOf("id eq 184efa21-98c3-4e5d-95ab-d07053a96e67"),
            "Request_BadRequest: Invalid $filter: the literal "
            "184efa21-98c3-4e5d-95ab-d07053a96e67 cannot be compared with property 'id' of "
            "type Edm.String.");
  EXPECT_EQ(BadRequestOf("assignedLicenses/any(x:x/skuId eq 'abc')"),
            "Request_BadRequest: Invalid $filter: the literal 'abc' cannot be compared with "
            "property 'skuId' of type Edm.Guid.");
  EXPECT_EQ(BadRequestOf("proxyAddresses/any(x:x eq 1)"),
            "Request_BadRequest: Invalid $filter: the literal 1 cannot be compared with "
            "property 'x' of type Edm.String.");
  EXPECT_EQ(BadRequestOf("mail in ('a', 1)"),
            "Request_BadRequest: Invalid $filter: the literal 1 cannot be compared with "
            "property 'mail' of type Edm.String.");
  EXPECT_EQ(BadRequestOf("employeeNumber eq 2021-01-01T00:00:00Z"),
            "Request_BadRequest: Invalid $filter: the literal 2021-01-01T00:00:00Z cannot be "
            "compared with property 'employeeNumber' of type Edm.Int64.");
}

TEST(TranslateFilterErrorTest, OperatorOrFunctionNotApplicable) {
  EXPECT_EQ(BadRequestOf("accountEnabled gt false"),
            "Request_BadRequest: Invalid $filter: the operator 'gt' cannot be applied to "
            "property 'accountEnabled' of type Edm.Boolean.");
  EXPECT_EQ(BadRequestOf("sponsorId le 184efa21-98c3-4e5d-95ab-d07053a96e67"),
            "Request_BadRequest: Invalid $filter: the operator 'le' cannot be applied to "
            "property 'sponsorId' of type Edm.Guid.");
  EXPECT_EQ(BadRequestOf("startswith(accountEnabled,'t')"),
            "Request_BadRequest: Invalid $filter: the function 'startswith' cannot be applied "
            "to property 'accountEnabled' of type Edm.Boolean.");
  EXPECT_EQ(BadRequestOf("endswith(createdDateTime,'Z')"),
            "Request_BadRequest: Invalid $filter: the function 'endswith' cannot be applied "
            "to property 'createdDateTime' of type Edm.DateTimeOffset.");
  EXPECT_EQ(BadRequestOf("assignedLicenses/any(x:startswith(x/skuId,'1'))"),
            "Request_BadRequest: Invalid $filter: the function 'startswith' cannot be applied "
            "to property 'skuId' of type Edm.Guid.");
}

TEST(TranslateFilterErrorTest, CollectionsUsedWrongly) {
  EXPECT_EQ(BadRequestOf("proxyAddresses eq 'x'"),
            "Request_BadRequest: Invalid $filter: the collection 'proxyAddresses' can only be "
            "filtered with any() or $count.");
  EXPECT_EQ(BadRequestOf("displayName/any(x:x eq 'a')"),
            "Request_BadRequest: Invalid $filter: the property 'displayName' is not a "
            "collection.");
  EXPECT_EQ(BadRequestOf("mail/$count eq 0"),
            "Request_BadRequest: Invalid $filter: the property 'mail' is not a collection.");
  EXPECT_EQ(BadRequestOf("assignedLicenses/any(x:x eq 'a')"),
            "Request_BadRequest: Invalid $filter: the elements of 'assignedLicenses' are "
            "objects; compare one of their properties.");
}

TEST(TranslateFilterErrorTest, NestedLambdasFromHandBuiltTrees) {
  const std::string expected =
      "Request_BadRequest: Invalid $filter: any() and $count cannot be used inside a lambda "
      "expression.";
  Result<SqlFragment> sql = TranslateFilter(
      AnyF("proxyAddresses", "x", AnyF("otherMails", "y", Eq("y", Str("a")))), UserSchema());
  ASSERT_FALSE(sql.has_value());
  EXPECT_EQ(sql.error().code + ": " + sql.error().message, expected);
  sql = TranslateFilter(AnyF("proxyAddresses", "x", Count("otherMails", CompareOp::kEq, 0)),
                        UserSchema());
  ASSERT_FALSE(sql.has_value());
  EXPECT_EQ(sql.error().code + ": " + sql.error().message, expected);
  // A path that does not start with the range variable.
  sql = TranslateFilter(AnyF("proxyAddresses", "x", Eq("mail", Str("a"))), UserSchema());
  ASSERT_FALSE(sql.has_value());
  EXPECT_EQ(sql.error().message,
            "Could not find a property named 'mail' on type 'microsoft.graph.user'.");
}

}  // namespace
}  // namespace admin365::query
