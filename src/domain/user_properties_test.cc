#include "domain/user_properties.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365 {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;
using Strings = std::vector<std::string>;

const UserProperty& Prop(std::string_view name) {
  const UserProperty* property = FindUserProperty(name);
  if (property == nullptr) ADD_FAILURE() << "no property " << name;
  return *property;
}

std::string Repeat(std::string_view unit, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += unit;
  return out;
}

PropertyValue Text(std::string text) { return PropertyValue(std::move(text)); }
PropertyValue List(Strings items) { return PropertyValue(std::move(items)); }
const PropertyValue kNull = std::monostate{};

// A user with every required field set and a few optional ones.
User SampleUser() {
  User user;
  user.id = "6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11";
  user.user_principal_name = "AdeleV@contoso.com";
  user.display_name = "Adele Vance";
  user.mail_nickname = "AdeleV";
  user.given_name = "Adele";
  user.surname = "Vance";
  user.usage_location = "US";
  user.business_phones = {"+1 425 555 0109"};
  user.proxy_addresses = {"SMTP:AdeleV@contoso.com"};
  user.created_date_time = 1795396662;
  return user;
}

// ---------------------------------------------------------------------------------------
// The catalogue

TEST(UserPropertyCatalogueTest, ListsEveryManagedPropertyOnce) {
  std::vector<std::string_view> names;
  for (const UserProperty& property : AllUserProperties()) names.push_back(property.name);
  EXPECT_THAT(names, UnorderedElementsAreArray(std::vector<std::string_view>{
                         "id",
                         "accountEnabled",
                         "businessPhones",
                         "city",
                         "companyName",
                         "country",
                         "createdDateTime",
                         "deletedDateTime",
                         "department",
                         "displayName",
                         "employeeId",
                         "employeeType",
                         "faxNumber",
                         "givenName",
                         "jobTitle",
                         "lastPasswordChangeDateTime",
                         "mail",
                         "mailNickname",
                         "mobilePhone",
                         "officeLocation",
                         "onPremisesDistinguishedName",
                         "onPremisesDomainName",
                         "onPremisesImmutableId",
                         "onPremisesLastSyncDateTime",
                         "onPremisesSamAccountName",
                         "onPremisesSyncEnabled",
                         "onPremisesUserPrincipalName",
                         "otherMails",
                         "passwordPolicies",
                         "postalCode",
                         "preferredLanguage",
                         "proxyAddresses",
                         "signInSessionsValidFromDateTime",
                         "state",
                         "streetAddress",
                         "surname",
                         "usageLocation",
                         "userPrincipalName",
                         "userType",
                     }));
}

TEST(UserPropertyCatalogueTest, DefaultSelectIsGraphsDefaultSet) {
  std::vector<std::string_view> defaults;
  for (const UserProperty& property : AllUserProperties()) {
    if (property.in_default_select) defaults.push_back(property.name);
  }
  EXPECT_THAT(defaults, UnorderedElementsAreArray(std::vector<std::string_view>{
                            "id", "businessPhones", "displayName", "givenName", "jobTitle", "mail",
                            "mobilePhone", "officeLocation", "preferredLanguage", "surname",
                            "userPrincipalName"}));
}

TEST(UserPropertyCatalogueTest, ReadOnlyPropertiesAreTheDirectorysOwn) {
  std::vector<std::string_view> read_only;
  for (const UserProperty& property : AllUserProperties()) {
    if (property.access == PropertyAccess::kReadOnly) read_only.push_back(property.name);
    EXPECT_NE(property.access, PropertyAccess::kCreateOnly) << property.name;
  }
  EXPECT_THAT(
      read_only,
      UnorderedElementsAreArray(std::vector<std::string_view>{
          "id", "createdDateTime", "deletedDateTime", "lastPasswordChangeDateTime",
          "proxyAddresses", "signInSessionsValidFromDateTime", "onPremisesDistinguishedName",
          "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesSamAccountName",
          "onPremisesSyncEnabled", "onPremisesUserPrincipalName"}));
}

struct LimitCase {
  std::string_view name;
  PropertyType type;
  std::size_t max_length;
  std::size_t max_items;
};

TEST(UserPropertyCatalogueTest, TypesAndLimitsMatchTheFacts) {
  using enum PropertyType;
  for (const LimitCase& c : std::initializer_list<LimitCase>{
           {"id", kRequiredString, 36, 0},
           {"accountEnabled", kBool, 0, 0},
           {"businessPhones", kStringCollection, 64, 1},
           {"city", kString, 128, 0},
           {"companyName", kString, 64, 0},
           {"country", kString, 128, 0},
           {"createdDateTime", kDateTime, 0, 0},
           {"deletedDateTime", kDateTime, 0, 0},
           {"department", kString, 64, 0},
           {"displayName", kRequiredString, 256, 0},
           {"employeeId", kString, 16, 0},
           {"employeeType", kString, 64, 0},
           {"faxNumber", kString, 64, 0},
           {"givenName", kString, 64, 0},
           {"jobTitle", kString, 128, 0},
           {"lastPasswordChangeDateTime", kDateTime, 0, 0},
           {"mail", kString, 256, 0},
           {"mailNickname", kRequiredString, 64, 0},
           {"mobilePhone", kString, 64, 0},
           {"officeLocation", kString, 128, 0},
           {"onPremisesDistinguishedName", kString, 1024, 0},
           {"onPremisesDomainName", kString, 255, 0},
           {"onPremisesImmutableId", kString, 256, 0},
           {"onPremisesLastSyncDateTime", kDateTime, 0, 0},
           {"onPremisesSamAccountName", kString, 20, 0},
           {"onPremisesSyncEnabled", kBool, 0, 0},
           {"onPremisesUserPrincipalName", kString, 1024, 0},
           {"otherMails", kStringCollection, 256, 0},
           {"passwordPolicies", kString, 256, 0},
           {"postalCode", kString, 40, 0},
           {"preferredLanguage", kString, 16, 0},
           {"proxyAddresses", kStringCollection, 256, 0},
           {"signInSessionsValidFromDateTime", kDateTime, 0, 0},
           {"state", kString, 128, 0},
           {"streetAddress", kString, 1024, 0},
           {"surname", kString, 64, 0},
           {"usageLocation", kString, 2, 0},
           {"userPrincipalName", kRequiredString, 113, 0},
           {"userType", kString, 16, 0},
       }) {
    const UserProperty& property = Prop(c.name);
    EXPECT_EQ(property.type, c.type) << c.name;
    EXPECT_EQ(property.max_length, c.max_length) << c.name;
    EXPECT_EQ(property.max_items, c.max_items) << c.name;
  }
}

