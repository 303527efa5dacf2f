// LocalDirectory: tenant, domains, user creation and update, passwords, audit and
// concurrency. The list and the recycle bin have their own files.

#include "engine/local_directory.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "common/ascii.h"
#include "domain/password_policy.h"
#include "engine/engine_test_support.h"
#include "query/filter_parser.h"

namespace admin365::engine_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// --- Tenant ---

TEST_F(UninitialisedDirectoryTest, InitializeTenantCreatesAVerifiedDefaultInitialDomain) {
  clock_.Advance(42);
  auto tenant = directory_->InitializeTenant(kActor, "Contoso", "contoso");
  ASSERT_THAT(tenant, Succeeds());
  EXPECT_TRUE(IsUuid(tenant->id)) << tenant->id;
  EXPECT_EQ(tenant->display_name, "Contoso");
  EXPECT_EQ(tenant->initial_domain, "contoso.onmicrosoft.com");
  EXPECT_EQ(tenant->created_date_time, kStart + 42);

  auto read = directory_->GetTenant();
  ASSERT_THAT(read, Succeeds());
  EXPECT_EQ(*read, *tenant);

  auto domains = directory_->ListDomains();
  ASSERT_THAT(domains, Succeeds());
  EXPECT_THAT(*domains, ElementsAre(Domain{.id = "contoso.onmicrosoft.com",
                                           .authentication_type = "Managed",
                                           .is_default = true,
                                           .is_initial = true,
                                           .is_verified = true,
                                           .created_date_time = kStart + 42}));

  const std::vector<AuditEvent> events = Events();
  ASSERT_THAT(events, SizeIs(1));
  EXPECT_EQ(events[0].actor, "test:alice");
  EXPECT_EQ(events[0].action, "Create company");
  EXPECT_EQ(events[0].target_type, "Tenant");
  EXPECT_EQ(events[0].target_id, tenant->id);
  EXPECT_EQ(events[0].target_name, "Contoso");
  EXPECT_THAT(events[0].changes, ElementsAre(PropertyChange{"displayName", std::nullopt, "Contoso"},
                                             PropertyChange{"initialDomain", std::nullopt,
                                                            "contoso.onmicrosoft.com"}));
}

TEST_F(LocalDirectoryTest, SecondInitializeTenantIsRefused) {
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Contoso", "contoso"),
              FailsWith(expected::TenantAlreadyInitialised()));
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Fabrikam", "fabrikam"),
              FailsWith(expected::TenantAlreadyInitialised()));
  EXPECT_EQ(EventCount(), events);
  auto domains = directory_->ListDomains();
  ASSERT_THAT(domains, Succeeds());
  EXPECT_THAT(*domains, SizeIs(1));
  EXPECT_EQ(directory_->GetTenant()->display_name, "Contoso");
}

TEST_F(UninitialisedDirectoryTest, InitializeTenantRefusesBadLabels) {
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Contoso", "Contoso"),
              FailsWith(expected::InvalidDomainName("Contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Contoso", "con-toso"),
              FailsWith(expected::InvalidDomainName("con-toso.onmicrosoft.com")));
  const std::string label28(28, 'a');
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Contoso", label28),
              FailsWith(expected::InvalidDomainName(label28 + ".onmicrosoft.com")));
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Contoso", ""),
              FailsWith(expected::InvalidDomainName(".onmicrosoft.com")));
  EXPECT_THAT(directory_->InitializeTenant(kActor, "Contoso", "con.toso"),
              FailsWith(expected::InvalidDomainName("con.toso.onmicrosoft.com")));
  EXPECT_THAT(directory_->InitializeTenant(kActor, "", "contoso"),
              FailsWith(expected::InvalidValue("displayName", "Organization")));
  EXPECT_THAT(directory_->InitializeTenant(kActor, std::string(257, 'x'), "contoso"),
              FailsWith(expected::InvalidValue("displayName", "Organization")));
  // Nothing was written.
  EXPECT_THAT(directory_->GetTenant(), FailsWith(expected::TenantNotInitialised()));
  EXPECT_EQ(CountRows("domains"), 0);
  EXPECT_EQ(CountRows("audit_events"), 0);

  // 27 characters, letters and digits: the longest label accepted.
  const std::string label27 = std::string(25, 'a') + "42";
  auto tenant = directory_->InitializeTenant(kActor, "Contoso", label27);
  ASSERT_THAT(tenant, Succeeds());
  EXPECT_EQ(tenant->initial_domain, label27 + ".onmicrosoft.com");
}

TEST_F(UninitialisedDirectoryTest, OperationsBeforeInitialisationAreRefused) {
  EXPECT_THAT(directory_->GetTenant(), FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->ListDomains(), FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->AddDomain(kActor, "contoso.com"),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->VerifyDomain(kActor, "contoso.com"),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->SetDefaultDomain(kActor, "contoso.com"),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->RemoveDomain(kActor, "contoso.com"),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", "Adele Vance"), false),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_THAT(directory_->SetPassword(kActor, "adele@contoso.onmicrosoft.com",
                                      PasswordChange{.generate = true}),
              FailsWith(expected::TenantNotInitialised()));
  EXPECT_EQ(CountRows("audit_events"), 0);
}

TEST_F(LocalDirectoryTest, TheTenantSurvivesReopening) {
  const Tenant before = *directory_->GetTenant();
  Create("adele", "Adele Vance");
  Reopen();
  auto after = directory_->GetTenant();
  ASSERT_THAT(after, Succeeds());
  EXPECT_EQ(*after, before);
  EXPECT_EQ(Get("adele@contoso.onmicrosoft.com").display_name, "Adele Vance");
}

// --- Domains ---

TEST_F(LocalDirectoryTest, AddDomainLowerCasesAndStartsUnverified) {
  clock_.Advance(5);
  auto domain = directory_->AddDomain(kActor, "Contoso.COM");
  ASSERT_THAT(domain, Succeeds());
  const Domain expected{.id = "contoso.com",
                        .authentication_type = "Managed",
                        .is_default = false,
                        .is_initial = false,
                        .is_verified = false,
                        .created_date_time = kStart + 5};
  EXPECT_EQ(*domain, expected);
  auto domains = directory_->ListDomains();
  ASSERT_THAT(domains, Succeeds());
  ASSERT_THAT(*domains, SizeIs(2));
  EXPECT_EQ((*domains)[0].id, "contoso.onmicrosoft.com");
  EXPECT_EQ((*domains)[1], expected);

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Add unverified domain");
  EXPECT_EQ(event.actor, "test:alice");
  EXPECT_EQ(event.target_type, "Domain");
  EXPECT_EQ(event.target_id, "contoso.com");
  EXPECT_EQ(event.target_name, "contoso.com");
  EXPECT_EQ(event.time, kStart + 5);
}

TEST_F(LocalDirectoryTest, AddDomainRefusesDuplicatesCaseInsensitively) {
  ASSERT_THAT(directory_->AddDomain(kActor, "contoso.com"), Succeeds());
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->AddDomain(kActor, "CONTOSO.com"),
              FailsWith(expected::ObjectConflict("id")));
  EXPECT_THAT(directory_->AddDomain(kActor, "Contoso.OnMicrosoft.com"),
              FailsWith(expected::ObjectConflict("id")));
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LocalDirectoryTest, AddDomainRefusesInvalidNames) {
  for (const std::string& name :
       std::vector<std::string>{"contoso", "", "-contoso.com", "contoso-.com", "con..toso.com",
                                "contoso.123", "con toso.com", "contoso.com.", "contöso.com",
                                "con_toso.com", std::string(64, 'a') + ".com"}) {
    EXPECT_THAT(directory_->AddDomain(kActor, name), FailsWith(expected::InvalidDomainName(name)))
        << name;
  }
  EXPECT_EQ(CountRows("domains"), 1);
}

