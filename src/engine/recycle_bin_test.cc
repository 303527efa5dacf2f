// The recycle bin: soft deletion, restore (with UPN and proxy-address conflicts), hard
// deletion and the automatic purge after 30 days.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::SizeIs;

using RecycleBinTest = LocalDirectoryTest;

TEST_F(RecycleBinTest, DeleteMovesTheUserToTheRecycleBin) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User user = Create(request);
  clock_.Advance(100);
  ASSERT_THAT(directory_->DeleteUser(kActor, "Adele@contoso.onmicrosoft.com"), Succeeds());

  EXPECT_THAT(directory_->GetUser(user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->GetUser("adele@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("adele@contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"city", "Paris"}}),
              FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->SetPassword(kActor, user.id, PasswordChange{.generate = true}),
              FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->DeleteUser(kActor, user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->CheckPassword(user.id, std::string(kGoodPassword)),
              FailsWith(expected::NotFound(user.id)));

  auto deleted = directory_->GetDeletedUser(user.id);
  ASSERT_THAT(deleted, Succeeds());
  User expected = user;
  expected.deleted_date_time = kStart + 100;
  EXPECT_EQ(*deleted, expected);
  // By UPN too.
  auto by_upn = directory_->GetDeletedUser("ADELE@contoso.onmicrosoft.com");
  ASSERT_THAT(by_upn, Succeeds());
  EXPECT_EQ(by_upn->id, user.id);

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Delete user");
  EXPECT_EQ(event.time, kStart + 100);
  EXPECT_EQ(event.target_id, user.id);
}

TEST_F(RecycleBinTest, GetDeletedUserOfAnActiveUserIsNotFound) {
  const User user = Create("adele", "Adele Vance");
  EXPECT_THAT(directory_->GetDeletedUser(user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->RestoreUser(kActor, user.id, {}), FailsWith(expected::NotFound(user.id)));
}

TEST_F(RecycleBinTest, RestoreBringsTheUserBackUnchanged) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  request.properties["jobTitle"] = "Engineer";
  const User user = Create(request);
  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  clock_.Advance(kDay);

  auto restored = directory_->RestoreUser(kActor, user.id, {});
  ASSERT_THAT(restored, Succeeds());
  EXPECT_EQ(*restored, user);
  EXPECT_EQ(Get(user.id), user);
  EXPECT_THAT(directory_->GetDeletedUser(user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->CheckPassword(user.id, std::string(kGoodPassword)), Optional(true));
  // Its addresses are active again.
  NewUser same_mail = MakeNewUser("adele2", "Adele Two");
  same_mail.properties["mail"] = "adele@contoso.com";
  EXPECT_THAT(directory_->CreateUser(kActor, same_mail, false),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Restore user");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");
}

TEST_F(RecycleBinTest, AnActiveUserMayTakeADeletedUsersUpnAndAddresses) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User old_user = Create(request);
  ASSERT_THAT(directory_->DeleteUser(kActor, old_user.id), Succeeds());

  NewUser replacement = MakeNewUser("adele", "Adele Replacement");
  replacement.properties["mail"] = "ADELE@contoso.com";
  const User new_user = Create(replacement);
  EXPECT_EQ(Get("adele@contoso.onmicrosoft.com").id, new_user.id);
  EXPECT_EQ(directory_->GetDeletedUser("adele@contoso.onmicrosoft.com")->id, old_user.id);

  // Restoring under the original UPN is refused; nothing changes.
  const std::size_t events = EventCount();
  EXPECT_THAT(
      directory_->RestoreUser(kActor, old_user.id, {}),
      FailsWith(expected::RestoreUpnConflict(old_user.id, "adele@contoso.onmicrosoft.com")));
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->GetDeletedUser(old_user.id), Succeeds());
}