TEST(FindUserPropertyTest, MatchesNamesCaseInsensitively) {
  const UserProperty* property = FindUserProperty("displayName");
  ASSERT_NE(property, nullptr);
  EXPECT_EQ(property->name, "displayName");
  for (const std::string_view spelling :
       {"DISPLAYNAME", "displayname", "DisplayName", "dIsPlAyNaMe"}) {
    EXPECT_EQ(FindUserProperty(spelling), property) << spelling;
  }
  EXPECT_EQ(FindUserProperty("USERPRINCIPALNAME")->name, "userPrincipalName");
  for (const UserProperty& each : AllUserProperties()) {
    EXPECT_EQ(FindUserProperty(each.name), &each) << each.name;
  }
}

TEST(FindUserPropertyTest, ReturnsNullForUnknownNames) {
  for (const std::string_view name :
       {"", "displayNam", "displayNames", "display Name", "display_name", " displayName",
        "passwordProfile", "onPremisesSecurityIdentifier", "favouriteColour"}) {
    EXPECT_EQ(FindUserProperty(name), nullptr) << name;
  }
  EXPECT_EQ(FindUserProperty(std::string("displayName\0", 12)), nullptr);
}

TEST(PropertyMapTest, KeysAreCaseInsensitive) {
  PropertyMap map;
  map["DisplayName"] = Text("Adele");
  map["DISPLAYNAME"] = Text("Megan");
  ASSERT_EQ(map.size(), 1u);
  EXPECT_EQ(map.begin()->first, "DisplayName");
  EXPECT_EQ(map.at("displayname"), Text("Megan"));
  map["jobTitle"] = Text("Engineer");
  map["Department"] = Text("R&D");
  std::vector<std::string> keys;
  for (const auto& [key, value] : map) keys.push_back(key);
  EXPECT_THAT(keys, ElementsAre("Department", "DisplayName", "jobTitle"));
  EXPECT_TRUE(CaseInsensitiveLess()("abc", "ABD"));
  EXPECT_FALSE(CaseInsensitiveLess()("ABC", "abc"));
  EXPECT_FALSE(CaseInsensitiveLess()("abc", "ABC"));
  EXPECT_TRUE(CaseInsensitiveLess()("ab", "ABC"));
}

// ---------------------------------------------------------------------------------------
// Free-text strings: length counted in code points

struct TextLimitCase {
  std::string_view name;
  std::size_t max;
};

constexpr TextLimitCase kFreeText[] = {
    {"displayName", 256},      {"givenName", 64},       {"surname", 64},     {"jobTitle", 128},
    {"department", 64},        {"companyName", 64},     {"employeeId", 16},  {"employeeType", 64},
    {"officeLocation", 128},   {"streetAddress", 1024}, {"city", 128},       {"state", 128},
    {"postalCode", 40},        {"country", 128},        {"mobilePhone", 64}, {"faxNumber", 64},
    {"preferredLanguage", 16},
};

