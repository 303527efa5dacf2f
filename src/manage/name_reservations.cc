#include "manage/name_reservations.h"

#include <sodium.h>

#include <string>

#include "common/ascii.h"

namespace admin365::manage {

namespace {

std::uint64_t Digest(std::string_view name) {
  const std::string lower = AsciiLower(name);
  std::uint64_t digest = 0;
  crypto_generichash(reinterpret_cast<unsigned char*>(&digest), sizeof digest,
                     reinterpret_cast<const unsigned char*>(lower.data()), lower.size(), nullptr,
                     0);
  return digest;
}

}  // namespace

bool NameReservations::TryReserve(std::string_view user_principal_name,
                                  std::string_view mail_nickname) {
  const std::uint64_t upn = Digest(user_principal_name);
  const std::uint64_t nickname = Digest(mail_nickname);
  std::lock_guard lock(mutex_);
  if (user_principal_names_.contains(upn) || mail_nicknames_.contains(nickname)) return false;
  user_principal_names_.insert(upn);
  mail_nicknames_.insert(nickname);
  return true;
}

bool NameReservations::TryReserveUpn(std::string_view user_principal_name) {
  const std::uint64_t upn = Digest(user_principal_name);
  std::lock_guard lock(mutex_);
  return user_principal_names_.insert(upn).second;
}

bool NameReservations::Contains(std::string_view name) const {
  const std::uint64_t digest = Digest(name);
  std::lock_guard lock(mutex_);
  return name.find('@') != std::string_view::npos ? user_principal_names_.contains(digest)
                                                  : mail_nicknames_.contains(digest);
}

}  // namespace admin365::manage
