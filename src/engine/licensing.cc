// LocalDirectory: subscriptions and licence assignment.
// SCAFFOLD: every body below is a placeholder to be replaced by the real implementation.
#pragma GCC diagnostic ignored "-Wunused-parameter"  // SCAFFOLD: remove with the placeholders

#include "engine/local_directory.h"
#include "engine/local_directory_impl.h"

namespace admin365 {

Result<std::vector<SubscribedSku>> LocalDirectory::ListSubscribedSkus() {
  return Fail(Error::Internal("LocalDirectory::ListSubscribedSkus is not implemented yet"));
}

Result<User> LocalDirectory::AssignLicense(const Actor& actor, std::string_view user, const LicenseChange& change) {
  return Fail(Error::Internal("LocalDirectory::AssignLicense is not implemented yet"));
}

}  // namespace admin365
