// PasswordHasher and the password key, then how LocalDirectory stores passwords: read
// straight from the users.password_hash column and the files of the data directory.

#include "common/password_hasher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/engine_test_support.h"

namespace admin365::engine_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr Argon2Parameters kCheapArgon2{.ops_limit = 1, .mem_limit = 8192 * 1024};
constexpr std::string_view kArgon2Prefix = "$argon2id$v=19$m=8192,t=1,p=1$";
constexpr std::string_view kKeyedPrefix = "$keyed-blake2b$v=1$";

PasswordKey KeyOf(std::uint8_t fill) {
  PasswordKey key;
  key.fill(fill);
  return key;
}

unsigned ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

class PasswordHasherTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
  SeededRandom random_{7};
};

TEST_F(PasswordHasherTest, HashChosenIsArgon2idWithTheConfiguredParameters) {
  const PasswordHasher hasher(KeyOf(1), kCheapArgon2, random_);
  auto hash = hasher.HashChosen("Vq7#mLp2xT9!");
  ASSERT_THAT(hash, Succeeds());
  EXPECT_THAT(*hash, StartsWith(std::string(kArgon2Prefix)));
  EXPECT_TRUE(PasswordHasher::IsArgon2id(*hash));
  EXPECT_FALSE(PasswordHasher::IsKeyedHash(*hash));
  EXPECT_THAT(*hash, Not(HasSubstr("Vq7#mLp2xT9!")));
  EXPECT_TRUE(hasher.Verify(*hash, "Vq7#mLp2xT9!"));
  EXPECT_FALSE(hasher.Verify(*hash, "Vq7#mLp2xT9"));
  EXPECT_FALSE(hasher.Verify(*hash, "vq7#mLp2xT9!"));
  EXPECT_FALSE(hasher.Verify(*hash, ""));
  // Salted: the same password hashes differently.
  auto again = hasher.HashChosen("Vq7#mLp2xT9!");
  ASSERT_THAT(again, Succeeds());
  EXPECT_NE(*again, *hash);
  // The parameters travel with the hash: another hasher verifies it.
  const PasswordHasher other(KeyOf(2), Argon2Parameters{}, random_);
  EXPECT_TRUE(other.Verify(*hash, "Vq7#mLp2xT9!"));
}

TEST_F(PasswordHasherTest, FingerprintsAreDeterministicPerSaltAndNeverThePassword) {
  const PasswordHasher hasher(KeyOf(1), kCheapArgon2, random_);
  const std::string salt = hasher.NewSalt();
  EXPECT_EQ(salt.size(), 32u);
  auto first = hasher.Fingerprint("Wrong-Password-1", salt);
  ASSERT_THAT(first, Succeeds());
  EXPECT_EQ(first->size(), 32u);  // 16 bytes, hex
  EXPECT_EQ(*hasher.Fingerprint("Wrong-Password-1", salt), *first);
  EXPECT_NE(*hasher.Fingerprint("Wrong-Password-2", salt), *first);
  EXPECT_NE(*hasher.Fingerprint("Wrong-Password-1", hasher.NewSalt()), *first);
  EXPECT_THAT(hasher.Fingerprint("x", "not hex"),
              FailsWith(Error::Internal("a sign-in fingerprint salt is not 16 bytes of hex")));
}

TEST_F(PasswordHasherTest, DefaultParametersAreOwasps) {
  const PasswordHasher hasher(KeyOf(1), Argon2Parameters{}, random_);
  auto hash = hasher.HashChosen("Vq7#mLp2xT9!");
  ASSERT_THAT(hash, Succeeds());
  EXPECT_THAT(*hash, StartsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
}

TEST_F(PasswordHasherTest, HashGeneratedIsAKeyedHash) {
  const PasswordHasher hasher(KeyOf(1), kCheapArgon2, random_);
  const std::string hash = hasher.HashGenerated("aB3!aB3!aB3!aB3!aB3!");
  EXPECT_THAT(hash, StartsWith(std::string(kKeyedPrefix)));
  EXPECT_TRUE(PasswordHasher::IsKeyedHash(hash));
  EXPECT_FALSE(PasswordHasher::IsArgon2id(hash));
  EXPECT_TRUE(hasher.Verify(hash, "aB3!aB3!aB3!aB3!aB3!"));
  EXPECT_FALSE(hasher.Verify(hash, "aB3!aB3!aB3!aB3!aB3?"));
  EXPECT_FALSE(hasher.Verify(hash, ""));
  EXPECT_NE(hasher.HashGenerated("aB3!aB3!aB3!aB3!aB3!"), hash);  // salted

  // Another key cannot verify it.
  const PasswordHasher other_key(KeyOf(2), kCheapArgon2, random_);
  EXPECT_FALSE(other_key.Verify(hash, "aB3!aB3!aB3!aB3!aB3!"));

  // Tampering is detected; truncation too.
  std::string tampered = hash;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(hasher.Verify(tampered, "aB3!aB3!aB3!aB3!aB3!"));
  EXPECT_FALSE(hasher.Verify(hash.substr(0, hash.size() - 1), "aB3!aB3!aB3!aB3!aB3!"));
  EXPECT_FALSE(hasher.Verify(std::string(kKeyedPrefix) + "nodollar", "x"));
}

TEST_F(PasswordHasherTest, UnknownFormatsNeverVerify) {
  const PasswordHasher hasher(KeyOf(1), kCheapArgon2, random_);
  EXPECT_FALSE(hasher.Verify("", ""));
  EXPECT_FALSE(hasher.Verify("Vq7#mLp2xT9!", "Vq7#mLp2xT9!"));
  EXPECT_FALSE(hasher.Verify("$argon2i$v=19$m=8192,t=1,p=1$c2FsdA$aGFzaA", "x"));
  EXPECT_FALSE(hasher.Verify("$argon2id$garbage", "x"));
}

class PasswordKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char pattern[] = "/tmp/admin365-key-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  SeededRandom random_{9};
};

