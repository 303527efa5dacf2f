// Managers and direct reports: setting, reading and removing a manager, the self rule,
// cycles, and what deleting, restoring and purging users does to the links.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ManagerTest : public LocalDirectoryTest {
 protected:
  void SetUp() override {
    LocalDirectoryTest::SetUp();
    adele_ = Create("adele", "Adele Vance");
    bob_ = Create("bob", "Bob Kelly");
    megan_ = Create("megan", "Megan Bowen");
  }

  std::vector<DirectoryObjectRef> Reports(const User& manager) {
    auto reports = directory_->ListDirectReports(manager.id);
    EXPECT_THAT(reports, Succeeds());
    return reports ? *reports : std::vector<DirectoryObjectRef>{};
  }

  User adele_;
  User bob_;
  User megan_;
};

TEST_F(ManagerTest, SetsAndReadsTheManager) {
  EXPECT_THAT(directory_->GetManager(adele_.id), FailsWith(expected::NotFound("manager")));
  clock_.Advance(3);
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, "megan@contoso.onmicrosoft.com"),
              Succeeds());
  auto manager = directory_->GetManager("adele@contoso.onmicrosoft.com");
  ASSERT_THAT(manager, Succeeds());
  EXPECT_EQ(*manager, RefOf(megan_));

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Set user manager");
  EXPECT_EQ(event.time, kStart + 3);
  EXPECT_EQ(event.target_type, "User");
  EXPECT_EQ(event.target_id, adele_.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"manager", std::nullopt,
                                                        "megan@contoso.onmicrosoft.com"}));
}

TEST_F(ManagerTest, ReplacingTheManagerRecordsOldAndNew) {
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, bob_.id), Succeeds());
  EXPECT_EQ(*directory_->GetManager(adele_.id), RefOf(bob_));
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"manager", "megan@contoso.onmicrosoft.com",
                                         "bob@contoso.onmicrosoft.com"}));
  // Setting the same manager again changes nothing and records nothing.
  const std::size_t events = EventCount();
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, bob_.user_principal_name), Succeeds());
  EXPECT_EQ(EventCount(), events);
}

TEST_F(ManagerTest, AUserCannotBeTheirOwnManager) {
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->SetManager(kActor, adele_.id, "Adele@Contoso.onmicrosoft.com"),
              FailsWith(expected::ManagerIsSelf()));
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->GetManager(adele_.id), FailsWith(expected::NotFound("manager")));
}

TEST_F(ManagerTest, CyclesAreAllowedAsInEntra) {
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, bob_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, bob_.id, adele_.id), Succeeds());
  EXPECT_EQ(*directory_->GetManager(adele_.id), RefOf(bob_));
  EXPECT_EQ(*directory_->GetManager(bob_.id), RefOf(adele_));
}

TEST_F(ManagerTest, UnknownUsers) {
  const std::string unknown(kUnknownId);
  // The user is looked up before the manager.
  EXPECT_THAT(directory_->SetManager(kActor, unknown, "nobody@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->SetManager(kActor, adele_.id, "nobody@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->SetManager(kActor, adele_.id, "megan"),
              FailsWith(expected::InvalidObjectIdentifier("megan")));
  EXPECT_THAT(directory_->GetManager(unknown), FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->RemoveManager(kActor, unknown), FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->ListDirectReports(unknown), FailsWith(expected::NotFound(unknown)));
}

TEST_F(ManagerTest, RemovesTheManager) {
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->RemoveManager(kActor, adele_.user_principal_name), Succeeds());
  EXPECT_THAT(directory_->GetManager(adele_.id), FailsWith(expected::NotFound("manager")));
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Remove user manager");
  EXPECT_EQ(event.target_id, adele_.id);
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"manager", "megan@contoso.onmicrosoft.com",
                                                        std::nullopt}));
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->RemoveManager(kActor, adele_.id),
              FailsWith(expected::NotFound("manager")));
  EXPECT_EQ(EventCount(), events);
}

TEST_F(ManagerTest, ListsDirectReportsByDisplayName) {
  EXPECT_THAT(Reports(megan_), IsEmpty());
  ASSERT_THAT(directory_->SetManager(kActor, bob_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, megan_.id), Succeeds());
  EXPECT_THAT(Reports(megan_), ElementsAre(RefOf(adele_), RefOf(bob_)));
  EXPECT_THAT(Reports(adele_), IsEmpty());
}

TEST_F(ManagerTest, ADeletedReportKeepsItsManagerForARestore) {
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, bob_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  EXPECT_THAT(Reports(megan_), ElementsAre(RefOf(bob_)));
  ASSERT_THAT(directory_->RestoreUser(kActor, adele_.id, {}), Succeeds());
  EXPECT_THAT(Reports(megan_), ElementsAre(RefOf(adele_), RefOf(bob_)));
  EXPECT_EQ(*directory_->GetManager(adele_.id), RefOf(megan_));
}

TEST_F(ManagerTest, DeletingAManagerUnlinksItsReports) {
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, bob_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, megan_.id, adele_.id), Succeeds());
  clock_.Advance(9);
  ASSERT_THAT(directory_->DeleteUser(Actor{"test:carol"}, megan_.id), Succeeds());
  EXPECT_THAT(directory_->GetManager(adele_.id), FailsWith(expected::NotFound("manager")));
  EXPECT_THAT(directory_->GetManager(bob_.id), FailsWith(expected::NotFound("manager")));

  // One event for the deletion, then one per report, in the same transaction.
  const std::vector<AuditEvent> events = Events();
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[2].action, "Delete user");
  for (std::size_t i : {0u, 1u}) {
    EXPECT_EQ(events[i].action, "Remove user manager");
    EXPECT_EQ(events[i].actor, "test:carol");
    EXPECT_EQ(events[i].time, kStart + 9);
    EXPECT_THAT(events[i].changes, ElementsAre(PropertyChange{
                                       "manager", "megan@contoso.onmicrosoft.com", std::nullopt}));
  }
  EXPECT_EQ(events[1].target_id, adele_.id);
  EXPECT_EQ(events[0].target_id, bob_.id);

  // Restoring the manager does not bring the links back; its own manager stays.
  ASSERT_THAT(directory_->RestoreUser(kActor, megan_.id, {}), Succeeds());
  EXPECT_THAT(Reports(megan_), IsEmpty());
  EXPECT_EQ(*directory_->GetManager(megan_.id), RefOf(adele_));
}

TEST_F(ManagerTest, PurgingAUserRemovesItsLinks) {
  ASSERT_THAT(directory_->SetManager(kActor, adele_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->SetManager(kActor, bob_.id, megan_.id), Succeeds());
  ASSERT_THAT(directory_->DeleteUser(kActor, adele_.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, adele_.id), Succeeds());
  EXPECT_EQ(CountRows("user_managers"), 1);
  EXPECT_THAT(Reports(megan_), ElementsAre(RefOf(bob_)));
}

}  // namespace
}  // namespace admin365::engine_test
