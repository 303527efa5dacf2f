// ListUsers / ListDeletedUsers: keyset paging in every order, skip tokens, $count, page
// sizes and $filter through query::ParseFilter.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "common/ascii.h"
#include "common/base64.h"
#include "engine/engine_test_support.h"
#include "query/filter_parser.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

constexpr int kUsers = 250;

std::string Pad3(int n) {
  std::string text = std::to_string(n);
  return std::string(3 - text.size(), '0') + text;
}

std::vector<std::string> IdsOf(const std::vector<User>& users) {
  std::vector<std::string> ids;
  for (const User& user : users) ids.push_back(user.id);
  return ids;
}

std::string_view OrderName(UserOrder order) {
  switch (order) {
    case UserOrder::kId:
      return "id";
    case UserOrder::kDisplayName:
      return "displayName";
    case UserOrder::kUserPrincipalName:
      return "userPrincipalName";
    case UserOrder::kDeletedDateTime:
      return "deletedDateTime";
  }
  return "?";
}

class UserListTest : public LocalDirectoryTest {
 protected:
  // 250 users whose creation, id, display-name and UPN orders all differ; display names
  // repeat (ties broken by id) and differ in case only ("Same Name" / "same name").
  void Populate() {
    for (int i = 0; i < kUsers; ++i) {
      std::string display_name;
      switch (i % 5) {
        case 0:
          display_name = "Same Name";
          break;
        case 1:
          display_name = "same name";
          break;
        default:
          display_name = "Person " + Pad3((i * 37) % kUsers);
      }
      users_.push_back(CreateFast("user" + Pad3((i * 89) % kUsers), display_name));
    }
  }

  // Every page of a listing; checks that every page but the last is full.
  std::vector<User> Collect(UserListOptions options, bool deleted = false, int* pages = nullptr) {
    std::vector<User> all;
    int count = 0;
    for (;;) {
      auto page = deleted ? directory_->ListDeletedUsers(options) : directory_->ListUsers(options);
      EXPECT_THAT(page, Succeeds());
      if (!page) break;
      ++count;
      all.insert(all.end(), page->users.begin(), page->users.end());
      if (page->next_skip_token.empty()) break;
      EXPECT_EQ(static_cast<int>(page->users.size()), options.page_size);
      options.skip_token = page->next_skip_token;
      if (count > 1000) {
        ADD_FAILURE() << "paging does not end";
        break;
      }
    }
    if (pages) *pages = count;
    return all;
  }

  static std::vector<User> Sorted(std::vector<User> users, UserOrder order, bool descending,
                                  bool deleted) {
    const auto key = [&](const User& user) {
      switch (order) {
        case UserOrder::kDisplayName:
          return std::make_tuple(AsciiLower(user.display_name), std::int64_t{0}, user.id);
        case UserOrder::kUserPrincipalName:
          return std::make_tuple(AsciiLower(user.user_principal_name), std::int64_t{0}, user.id);
        case UserOrder::kDeletedDateTime:
          return std::make_tuple(std::string(),
                                 deleted ? user.deleted_date_time.value_or(0) : std::int64_t{0},
                                 user.id);
        case UserOrder::kId:
          break;
      }
      return std::make_tuple(std::string(), std::int64_t{0}, user.id);
    };
    std::sort(users.begin(), users.end(),
              [&](const User& a, const User& b) { return key(a) < key(b); });
    if (descending) std::reverse(users.begin(), users.end());
    return users;
  }

  std::optional<query::Filter> Filter(std::string_view text) {
    auto filter = query::ParseFilter(text);
    EXPECT_THAT(filter, Succeeds()) << text;
    if (!filter) return std::nullopt;
    return *filter;
  }

  std::vector<User> users_;
};