TEST(SetUserPropertyTest, FreeTextAcceptsExactlyTheMaximumInCodePoints) {
  // One, two, three and four bytes per character: the limit counts characters.
  for (const std::string_view unit : {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    for (const TextLimitCase& c : kFreeText) {
      const UserProperty& property = Prop(c.name);
      User user = SampleUser();
      const std::string at_limit = Repeat(unit, c.max);
      ASSERT_EQ(Utf8Length(at_limit), c.max);
      EXPECT_THAT(SetUserProperty(user, property, Text(at_limit)), Succeeds())
          << c.name << " unit bytes " << unit.size();
      EXPECT_EQ(GetUserProperty(user, property), Text(at_limit)) << c.name;

      const User before = user;
      EXPECT_THAT(SetUserProperty(user, property, Text(at_limit + std::string(unit))),
                  FailsWith(expected::InvalidValue(std::string(c.name))))
          << c.name << " unit bytes " << unit.size();
      EXPECT_EQ(user, before) << c.name;
    }
  }
}

TEST(SetUserPropertyTest, StoresEachFreeTextPropertyInItsOwnField) {
  User user;
  for (const TextLimitCase& c : kFreeText) {
    // The property's own name, cut to its limit: a distinct value per field.
    ASSERT_THAT(SetUserProperty(user, Prop(c.name), Text(std::string(c.name.substr(0, c.max)))),
                Succeeds());
  }
  EXPECT_EQ(user.display_name, "displayName");
  EXPECT_EQ(user.given_name, "givenName");
  EXPECT_EQ(user.surname, "surname");
  EXPECT_EQ(user.job_title, "jobTitle");
  EXPECT_EQ(user.department, "department");
  EXPECT_EQ(user.company_name, "companyName");
  EXPECT_EQ(user.employee_id, "employeeId");
  EXPECT_EQ(user.employee_type, "employeeType");
  EXPECT_EQ(user.office_location, "officeLocation");
  EXPECT_EQ(user.street_address, "streetAddress");
  EXPECT_EQ(user.city, "city");
  EXPECT_EQ(user.state, "state");
  EXPECT_EQ(user.postal_code, "postalCode");
  EXPECT_EQ(user.country, "country");
  EXPECT_EQ(user.mobile_phone, "mobilePhone");
  EXPECT_EQ(user.fax_number, "faxNumber");
  EXPECT_EQ(user.preferred_language, "preferredLanguag");
}

TEST(SetUserPropertyTest, AcceptsHostileButPrintableText) {
  for (const std::string& text : std::vector<std::string>{
           std::string("O'Brien, \"Jr.\"; <script>alert(1)</script>"),
           std::string("Robert'); DROP TABLE users;--"),
           std::string("a\\b/c|d`e$f%g&h*i"),
           std::string("=HYPERLINK(\"http://x\")"),
           std::string("\342\200\256evil"),  // U+202E RIGHT-TO-LEFT OVERRIDE is not a control
           std::string("\xC2\xA0nbsp"),
           std::string("\xEF\xBF\xBD"),      // U+FFFD
           std::string("\xF4\x8F\xBF\xBF"),  // U+10FFFF
           std::string("   "),
       }) {
    User user;
    EXPECT_THAT(SetUserProperty(user, Prop("jobTitle"), Text(text)), Succeeds())
        << testing::PrintToString(text);
    EXPECT_EQ(user.job_title, text);
    EXPECT_THAT(SetUserProperty(user, Prop("displayName"), Text(text)), Succeeds());
    EXPECT_EQ(user.display_name, text);
  }
}

// Strings that are not clean UTF-8 text: each is refused by every string property.
std::vector<std::string> DirtyStrings() {
  std::vector<std::string> dirty;
  for (int c = 0x00; c < 0x20; ++c)
    dirty.push_back("ab" + std::string(1, static_cast<char>(c)) + "c");
  dirty.push_back("ab\177c");           // DEL
  for (int c = 0x80; c <= 0x9F; ++c) {  // C1 controls U+0080-U+009F
    dirty.push_back("ab\xC2" + std::string(1, static_cast<char>(c)) + "c");
  }
  dirty.push_back(std::string("Adele\0Vance", 11));  // NUL inside the string
  dirty.push_back("\x80");                           // lone continuation byte
  dirty.push_back("ab\277c");
  dirty.push_back("ab\xC3");                    // truncated 2-byte sequence
  dirty.push_back("ab\303c");                   // lead byte without continuation
  dirty.push_back("ab\xE2\x82");                // truncated 3-byte sequence
  dirty.push_back("ab\xF0\x9F\x98");            // truncated 4-byte sequence
  dirty.push_back("\xC0\xAF");                  // overlong '/'
  dirty.push_back("\xC1\xBF");                  // overlong
  dirty.push_back("\xC0\x80");                  // overlong NUL
  dirty.push_back("\xE0\x80\xAF");              // overlong 3-byte '/'
  dirty.push_back("\xE0\x9F\xBF");              // overlong U+07FF
  dirty.push_back("\xF0\x80\x80\xAF");          // overlong 4-byte '/'
  dirty.push_back("\xF0\x8F\xBF\xBF");          // overlong U+FFFF
  dirty.push_back("\xED\xA0\x80");              // surrogate U+D800
  dirty.push_back("\xED\xBF\xBF");              // surrogate U+DFFF
  dirty.push_back("\xED\xA0\xBD\xED\xB8\x80");  // CESU-8 surrogate pair
  dirty.push_back("\xF4\x90\x80\x80");          // U+110000
  dirty.push_back("\xF5\x80\x80\x80");
  dirty.push_back("\xF8\x88\x80\x80\x80");  // 5-byte form
  dirty.push_back("\xFE");
  dirty.push_back("\xFF");
  dirty.push_back("\xC3\xA9\x80");  // valid then stray continuation
  return dirty;
}

TEST(SetUserPropertyTest, RefusesControlCharactersAndInvalidUtf8) {
  for (const std::string& text : DirtyStrings()) {
    for (const std::string_view name : {"displayName", "jobTitle", "streetAddress", "mailNickname",
                                        "mail", "usageLocation", "passwordPolicies", "userType"}) {
      const bool line_break = text == "ab\nc" || text == "ab\rc";
      if (name == "streetAddress" && line_break) continue;  // its lines: see below
      User user = SampleUser();
      const User before = user;
      EXPECT_THAT(SetUserProperty(user, Prop(name), Text(text)),
                  FailsWith(expected::InvalidValue(std::string(name))))
          << name << " " << testing::PrintToString(text);
      EXPECT_EQ(user, before);
    }
    for (const std::string_view name : {"businessPhones", "otherMails"}) {
      User user = SampleUser();
      const User before = user;
      EXPECT_THAT(SetUserProperty(user, Prop(name), List({text})),
                  FailsWith(expected::InvalidValue(std::string(name))))
          << name << " " << testing::PrintToString(text);
      EXPECT_EQ(user, before);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Optional strings: null and "" clear

TEST(SetUserPropertyTest, NullAndEmptyClearOptionalStrings) {
  for (const TextLimitCase& c : kFreeText) {
    if (c.name == "displayName") continue;
    const UserProperty& property = Prop(c.name);
    User user;
    ASSERT_THAT(SetUserProperty(user, property, Text("x")), Succeeds());
    ASSERT_EQ(GetUserProperty(user, property), Text("x"));
    EXPECT_THAT(SetUserProperty(user, property, kNull), Succeeds()) << c.name;
    EXPECT_EQ(GetUserProperty(user, property), kNull) << c.name;

    ASSERT_THAT(SetUserProperty(user, property, Text("x")), Succeeds());
    EXPECT_THAT(SetUserProperty(user, property, Text("")), Succeeds()) << c.name;
    EXPECT_EQ(GetUserProperty(user, property), kNull) << c.name;

    // Clearing what is already clear is fine.
    EXPECT_THAT(SetUserProperty(user, property, kNull), Succeeds()) << c.name;
  }
  for (const std::string_view name : {"mail", "passwordPolicies", "userType"}) {
    User user;
    user.mail = "adele@contoso.com";
    user.password_policies = "None";
    user.user_type = "Member";
    EXPECT_THAT(SetUserProperty(user, Prop(name), kNull), Succeeds()) << name;
    EXPECT_EQ(GetUserProperty(user, Prop(name)), kNull) << name;
  }
}

TEST(SetUserPropertyTest, RefusesTheWrongValueType) {
  struct Case {
    std::string_view name;
    PropertyValue value;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"displayName", true},
           {"displayName", List({"Adele"})},
           {"mailNickname", false},
           {"givenName", true},
           {"givenName", List({"Adele"})},
           {"usageLocation", List({"US"})},
           {"mail", true},
           {"accountEnabled", Text("true")},
           {"accountEnabled", Text("")},
           {"accountEnabled", kNull},
           {"accountEnabled", List({"true"})},
           {"businessPhones", Text("+1 425 555 0109")},
           {"businessPhones", true},
           {"otherMails", Text("adele@contoso.com")},
           {"otherMails", false},
       }) {
    User user = SampleUser();
    const User before = user;
    EXPECT_THAT(SetUserProperty(user, Prop(c.name), c.value),
                FailsWith(expected::InvalidValue(std::string(c.name))))
        << c.name << " " << PropertyValueToText(c.value);
    EXPECT_EQ(user, before);
  }
}

// ---------------------------------------------------------------------------------------
// Required strings

TEST(SetUserPropertyTest, RequiredStringsCannotBeCleared) {
  for (const std::string_view name : {"displayName", "mailNickname"}) {
    for (const PropertyValue& value : {kNull, Text("")}) {
      User user = SampleUser();
      const User before = user;
      EXPECT_THAT(SetUserProperty(user, Prop(name), value),
                  FailsWith(expected::RequiredProperty(std::string(name))))
          << name;
      EXPECT_EQ(user, before);
    }
  }
}

TEST(SetUserPropertyTest, MailNicknameFollowsItsCharacterRule) {
  User user = SampleUser();
  EXPECT_THAT(SetUserProperty(user, Prop("mailNickname"), Text("o'brien.jr")), Succeeds());
  EXPECT_EQ(user.mail_nickname, "o'brien.jr");
  EXPECT_THAT(SetUserProperty(user, Prop("mailNickname"), Text(std::string(64, 'n'))), Succeeds());
  EXPECT_EQ(user.mail_nickname, std::string(64, 'n'));
  for (const std::string& bad : std::vector<std::string>{
           std::string(65, 'n'), std::string("adele vance"), std::string("adele@contoso"),
           std::string("ren\xC3\xA9"), std::string("a,b"), std::string("a;b"), std::string("\"a\""),
           std::string("(a)"), std::string("a:b"), std::string("a<b>"), std::string("a[b]"),
           std::string("a\\b")}) {
    const User before = user;
    EXPECT_THAT(SetUserProperty(user, Prop("mailNickname"), Text(bad)),
                FailsWith(expected::InvalidValue("mailNickname")))
        << bad;
    EXPECT_EQ(user, before);
  }
}

// ---------------------------------------------------------------------------------------
// Properties with value rules

TEST(SetUserPropertyTest, UsageLocationIsAnAllowedCodeStoredInUpperCase) {
  User user;
  EXPECT_THAT(SetUserProperty(user, Prop("usageLocation"), Text("gb")), Succeeds());
  EXPECT_EQ(user.usage_location, "GB");
  EXPECT_THAT(SetUserProperty(user, Prop("USAGELOCATION"), Text("Jp")), Succeeds());
  EXPECT_EQ(user.usage_location, "JP");
  EXPECT_THAT(SetUserProperty(user, Prop("usageLocation"), Text("US")), Succeeds());
  EXPECT_EQ(user.usage_location, "US");
  EXPECT_EQ(GetUserProperty(user, Prop("usageLocation")), Text("US"));
  for (const std::string_view bad : {"USA", "U", "XX", "1A", "CU", "IR", "KP", "SY", "us "}) {
    EXPECT_THAT(SetUserProperty(user, Prop("usageLocation"), Text(std::string(bad))),
                FailsWith(expected::InvalidValue("usageLocation")))
        << bad;
    EXPECT_EQ(user.usage_location, "US");
  }
}

TEST(SetUserPropertyTest, UsageLocationIsNotNullable) {
  for (const PropertyValue& value : {kNull, Text("")}) {
    User user;
    user.usage_location = "US";
    EXPECT_THAT(SetUserProperty(user, Prop("usageLocation"), value),
                FailsWith(expected::InvalidValue("usageLocation")));
    EXPECT_EQ(user.usage_location, "US");
  }
}

TEST(SetUserPropertyTest, BusinessPhonesHoldsAtMostOneNumber) {
  User user;
  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), List({"+1 425 555 0109"})), Succeeds());
  EXPECT_THAT(user.business_phones, ElementsAre("+1 425 555 0109"));
  EXPECT_EQ(GetUserProperty(user, Prop("businessPhones")), List({"+1 425 555 0109"}));

  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), List({"+1 425 555 0109", "+44 20"})),
              FailsWith(expected::InvalidValue("businessPhones")));
  EXPECT_THAT(user.business_phones, ElementsAre("+1 425 555 0109"));

  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), List({""})),
              FailsWith(expected::InvalidValue("businessPhones")));
  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), List({std::string(65, '1')})),
              FailsWith(expected::InvalidValue("businessPhones")));
  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), List({std::string(64, '1')})),
              Succeeds());
  EXPECT_THAT(user.business_phones, ElementsAre(std::string(64, '1')));

  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), List({})), Succeeds());
  EXPECT_THAT(user.business_phones, IsEmpty());
  user.business_phones = {"1"};
  EXPECT_THAT(SetUserProperty(user, Prop("businessPhones"), kNull), Succeeds());
  EXPECT_THAT(user.business_phones, IsEmpty());
}