TEST_F(LocalDirectoryTest, VerifyDomain) {
  ASSERT_THAT(directory_->AddDomain(kActor, "contoso.com"), Succeeds());
  EXPECT_THAT(directory_->VerifyDomain(kActor, "nowhere.com"),
              FailsWith(expected::NotFound("nowhere.com")));
  auto verified = directory_->VerifyDomain(kActor, "Contoso.com");
  ASSERT_THAT(verified, Succeeds());
  EXPECT_TRUE(verified->is_verified);
  EXPECT_FALSE(verified->is_default);
  EXPECT_EQ(verified->id, "contoso.com");
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Verify domain");
  EXPECT_EQ(event.target_id, "contoso.com");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"isVerified", "false", "true"}));

  // Verifying again changes nothing and writes no event.
  const std::size_t events = EventCount();
  auto again = directory_->VerifyDomain(kActor, "contoso.com");
  ASSERT_THAT(again, Succeeds());
  EXPECT_EQ(*again, *verified);
  EXPECT_EQ(EventCount(), events);
  EXPECT_TRUE(directory_->ListDomains()->at(1).is_verified);
}

TEST_F(LocalDirectoryTest, SetDefaultDomainNeedsAVerifiedDomainAndKeepsOneDefault) {
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  EXPECT_THAT(directory_->SetDefaultDomain(kActor, "fabrikam.com"),
              FailsWith(expected::DomainNotVerified("fabrikam.com")));
  EXPECT_THAT(directory_->SetDefaultDomain(kActor, "nowhere.com"),
              FailsWith(expected::NotFound("nowhere.com")));
  AddVerifiedDomain("contoso.com");

  auto result = directory_->SetDefaultDomain(kActor, "CONTOSO.COM");
  ASSERT_THAT(result, Succeeds());
  EXPECT_TRUE(result->is_default);
  EXPECT_EQ(result->id, "contoso.com");
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Set default domain");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"isDefault", "false", "true"}));

  auto domains = directory_->ListDomains();
  ASSERT_THAT(domains, Succeeds());
  ASSERT_EQ(
      std::count_if(domains->begin(), domains->end(), [](const Domain& d) { return d.is_default; }),
      1);
  for (const Domain& domain : *domains) {
    EXPECT_EQ(domain.is_default, domain.id == "contoso.com") << domain.id;
    EXPECT_EQ(domain.is_initial, domain.id == "contoso.onmicrosoft.com") << domain.id;
  }

  // And back to the initial domain.
  ASSERT_THAT(directory_->SetDefaultDomain(kActor, "contoso.onmicrosoft.com"), Succeeds());
  domains = directory_->ListDomains();
  for (const Domain& domain : *domains) {
    EXPECT_EQ(domain.is_default, domain.id == "contoso.onmicrosoft.com") << domain.id;
  }
}

TEST_F(LocalDirectoryTest, RemoveDomainRefusesTheDefaultAndTheInitialDomain) {
  AddVerifiedDomain("contoso.com");
  ASSERT_THAT(directory_->SetDefaultDomain(kActor, "contoso.com"), Succeeds());
  EXPECT_THAT(directory_->RemoveDomain(kActor, "contoso.com"),
              FailsWith(expected::DomainIsDefaultOrInitial("contoso.com")));
  EXPECT_THAT(directory_->RemoveDomain(kActor, "Contoso.onmicrosoft.com"),
              FailsWith(expected::DomainIsDefaultOrInitial("contoso.onmicrosoft.com")));
  EXPECT_THAT(directory_->RemoveDomain(kActor, "nowhere.com"),
              FailsWith(expected::NotFound("nowhere.com")));
  EXPECT_THAT(*directory_->ListDomains(), SizeIs(2));
}

TEST_F(LocalDirectoryTest, RemoveDomainRefusesADomainInUseByActiveOrDeletedUsers) {
  AddVerifiedDomain("contoso.com");
  const User active = Create("adele", "Adele Vance", "contoso.com");
  const User deleted = Create("alex", "Alex Wilber", "contoso.com");
  ASSERT_THAT(directory_->DeleteUser(kActor, deleted.id), Succeeds());
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->RemoveDomain(kActor, "contoso.com"),
              FailsWith(expected::DomainInUse("contoso.com", 2)));

  ASSERT_THAT(directory_->DeleteUser(kActor, active.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, active.id), Succeeds());
  // Only a soft-deleted user is left: still in use.
  EXPECT_THAT(directory_->RemoveDomain(kActor, "contoso.com"),
              FailsWith(expected::DomainInUse("contoso.com", 1)));
  EXPECT_EQ(EventCount(), events + 2);

  ASSERT_THAT(directory_->PurgeUser(kActor, deleted.id), Succeeds());
  ASSERT_THAT(directory_->RemoveDomain(kActor, "contoso.com"), Succeeds());
  EXPECT_THAT(*directory_->ListDomains(), SizeIs(1));
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Remove verified domain");
  EXPECT_EQ(event.target_type, "Domain");
  EXPECT_EQ(event.target_id, "contoso.com");
}

TEST_F(LocalDirectoryTest, RemoveUnusedUnverifiedDomain) {
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  ASSERT_THAT(directory_->RemoveDomain(kActor, "FABRIKAM.com"), Succeeds());
  EXPECT_THAT(*directory_->ListDomains(), SizeIs(1));
  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Remove unverified domain");
  EXPECT_EQ(event.target_id, "fabrikam.com");
  // It can be added again.
  EXPECT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
}

TEST_F(LocalDirectoryTest, UpnOnAnUnverifiedOrUnknownDomainIsRefused) {
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", "Adele", "fabrikam.com"), false),
              FailsWith(expected::UnverifiedUpnDomain()));
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", "Adele", "nowhere.com"), false),
              FailsWith(expected::UnverifiedUpnDomain()));
  ASSERT_THAT(directory_->VerifyDomain(kActor, "fabrikam.com"), Succeeds());
  EXPECT_EQ(Create(MakeNewUser("adele", "Adele", "FABRIKAM.com")).user_principal_name,
            "adele@FABRIKAM.com");
}

// --- Create ---

TEST_F(LocalDirectoryTest, CreateReturnsTheStoredUser) {
  clock_.Advance(3600);
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["givenName"] = "Adele";
  request.properties["surname"] = "Vance";
  request.properties["usageLocation"] = "gb";
  request.properties["businessPhones"] = std::vector<std::string>{"+44 20 7946 0000"};
  request.properties["otherMails"] = std::vector<std::string>{"adele@example.org"};
  request.password_profile->force_change_password_next_sign_in = true;
  auto created = directory_->CreateUser(kActor, request, false);
  ASSERT_THAT(created, Succeeds());
  EXPECT_EQ(created->generated_password, "");
  const User& user = created->user;
  EXPECT_TRUE(IsUuid(user.id));
  EXPECT_EQ(user.id, AsciiLower(user.id));
  EXPECT_EQ(user.user_principal_name, "adele@contoso.onmicrosoft.com");
  EXPECT_EQ(user.display_name, "Adele Vance");
  EXPECT_EQ(user.mail_nickname, "adele");
  EXPECT_TRUE(user.account_enabled);
  EXPECT_EQ(user.given_name, "Adele");
  EXPECT_EQ(user.surname, "Vance");
  EXPECT_EQ(user.usage_location, "GB");
  EXPECT_EQ(user.user_type, "Member");
  EXPECT_EQ(user.mail, std::nullopt);
  EXPECT_THAT(user.proxy_addresses, IsEmpty());
  EXPECT_THAT(user.business_phones, ElementsAre("+44 20 7946 0000"));
  EXPECT_THAT(user.other_mails, ElementsAre("adele@example.org"));
  EXPECT_EQ(user.created_date_time, kStart + 3600);
  EXPECT_EQ(user.last_password_change_date_time, kStart + 3600);
  EXPECT_EQ(user.sign_in_sessions_valid_from_date_time, kStart + 3600);
  EXPECT_EQ(user.deleted_date_time, std::nullopt);
  EXPECT_TRUE(user.force_change_password_next_sign_in);
  EXPECT_FALSE(user.force_change_password_next_sign_in_with_mfa);

  // Read back by id and by UPN in another case: the same user.
  EXPECT_EQ(Get(user.id), user);
  EXPECT_EQ(Get("ADELE@Contoso.OnMicrosoft.COM"), user);
  std::string upper_id = user.id;
  std::transform(upper_id.begin(), upper_id.end(), upper_id.begin(), ::toupper);
  EXPECT_EQ(Get(upper_id), user);
  // And after reopening.
  Reopen();
  EXPECT_EQ(Get(user.id), user);
}