TEST_F(RecycleBinTest, RestoreUnderANewUpn) {
  AddVerifiedDomain("contoso.com");
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  const User old_user = Create("adele", "Adele Vance");
  ASSERT_THAT(directory_->DeleteUser(kActor, old_user.id), Succeeds());
  const User new_user = Create("adele", "Adele Replacement");
  Create("alex", "Alex Wilber");

  const auto restore_as = [&](const std::string& upn) {
    return directory_->RestoreUser(kActor, old_user.id,
                                   RestoreOptions{.new_user_principal_name = upn});
  };
  EXPECT_THAT(restore_as("adele@fabrikam.com"), FailsWith(expected::UnverifiedUpnDomain()));
  EXPECT_THAT(restore_as("adele @contoso.com"), FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(restore_as("ALEX@contoso.onmicrosoft.com"),
              FailsWith(expected::ObjectConflict("userPrincipalName")));
  EXPECT_THAT(directory_->GetDeletedUser(old_user.id), Succeeds());

  auto restored = restore_as("adele.old@contoso.com");
  ASSERT_THAT(restored, Succeeds());
  EXPECT_EQ(restored->user_principal_name, "adele.old@contoso.com");
  EXPECT_EQ(restored->deleted_date_time, std::nullopt);
  EXPECT_EQ(Get("adele.old@contoso.com").id, old_user.id);
  EXPECT_EQ(Get("adele@contoso.onmicrosoft.com").id, new_user.id);
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Restore user");
  EXPECT_EQ(event.target_name, "adele.old@contoso.com");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"userPrincipalName", "adele@contoso.onmicrosoft.com",
                                         "adele.old@contoso.com"}));
}

TEST_F(RecycleBinTest, ProxyConflictOnRestore) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User old_user = Create(request);
  ASSERT_THAT(directory_->UpdateUser(kActor, old_user.id, {{"mail", "adele.vance@contoso.com"}}),
              Succeeds());
  // Addresses: SMTP:adele.vance@contoso.com, smtp:adele@contoso.com.
  ASSERT_THAT(directory_->DeleteUser(kActor, old_user.id), Succeeds());

  NewUser taker = MakeNewUser("alex", "Alex Wilber");
  taker.properties["mail"] = "Adele@contoso.com";
  const User alex = Create(taker);

  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->RestoreUser(kActor, old_user.id, {}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->GetDeletedUser(old_user.id), Succeeds());

  auto restored = directory_->RestoreUser(kActor, old_user.id,
                                          RestoreOptions{.auto_reconcile_proxy_conflicts = true});
  ASSERT_THAT(restored, Succeeds());
  EXPECT_THAT(restored->proxy_addresses, ElementsAre("SMTP:adele.vance@contoso.com"));
  EXPECT_EQ(restored->mail, "adele.vance@contoso.com");
  EXPECT_EQ(Get(old_user.id), *restored);
  EXPECT_THAT(Get(alex.id).proxy_addresses, ElementsAre("SMTP:Adele@contoso.com"));
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Restore user");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"proxyAddresses",
                                         "SMTP:adele.vance@contoso.com; smtp:adele@contoso.com",
                                         "SMTP:adele.vance@contoso.com"}));
}

TEST_F(RecycleBinTest, ReconcilingAwayThePrimaryAddressAlsoDropsTheMail) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User old_user = Create(request);
  ASSERT_THAT(directory_->UpdateUser(kActor, old_user.id, {{"mail", "adele.vance@contoso.com"}}),
              Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, old_user.id), Succeeds());
  NewUser taker = MakeNewUser("alex", "Alex Wilber");
  taker.properties["mail"] = "adele.vance@contoso.com";
  Create(taker);

  auto restored = directory_->RestoreUser(kActor, old_user.id,
                                          RestoreOptions{.auto_reconcile_proxy_conflicts = true});
  ASSERT_THAT(restored, Succeeds());
  // The remaining secondary becomes the primary and the mail follows it: two active users
  // never show the same mail.
  EXPECT_THAT(restored->proxy_addresses, ElementsAre("SMTP:adele@contoso.com"));
  EXPECT_EQ(restored->mail, "adele@contoso.com");
  EXPECT_EQ(Get(old_user.id), *restored);
}

TEST_F(RecycleBinTest, PurgeDeletesForGood) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User user = Create(request);
  EXPECT_THAT(directory_->PurgeUser(kActor, user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(Get(user.id), ::testing::Eq(user));

  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, user.id), Succeeds());
  EXPECT_THAT(directory_->GetDeletedUser(user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->RestoreUser(kActor, user.id, {}), FailsWith(expected::NotFound(user.id)));
  EXPECT_THAT(directory_->PurgeUser(kActor, user.id), FailsWith(expected::NotFound(user.id)));
  EXPECT_EQ(CountRows("users"), 0);
  EXPECT_EQ(CountRows("proxy_addresses"), 0);
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Hard delete user");
  EXPECT_EQ(event.actor, "test:alice");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");
}