TEST_F(PasswordKeyTest, CreatesAnOwnerOnlyKeyAndReadsItBack) {
  const std::filesystem::path path = dir_ / "password.key";
  auto key = LoadOrCreatePasswordKey(path, random_);
  ASSERT_THAT(key, Succeeds());
  EXPECT_EQ(std::filesystem::file_size(path), 32u);
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_NE(*key, PasswordKey{});

  SeededRandom other_random(10);
  auto reread = LoadOrCreatePasswordKey(path, other_random);
  ASSERT_THAT(reread, Succeeds());
  EXPECT_EQ(*reread, *key);
}

TEST_F(PasswordKeyTest, ConcurrentFirstOpensAllGetTheSameCompleteKey) {
  const std::filesystem::path path = dir_ / "password.key";
  constexpr int kThreads = 8;
  std::vector<Result<PasswordKey>> keys(kThreads, Fail(Error::Internal("not run")));
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      SeededRandom random(100 + i);
      keys[i] = LoadOrCreatePasswordKey(path, random);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Result<PasswordKey>& key : keys) {
    ASSERT_THAT(key, Succeeds());
    EXPECT_EQ(*key, *keys.front());
  }
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1u);  // no temporary file left behind
}

TEST_F(PasswordKeyTest, ACorruptKeyIsAnError) {
  const std::filesystem::path path = dir_ / "password.key";
  std::ofstream(path, std::ios::binary) << "short";
  auto key = LoadOrCreatePasswordKey(path, random_);
  ASSERT_FALSE(key.has_value());
  EXPECT_EQ(key.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(key.error().http_status, 500);
  EXPECT_EQ(key.error().message,
            "The password key " + path.string() + " is corrupt: 5 bytes instead of 32.");
}

// --- How the directory stores passwords ---

using PasswordStorageTest = LocalDirectoryTest;

TEST_F(PasswordStorageTest, ChosenPasswordsAreAlwaysArgon2id) {
  for (const bool force : {false, true}) {
    NewUser request = MakeNewUser(force ? "forced" : "free", "User");
    request.password_profile->force_change_password_next_sign_in = force;
    const User user = Create(request);
    EXPECT_THAT(PasswordHashOf(user.id), StartsWith(std::string(kArgon2Prefix))) << force;
    EXPECT_THAT(directory_->CheckPassword(user.id, std::string(kGoodPassword)),
                ::testing::Optional(true));

    for (const bool reset_force : {false, true}) {
      ASSERT_THAT(directory_->SetPassword(
                      kActor, user.id,
                      PasswordChange{.password = "Kd8$wQz!4rTn",
                                     .force_change_password_next_sign_in = reset_force}),
                  Succeeds());
      EXPECT_THAT(PasswordHashOf(user.id), StartsWith(std::string(kArgon2Prefix))) << reset_force;
      EXPECT_THAT(directory_->CheckPassword(user.id, "Kd8$wQz!4rTn"), ::testing::Optional(true));
    }
  }
}

TEST_F(PasswordStorageTest, GeneratedMustChangePasswordsUseTheKeyedHash) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.password_profile = PasswordProfile{.force_change_password_next_sign_in = true};
  auto created = directory_->CreateUser(kActor, request, true);
  ASSERT_THAT(created, Succeeds());
  EXPECT_THAT(PasswordHashOf(created->user.id), StartsWith(std::string(kKeyedPrefix)));
  EXPECT_THAT(directory_->CheckPassword(created->user.id, created->generated_password),
              ::testing::Optional(true));

  // A reset to a generated must-change password: keyed.
  auto generated = directory_->SetPassword(
      kActor, created->user.id,
      PasswordChange{.generate = true, .force_change_password_next_sign_in = true});
  ASSERT_THAT(generated, Succeeds());
  EXPECT_THAT(PasswordHashOf(created->user.id), StartsWith(std::string(kKeyedPrefix)));
  EXPECT_THAT(directory_->CheckPassword(created->user.id, *generated), ::testing::Optional(true));

  // The key survives reopening: the hash still verifies.
  Reopen();
  EXPECT_THAT(directory_->CheckPassword(created->user.id, *generated), ::testing::Optional(true));
}