TEST_F(LocalDirectoryTest, CreateValidatesInTheDocumentedOrder) {
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->CreateUser(kActor, NewUser{}, false),
              FailsWith(expected::RequiredProperty("accountEnabled")));

  // A request that breaks every rule: each fix reveals the next step's error.
  NewUser request;
  request.properties["accountEnabled"] = true;
  request.properties["mailNickname"] = "adele";
  request.properties["userPrincipalName"] = "adele vance@fabrikam.com";
  request.properties["usageLocation"] = "XX";
  request.properties["favouriteColour"] = "blue";
  request.properties["proxyAddresses"] = std::vector<std::string>{"SMTP:adele@fabrikam.com"};
  request.password_profile = PasswordProfile{.password = "weak"};
  // 1. required properties
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::RequiredProperty("displayName")));
  request.properties["displayName"] = "Adele Vance";
  // 2. unknown, then read-only properties
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::UnknownProperty("favouriteColour")));
  request.properties.erase("favouriteColour");
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::ReadOnlyProperty("proxyAddresses")));
  request.properties.erase("proxyAddresses");
  // 3. UPN syntax
  EXPECT_THAT(directory_->CreateUser(kActor, request, false), FailsWith(expected::InvalidUpn()));
  request.properties["userPrincipalName"] = "adele@fabrikam.com";
  // 4. property values
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::InvalidValue("usageLocation")));
  request.properties["usageLocation"] = "GB";
  // 5. verified domain
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::UnverifiedUpnDomain()));
  ASSERT_THAT(directory_->VerifyDomain(kActor, "fabrikam.com"), Succeeds());
  NewUser existing = MakeNewUser("adele2", "Existing", "fabrikam.com");
  existing.properties["userPrincipalName"] = "ADELE@FABRIKAM.COM";
  Create(existing);
  const std::size_t events_before_steps = EventCount();
  // 6. uniqueness
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::ObjectConflict("userPrincipalName")));
  request.properties["userPrincipalName"] = "adele.vance@fabrikam.com";
  // 7. password policy
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::PasswordComplexity()));
  request.password_profile->password = std::string(kGoodPassword);
  // 8. quota
  ASSERT_THAT(directory_->SetObjectQuota(kActor, 1), Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, request, false), FailsWith(expected::QuotaExceeded()));
  EXPECT_EQ(CountRows("users"), 1);
  EXPECT_EQ(EventCount(), events_before_steps + 1);  // the quota's change
  EXPECT_EQ(events_before_steps, events + 2);        // verify + the existing user

  ASSERT_THAT(directory_->SetObjectQuota(kActor, 2), Succeeds());
  auto created = directory_->CreateUser(kActor, request, false);
  ASSERT_THAT(created, Succeeds());
  EXPECT_EQ(created->user.user_principal_name, "adele.vance@fabrikam.com");
  EXPECT_EQ(created->user.usage_location, "GB");
}

TEST_F(LocalDirectoryTest, DuplicateUpnIsRefusedCaseInsensitively) {
  Create("adele", "Adele Vance");
  NewUser again = MakeNewUser("adele2", "Adele Again");
  again.properties["userPrincipalName"] = "ADELE@Contoso.OnMicrosoft.com";
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->CreateUser(kActor, again, false),
              FailsWith(expected::ObjectConflict("userPrincipalName")));
  EXPECT_EQ(CountRows("users"), 1);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LocalDirectoryTest, UpnOrMailEqualToAnotherUsersProxyAddressIsRefused) {
  AddVerifiedDomain("contoso.com");
  NewUser sales = MakeNewUser("sales", "Sales");
  sales.properties["mail"] = "sales@contoso.com";
  Create(sales);

  // A UPN equal to the other user's proxy address, in another case.
  EXPECT_THAT(
      directory_->CreateUser(kActor, MakeNewUser("Sales", "Sales Two", "CONTOSO.com"), false),
      FailsWith(expected::ObjectConflict("proxyAddresses")));
  // A mail equal to it.
  NewUser same_mail = MakeNewUser("sales2", "Sales Two");
  same_mail.properties["mail"] = "SALES@contoso.com";
  EXPECT_THAT(directory_->CreateUser(kActor, same_mail, false),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  // A mail equal to another user's UPN-derived address is fine when that user has none.
  NewUser other = MakeNewUser("sales3", "Sales Three");
  other.properties["mail"] = "sales3@contoso.com";
  EXPECT_THAT(directory_->CreateUser(kActor, other, false), Succeeds());
  EXPECT_EQ(CountRows("users"), 2);
}

TEST_F(LocalDirectoryTest, MailBecomesThePrimaryProxyAddress) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "Adele.Vance@contoso.com";
  const User user = Create(request);
  EXPECT_EQ(user.mail, "Adele.Vance@contoso.com");
  EXPECT_THAT(user.proxy_addresses, ElementsAre("SMTP:Adele.Vance@contoso.com"));
  EXPECT_THAT(Get(user.id).proxy_addresses, ElementsAre("SMTP:Adele.Vance@contoso.com"));
}

TEST_F(LocalDirectoryTest, GeneratedPasswordIsReturnedOnceAndPassesThePolicy) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.password_profile.reset();
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::RequiredProperty("passwordProfile")));

  auto created = directory_->CreateUser(kActor, request, true);
  ASSERT_THAT(created, Succeeds());
  const std::string password = created->generated_password;
  EXPECT_EQ(password.size(), 20u);
  EXPECT_THAT(CheckPassword(password, PasswordContext{.alias = "adele", .tenant_name = "Contoso"}),
              Succeeds());
  EXPECT_THAT(directory_->CheckPassword(created->user.id, password), ::testing::Optional(true));
  EXPECT_THAT(directory_->CheckPassword(created->user.id, std::string(kGoodPassword)),
              ::testing::Optional(false));
  EXPECT_THAT(directory_->CheckPassword(created->user.id, ""), ::testing::Optional(false));
  EXPECT_FALSE(created->user.force_change_password_next_sign_in);

  // With a profile but an empty password, the flags are kept.
  NewUser second = MakeNewUser("alex", "Alex Wilber");
  second.password_profile = PasswordProfile{.force_change_password_next_sign_in = true,
                                            .force_change_password_next_sign_in_with_mfa = true};
  auto created2 = directory_->CreateUser(kActor, second, true);
  ASSERT_THAT(created2, Succeeds());
  EXPECT_EQ(created2->generated_password.size(), 20u);
  EXPECT_NE(created2->generated_password, password);
  EXPECT_TRUE(created2->user.force_change_password_next_sign_in);
  EXPECT_TRUE(created2->user.force_change_password_next_sign_in_with_mfa);
  EXPECT_THAT(
      directory_->CheckPassword("alex@contoso.onmicrosoft.com", created2->generated_password),
      ::testing::Optional(true));

  // A given password wins over generate_password, and nothing is returned.
  auto given = directory_->CreateUser(kActor, MakeNewUser("megan", "Megan Bowen"), true);
  ASSERT_THAT(given, Succeeds());
  EXPECT_EQ(given->generated_password, "");
  EXPECT_THAT(directory_->CheckPassword(given->user.id, std::string(kGoodPassword)),
              ::testing::Optional(true));
}