TEST(SetUserPropertyTest, OtherMailsAreAsciiAddressesWithOneAt) {
  User user;
  EXPECT_THAT(SetUserProperty(user, Prop("otherMails"),
                              List({"adele@contoso.com", "a@b", "o'brien+x@fabrikam.co.uk"})),
              Succeeds());
  EXPECT_THAT(user.other_mails,
              ElementsAre("adele@contoso.com", "a@b", "o'brien+x@fabrikam.co.uk"));

  const std::string at_limit = std::string(246, 'a') + "@contoso.c";
  ASSERT_EQ(at_limit.size(), 256u);
  EXPECT_THAT(SetUserProperty(user, Prop("otherMails"), List({at_limit})), Succeeds());

  for (const std::string& bad : std::vector<std::string>{
           std::string("ren\303\251e@contoso.com"),  // accented
           std::string("adele@b\303\274cher.de"),
           std::string("adele"),
           std::string("adele@vance@contoso.com"),
           std::string("@contoso.com"),
           std::string("adele@"),
           std::string("@"),
           std::string("adele vance@contoso.com"),
           std::string(""),
           at_limit + "o",
       }) {
    const User before = user;
    EXPECT_THAT(SetUserProperty(user, Prop("otherMails"), List({"good@contoso.com", bad})),
                FailsWith(expected::InvalidValue("otherMails")))
        << testing::PrintToString(bad);
    EXPECT_EQ(user, before);
  }
  EXPECT_THAT(SetUserProperty(user, Prop("otherMails"), kNull), Succeeds());
  EXPECT_THAT(user.other_mails, IsEmpty());
}

