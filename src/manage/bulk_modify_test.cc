// Bulk modification: each action from a CSV keyed by UPN or id, what it changes, and how
// undo reverts it.

#include "manage/bulk_test_support.h"

namespace admin365::manage::bulk_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class BulkModifyTest : public BulkJobTest {
 protected:
  void SetUp() override {
    BulkJobTest::SetUp();
    ann_ = CreateFast("ann", "Ann Lee", {{"usageLocation", std::string("US")}});
    ben_ = CreateFast("ben", "Ben Ito", {{"usageLocation", std::string("US")}});
  }

  UndoReport Undo(const JobReport& report) {
    auto undone = jobs_->Undo(report.job.id, kActor);
    EXPECT_THAT(undone, Succeeds());
    return undone ? *undone : UndoReport{};
  }

  User ann_, ben_;
};

TEST_F(BulkModifyTest, BlockAndUndo) {
  const JobReport report = RunJob("block",
                                  "UserPrincipalName\n"
                                  "ann@contoso.onmicrosoft.com\n"
                                  "nobody@contoso.onmicrosoft.com\n"
                                  "\n" +
                                      ben_.id + "\n");
  EXPECT_THAT(Outcomes(report),
              ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||",
                          "2 nobody@contoso.onmicrosoft.com failed|Request_ResourceNotFound|"
                          "Resource 'nobody@contoso.onmicrosoft.com' does not exist or one of "
                          "its queried reference-property objects are not present.|"
                          "userPrincipalName",
                          "3 ben@contoso.onmicrosoft.com succeeded|||"));  // by object id
  EXPECT_FALSE(Get(ann_.id).account_enabled);
  EXPECT_FALSE(Get(ben_.id).account_enabled);

  const UndoReport undone = Undo(report);
  EXPECT_EQ(undone.reverted, 2);
  EXPECT_EQ(undone.failed, 0);
  EXPECT_THAT(undone.not_reverted, IsEmpty());
  EXPECT_TRUE(Get(ann_.id).account_enabled);
  EXPECT_THAT(jobs_->Undo(report.job.id, kActor),
              FailsWith(Error{.kind = ErrorKind::kFailedPrecondition,
                              .http_status = 400,
                              .code = "Request_BadRequest",
                              .message = fmt::format("Job {} was already undone by job {}.",
                                                     report.job.id, undone.undo_job.id)}));
}

TEST_F(BulkModifyTest, ARowAlreadyAsAskedIsUnchangedAndWritesNothing) {
  const std::size_t events = EventCount();
  const JobReport report = RunJob("unblock", "userPrincipalName\nann@contoso.onmicrosoft.com\n");
  EXPECT_THAT(Outcomes(report), ElementsAre("1 ann@contoso.onmicrosoft.com unchanged|||"));
  EXPECT_EQ(EventCount(), events);
}

TEST_F(BulkModifyTest, UpdateSetsPropertiesAndUndoRestoresThem) {
  const JobReport report =
      RunJob("update",
             "userPrincipalName,department,jobTitle,city,otherMails\n"
             "ann@contoso.onmicrosoft.com,Sales,Buyer,,ann@example.com;lee@example.com\n"
             "ben@contoso.onmicrosoft.com,Sales,,Oslo,\n");
  EXPECT_EQ(report.counts.succeeded, 2);
  const User ann = Get(ann_.id);
  EXPECT_EQ(ann.department, "Sales");
  EXPECT_EQ(ann.job_title, "Buyer");
  EXPECT_EQ(ann.city, std::nullopt);  // an empty cell leaves the property as it is
  EXPECT_EQ(ann.other_mails, (std::vector<std::string>{"ann@example.com", "lee@example.com"}));
  EXPECT_EQ(Get(ben_.id).city, "Oslo");

  EXPECT_EQ(Undo(report).reverted, 2);
  EXPECT_EQ(Get(ann_.id), ann_);
  EXPECT_EQ(Get(ben_.id).city, std::nullopt);
  EXPECT_EQ(Get(ben_.id).department, std::nullopt);
}