TEST_F(LocalDirectoryTest, WeakPasswordWritesNothing) {
  const std::size_t events = EventCount();
  for (const std::string& password :
       std::vector<std::string>{"short1A", "alllowercaseletters", "Password123!", "Adele#2026x",
                                "Pa\xc3\xa9ssw0rd!x", "Contoso26!"}) {
    NewUser request = MakeNewUser("adele", "Adele Vance");
    request.password_profile->password = password;
    EXPECT_THAT(directory_->CreateUser(kActor, request, false),
                FailsWith(expected::PasswordComplexity()))
        << password;
  }
  EXPECT_EQ(CountRows("users"), 0);
  EXPECT_EQ(CountRows("proxy_addresses"), 0);
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->GetUser("adele@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("adele@contoso.onmicrosoft.com")));
}

TEST_F(LocalDirectoryTest, QuotaCountsSoftDeletedUsers) {
  ASSERT_THAT(directory_->SetObjectQuota(kActor, 2), Succeeds());
  Create("adele", "Adele Vance");
  const User alex = Create("alex", "Alex Wilber");
  ASSERT_THAT(directory_->DeleteUser(kActor, alex.id), Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("megan", "Megan Bowen"), false),
              FailsWith(expected::QuotaExceeded()));
  ASSERT_THAT(directory_->PurgeUser(kActor, alex.id), Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("megan", "Megan Bowen"), false),
              Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("lee", "Lee Gu"), false),
              FailsWith(expected::QuotaExceeded()));
}

// The quota a call returned; a failure is reported and gives a zero quota.
DirectorySizeQuota QuotaOf(const Result<DirectorySizeQuota>& quota) {
  EXPECT_THAT(quota, Succeeds());
  return quota ? *quota : DirectorySizeQuota{};
}

TEST_F(LocalDirectoryTest, ObjectQuotaIsEntrasUntilTheOperatorRaisesIt) {
  Create("adele", "Adele Vance");
  EXPECT_EQ(QuotaOf(directory_->GetDirectorySizeQuota()),
            (DirectorySizeQuota{.used = 1, .total = 50'000}));
  AddVerifiedDomain("contoso.com");
  EXPECT_EQ(QuotaOf(directory_->GetDirectorySizeQuota()),
            (DirectorySizeQuota{.used = 1, .total = 300'000}));

  EXPECT_EQ(QuotaOf(directory_->SetObjectQuota(kActor, 1'000'000)),
            (DirectorySizeQuota{.used = 1, .total = 1'000'000}));
  const std::vector<AuditEvent> events = Events();  // newest first
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().action, "Update directory setting");
  EXPECT_EQ(events.front().target_type, "Tenant");
  EXPECT_THAT(events.front().changes,
              ElementsAre(PropertyChange{"ObjectQuota", std::nullopt, "1000000"}));
  Reopen();
  EXPECT_EQ(QuotaOf(directory_->GetDirectorySizeQuota()),
            (DirectorySizeQuota{.used = 1, .total = 1'000'000}));
  // The same value again changes nothing and audits nothing.
  const std::size_t count = EventCount();
  EXPECT_THAT(directory_->SetObjectQuota(kActor, 1'000'000), Succeeds());
  EXPECT_EQ(EventCount(), count);

  for (const long long bad : {0LL, -5LL, 10'000'001LL}) {
    EXPECT_THAT(directory_->SetObjectQuota(kActor, bad),
                FailsWith(Error{.kind = ErrorKind::kInvalidArgument,
                                .http_status = 400,
                                .code = "Request_BadRequest",
                                .message = fmt::format("The object quota must be a whole number "
                                                       "from 1 to 10000000; {} was given.",
                                                       bad),
                                .target = "objectQuota"}));
  }
  EXPECT_EQ(QuotaOf(directory_->SetObjectQuota(kActor, std::nullopt)),
            (DirectorySizeQuota{.used = 1, .total = 300'000}));
  EXPECT_THAT(Events().front().changes,
              ElementsAre(PropertyChange{"ObjectQuota", "1000000", std::nullopt}));
}

TEST_F(LocalDirectoryTest, HostileValuesRoundTripExactly) {
  AddVerifiedDomain("contoso.com");
  const std::string display_name = "O'Brien, \"Bob\"; DROP TABLE users; --";
  const std::string surname = "\xc3\x85ngstr\xc3\xb6m \xe6\x97\xa5\xe6\x9c\xac";  // Ångström 日本
  const std::string department = "\xf0\x9f\x9a\x80 Launch; R&D, \"Ops\"";         // 🚀
  NewUser request = MakeNewUser("o'brien", display_name);
  request.properties["userPrincipalName"] = "o'brien#1@contoso.com";
  request.properties["givenName"] = "Zo\xc3\xab";  // Zoë
  request.properties["surname"] = surname;
  request.properties["jobTitle"] = "100% _sure_ \\ 'quoted'";
  request.properties["department"] = department;
  request.properties["city"] = "S\xc3\xa3o Paulo";
  request.properties["businessPhones"] = std::vector<std::string>{"+1 (555) 010-0199; ext. 7"};
  request.properties["mail"] = "o'brien+test@contoso.com";
  const User user = Create(request);
  NewUser decoy = MakeNewUser("decoy", "O'Brien Bob");
  decoy.properties["jobTitle"] = "100 x sure";
  Create(decoy);

  const User read = Get(user.id);
  EXPECT_EQ(read, user);
  EXPECT_EQ(read.display_name, display_name);
  EXPECT_EQ(read.user_principal_name, "o'brien#1@contoso.com");
  EXPECT_EQ(read.mail_nickname, "o'brien");
  EXPECT_EQ(read.given_name, "Zo\xc3\xab");
  EXPECT_EQ(read.surname, surname);
  EXPECT_EQ(read.job_title, "100% _sure_ \\ 'quoted'");
  EXPECT_EQ(read.department, department);
  EXPECT_EQ(read.city, "S\xc3\xa3o Paulo");
  EXPECT_THAT(read.business_phones, ElementsAre("+1 (555) 010-0199; ext. 7"));
  EXPECT_THAT(read.proxy_addresses, ElementsAre("SMTP:o'brien+test@contoso.com"));
  EXPECT_EQ(Get("O'BRIEN#1@contoso.com").id, user.id);

  // The values also match exactly through $filter, wildcards and all.
  const auto ids_matching = [&](std::string_view text) {
    std::vector<std::string> ids;
    auto filter = query::ParseFilter(text);
    EXPECT_THAT(filter, Succeeds()) << text;
    if (!filter) return ids;
    auto page = directory_->ListUsers(UserListOptions{.filter = *filter});
    EXPECT_THAT(page, Succeeds()) << text;
    if (!page) return ids;
    for (const User& u : page->users) ids.push_back(u.id);
    return ids;
  };
  EXPECT_THAT(ids_matching("displayName eq 'O''Brien, \"Bob\"; DROP TABLE users; --'"),
              ElementsAre(user.id));
  EXPECT_THAT(ids_matching("startswith(jobTitle,'100%')"), ElementsAre(user.id));
  EXPECT_THAT(ids_matching("startswith(jobTitle,'100% _')"), ElementsAre(user.id));
  EXPECT_THAT(ids_matching("department eq '" + department + "'"), ElementsAre(user.id));
  EXPECT_THAT(ids_matching("surname eq '" + surname + "'"), ElementsAre(user.id));
  EXPECT_EQ(CountRows("users"), 2);
}

TEST_F(LocalDirectoryTest, ControlCharactersAreRefused) {
  for (const std::string& bad : std::vector<std::string>{
           std::string("Adele\x01Vance"), std::string("Adele\nVance"), std::string("Adele\tVance"),
           std::string("Adele\x7fVance"), std::string("Adele\xc2\x85Vance"),
           std::string("Adele\xff"), std::string("Adele\0Vance", 11)}) {
    EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", bad), false),
                FailsWith(expected::InvalidValue("displayName")));
    NewUser request = MakeNewUser("adele", "Adele Vance");
    request.properties["jobTitle"] = bad;
    EXPECT_THAT(directory_->CreateUser(kActor, request, false),
                FailsWith(expected::InvalidValue("jobTitle")));
  }
  EXPECT_EQ(CountRows("users"), 0);
  const User user = Create("adele", "Adele Vance");
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"city", std::string("Lon\x1b[31mdon")}}),
              FailsWith(expected::InvalidValue("city")));
  EXPECT_EQ(Get(user.id), user);
}

// --- Update ---

TEST_F(LocalDirectoryTest, PartialUpdateKeepsTheOtherProperties) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["givenName"] = "Adele";
  request.properties["jobTitle"] = "Engineer";
  request.properties["department"] = "R&D";
  const User user = Create(request);
  clock_.Advance(10);

  auto updated = directory_->UpdateUser(kActor, user.id,
                                        {{"jobTitle", std::string("CFO")}, {"city", "London"}});
  ASSERT_THAT(updated, Succeeds());
  User expected = user;
  expected.job_title = "CFO";
  expected.city = "London";
  EXPECT_EQ(*updated, expected);
  EXPECT_EQ(Get(user.id), expected);

  // An empty string clears an optional property, null too.
  updated =
      directory_->UpdateUser(kActor, "ADELE@contoso.onmicrosoft.com",
                             {{"department", std::string()}, {"givenName", std::monostate{}}});
  ASSERT_THAT(updated, Succeeds());
  expected.department.reset();
  expected.given_name.reset();
  EXPECT_EQ(Get(user.id), expected);
}

TEST_F(LocalDirectoryTest, DisplayNameCannotBeCleared) {
  const User user = Create("adele", "Adele Vance");
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"displayName", std::monostate{}}}),
              FailsWith(expected::RequiredProperty("displayName")));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"displayName", std::string()}}),
              FailsWith(expected::RequiredProperty("displayName")));
  EXPECT_EQ(Get(user.id), user);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LocalDirectoryTest, UpnChangeKeepsTheOldUpnAsASecondaryAddress) {
  AddVerifiedDomain("contoso.com");
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User user = Create(request);

  auto updated =
      directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "Adele.Vance@contoso.com"}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_EQ(updated->user_principal_name, "Adele.Vance@contoso.com");
  EXPECT_THAT(updated->proxy_addresses,
              ElementsAre("SMTP:adele@contoso.com", "smtp:adele@contoso.onmicrosoft.com"));
  EXPECT_EQ(Get("adele.vance@contoso.com"), *updated);
  EXPECT_THAT(directory_->GetUser("adele@contoso.onmicrosoft.com"),
              FailsWith(expected::NotFound("adele@contoso.onmicrosoft.com")));

  const AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update user");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "Adele.Vance@contoso.com");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"proxyAddresses", "SMTP:adele@contoso.com",
                                         "SMTP:adele@contoso.com; "
                                         "smtp:adele@contoso.onmicrosoft.com"},
                          PropertyChange{"userPrincipalName", "adele@contoso.onmicrosoft.com",
                                         "Adele.Vance@contoso.com"}));

  // The old UPN is now an address of this user: another user cannot take it as its UPN.
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", "Another Adele"), false),
              FailsWith(expected::ObjectConflict("proxyAddresses")));

  // A change of case only adds no address.
  updated =
      directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "adele.vance@contoso.com"}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_EQ(updated->user_principal_name, "adele.vance@contoso.com");
  EXPECT_THAT(updated->proxy_addresses,
              ElementsAre("SMTP:adele@contoso.com", "smtp:adele@contoso.onmicrosoft.com"));
}