TEST(SetUserPropertyTest, MailIsAnAsciiAddressWithOneAt) {
  User user;
  EXPECT_THAT(SetUserProperty(user, Prop("mail"), Text("Adele.Vance@contoso.com")), Succeeds());
  EXPECT_EQ(user.mail, "Adele.Vance@contoso.com");
  for (const std::string& bad : std::vector<std::string>{
           std::string("ren\303\251e@contoso.com"), std::string("adele"), std::string("a@b@c"),
           std::string("@contoso.com"), std::string("adele@"),
           std::string("adele vance@contoso.com"), std::string(247, 'a') + "@contoso.c"}) {
    EXPECT_THAT(SetUserProperty(user, Prop("mail"), Text(bad)),
                FailsWith(expected::InvalidValue("mail")))
        << testing::PrintToString(bad);
    EXPECT_EQ(user.mail, "Adele.Vance@contoso.com");
  }
  EXPECT_THAT(SetUserProperty(user, Prop("mail"), Text("")), Succeeds());
  EXPECT_EQ(user.mail, std::nullopt);
}

TEST(SetUserPropertyTest, PasswordPoliciesTakesTheDocumentedValues) {
  for (const std::string_view good : {"None", "DisablePasswordExpiration", "DisableStrongPassword",
                                      "DisablePasswordExpiration, DisableStrongPassword",
                                      "DisablePasswordExpiration,DisableStrongPassword",
                                      "DisableStrongPassword, DisablePasswordExpiration"}) {
    User user;
    EXPECT_THAT(SetUserProperty(user, Prop("passwordPolicies"), Text(std::string(good))),
                Succeeds())
        << good;
    EXPECT_EQ(user.password_policies, good);  // stored as given
  }
  for (const std::string_view bad :
       {"none", "NONE", "Disable", "DisablePasswordExpiration,", ",DisableStrongPassword",
        "DisablePasswordExpiration,,DisableStrongPassword",
        "DisablePasswordExpiration; DisableStrongPassword",
        "DisablePasswordExpiration DisableStrongPassword",
        "DisableStrongPassword, DisableStrongPassword", "None, DisableStrongPassword",
        "DisablePasswordExpiration, None", "None, None", ",", " , ", "disablestrongpassword"}) {
    User user;
    user.password_policies = "None";
    EXPECT_THAT(SetUserProperty(user, Prop("passwordPolicies"), Text(std::string(bad))),
                FailsWith(expected::InvalidValue("passwordPolicies")))
        << bad;
    EXPECT_EQ(user.password_policies, "None");
  }
}

TEST(SetUserPropertyTest, UserTypeIsMemberOrGuest) {
  User user;
  EXPECT_THAT(SetUserProperty(user, Prop("userType"), Text("Guest")), Succeeds());
  EXPECT_EQ(user.user_type, "Guest");
  EXPECT_THAT(SetUserProperty(user, Prop("userType"), Text("Member")), Succeeds());
  EXPECT_EQ(user.user_type, "Member");
  for (const std::string_view bad : {"member", "GUEST", "Admin", "Member ", "Guest,Member"}) {
    EXPECT_THAT(SetUserProperty(user, Prop("userType"), Text(std::string(bad))),
                FailsWith(expected::InvalidValue("userType")))
        << bad;
    EXPECT_EQ(user.user_type, "Member");
  }
}