TEST_F(UserListTest, KeysetPagingReturnsEveryUserOnceInEveryOrder) {
  Populate();
  for (const UserOrder order : {UserOrder::kId, UserOrder::kDisplayName,
                                UserOrder::kUserPrincipalName, UserOrder::kDeletedDateTime}) {
    for (const bool descending : {false, true}) {
      SCOPED_TRACE(::testing::Message() << OrderName(order) << (descending ? " desc" : " asc"));
      int pages = 0;
      const std::vector<User> listed =
          Collect(UserListOptions{.order = order, .descending = descending, .page_size = 100},
                  false, &pages);
      EXPECT_EQ(pages, 3);
      EXPECT_THAT(IdsOf(listed), ElementsAreArray(IdsOf(Sorted(users_, order, descending, false))));
    }
  }
}

TEST_F(UserListTest, PagesAreFullUsers) {
  Populate();
  auto page = directory_->ListUsers(
      UserListOptions{.order = UserOrder::kUserPrincipalName, .page_size = 2});
  ASSERT_THAT(page, Succeeds());
  ASSERT_THAT(page->users, SizeIs(2));
  EXPECT_EQ(page->users[0].user_principal_name, "user000@contoso.onmicrosoft.com");
  EXPECT_EQ(page->users[0], Get(page->users[0].id));
  EXPECT_EQ(page->users[1].user_principal_name, "user001@contoso.onmicrosoft.com");
  EXPECT_FALSE(page->next_skip_token.empty());
  EXPECT_EQ(page->total_count, std::nullopt);
}

TEST_F(UserListTest, DefaultAndExtremePageSizes) {
  Populate();
  int pages = 0;
  EXPECT_THAT(Collect(UserListOptions{}, false, &pages), SizeIs(kUsers));
  EXPECT_EQ(pages, 3);  // 100 by default
  auto all = directory_->ListUsers(UserListOptions{.page_size = 999});
  ASSERT_THAT(all, Succeeds());
  EXPECT_THAT(all->users, SizeIs(kUsers));
  EXPECT_EQ(all->next_skip_token, "");

  auto exact = directory_->ListUsers(UserListOptions{.page_size = kUsers});
  ASSERT_THAT(exact, Succeeds());
  EXPECT_THAT(exact->users, SizeIs(kUsers));
  EXPECT_EQ(exact->next_skip_token, "");  // no empty last page

  auto filter = Filter("startswith(userPrincipalName,'user01')");
  ASSERT_TRUE(filter);
  const std::vector<User> ones = Collect(
      UserListOptions{.filter = filter, .order = UserOrder::kUserPrincipalName, .page_size = 1},
      false, &pages);
  EXPECT_EQ(pages, 10);
  ASSERT_THAT(ones, SizeIs(10));
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(ones[i].user_principal_name,
              "user01" + std::to_string(i) + "@contoso.onmicrosoft.com");
  }

  for (const int size : {0, -1, 1000, 100000}) {
    EXPECT_THAT(directory_->ListUsers(UserListOptions{.page_size = size}),
                FailsWith(expected::BadPageSize(size)));
    EXPECT_THAT(directory_->ListDeletedUsers(UserListOptions{.page_size = size}),
                FailsWith(expected::BadPageSize(size)));
  }
}

TEST_F(UserListTest, ForeignOrGarbageSkipTokensAreRefused) {
  Populate();
  auto first = directory_->ListUsers(UserListOptions{.order = UserOrder::kDisplayName});
  ASSERT_THAT(first, Succeeds());
  const std::string token = first->next_skip_token;
  ASSERT_FALSE(token.empty());
  // The token continues its own listing.
  EXPECT_THAT(
      directory_->ListUsers(UserListOptions{.order = UserOrder::kDisplayName, .skip_token = token}),
      Succeeds());
  // Another order, or the other direction.
  for (const UserOrder order :
       {UserOrder::kId, UserOrder::kUserPrincipalName, UserOrder::kDeletedDateTime}) {
    EXPECT_THAT(directory_->ListUsers(UserListOptions{.order = order, .skip_token = token}),
                FailsWith(expected::BadSkipToken()))
        << OrderName(order);
  }
  EXPECT_THAT(directory_->ListUsers(UserListOptions{
                  .order = UserOrder::kDisplayName, .descending = true, .skip_token = token}),
              FailsWith(expected::BadSkipToken()));
  // Garbage.
  const std::string uuid = users_[0].id;
  for (const std::string& garbage :
       std::vector<std::string>{std::string("garbage!!"), std::string("Zm9v"),
                                token.substr(0, token.size() / 2), token + "A", std::string("%%%"),
                                Base64UrlEncode("1\x1f"
                                          "x\x1f"
                                          "not-a-uuid"),
                                Base64UrlEncode("1\x1f" + uuid),
                                Base64UrlEncode("1\x1f"
                                          "Same Name\x1f" +
                                          uuid + "x"),
                                Base64UrlEncode("9\x1f"
                                          "x\x1f" +
                                          uuid)}) {
    EXPECT_THAT(directory_->ListUsers(
                    UserListOptions{.order = UserOrder::kDisplayName, .skip_token = garbage}),
                FailsWith(expected::BadSkipToken()))
        << garbage;
  }
}