TEST_F(LocalDirectoryTest, UpnChangeOfAUserWithoutMailboxAddsNoAddress) {
  AddVerifiedDomain("contoso.com");
  const User user = Create("adele", "Adele Vance");
  auto updated =
      directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "adele@contoso.com"}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_THAT(updated->proxy_addresses, IsEmpty());
  // The old UPN is free again.
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("adele", "Another Adele"), false),
              Succeeds());
}

TEST_F(LocalDirectoryTest, UpnChangeIsCheckedLikeACreation) {
  AddVerifiedDomain("contoso.com");
  ASSERT_THAT(directory_->AddDomain(kActor, "fabrikam.com"), Succeeds());
  const User user = Create("adele", "Adele Vance");
  Create("alex", "Alex Wilber");
  NewUser sales = MakeNewUser("sales", "Sales");
  sales.properties["mail"] = "sales@contoso.com";
  Create(sales);
  const std::size_t events = EventCount();

  EXPECT_THAT(
      directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "adele@fabrikam.com"}}),
      FailsWith(expected::UnverifiedUpnDomain()));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "adele@nowhere.com"}}),
              FailsWith(expected::UnverifiedUpnDomain()));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id,
                                     {{"userPrincipalName", "ALEX@contoso.onmicrosoft.com"}}),
              FailsWith(expected::ObjectConflict("userPrincipalName")));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "Sales@contoso.com"}}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_THAT(
      directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", "adele.@contoso.com"}}),
      FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", true}}),
              FailsWith(expected::InvalidUpn()));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"userPrincipalName", std::string()}}),
              FailsWith(expected::InvalidUpn()));
  EXPECT_EQ(Get(user.id), user);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LocalDirectoryTest, ChangingMailDemotesTheOldPrimary) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  const User user = Create(request);

  auto updated = directory_->UpdateUser(kActor, user.id, {{"mail", "adele.vance@contoso.com"}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_EQ(updated->mail, "adele.vance@contoso.com");
  EXPECT_THAT(updated->proxy_addresses,
              ElementsAre("SMTP:adele.vance@contoso.com", "smtp:adele@contoso.com"));

  updated = directory_->UpdateUser(kActor, user.id, {{"mail", "ADELE@contoso.com"}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_THAT(updated->proxy_addresses,
              ElementsAre("SMTP:ADELE@contoso.com", "smtp:adele.vance@contoso.com"));
  EXPECT_EQ(Get(user.id), *updated);

  // Setting a mail on a user without one.
  const User alex = Create("alex", "Alex Wilber");
  updated = directory_->UpdateUser(kActor, alex.id, {{"mail", "alex@contoso.com"}});
  ASSERT_THAT(updated, Succeeds());
  EXPECT_THAT(updated->proxy_addresses, ElementsAre("SMTP:alex@contoso.com"));

  // Another user's address, in any case, is refused and nothing changes.
  const std::size_t events = EventCount();
  EXPECT_THAT(directory_->UpdateUser(kActor, alex.id,
                                     {{"mail", "Adele.Vance@contoso.com"}, {"jobTitle", "CEO"}}),
              FailsWith(expected::ObjectConflict("proxyAddresses")));
  EXPECT_EQ(Get(alex.id), *updated);
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LocalDirectoryTest, AFailingUpdateChangesNothing) {
  const User user = Create("adele", "Adele Vance");
  const std::size_t events = EventCount();
  EXPECT_THAT(
      directory_->UpdateUser(kActor, user.id, {{"jobTitle", "CFO"}, {"usageLocation", "ZZ"}}),
      FailsWith(expected::InvalidValue("usageLocation")));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"jobTitle", "CFO"}, {"shoeSize", "42"}}),
              FailsWith(expected::UnknownProperty("shoeSize")));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id,
                                     {{"jobTitle", "CFO"},
                                      {"proxyAddresses", std::vector<std::string>{"SMTP:a@b.c"}}}),
              FailsWith(expected::ReadOnlyProperty("proxyAddresses")));
  EXPECT_THAT(
      directory_->UpdateUser(kActor, user.id, {{"createdDateTime", "2020-01-01T00:00:00Z"}}),
      FailsWith(expected::ReadOnlyProperty("createdDateTime")));
  EXPECT_THAT(directory_->UpdateUser(kActor, user.id, {{"accountEnabled", "false"}}),
              FailsWith(expected::InvalidValue("accountEnabled")));
  EXPECT_EQ(Get(user.id), user);
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->UpdateUser(kActor, "nobody@contoso.onmicrosoft.com", {{"city", "Paris"}}),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
}