TEST(SetUserPropertyTest, AccountEnabledTakesABoolean) {
  User user;
  EXPECT_THAT(SetUserProperty(user, Prop("accountEnabled"), false), Succeeds());
  EXPECT_FALSE(user.account_enabled);
  EXPECT_EQ(GetUserProperty(user, Prop("accountEnabled")), PropertyValue(false));
  EXPECT_THAT(SetUserProperty(user, Prop("accountEnabled"), true), Succeeds());
  EXPECT_TRUE(user.account_enabled);
  EXPECT_EQ(GetUserProperty(user, Prop("accountEnabled")), PropertyValue(true));
}

// ---------------------------------------------------------------------------------------
// What the directory owns

TEST(SetUserPropertyTest, RefusesReadOnlyPropertiesAndTheUpn) {
  struct Case {
    std::string_view name;
    PropertyValue value;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"id", Text("6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f12")},
           {"id", kNull},
           {"createdDateTime", Text("2026-11-23T01:17:42Z")},
           {"deletedDateTime", Text("2026-11-23T01:17:42Z")},
           {"deletedDateTime", kNull},
           {"lastPasswordChangeDateTime", Text("2026-11-23T01:17:42Z")},
           {"signInSessionsValidFromDateTime", Text("2026-11-23T01:17:42Z")},
           {"proxyAddresses", List({"SMTP:x@contoso.com"})},
           {"proxyAddresses", kNull},
           {"onPremisesSyncEnabled", true},
           {"onPremisesSyncEnabled", kNull},
           {"onPremisesLastSyncDateTime", Text("2026-11-23T01:17:42Z")},
           {"onPremisesSamAccountName", Text("adelev")},
           {"onPremisesDistinguishedName", Text("CN=Adele")},
           {"onPremisesDomainName", Text("corp.contoso.com")},
           {"onPremisesUserPrincipalName", Text("adele@corp.contoso.com")},
           {"userPrincipalName", Text("MeganB@contoso.com")},
           {"userPrincipalName", kNull},
           {"userPrincipalName", Text("")},
       }) {
    User user = SampleUser();
    const User before = user;
    EXPECT_THAT(SetUserProperty(user, Prop(c.name), c.value),
                FailsWith(expected::InvalidValue(std::string(c.name))))
        << c.name;
    EXPECT_EQ(user, before) << c.name;
  }
}

// ---------------------------------------------------------------------------------------
// GetUserProperty

TEST(GetUserPropertyTest, RendersEveryKindOfField) {
  User user = SampleUser();
  user.last_password_change_date_time = 0;
  user.sign_in_sessions_valid_from_date_time = 1795396700;
  EXPECT_EQ(GetUserProperty(user, Prop("id")), Text("6e4a4d64-2c0b-4f6a-9c33-0a7d3b5e2f11"));
  EXPECT_EQ(GetUserProperty(user, Prop("userPrincipalName")), Text("AdeleV@contoso.com"));
  EXPECT_EQ(GetUserProperty(user, Prop("displayName")), Text("Adele Vance"));
  EXPECT_EQ(GetUserProperty(user, Prop("mailNickname")), Text("AdeleV"));
  EXPECT_EQ(GetUserProperty(user, Prop("accountEnabled")), PropertyValue(true));
  EXPECT_EQ(GetUserProperty(user, Prop("givenName")), Text("Adele"));
  EXPECT_EQ(GetUserProperty(user, Prop("jobTitle")), kNull);
  EXPECT_EQ(GetUserProperty(user, Prop("userType")), kNull);
  EXPECT_EQ(GetUserProperty(user, Prop("businessPhones")), List({"+1 425 555 0109"}));
  EXPECT_EQ(GetUserProperty(user, Prop("otherMails")), List({}));
  EXPECT_EQ(GetUserProperty(user, Prop("proxyAddresses")), List({"SMTP:AdeleV@contoso.com"}));
  EXPECT_EQ(GetUserProperty(user, Prop("createdDateTime")), Text("2026-11-23T01:17:42Z"));
  EXPECT_EQ(GetUserProperty(user, Prop("signInSessionsValidFromDateTime")),
            Text("2026-11-23T01:18:20Z"));
  EXPECT_EQ(GetUserProperty(user, Prop("lastPasswordChangeDateTime")), kNull);  // 0 = unset
  EXPECT_EQ(GetUserProperty(user, Prop("deletedDateTime")), kNull);
  user.deleted_date_time = 1798000000;
  EXPECT_EQ(GetUserProperty(user, Prop("deletedDateTime")), Text("2026-12-23T04:26:40Z"));
}

TEST(GetUserPropertyTest, UnsetOptionalsAreNull) {
  const User user;
  for (const UserProperty& property : AllUserProperties()) {
    const PropertyValue value = GetUserProperty(user, property);
    switch (property.type) {
      case PropertyType::kString:
      case PropertyType::kDateTime:
        EXPECT_EQ(value, kNull) << property.name;
        break;
      case PropertyType::kRequiredString:
        EXPECT_EQ(value, Text("")) << property.name;
        break;
      case PropertyType::kStringCollection:
        EXPECT_EQ(value, List({})) << property.name;
        break;
      case PropertyType::kBool:
        // accountEnabled defaults to true; onPremisesSyncEnabled is null for cloud users.
        EXPECT_EQ(value, property.name == "accountEnabled" ? PropertyValue(true) : kNull)
            << property.name;
        break;
    }
  }
}