TEST_F(UserListTest, ACraftedDeletedDateTimeTokenIsRefusedNotThrown) {
  CreateFast("adele", "Adele Vance");
  ASSERT_THAT(directory_->DeleteUser(kActor, "adele@contoso.onmicrosoft.com"), Succeeds());
  CreateFast("alex", "Alex Wilber");
  ASSERT_THAT(directory_->DeleteUser(kActor, "alex@contoso.onmicrosoft.com"), Succeeds());
  auto first = directory_->ListDeletedUsers(
      UserListOptions{.order = UserOrder::kDeletedDateTime, .page_size = 1});
  ASSERT_THAT(first, Succeeds());
  ASSERT_FALSE(first->next_skip_token.empty());
  // Decode the genuine token, then swap the timestamp for text.
  const Result<std::string> decoded = Base64UrlDecode(first->next_skip_token);
  ASSERT_TRUE(decoded.has_value());
  const std::string& raw = *decoded;
  const std::size_t first_separator = raw.find('\x1f');
  const std::size_t last_separator = raw.rfind('\x1f');
  ASSERT_NE(first_separator, last_separator);
  for (const std::string& value :
       std::vector<std::string>{"abc", "", "99999999999999999999999", "12x"}) {
    const std::string crafted =
        raw.substr(0, first_separator + 1) + value + raw.substr(last_separator);
    EXPECT_THAT(directory_->ListDeletedUsers(UserListOptions{.order = UserOrder::kDeletedDateTime,
                                                             .page_size = 1,
                                                             .skip_token = Base64UrlEncode(crafted)}),
                FailsWith(expected::BadSkipToken()))
        << value;
  }
}

TEST_F(UserListTest, CountCountsEveryMatchOnEveryPage) {
  Populate();
  UserListOptions options{.page_size = 100, .count = true};
  for (int page_number = 0; page_number < 3; ++page_number) {
    auto page = directory_->ListUsers(options);
    ASSERT_THAT(page, Succeeds());
    EXPECT_EQ(page->total_count, kUsers);
    options.skip_token = page->next_skip_token;
  }
  options = UserListOptions{.filter = Filter("displayName eq 'same name'"), .count = true};
  auto page = directory_->ListUsers(options);
  ASSERT_THAT(page, Succeeds());
  EXPECT_EQ(page->total_count, 100);  // "Same Name" and "same name" compare equal
  EXPECT_THAT(page->users, SizeIs(100));
  options.filter = Filter("displayName eq 'nobody'");
  page = directory_->ListUsers(options);
  ASSERT_THAT(page, Succeeds());
  EXPECT_EQ(page->total_count, 0);
  EXPECT_THAT(page->users, IsEmpty());
}

TEST_F(UserListTest, FilteredPagingInDisplayNameOrder) {
  Populate();
  auto filter = Filter("startswith(displayName,'same')");
  ASSERT_TRUE(filter);
  std::vector<User> expected;
  for (const User& user : users_) {
    if (AsciiLower(user.display_name) == "same name") expected.push_back(user);
  }
  for (const bool descending : {false, true}) {
    int pages = 0;
    const std::vector<User> listed = Collect(UserListOptions{.filter = filter,
                                                             .order = UserOrder::kDisplayName,
                                                             .descending = descending,
                                                             .page_size = 30},
                                             false, &pages);
    EXPECT_EQ(pages, 4);
    EXPECT_THAT(
        IdsOf(listed),
        ElementsAreArray(IdsOf(Sorted(expected, UserOrder::kDisplayName, descending, false))));
  }
}