TEST_F(BulkModifyTest, SetNamesIgnoresOtherColumns) {
  const JobReport report = RunJob("set-names",
                                  "userPrincipalName,givenName,surname,department\n"
                                  "ann@contoso.onmicrosoft.com,Annie,Lee,Sales\n");
  EXPECT_EQ(report.counts.succeeded, 1);
  EXPECT_EQ(Get(ann_.id).given_name, "Annie");
  EXPECT_EQ(Get(ann_.id).department, std::nullopt);
}

TEST_F(BulkModifyTest, ChangeDomainKeepsTheAliasAndChecksTheDomain) {
  AddVerifiedDomain("contoso.com");
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  const JobReport report = RunJob("change-domain",
                                  "userPrincipalName,domain\n"
                                  "ann@contoso.onmicrosoft.com,contoso.com\n"
                                  "ben@contoso.onmicrosoft.com,fabrikam.com\n");
  EXPECT_THAT(Outcomes(report),
              ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||",
                          "2 ben@contoso.onmicrosoft.com failed|Request_BadRequest|The domain "
                          "portion of the userPrincipalName property is invalid. You must use "
                          "one of the verified domain names in your organization.|"
                          "userPrincipalName"));
  EXPECT_EQ(Get(ann_.id).user_principal_name, "ann@contoso.com");
  EXPECT_EQ(Undo(report).reverted, 1);
  EXPECT_EQ(Get(ann_.id).user_principal_name, "ann@contoso.onmicrosoft.com");
}

TEST_F(BulkModifyTest, ChangeUpnRefusesOneTakenByAnotherUser) {
  // One thread: which of two rows wanting the same UPN runs first is then fixed.
  const JobReport report =
      RunJob(WriteInput("upn.csv", "UserPrincipalName,NewUserPrincipalName\n"
                                   "ann@contoso.onmicrosoft.com,annie@contoso.onmicrosoft.com\n"
                                   "ben@contoso.onmicrosoft.com,annie@contoso.onmicrosoft.com\n"),
             BulkSettings{.action = "change-upn", .threads = 1});
  EXPECT_THAT(Outcomes(report),
              ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||",
                          "2 ben@contoso.onmicrosoft.com failed|Request_BadRequest|Another "
                          "object with the same value for property userPrincipalName already "
                          "exists.|userPrincipalName"));
}

TEST_F(BulkModifyTest, SetManagerAndDirectReportsThenUndo) {
  const User cat = CreateFast("cat", "Cat Ng");
  const JobReport report = RunJob("set-manager",
                                  "UserPrincipalName,Manager,DirectReports\n"
                                  "ann@contoso.onmicrosoft.com,cat@contoso.onmicrosoft.com,"
                                  "\"ben@contoso.onmicrosoft.com\"\n");
  EXPECT_EQ(report.counts.succeeded, 1);
  auto manager = directory_->GetManager(ann_.id);
  ASSERT_THAT(manager, Succeeds());
  EXPECT_EQ(manager->id, cat.id);
  auto ben_manager = directory_->GetManager(ben_.id);
  ASSERT_THAT(ben_manager, Succeeds());
  EXPECT_EQ(ben_manager->id, ann_.id);

  EXPECT_EQ(Undo(report).reverted, 2);
  EXPECT_THAT(directory_->GetManager(ann_.id), FailsWith(errors::ResourceNotFound("manager")));
  EXPECT_THAT(directory_->GetManager(ben_.id), FailsWith(errors::ResourceNotFound("manager")));
}