TEST_F(LocalDirectoryTest, ANoOpUpdateWritesNoEvent) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["jobTitle"] = "Engineer";
  const User user = Create(request);
  const std::size_t events = EventCount();
  for (const PropertyMap& patch :
       {PropertyMap{}, PropertyMap{{"jobTitle", "Engineer"}},
        PropertyMap{{"displayName", "Adele Vance"}, {"accountEnabled", true}},
        PropertyMap{{"city", std::monostate{}}}}) {
    auto updated = directory_->UpdateUser(kActor, user.id, patch);
    ASSERT_THAT(updated, Succeeds());
    EXPECT_EQ(*updated, user);
  }
  EXPECT_EQ(EventCount(), events);
}

TEST_F(LocalDirectoryTest, BlockAndUnblockThroughAccountEnabled) {
  const User user = Create("adele", "Adele Vance");
  auto blocked = directory_->UpdateUser(kActor, user.id, {{"accountEnabled", false}});
  ASSERT_THAT(blocked, Succeeds());
  EXPECT_FALSE(blocked->account_enabled);
  EXPECT_FALSE(Get(user.id).account_enabled);
  AuditEvent event = Events().front();
  EXPECT_EQ(event.action, "Update user");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"accountEnabled", "true", "false"}));

  auto filter = query::ParseFilter("accountEnabled eq false");
  ASSERT_THAT(filter, Succeeds());
  auto page = directory_->ListUsers(UserListOptions{.filter = *filter});
  ASSERT_THAT(page, Succeeds());
  ASSERT_THAT(page->users, SizeIs(1));
  EXPECT_EQ(page->users[0].id, user.id);

  auto unblocked = directory_->UpdateUser(kActor, user.id, {{"accountEnabled", true}});
  ASSERT_THAT(unblocked, Succeeds());
  EXPECT_TRUE(Get(user.id).account_enabled);
  event = Events().front();
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"accountEnabled", "false", "true"}));
  EXPECT_EQ(Get(user.id), user);
}

// --- Passwords ---

TEST_F(LocalDirectoryTest, SetPasswordWithAGivenPassword) {
  const User user = Create("adele", "Adele Vance");
  clock_.Advance(600);
  auto result =
      directory_->SetPassword(kActor, user.id,
                              PasswordChange{.password = "Kd8$wQz!4rTn",
                                             .force_change_password_next_sign_in = true,
                                             .force_change_password_next_sign_in_with_mfa = true});
  ASSERT_THAT(result, Succeeds());
  EXPECT_EQ(*result, "");
  EXPECT_THAT(directory_->CheckPassword(user.id, "Kd8$wQz!4rTn"), ::testing::Optional(true));
  EXPECT_THAT(directory_->CheckPassword(user.id, std::string(kGoodPassword)),
              ::testing::Optional(false));
  const User after = Get(user.id);
  EXPECT_TRUE(after.force_change_password_next_sign_in);
  EXPECT_TRUE(after.force_change_password_next_sign_in_with_mfa);
  EXPECT_EQ(after.last_password_change_date_time, kStart + 600);
  EXPECT_EQ(after.created_date_time, kStart);
  User expected = user;
  expected.force_change_password_next_sign_in = true;
  expected.force_change_password_next_sign_in_with_mfa = true;
  expected.last_password_change_date_time = kStart + 600;
  EXPECT_EQ(after, expected);

  // Without the flags, they are cleared.
  ASSERT_THAT(directory_->SetPassword(kActor, "adele@contoso.onmicrosoft.com",
                                      PasswordChange{.password = "Rt5%hJw8@Lp3",
                                                     .force_change_password_next_sign_in = false}),
              Succeeds());
  EXPECT_FALSE(Get(user.id).force_change_password_next_sign_in);
  EXPECT_FALSE(Get(user.id).force_change_password_next_sign_in_with_mfa);
}

TEST_F(LocalDirectoryTest, SetPasswordGenerated) {
  const User user = Create("adele", "Adele Vance");
  auto generated = directory_->SetPassword(kActor, user.id, PasswordChange{.generate = true});
  ASSERT_THAT(generated, Succeeds());
  EXPECT_EQ(generated->size(), 20u);
  EXPECT_THAT(
      CheckPassword(*generated, PasswordContext{.alias = "adele", .tenant_name = "Contoso"}),
      Succeeds());
  EXPECT_THAT(directory_->CheckPassword(user.id, *generated), ::testing::Optional(true));
  EXPECT_THAT(directory_->CheckPassword(user.id, std::string(kGoodPassword)),
              ::testing::Optional(false));
  EXPECT_TRUE(Get(user.id).force_change_password_next_sign_in);  // the default

  auto second = directory_->SetPassword(kActor, user.id, PasswordChange{.generate = true});
  ASSERT_THAT(second, Succeeds());
  EXPECT_NE(*second, *generated);
  EXPECT_THAT(directory_->CheckPassword(user.id, *generated), ::testing::Optional(false));
}

TEST_F(LocalDirectoryTest, SetPasswordRefusesAWeakPasswordAndKeepsTheOldOne) {
  const User user = Create("adele", "Adele Vance");
  clock_.Advance(60);
  const std::size_t events = EventCount();
  for (const std::string& password :
       std::vector<std::string>{"", "short", "Password1!", "adelevance", "Adele123!x"}) {
    EXPECT_THAT(directory_->SetPassword(kActor, user.id, PasswordChange{.password = password}),
                FailsWith(expected::PasswordComplexity()))
        << password;
  }
  EXPECT_THAT(directory_->CheckPassword(user.id, std::string(kGoodPassword)),
              ::testing::Optional(true));
  EXPECT_EQ(Get(user.id), user);
  EXPECT_EQ(EventCount(), events);
  EXPECT_THAT(directory_->SetPassword(kActor, "nobody@contoso.onmicrosoft.com",
                                      PasswordChange{.password = "Kd8$wQz!4rTn"}),
              FailsWith(expected::NotFound("nobody@contoso.onmicrosoft.com")));
}

