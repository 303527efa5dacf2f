#pragma once

// NameReservations: the one ledger of the UPNs and mailNicknames a bulk job's rows have
// claimed, whatever made the row (its own columns or a creation template), so that no two
// rows of a file plan or create the same user name. Names are compared ASCII
// case-insensitively and kept as 64-bit BLAKE2b digests (8 bytes a name, whatever its
// length: a plan of a million rows fits), so two different names collide with odds of
// about n²/2⁶⁵. The caller owns one per job and passes it to every row. Thread-safe.

#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_set>

namespace admin365::manage {

class NameReservations {
 public:
  // Takes both names unless one is already taken; true if they were free.
  bool TryReserve(std::string_view user_principal_name, std::string_view mail_nickname);
  // Takes a UPN alone (a row that gives its own); true if it was free.
  bool TryReserveUpn(std::string_view user_principal_name);
  // Whether a UPN (a name with '@') or a mailNickname (one without) is taken.
  bool Contains(std::string_view name) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_set<std::uint64_t> user_principal_names_;
  std::unordered_set<std::uint64_t> mail_nicknames_;
};

}  // namespace admin365::manage