TEST_F(BulkModifyTest, LicencesAddReplaceRemoveAndUndo) {
  ASSERT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 5), Succeeds());
  ASSERT_THAT(directory_->AddSubscription(kActor, "SPE_E3", 5), Succeeds());
  const JobReport added = RunJob("add-licenses", "userPrincipalName\nann@contoso.onmicrosoft.com\n",
                                 {{"addLicenses", "ENTERPRISEPACK"}});
  EXPECT_EQ(added.counts.succeeded, 1);
  const JobReport replaced = RunJob("replace-licenses",
                                    "userPrincipalName,addLicenses,removeLicenses\n"
                                    "ann@contoso.onmicrosoft.com,SPE_E3,ENTERPRISEPACK\n");
  EXPECT_EQ(replaced.counts.succeeded, 1);
  User ann = Get(ann_.id);
  ASSERT_EQ(ann.assigned_licenses.size(), 1u);
  EXPECT_EQ(ann.assigned_licenses[0].sku_id, "05e9a617-0261-4cee-bb44-138d3ef5d965");

  EXPECT_EQ(Undo(replaced).reverted, 1);
  ann = Get(ann_.id);
  ASSERT_EQ(ann.assigned_licenses.size(), 1u);
  EXPECT_EQ(ann.assigned_licenses[0].sku_id, "6fd2c87f-b296-42f0-b197-1e91e994b900");

  const JobReport removed = RunJob("remove-licenses", "userPrincipalName\nann@contoso.onmicrosoft.com\n",
                                   {{"removeLicenses", "contoso:ENTERPRISEPACK"}});
  EXPECT_EQ(removed.counts.succeeded, 1);
  EXPECT_TRUE(Get(ann_.id).assigned_licenses.empty());
}

TEST_F(BulkModifyTest, LicencePlanCountsSeatsForTheWholeFile) {
  ASSERT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 1), Succeeds());
  const std::filesystem::path input = WriteInput(
      "lic.csv", "userPrincipalName\nann@contoso.onmicrosoft.com\nben@contoso.onmicrosoft.com\n");
  auto report = jobs_->Plan(
      input, BulkSettings{.action = "add-licenses", .defaults = {{"addLicenses", "ENTERPRISEPACK"}}},
      nullptr);
  ASSERT_THAT(report, Succeeds());
  EXPECT_EQ(report->ready, 1);
  EXPECT_EQ(report->failed, 1);
}

TEST_F(BulkModifyTest, GroupsAddAndRemoveThenUndo) {
  const Group sales = CreateGroup(engine_test::SecurityGroup("Sales", "sales"));
  const JobReport added = RunJob("add-groups",
                                 "userPrincipalName,groups\n"
                                 "ann@contoso.onmicrosoft.com,Sales\n"
                                 "ben@contoso.onmicrosoft.com,Marketing\n");
  EXPECT_THAT(Outcomes(added),
              ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||",
                          "2 ben@contoso.onmicrosoft.com failed|Request_BadRequest|No group has "
                          "the id or name 'Marketing'; `admin365 group list` shows the groups.|"
                          "groups"));
  auto members = directory_->ListGroupMembers(sales.id);
  ASSERT_THAT(members, Succeeds());
  EXPECT_EQ(members->size(), 1u);
  EXPECT_EQ(Undo(added).reverted, 1);
  members = directory_->ListGroupMembers(sales.id);
  ASSERT_THAT(members, Succeeds());
  EXPECT_TRUE(members->empty());
}

TEST_F(BulkModifyTest, MfaStateAllowedAndDefaultMethodThenUndo) {
  ASSERT_THAT(directory_->SetPhoneMethod(kActor, ann_.id,
                                         PhoneMethod{.phone_number = "+1 4255550100",
                                                     .phone_type = "mobile"}),
              Succeeds());
  const JobReport report = RunJob("set-mfa",
                                  "UserPrincipalName,Is MFA Enabled,Allowed MFA Methods,"
                                  "Default MFA Method\n"
                                  "ann@contoso.onmicrosoft.com,Enforced,\"sms,voiceMobile\",sms\n");
  EXPECT_THAT(Outcomes(report), ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||"));
  auto info = directory_->GetAuthenticationInfo(ann_.id);
  ASSERT_THAT(info, Succeeds());
  EXPECT_EQ(info->per_user_mfa_state, PerUserMfaState::kEnforced);
  EXPECT_EQ(info->allowed_methods, (std::vector<std::string>{"voiceMobile", "sms"}));
  EXPECT_EQ(info->sign_in_preferences.user_preferred_method_for_secondary_authentication, "sms");

  EXPECT_EQ(Undo(report).reverted, 3);
  info = directory_->GetAuthenticationInfo(ann_.id);
  ASSERT_THAT(info, Succeeds());
  EXPECT_EQ(info->per_user_mfa_state, PerUserMfaState::kDisabled);
  EXPECT_TRUE(info->allowed_methods.empty());
  EXPECT_EQ(info->sign_in_preferences, SignInPreferences{});
}

TEST_F(BulkModifyTest, AuthenticationContactInfoThenUndo) {
  const JobReport report = RunJob("set-auth-contact",
                                  "userPrincipalName,authenticationPhone,authenticationEmail\n"
                                  "ann@contoso.onmicrosoft.com,+44 2079460000,ann@example.org\n"
                                  "ben@contoso.onmicrosoft.com,555-0100,\n");
  EXPECT_THAT(Outcomes(report),
              ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||",
                          "2 ben@contoso.onmicrosoft.com failed|Request_BadRequest|Invalid value "
                          "specified for property 'phoneNumber' of resource "
                          "'PhoneAuthenticationMethod'.|authenticationPhone"));
  EXPECT_EQ(Undo(report).reverted, 2);
  auto info = directory_->GetAuthenticationInfo(ann_.id);
  ASSERT_THAT(info, Succeeds());
  EXPECT_TRUE(info->phone_methods.empty());
  EXPECT_EQ(info->email_method, std::nullopt);
}