// The policy sees the user's alias, names and the tenant's name.
TEST_F(LocalDirectoryTest, PasswordPolicyUsesTheUsersNamesAndAlias) {
  NewUser request = MakeNewUser("adelev", "Adele Vance");
  request.properties["givenName"] = "Adeline";
  request.properties["surname"] = "Vancouver";
  const User user = Create(request);
  const User other = Create("bob", "Bob Smith");
  // Each password passes for `other` and fails for `user`.
  for (const std::string& password :
       std::vector<std::string>{"Adeline7!", "Vancouver7!", "Q7!adelevX"}) {
    EXPECT_THAT(directory_->SetPassword(kActor, other.id, PasswordChange{.password = password}),
                Succeeds())
        << password;
    EXPECT_THAT(directory_->SetPassword(kActor, user.id, PasswordChange{.password = password}),
                FailsWith(expected::PasswordComplexity()))
        << password;
    request.password_profile->password = password;
    request.properties["userPrincipalName"] = "adelev2@contoso.onmicrosoft.com";
    EXPECT_THAT(directory_->CreateUser(kActor, request, false),
                FailsWith(expected::PasswordComplexity()))
        << password;
  }
}

TEST_F(LocalDirectoryTest, PasswordPolicyUsesTheUpnAliasToo) {
  NewUser request = MakeNewUser("av", "Adele Vance");
  request.properties["userPrincipalName"] = "adele.vance@contoso.onmicrosoft.com";
  request.password_profile->password = "Adele.Vance#42";
  ASSERT_THAT(CheckPassword("Adele.Vance#42", PasswordContext{.alias = "av"}), Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::PasswordComplexity()));
  request.password_profile->password = std::string(kGoodPassword);
  const User user = Create(request);
  EXPECT_THAT(
      directory_->SetPassword(kActor, user.id, PasswordChange{.password = "Adele.Vance#42"}),
      FailsWith(expected::PasswordComplexity()));
}

TEST_F(UninitialisedDirectoryTest, PasswordPolicyUsesTheTenantName) {
  ASSERT_THAT(directory_->InitializeTenant(kActor, "Wingtip", "wingtip"), Succeeds());
  NewUser request = MakeNewUser("adele", "Adele Vance", "wingtip.onmicrosoft.com", "Wingtip42!");
  ASSERT_THAT(
      CheckPassword("Wingtip42!", PasswordContext{.alias = "adele", .tenant_name = "Contoso"}),
      Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::PasswordComplexity()));
  request.password_profile->password = std::string(kGoodPassword);
  auto created = directory_->CreateUser(kActor, request, false);
  ASSERT_THAT(created, Succeeds());
  EXPECT_THAT(
      directory_->SetPassword(kActor, created->user.id, PasswordChange{.password = "Wingtip42!"}),
      FailsWith(expected::PasswordComplexity()));
}

TEST_F(LocalDirectoryTest, DisableStrongPasswordWaivesTheThreeClassesRule) {
  NewUser request =
      MakeNewUser("adele", "Adele Vance", std::string(kInitialDomain), "quietlyrivers");
  EXPECT_THAT(directory_->CreateUser(kActor, request, false),
              FailsWith(expected::PasswordComplexity()));
  request.properties["passwordPolicies"] = "DisablePasswordExpiration, DisableStrongPassword";
  auto created = directory_->CreateUser(kActor, request, false);
  ASSERT_THAT(created, Succeeds());
  EXPECT_THAT(directory_->SetPassword(kActor, created->user.id,
                                      PasswordChange{.password = "softmeadowlight"}),
              Succeeds());
  // Still at least 8 characters.
  EXPECT_THAT(
      directory_->SetPassword(kActor, created->user.id, PasswordChange{.password = "short"}),
      FailsWith(expected::PasswordComplexity()));
}

// --- Audit ---

TEST_F(LocalDirectoryTest, EachWriteAppendsExactlyOneEvent) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.properties["mail"] = "adele@contoso.com";
  clock_.Advance(1);
  std::size_t count = EventCount();
  const User user = Create(request);
  ASSERT_EQ(EventCount(), ++count);
  AuditEvent event = Events().front();
  EXPECT_EQ(event.time, kStart + 1);
  EXPECT_EQ(event.actor, "test:alice");
  EXPECT_EQ(event.action, "Add user");
  EXPECT_EQ(event.target_type, "User");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"accountEnabled", std::nullopt, "true"},
                          PropertyChange{"displayName", std::nullopt, "Adele Vance"},
                          PropertyChange{"mail", std::nullopt, "adele@contoso.com"},
                          PropertyChange{"mailNickname", std::nullopt, "adele"},
                          PropertyChange{"proxyAddresses", std::nullopt, "SMTP:adele@contoso.com"},
                          PropertyChange{"userPrincipalName", std::nullopt,
                                         "adele@contoso.onmicrosoft.com"},
                          PropertyChange{"userType", std::nullopt, "Member"},
                          PropertyChange{"passwordProfile", std::nullopt, "[redacted]"}));

  const Actor bob{"cli:bob"};
  ASSERT_THAT(directory_->UpdateUser(bob, user.id, {{"jobTitle", "CFO"}}), Succeeds());
  ASSERT_EQ(EventCount(), ++count);
  event = Events().front();
  EXPECT_EQ(event.actor, "cli:bob");
  EXPECT_EQ(event.action, "Update user");
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"jobTitle", std::nullopt, "CFO"}));
  ASSERT_THAT(directory_->UpdateUser(bob, user.id, {{"jobTitle", "CEO"}}), Succeeds());
  event = Events().front();
  EXPECT_THAT(event.changes, ElementsAre(PropertyChange{"jobTitle", "CFO", "CEO"}));
  ++count;

  ASSERT_THAT(directory_->SetPassword(kActor, user.id,
                                      PasswordChange{.password = "Kd8$wQz!4rTn",
                                                     .force_change_password_next_sign_in = true}),
              Succeeds());
  ASSERT_EQ(EventCount(), ++count);
  event = Events().front();
  EXPECT_EQ(event.action, "Reset user password");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");
  EXPECT_THAT(event.changes,
              ElementsAre(PropertyChange{"passwordProfile", "[redacted]", "[redacted]"},
                          PropertyChange{"forceChangePasswordNextSignIn", "false", "true"}));

  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  ASSERT_EQ(EventCount(), ++count);
  event = Events().front();
  EXPECT_EQ(event.action, "Delete user");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");

  ASSERT_THAT(directory_->RestoreUser(kActor, user.id, {}), Succeeds());
  ASSERT_EQ(EventCount(), ++count);
  event = Events().front();
  EXPECT_EQ(event.action, "Restore user");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_THAT(event.changes, IsEmpty());

  ASSERT_THAT(directory_->DeleteUser(kActor, user.id), Succeeds());
  ASSERT_THAT(directory_->PurgeUser(kActor, user.id), Succeeds());
  count += 2;
  ASSERT_EQ(EventCount(), count);
  event = Events().front();
  EXPECT_EQ(event.action, "Hard delete user");
  EXPECT_EQ(event.actor, "test:alice");
  EXPECT_EQ(event.target_id, user.id);
  EXPECT_EQ(event.target_name, "adele@contoso.onmicrosoft.com");

  // The events of one target, newest first, with ascending sequences.
  const std::vector<AuditEvent> mine = Events(user.id);
  ASSERT_THAT(mine, SizeIs(8));
  std::vector<std::string> actions;
  for (const AuditEvent& e : mine) actions.push_back(e.action);
  EXPECT_THAT(actions,
              ElementsAre("Hard delete user", "Delete user", "Restore user", "Delete user",
                          "Reset user password", "Update user", "Update user", "Add user"));
}