TEST(GetUserPropertyTest, RoundTripsWhatSetUserPropertyStored) {
  User user;
  for (const UserProperty& property : AllUserProperties()) {
    if (property.access == PropertyAccess::kReadOnly || property.name == "userPrincipalName") {
      continue;
    }
    PropertyValue value;
    if (property.type == PropertyType::kBool) {
      value = false;
    } else if (property.name == "businessPhones") {
      value = List({"+1 425 555 0100"});
    } else if (property.name == "otherMails") {
      value = List({"a@contoso.com", "b@fabrikam.com"});
    } else if (property.name == "mail") {
      value = Text("adele@contoso.com");
    } else if (property.name == "usageLocation") {
      value = Text("NO");
    } else if (property.name == "passwordPolicies") {
      value = Text("DisableStrongPassword");
    } else if (property.name == "userType") {
      value = Text("Guest");
    } else {
      value = Text("v");
    }
    ASSERT_THAT(SetUserProperty(user, property, value), Succeeds()) << property.name;
    EXPECT_EQ(GetUserProperty(user, property), value) << property.name;
  }
}

// ---------------------------------------------------------------------------------------
// Hybrid identity (§3.10)

TEST(GetUserPropertyTest, RendersTheOnPremisesProperties) {
  User user = SampleUser();
  user.on_premises_sync_enabled = true;
  user.on_premises_immutable_id = "Hm8aPq0P1U2bZvZ1NB9Kcw==";
  user.on_premises_sam_account_name = "adelev";
  user.on_premises_distinguished_name = "CN=Adele Vance,DC=corp,DC=contoso,DC=com";
  user.on_premises_domain_name = "corp.contoso.com";
  user.on_premises_user_principal_name = "adelev@corp.contoso.com";
  user.on_premises_last_sync_date_time = 1795396662;
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesSyncEnabled")), PropertyValue(true));
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesImmutableId")), Text("Hm8aPq0P1U2bZvZ1NB9Kcw=="));
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesSamAccountName")), Text("adelev"));
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesDistinguishedName")),
            Text("CN=Adele Vance,DC=corp,DC=contoso,DC=com"));
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesDomainName")), Text("corp.contoso.com"));
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesUserPrincipalName")),
            Text("adelev@corp.contoso.com"));
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesLastSyncDateTime")),
            Text("2026-11-23T01:17:42Z"));
  user.on_premises_sync_enabled = false;  // was synced, no longer is
  EXPECT_EQ(GetUserProperty(user, Prop("onPremisesSyncEnabled")), PropertyValue(false));
}

TEST(SetUserPropertyTest, ImmutableIdHasNoDollarOrUnderscore) {
  User user;
  EXPECT_THAT(
      SetUserProperty(user, Prop("onPremisesImmutableId"), Text("Hm8aPq0P1U2bZvZ1NB9Kcw==")),
      Succeeds());
  EXPECT_EQ(user.on_premises_immutable_id, "Hm8aPq0P1U2bZvZ1NB9Kcw==");
  EXPECT_THAT(SetUserProperty(user, Prop("onPremisesImmutableId"), Text(std::string(256, 'i'))),
              Succeeds());
  for (const std::string& bad :
       std::vector<std::string>{"a$b", "$", "a_b", "_", std::string(257, 'i'), "a	b"}) {
    const User before = user;
    EXPECT_THAT(SetUserProperty(user, Prop("onPremisesImmutableId"), Text(bad)),
                FailsWith(expected::InvalidValue("onPremisesImmutableId")))
        << bad;
    EXPECT_EQ(user, before);
  }
  EXPECT_THAT(SetUserProperty(user, Prop("onPremisesImmutableId"), kNull), Succeeds());
  EXPECT_EQ(user.on_premises_immutable_id, std::nullopt);
}

TEST(CheckPropertyTextTest, AppliesTheRulesOfReadOnlyPropertiesToo) {
  EXPECT_THAT(CheckPropertyText(Prop("onPremisesSamAccountName"), "adelev"), Succeeds());
  EXPECT_THAT(CheckPropertyText(Prop("onPremisesSamAccountName"), std::string(21, 'a')),
              FailsWith(expected::InvalidValue("onPremisesSamAccountName")));
  for (std::string_view bad : {"a\"b", "a/b", "a\\b", "a[b", "a]b", "a:b", "a;b", "a|b", "a=b",
                               "a,b", "a+b", "a*b", "a?b", "a<b", "a>b", "a@b"}) {
    EXPECT_THAT(CheckPropertyText(Prop("onPremisesSamAccountName"), bad),
                FailsWith(expected::InvalidValue("onPremisesSamAccountName")))
        << bad;
  }
  EXPECT_THAT(CheckPropertyText(Prop("onPremisesDomainName"), "corp.contoso.com"), Succeeds());
  EXPECT_THAT(CheckPropertyText(Prop("onPremisesDomainName"), "corp"),
              FailsWith(expected::InvalidValue("onPremisesDomainName")));
  EXPECT_THAT(CheckPropertyText(Prop("onPremisesUserPrincipalName"), "adele@corp.local"),
              Succeeds());
  EXPECT_THAT(CheckPropertyText(Prop("onPremisesUserPrincipalName"), "adele"),
              FailsWith(expected::InvalidValue("onPremisesUserPrincipalName")));
  EXPECT_THAT(CheckPropertyText(Prop("city"), std::string(128, 'c')), Succeeds());
  EXPECT_THAT(CheckPropertyText(Prop("city"), std::string(129, 'c')),
              FailsWith(expected::InvalidValue("city")));
}

// ---------------------------------------------------------------------------------------
// UTF-8 helpers

TEST(Utf8LengthTest, CountsCodePoints) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("\xC3\xA9"), 1u);          // é
  EXPECT_EQ(Utf8Length("\xE2\x82\xAC"), 1u);      // €
  EXPECT_EQ(Utf8Length("\xF0\x9F\x98\x80"), 1u);  // emoji
  EXPECT_EQ(Utf8Length("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"), 4u);
  EXPECT_EQ(Utf8Length("Ren\303\251e"), 5u);
  EXPECT_EQ(Utf8Length(std::string("a\0b", 3)), 3u);
  EXPECT_EQ(Utf8Length("\xC2\x80"), 1u);  // a C1 control is still one code point
}