TEST_F(PasswordStorageTest, GeneratedPasswordsWithoutForcedChangeUseArgon2id) {
  NewUser request = MakeNewUser("adele", "Adele Vance");
  request.password_profile.reset();
  auto created = directory_->CreateUser(kActor, request, true);
  ASSERT_THAT(created, Succeeds());
  EXPECT_THAT(PasswordHashOf(created->user.id), StartsWith(std::string(kArgon2Prefix)));
  EXPECT_THAT(directory_->CheckPassword(created->user.id, created->generated_password),
              ::testing::Optional(true));

  auto generated = directory_->SetPassword(
      kActor, created->user.id,
      PasswordChange{.generate = true, .force_change_password_next_sign_in = false});
  ASSERT_THAT(generated, Succeeds());
  EXPECT_THAT(PasswordHashOf(created->user.id), StartsWith(std::string(kArgon2Prefix)));
  EXPECT_THAT(directory_->CheckPassword(created->user.id, *generated), ::testing::Optional(true));
}

TEST_F(PasswordStorageTest, ClearPasswordsAppearNowhereOnDisk) {
  const User user = Create("adele", "Adele Vance");
  ASSERT_THAT(directory_->SetPassword(kActor, user.id, PasswordChange{.password = "Kd8$wQz!4rTn"}),
              Succeeds());
  NewUser request = MakeNewUser("alex", "Alex Wilber");
  request.password_profile = PasswordProfile{.force_change_password_next_sign_in = true};
  auto created = directory_->CreateUser(kActor, request, true);
  ASSERT_THAT(created, Succeeds());
  auto reset = directory_->SetPassword(kActor, user.id, PasswordChange{.generate = true});
  ASSERT_THAT(reset, Succeeds());

  const std::string bytes = DataDirectoryBytes();
  ASSERT_GT(bytes.size(), 4096u);
  for (const std::string& password :
       std::vector<std::string>{std::string(kGoodPassword), std::string("Kd8$wQz!4rTn"),
                                created->generated_password, *reset}) {
    EXPECT_EQ(bytes.find(password), std::string::npos) << password;
  }
  // Nor in the audit changes, read from the table itself.
  auto db = OpenDatabase();
  ASSERT_NE(db, nullptr);
  auto changes = db->PrepareUncached(
      "SELECT property, coalesce(old_value, ''), coalesce(new_value, '') FROM audit_changes");
  ASSERT_THAT(changes, Succeeds());
  int password_rows = 0;
  for (;;) {
    auto row = (*changes)->Step();
    ASSERT_THAT(row, Succeeds());
    if (!*row) break;
    const std::string property = (*changes)->Text(0);
    for (int column : {1, 2}) {
      const std::string value = (*changes)->Text(column);
      EXPECT_EQ(value.find(kGoodPassword), std::string::npos);
      EXPECT_EQ(value.find("Kd8$wQz!4rTn"), std::string::npos);
      EXPECT_EQ(value.find(created->generated_password), std::string::npos);
      EXPECT_EQ(value.find(*reset), std::string::npos);
      if (property == "passwordProfile" && !value.empty()) {
        EXPECT_EQ(value, "[redacted]");
      }
    }
    if (property == "passwordProfile") ++password_rows;
  }
  EXPECT_EQ(password_rows, 4);  // two creations, two resets
}

TEST_F(PasswordStorageTest, TheKeyIsOwnerOnlyAndTheDataDirectoryPrivate) {
  EXPECT_EQ(ModeOf(data_dir_ / "password.key"), 0600u);
  EXPECT_EQ(std::filesystem::file_size(data_dir_ / "password.key"), 32u);
  EXPECT_EQ(ModeOf(data_dir_), 0700u);
  // An existing, too open data directory is tightened on open.
  directory_.reset();
  ASSERT_EQ(::chmod(data_dir_.c_str(), 0755), 0);
  Reopen();
  EXPECT_EQ(ModeOf(data_dir_), 0700u);
}

}  // namespace
}  // namespace admin365::engine_test