TEST_F(LocalDirectoryTest, PasswordsNeverReachTheAuditTrail) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  const User user = Create(request);
  ASSERT_THAT(directory_->SetPassword(kActor, user.id, PasswordChange{.password = "Kd8$wQz!4rTn"}),
              Succeeds());
  auto generated = directory_->SetPassword(kActor, user.id, PasswordChange{.generate = true});
  ASSERT_THAT(generated, Succeeds());
  for (const AuditEvent& event : Events()) {
    for (const PropertyChange& change : event.changes) {
      for (const auto& value : {change.old_value, change.new_value}) {
        if (!value) continue;
        EXPECT_EQ(value->find(kGoodPassword), std::string::npos);
        EXPECT_EQ(value->find("Kd8$wQz!4rTn"), std::string::npos);
        EXPECT_EQ(value->find(*generated), std::string::npos);
      }
      if (change.property == "passwordProfile") {
        EXPECT_TRUE(!change.new_value || *change.new_value == "[redacted]");
      }
    }
  }
}

TEST_F(LocalDirectoryTest, AuditQueryLimit) {
  for (int i = 0; i < 5; ++i) Create("user" + std::to_string(i), "User " + std::to_string(i));
  auto events = directory_->ListAuditEvents(AuditQuery{.limit = 3});
  ASSERT_THAT(events, Succeeds());
  ASSERT_THAT(*events, SizeIs(3));
  EXPECT_EQ((*events)[0].target_name, "user4@contoso.onmicrosoft.com");
  EXPECT_GT((*events)[0].sequence, (*events)[1].sequence);
  EXPECT_GT((*events)[1].sequence, (*events)[2].sequence);
}

// --- Identifiers ---

TEST_F(LocalDirectoryTest, AnIdThatIsNeitherAGuidNorAUpnIsInvalid) {
  const User user = Create("adele", "Adele Vance");
  for (const std::string& id :
       std::vector<std::string>{"adele", "not-a-guid", "12345678-1234-1234-1234-12345678901g",
                                "{" + user.id + "}", user.id + " ", ""}) {
    const Error invalid_id = expected::InvalidObjectIdentifier(id);
    EXPECT_THAT(directory_->GetUser(id), FailsWith(invalid_id)) << id;
    EXPECT_THAT(directory_->UpdateUser(kActor, id, {{"city", "Paris"}}), FailsWith(invalid_id));
    EXPECT_THAT(directory_->SetPassword(kActor, id, PasswordChange{.generate = true}),
                FailsWith(invalid_id));
    EXPECT_THAT(directory_->DeleteUser(kActor, id), FailsWith(invalid_id));
    EXPECT_THAT(directory_->GetDeletedUser(id), FailsWith(invalid_id));
    EXPECT_THAT(directory_->RestoreUser(kActor, id, {}), FailsWith(invalid_id));
    EXPECT_THAT(directory_->PurgeUser(kActor, id), FailsWith(invalid_id));
    EXPECT_THAT(directory_->CheckPassword(id, std::string(kGoodPassword)), FailsWith(invalid_id));
  }
  // A well-formed but unknown GUID is simply not found.
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  EXPECT_THAT(directory_->GetUser(unknown), FailsWith(expected::NotFound(unknown)));
  EXPECT_THAT(directory_->CheckPassword(unknown, "x"), FailsWith(expected::NotFound(unknown)));
}

// --- Concurrency ---

TEST_F(LocalDirectoryTest, ConcurrentCreationsAndARaceForOneUpn) {
  constexpr int kWriters = 6;
  constexpr int kUsersPerWriter = 5;
  constexpr int kRacers = 6;
  std::atomic<int> winners{0};
  std::atomic<int> conflicts{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kUsersPerWriter; ++i) {
        const std::string alias = "w" + std::to_string(w) + "u" + std::to_string(i);
        if (!directory_->CreateUser(kActor, MakeNewUser(alias, "Writer " + alias), false)) {
          ++failures;
        }
      }
    });
  }
  for (int r = 0; r < kRacers; ++r) {
    threads.emplace_back([&, r] {
      NewUser request = MakeNewUser("racer" + std::to_string(r), "Racer");
      request.properties["userPrincipalName"] =
          r % 2 == 0 ? "same@contoso.onmicrosoft.com" : "SAME@Contoso.onmicrosoft.com";
      auto created = directory_->CreateUser(kActor, request, false);
      if (created) {
        ++winners;
      } else if (created.error().message == expected::ObjectConflict("userPrincipalName").message &&
                 created.error().details == expected::ObjectConflict("userPrincipalName").details) {
        ++conflicts;
      } else {
        ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(winners.load(), 1);
  EXPECT_EQ(conflicts.load(), kRacers - 1);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(CountRows("users"), kWriters * kUsersPerWriter + 1);
  auto page = directory_->ListUsers(UserListOptions{.page_size = 999, .count = true});
  ASSERT_THAT(page, Succeeds());
  EXPECT_EQ(page->total_count, kWriters * kUsersPerWriter + 1);
  // One "Add user" event per user, plus the tenant's.
  EXPECT_EQ(EventCount(), static_cast<std::size_t>(kWriters * kUsersPerWriter + 2));
}

}  // namespace
}  // namespace admin365::engine_test

namespace admin365::engine_test {
namespace {

// Two directories on one data directory, as two processes (the CLI next to a server) have:
// each sees the other's writes and neither is locked out by the other's reads.
TEST_F(LocalDirectoryTest, TwoConnectionsToOneTenant) {
  auto other = LocalDirectory::Open(Options());
  ASSERT_THAT(other, Succeeds());
  LocalDirectory& second = **other;
  const User adele = Create("adele", "Adele Vance");
  // Reads on the first directory that leave statements stepped...
  EXPECT_THAT(directory_->GetUser(adele.id), Succeeds());
  EXPECT_THAT(directory_->GetTenant(), Succeeds());
  EXPECT_THAT(directory_->ListDomains(), Succeeds());
  // ...then a write on the second...
  auto alex = second.CreateUser(kActor, MakeNewUser("alex", "Alex Wilber"), false);
  ASSERT_THAT(alex, Succeeds());
  // ...is seen by the first, which can still write.
  EXPECT_THAT(directory_->GetUser(alex->user.id), Succeeds());
  EXPECT_THAT(directory_->CreateUser(kActor, MakeNewUser("megan", "Megan Bowen"), false),
              Succeeds());
  EXPECT_THAT(directory_->UpdateUser(kActor, alex->user.id, {{"city", "Paris"}}), Succeeds());
  EXPECT_EQ(second.GetUser(alex->user.id)->city, "Paris");
  EXPECT_THAT(second.DeleteUser(kActor, adele.id), Succeeds());
  EXPECT_THAT(directory_->GetUser(adele.id), FailsWith(expected::NotFound(adele.id)));
  EXPECT_THAT(directory_->RestoreUser(kActor, adele.id, {}), Succeeds());

  // No statement holds a read snapshot: a checkpoint can reset the whole WAL.
  auto db = OpenDatabase();
  ASSERT_NE(db, nullptr);
  auto checkpoint = db->PrepareUncached("PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_THAT(checkpoint, Succeeds());
  auto row = (*checkpoint)->Step();
  ASSERT_THAT(row, Succeeds());
  ASSERT_TRUE(*row);
  EXPECT_EQ((*checkpoint)->Int(0), 0) << "the checkpoint was blocked (busy)";
  EXPECT_EQ(std::filesystem::file_size(data_dir_ / "tenant.db-wal"), 0u);
}

}  // namespace
}  // namespace admin365::engine_test
