#include "common/private_file.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace admin365 {
namespace {

class PrivateFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/admin365-private-file-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static unsigned Mode(const std::filesystem::path& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? info.st_mode & 0777 : 0;
  }
  // Nothing but `expected` in the directory: no temporary file left behind.
  void ExpectOnly(const std::filesystem::path& expected) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      EXPECT_EQ(entry.path(), expected);
      ++count;
    }
    EXPECT_EQ(count, 1);
  }

  std::filesystem::path dir_;
};

TEST_F(PrivateFileTest, CreatesOnceWithMode0600AndLeavesAnExistingFileAlone) {
  const std::filesystem::path key = dir_ / "key.pem";
  EXPECT_EQ(CreatePrivateFile(key, "first"), FileCreation::kCreated);
  EXPECT_EQ(Read(key), "first");
  EXPECT_EQ(Mode(key), 0600u);
  EXPECT_EQ(CreatePrivateFile(key, "second"), FileCreation::kAlreadyExists);
  EXPECT_EQ(Read(key), "first");
  ExpectOnly(key);
}

TEST_F(PrivateFileTest, ReplacesWhole) {
  const std::filesystem::path key = dir_ / "key.pem";
  ASSERT_TRUE(ReplacePrivateFile(key, "first").has_value());
  ASSERT_TRUE(ReplacePrivateFile(key, std::string(100'000, 'x')).has_value());
  EXPECT_EQ(Read(key), std::string(100'000, 'x'));
  EXPECT_EQ(Mode(key), 0600u);
  ExpectOnly(key);
}

TEST_F(PrivateFileTest, AMissingDirectoryIsAnErrorNamingTheFile) {
  const std::filesystem::path key = dir_ / "missing" / "key.pem";
  auto created = CreatePrivateFile(key, "x");
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().message, "Cannot create a temporary file for " + key.string() +
                                         ": No such file or directory");
  EXPECT_FALSE(ReplacePrivateFile(key, "x").has_value());
}

}  // namespace
}  // namespace admin365