TEST_F(RecycleBinTest, DeletedUsersArePurgedAfterThirtyDays) {
  const User kept = Create("adele", "Adele Vance");
  const User purged = Create("alex", "Alex Wilber");
  ASSERT_THAT(directory_->DeleteUser(kActor, purged.id), Succeeds());  // at kStart
  clock_.Advance(10);
  ASSERT_THAT(directory_->DeleteUser(kActor, kept.id), Succeeds());  // at kStart + 10

  // 30 days - 1 s after the first deletion: both are still there.
  clock_.Advance(30 * kDay - 1 - 10);
  EXPECT_THAT(directory_->GetDeletedUser(purged.id), Succeeds());
  EXPECT_THAT(directory_->ListDeletedUsers({})->users, SizeIs(2));
  // Exactly 30 days: still restorable.
  clock_.Advance(1);
  EXPECT_THAT(directory_->GetDeletedUser(purged.id), Succeeds());

  // 30 days + 1 s: gone, with an event by "system".
  clock_.Advance(1);
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->GetDeletedUser(purged.id), FailsWith(expected::NotFound(purged.id)));
  EXPECT_EQ(EventCount(), events + 1);
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Hard delete user");
  EXPECT_EQ(event.actor, "system");
  EXPECT_EQ(event.target_type, "User");
  EXPECT_EQ(event.target_id, purged.id);
  EXPECT_EQ(event.target_name, "alex@contoso.onmicrosoft.com");
  EXPECT_EQ(event.time, kStart + 30 * kDay + 1);
  EXPECT_EQ(CountRows("users"), 1);

  auto listed = directory_->ListDeletedUsers({});
  ASSERT_THAT(listed, Succeeds());
  ASSERT_THAT(listed->users, SizeIs(1));
  EXPECT_EQ(listed->users[0].id, kept.id);
  EXPECT_THAT(directory_->RestoreUser(kActor, purged.id, {}),
              FailsWith(expected::NotFound(purged.id)));
  EXPECT_EQ(EventCount(), events + 1);  // purged once only

  clock_.Advance(10);
  auto count = directory_->PurgeExpiredUsers();
  ASSERT_THAT(count, Succeeds());
  EXPECT_EQ(*count, 1);
  EXPECT_EQ(CountRows("users"), 0);
  EXPECT_THAT(directory_->PurgeExpiredUsers(), Optional(0));
}

TEST_F(RecycleBinTest, TheAutomaticPurgeHappensWhateverTheCallThatTriggersIt) {
  const User user = Create("adele", "Adele Vance");
  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  clock_.Advance(30 * kDay + 1);
  // A failed restore, a failed purge: the expired user is gone all the same.
  EXPECT_THAT(directory_->RestoreUser(kActor, user.id, {}), FailsWith(expected::NotFound(user.id)));
  EXPECT_EQ(CountRows("users"), 0);
  const std::vector<AuditEvent> events = Events(user.id);
  ASSERT_THAT(events, SizeIs(3));
  EXPECT_EQ(events[0].action, "Hard delete user");
  EXPECT_EQ(events[0].actor, "system");
}

TEST_F(RecycleBinTest, AnExpiredUserFreesItsDomain) {
  AddVerifiedDomain("contoso.com");
  const User user = Create("adele", "Adele Vance", "contoso.com");
  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  EXPECT_THAT(directory_->RemoveDomain(kActor, "contoso.com"),
              FailsWith(expected::DomainInUse("contoso.com", 1)));
  clock_.Advance(30 * kDay + 1);
  EXPECT_THAT(directory_->RemoveDomain(kActor, "contoso.com"), Succeeds());
}

TEST_F(RecycleBinTest, SeveralDeletedUsersWithOneUpn) {
  const User first = Create("adele", "Adele One");
  ASSERT_THAT(directory_->DeleteUser(kActor, first.id), Succeeds());
  clock_.Advance(5);
  const User second = Create("adele", "Adele Two");
  ASSERT_THAT(directory_->DeleteUser(kActor, second.id), Succeeds());
  // By UPN: the newest deletion; by id: each.
  EXPECT_EQ(directory_->GetDeletedUser("adele@contoso.onmicrosoft.com")->id, second.id);
  EXPECT_EQ(directory_->GetDeletedUser(first.id)->display_name, "Adele One");
  ASSERT_THAT(directory_->RestoreUser(kActor, first.id, {}), Succeeds());
  EXPECT_THAT(directory_->RestoreUser(kActor, second.id, {}),
              FailsWith(expected::RestoreUpnConflict(second.id, "adele@contoso.onmicrosoft.com")));
  EXPECT_EQ(Get("adele@contoso.onmicrosoft.com").id, first.id);
}

}  // namespace
}  // namespace admin365::engine_test
