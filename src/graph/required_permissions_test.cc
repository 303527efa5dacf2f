#include "graph/required_permissions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace admin365::graph {
namespace {

std::vector<std::string_view> Features(const std::vector<std::string>& granted) {
  std::vector<std::string_view> features;
  for (const PermissionNeed* need : MissingPermissions(granted)) features.push_back(need->feature);
  return features;
}

TEST(RequiredPermissionsTest, DirectoryReadWriteAllMeetsAllButAuthenticationMethods) {
  EXPECT_THAT(Features({"Directory.ReadWrite.All"}),
              ::testing::ElementsAre("manage MFA methods and authentication contact info"));
  EXPECT_THAT(Features({"directory.readwrite.all", "UserAuthenticationMethod.ReadWrite.All"}),
              ::testing::IsEmpty());
}

TEST(RequiredPermissionsTest, ReadOnlyPermissionsLeaveEveryWriteMissing) {
  EXPECT_THAT(Features({"User.Read.All", "Organization.Read.All", "Domain.Read.All"}),
              ::testing::ElementsAre("create, change, delete and restore users", "reset passwords",
                                     "assign and remove licences", "add and remove group members",
                                     "manage MFA methods and authentication contact info",
                                     "revoke sign-in sessions"));
  EXPECT_EQ(Features({}).size(), RequiredPermissions().size());
}

}  // namespace
}  // namespace admin365::graph