class UserFilterTest : public UserListTest {
 protected:
  void SetUp() override {
    UserListTest::SetUp();
    adele_ = CreateFast("adele", "Adele Vance",
                        {{"mail", "adele@contoso.com"}, {"department", "Sales"}});
    alex_ = CreateFast("alex", "Alex Wilber",
                       {{"department", "sales"}, {"accountEnabled", false}, {"city", "London"}});
    megan_ = CreateFast("megan", "Megan Bowen", {{"mail", "megan@contoso.com"}});
    ASSERT_THAT(directory_->UpdateUser(kActor, megan_.id, {{"mail", "megan.bowen@contoso.com"}}),
                Succeeds());
    lee_ = CreateFast("lee", "Lee Gu", {{"passwordPolicies", "DisablePasswordExpiration"}});
  }

  std::vector<std::string> Match(std::string_view text, bool deleted = false) {
    auto filter = Filter(text);
    if (!filter) return {};
    auto page = deleted ? directory_->ListDeletedUsers(UserListOptions{.filter = *filter})
                        : directory_->ListUsers(UserListOptions{.filter = *filter});
    EXPECT_THAT(page, Succeeds()) << text;
    if (!page) return {};
    return IdsOf(page->users);
  }

  User adele_, alex_, megan_, lee_;
};

TEST_F(UserFilterTest, Comparisons) {
  EXPECT_THAT(Match("displayName eq 'Adele Vance'"), ElementsAre(adele_.id));
  EXPECT_THAT(Match("displayName eq 'ADELE VANCE'"), ElementsAre(adele_.id));
  EXPECT_THAT(Match("userPrincipalName eq 'Alex@contoso.onmicrosoft.com'"), ElementsAre(alex_.id));
  EXPECT_THAT(Match("department eq 'sales'"), UnorderedElementsAre(adele_.id, alex_.id));
  EXPECT_THAT(Match("department eq 'sales' and accountEnabled eq true"), ElementsAre(adele_.id));
  EXPECT_THAT(Match("accountEnabled eq false"), ElementsAre(alex_.id));
  EXPECT_THAT(Match("mail eq null"), UnorderedElementsAre(alex_.id, lee_.id));
  EXPECT_THAT(Match("id eq " + megan_.id), ElementsAre(megan_.id));
  EXPECT_THAT(Match("city eq 'Paris'"), IsEmpty());
}

TEST_F(UserFilterTest, StartsWithAndIn) {
  EXPECT_THAT(Match("startswith(displayName,'a')"), UnorderedElementsAre(adele_.id, alex_.id));
  EXPECT_THAT(Match("startswith(userPrincipalName,'ME')"), ElementsAre(megan_.id));
  EXPECT_THAT(Match("userPrincipalName in ('adele@contoso.onmicrosoft.com', "
                    "'LEE@contoso.onmicrosoft.com', 'nobody@contoso.onmicrosoft.com')"),
              UnorderedElementsAre(adele_.id, lee_.id));
  EXPECT_THAT(Match("displayName in ('Megan Bowen')"), ElementsAre(megan_.id));
}

TEST_F(UserFilterTest, AnyOnProxyAddresses) {
  EXPECT_THAT(Match("proxyAddresses/any(x:x eq 'smtp:adele@contoso.com')"), ElementsAre(adele_.id));
  // The demoted address of Megan, as a secondary.
  EXPECT_THAT(Match("proxyAddresses/any(x:x eq 'smtp:megan@contoso.com')"), ElementsAre(megan_.id));
  EXPECT_THAT(Match("proxyAddresses/any(x:startswith(x,'SMTP:megan'))"), ElementsAre(megan_.id));
  EXPECT_THAT(Match("proxyAddresses/any(x:x eq 'smtp:nobody@contoso.com')"), IsEmpty());
}