TEST(Utf8LengthTest, CountsEachByteOfMalformedSequences) {
  EXPECT_EQ(Utf8Length("\x80"), 1u);
  EXPECT_EQ(Utf8Length("\x80\x80"), 2u);
  EXPECT_EQ(Utf8Length("a\277b"), 3u);
  EXPECT_EQ(Utf8Length("\xC3"), 1u);
  EXPECT_EQ(Utf8Length("\303A"), 2u);
  EXPECT_EQ(Utf8Length("\xE2\x82"), 2u);
  EXPECT_EQ(Utf8Length("\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(Utf8Length("\xE0\x80\xAF"), 3u);      // overlong
  EXPECT_EQ(Utf8Length("\xED\xA0\x80"), 3u);      // surrogate
  EXPECT_EQ(Utf8Length("\xF4\x90\x80\x80"), 4u);  // above U+10FFFF
  EXPECT_EQ(Utf8Length("\xFF\xFE"), 2u);
  EXPECT_EQ(Utf8Length("\xC3\xA9\x80"), 2u);  // é then a stray byte
}

TEST(SetUserPropertyTest, StreetAddressKeepsItsLines) {
  for (const std::string text : {"Suite 400\nOne Microsoft Way", "Suite 400\r\nOne Way", "\n"}) {
    User user = SampleUser();
    EXPECT_THAT(SetUserProperty(user, Prop("streetAddress"), Text(text)), Succeeds());
    EXPECT_EQ(user.street_address, text);
  }
  for (const std::string_view name : {"displayName", "city", "jobTitle"}) {
    User user = SampleUser();
    EXPECT_THAT(SetUserProperty(user, Prop(name), Text("Suite 400\nOne Way")),
                FailsWith(expected::InvalidValue(std::string(name))));
  }
  User user = SampleUser();
  EXPECT_THAT(SetUserProperty(user, Prop("streetAddress"), Text("Suite 400\tOne Way")),
              FailsWith(expected::InvalidValue("streetAddress")));
  EXPECT_THAT(SetUserProperty(user, Prop("streetAddress"), Text(std::string(1023, 'a') + "\r\n")),
              FailsWith(expected::InvalidValue("streetAddress")));  // 1,025 characters
}

TEST(IsCleanUtf8Test, AcceptsPrintableText) {
  for (const std::string_view text :
       {"", "Adele Vance", " ", "~", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC2\xA0",
        "\xC2\xA1", "\xDF\xBF", "\xE0\xA0\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBF", "\xF0\x90\x80\x80",
        "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80"}) {
    EXPECT_TRUE(IsCleanUtf8(text)) << testing::PrintToString(std::string(text));
  }
}

TEST(IsCleanUtf8Test, RefusesControlsAndMalformedSequences) {
  for (const std::string& text : DirtyStrings()) {
    EXPECT_FALSE(IsCleanUtf8(text)) << testing::PrintToString(text);
  }
}

TEST(PropertyValueToTextTest, RendersForPeople) {
  EXPECT_EQ(PropertyValueToText(kNull), "");
  EXPECT_EQ(PropertyValueToText(Text("")), "");
  EXPECT_EQ(PropertyValueToText(Text("Adele Vance")), "Adele Vance");
  EXPECT_EQ(PropertyValueToText(true), "true");
  EXPECT_EQ(PropertyValueToText(false), "false");
  EXPECT_EQ(PropertyValueToText(List({})), "");
  EXPECT_EQ(PropertyValueToText(List({"a@contoso.com"})), "a@contoso.com");
  EXPECT_EQ(PropertyValueToText(List({"a@contoso.com", "b@contoso.com", "c"})),
            "a@contoso.com; b@contoso.com; c");
}

}  // namespace
}  // namespace admin365

namespace admin365 {
namespace {

// What a directory reports for a property is read back into the same user: the round trip
// Microsoft Graph's answers take in the connector.
TEST(LoadUserPropertyTest, ReadsBackEveryPropertyAsReported) {
  User reported = SampleUser();
  reported.account_enabled = false;
  reported.on_premises_sync_enabled = true;
  reported.on_premises_immutable_id = "aGVsbG8=";
  reported.deleted_date_time = 1795400000;
  reported.last_password_change_date_time = 1795396700;
  reported.sign_in_sessions_valid_from_date_time = 1795396800;
  reported.other_mails = {"adele@fabrikam.com"};
  User loaded;
  for (const UserProperty& property : AllUserProperties()) {
    ASSERT_TRUE(LoadUserProperty(loaded, property, GetUserProperty(reported, property)))
        << property.name;
  }
  EXPECT_EQ(loaded, reported);
}

TEST(LoadUserPropertyTest, NullClearsAndAWrongTypeIsRefused) {
  User user = SampleUser();
  ASSERT_TRUE(LoadUserProperty(user, Prop("givenName"), kNull));
  EXPECT_EQ(user.given_name, std::nullopt);
  ASSERT_TRUE(LoadUserProperty(user, Prop("deletedDateTime"), Text("2026-11-23T01:17:42Z")));
  EXPECT_EQ(user.deleted_date_time, 1795396662);
  EXPECT_THAT(LoadUserProperty(user, Prop("createdDateTime"), Text("soon")),
              FailsWith(expected::InvalidValue("createdDateTime")));
  EXPECT_THAT(LoadUserProperty(user, Prop("accountEnabled"), Text("true")),
              FailsWith(expected::InvalidValue("accountEnabled")));
  EXPECT_THAT(LoadUserProperty(user, Prop("businessPhones"), Text("+1 425 555 0100")),
              FailsWith(expected::InvalidValue("businessPhones")));
}

}  // namespace
}  // namespace admin365