TEST_F(BulkModifyTest, DeleteRestoreAndHardDelete) {
  const JobReport deleted = RunJob("delete", "userPrincipalName\nann@contoso.onmicrosoft.com\n");
  EXPECT_EQ(deleted.counts.succeeded, 1);
  EXPECT_EQ(Undo(deleted).reverted, 1);  // restored
  EXPECT_EQ(Get(ann_.id).deleted_date_time, std::nullopt);

  ASSERT_THAT(directory_->DeleteUser(kActor, ben_.id), Succeeds());
  const JobReport restored = RunJob("restore", "Object ID [objectId] Required\n" + ben_.id + "\n");
  EXPECT_THAT(Outcomes(restored), ElementsAre("1 ben@contoso.onmicrosoft.com succeeded|||"));
  ASSERT_THAT(directory_->DeleteUser(kActor, ben_.id), Succeeds());
  const JobReport purged = RunJob("hard-delete", "id\n" + ben_.id + "\n");
  EXPECT_EQ(purged.counts.succeeded, 1);
  EXPECT_THAT(directory_->GetDeletedUser(ben_.id), FailsWith(errors::ResourceNotFound(ben_.id)));
  const UndoReport undone = Undo(purged);
  EXPECT_EQ(undone.reverted, 0);
  EXPECT_THAT(undone.not_reverted,
              ElementsAre("row 1 (ben@contoso.onmicrosoft.com): hard deletes cannot be undone"));
}

TEST_F(BulkModifyTest, ResetPasswordsGeneratedGoToThePasswordsFile) {
  const JobReport report = RunJob("reset-password",
                                  "userPrincipalName,password\n"
                                  "ann@contoso.onmicrosoft.com,\n"
                                  "ben@contoso.onmicrosoft.com,Vq7#mLp2xT9!\n");
  EXPECT_EQ(report.counts.succeeded, 2);
  EXPECT_EQ(report.passwords_written, 1);
  const std::string passwords = ReadFile(Stored(report).passwords_path);
  const std::size_t start = passwords.find("\"1\",\"ann@contoso.onmicrosoft.com\",\"");
  ASSERT_NE(start, std::string::npos);
  const std::string password = passwords.substr(start + 35, passwords.find('"', start + 35) - start - 35);
  auto checked = directory_->CheckPassword(ann_.id, password);
  ASSERT_THAT(checked, Succeeds());
  EXPECT_TRUE(*checked);
  EXPECT_THAT(Undo(report).not_reverted,
              ElementsAre("row 2 (ben@contoso.onmicrosoft.com): password resets cannot be undone",
                          "row 1 (ann@contoso.onmicrosoft.com): password resets cannot be undone"));
}