TEST_F(UserFilterTest, FilterErrors) {
  for (const std::string& text : std::vector<std::string>{
           "passwordPolicies eq 'None'", "lastPasswordChangeDateTime ge 2020-01-01T00:00:00Z"}) {
    auto filter = Filter(text);
    ASSERT_TRUE(filter);
    EXPECT_THAT(directory_->ListUsers(UserListOptions{.filter = *filter}),
                FailsWith(expected::FilterNotIndexed()))
        << text;
    EXPECT_THAT(directory_->ListDeletedUsers(UserListOptions{.filter = *filter}),
                FailsWith(expected::FilterNotIndexed()))
        << text;
  }
  auto unknown = Filter("favouriteColour eq 'blue'");
  ASSERT_TRUE(unknown);
  Error unknown_property = expected::BadRequest(
      "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.",
      "$filter");
  EXPECT_THAT(directory_->ListUsers(UserListOptions{.filter = *unknown}),
              FailsWith(unknown_property));
  auto mismatch = Filter("accountEnabled eq 'yes'");
  ASSERT_TRUE(mismatch);
  EXPECT_FALSE(directory_->ListUsers(UserListOptions{.filter = *mismatch}).has_value());
}

TEST_F(UserFilterTest, DeletedUsersAreListedOnlyInTheRecycleBin) {
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  auto active = directory_->ListUsers(UserListOptions{.count = true});
  ASSERT_THAT(active, Succeeds());
  EXPECT_THAT(IdsOf(active->users), UnorderedElementsAre(alex_.id, megan_.id, lee_.id));
  EXPECT_EQ(active->total_count, 3);
  auto deleted = directory_->ListDeletedUsers(UserListOptions{.count = true});
  ASSERT_THAT(deleted, Succeeds());
  ASSERT_THAT(deleted->users, SizeIs(1));
  EXPECT_EQ(deleted->users[0].id, adele_.id);
  EXPECT_EQ(deleted->users[0].deleted_date_time, kStart);
  EXPECT_EQ(deleted->total_count, 1);
  EXPECT_THAT(Match("department eq 'sales'"), ElementsAre(alex_.id));
  EXPECT_THAT(Match("department eq 'sales'", true), ElementsAre(adele_.id));
  EXPECT_THAT(Match("proxyAddresses/any(x:x eq 'smtp:adele@contoso.com')"), IsEmpty());
  EXPECT_THAT(Match("proxyAddresses/any(x:x eq 'smtp:adele@contoso.com')", true),
              ElementsAre(adele_.id));
}

TEST_F(UserListTest, DeletedUsersPageInDeletionOrder) {
  Populate();
  std::vector<User> deleted;
  for (int i = 0; i < 40; ++i) {
    if (i % 3 != 0) clock_.Advance(i);  // some deletions share a second
    ASSERT_THAT(directory_->DeleteUser(kActor, users_[i * 5].id), Succeeds());
    deleted.push_back(users_[i * 5]);
    deleted.back().deleted_date_time = clock_.Now();
  }
  for (const UserOrder order : {UserOrder::kDeletedDateTime, UserOrder::kDisplayName,
                                UserOrder::kUserPrincipalName, UserOrder::kId}) {
    for (const bool descending : {false, true}) {
      SCOPED_TRACE(::testing::Message() << OrderName(order) << (descending ? " desc" : " asc"));
      int pages = 0;
      const std::vector<User> listed = Collect(
          UserListOptions{.order = order, .descending = descending, .page_size = 7}, true, &pages);
      EXPECT_EQ(pages, 6);
      EXPECT_THAT(IdsOf(listed), ElementsAreArray(IdsOf(Sorted(deleted, order, descending, true))));
      for (const User& user : listed) {
        const auto it = std::find_if(deleted.begin(), deleted.end(),
                                     [&](const User& d) { return d.id == user.id; });
        ASSERT_NE(it, deleted.end());
        EXPECT_EQ(user.deleted_date_time, it->deleted_date_time);
      }
    }
  }
  EXPECT_THAT(Collect(UserListOptions{.page_size = 999}), SizeIs(kUsers - 40));
}

}  // namespace
}  // namespace admin365::engine_test