TEST_F(BulkModifyTest, RevokeSessionsOnAFilterSelection) {
  clock_.Advance(60);
  const query::Filter* none = nullptr;
  auto selection = jobs_->WriteSelection(none, false, {});
  ASSERT_THAT(selection, Succeeds());
  const JobReport report = RunJob(*selection, BulkSettings{.action = "revoke-sessions"});
  EXPECT_EQ(report.counts.succeeded, 2);
  EXPECT_EQ(Get(ann_.id).sign_in_sessions_valid_from_date_time, engine_test::kStart + 60);
}

}  // namespace
}  // namespace admin365::manage::bulk_test

namespace admin365::manage::bulk_test {
namespace {

TEST_F(BulkModifyTest, ActivateSetsPasswordUsageLocationAndLicences) {
  ASSERT_THAT(directory_->AddSubscription(kActor, "ENTERPRISEPACK", 5), Succeeds());
  ASSERT_THAT(directory_->UpdateUser(kActor, ann_.id, PropertyMap{{"accountEnabled", false}}),
              Succeeds());
  const JobReport report = RunJob("activate",
                                  "UserPrincipalName,UsageLocation,LicenseAssignment\n"
                                  "ann@contoso.onmicrosoft.com,GB,contoso:ENTERPRISEPACK\n");
  EXPECT_THAT(Outcomes(report), ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||"));
  EXPECT_EQ(report.passwords_written, 1);
  const User ann = Get(ann_.id);
  EXPECT_TRUE(ann.account_enabled);
  EXPECT_EQ(ann.usage_location, "GB");
  ASSERT_EQ(ann.assigned_licenses.size(), 1u);
  EXPECT_THAT(Undo(report).not_reverted,
              ElementsAre("row 1 (ann@contoso.onmicrosoft.com): password resets cannot be undone"));
}

TEST_F(BulkModifyTest, RemoveManagerThenUndo) {
  ASSERT_THAT(directory_->SetManager(kActor, ann_.id, ben_.id), Succeeds());
  const JobReport report = RunJob("remove-manager",
                                  "userPrincipalName\nann@contoso.onmicrosoft.com\n"
                                  "ben@contoso.onmicrosoft.com\n");
  EXPECT_THAT(Outcomes(report), ElementsAre("1 ann@contoso.onmicrosoft.com succeeded|||",
                                            "2 ben@contoso.onmicrosoft.com unchanged|||"));
  EXPECT_THAT(directory_->GetManager(ann_.id), FailsWith(errors::ResourceNotFound("manager")));
  EXPECT_EQ(Undo(report).reverted, 1);
  auto manager = directory_->GetManager(ann_.id);
  ASSERT_THAT(manager, Succeeds());
  EXPECT_EQ(manager->id, ben_.id);
}

TEST_F(BulkModifyTest, AddDisabledCreatesBlockedUsers) {
  const JobReport report = RunJob("add-disabled",
                                  "UserPrincipalName,DisplayName\n"
                                  "cy@contoso.onmicrosoft.com,Cy Ek\n");
  EXPECT_EQ(report.counts.succeeded, 1);
  EXPECT_FALSE(Get("cy@contoso.onmicrosoft.com").account_enabled);
}

TEST_F(BulkModifyTest, ARaggedRowFailsAloneAndAnUnterminatedQuoteStopsThePlan) {
  const JobReport report = RunJob("block",
                                  "userPrincipalName,department\n"
                                  "ann@contoso.onmicrosoft.com,Sales,Extra,More\n"
                                  "ben@contoso.onmicrosoft.com,Sales\n");
  EXPECT_THAT(Outcomes(report),
              ElementsAre("1  failed|Request_BadRequest|line 2: the row has 4 fields but the "
                          "header has 2; quote fields that contain the delimiter \",\"|",
                          "2 ben@contoso.onmicrosoft.com succeeded|||"));
  EXPECT_TRUE(Get(ann_.id).account_enabled);

  const std::size_t events = EventCount();
  const std::filesystem::path broken = WriteInput(
      "broken.csv", "userPrincipalName,department\nann@contoso.onmicrosoft.com,\"Sales\n");
  auto plan = jobs_->Plan(broken, BulkSettings{.action = "update"}, nullptr);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "line 2, column 2: a quoted field starting here is never closed; close the quote "
            "or remove it");
  EXPECT_EQ(EventCount(), events);
}

}  // namespace
}  // namespace admin365::manage::bulk_test
