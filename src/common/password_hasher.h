#pragma once

// PasswordHasher: how the embedded tenant stores passwords. Never in clear.
//
// A password a person chose is hashed with Argon2id (libsodium crypto_pwhash, OWASP's
// parameters by default). The stored string is PHC-formatted
// ("$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>") so it carries its own parameters and
// old hashes stay verifiable when the parameters change.
//
// A password the directory generated itself from the CSPRNG (>= 96 bits of entropy) and
// that must be changed at next sign-in is instead stored under a keyed BLAKE2b hash
// ("$keyed-blake2b$v=1$<salt>$<hash>") with a 256-bit key kept in the data directory
// (mode 0600): a slow hash buys nothing against a search of 2^96 candidates, and bulk
// resets stay fast. docs/security.md gives the reasoning.
//
// Thread-safe; Argon2id hashing takes ~10-20 ms of one core and 19 MiB, so callers keep
// it outside database transactions.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/random.h"
#include "common/result.h"

namespace admin365 {

struct Argon2Parameters {
  unsigned long long ops_limit = 2;        // t: passes
  std::size_t mem_limit = 19 * 1024 * 1024;  // m: bytes (19 MiB)
};

using PasswordKey = std::array<std::uint8_t, 32>;

class PasswordHasher {
 public:
  PasswordHasher(const PasswordKey& key, Argon2Parameters parameters, Random& random)
      : key_(key), parameters_(parameters), random_(random) {}

  // Argon2id. Error: Internal if libsodium cannot allocate the memory.
  Result<std::string> HashChosen(std::string_view password) const;

  // Keyed BLAKE2b, for generated, must-change passwords only.
  std::string HashGenerated(std::string_view password) const;

  // True if `password` matches `stored` (either format); false for a mismatch or an
  // unknown format.
  bool Verify(std::string_view stored, std::string_view password) const;

  // A fingerprint of a wrong password, to recognise it when it is tried again (smart
  // lockout): 16 bytes of Argon2id over `password` with `salt_hex` (NewSalt()), in hex.
  // As slow as HashChosen, so a leaked fingerprint of a mistyped password costs as much
  // to search as the password's own hash. Error: Internal (out of memory, bad salt).
  Result<std::string> Fingerprint(std::string_view password, std::string_view salt_hex) const;

  // A random salt for Fingerprint, in hex.
  std::string NewSalt() const;

  static bool IsArgon2id(std::string_view stored);
  static bool IsKeyedHash(std::string_view stored);

 private:
  PasswordKey key_;
  Argon2Parameters parameters_;
  Random& random_;
};

// Reads the key at `path`, or creates it with mode 0600 from `random` if absent.
// Errors: Internal if the file cannot be read or written, or has the wrong size.
Result<PasswordKey> LoadOrCreatePasswordKey(const std::filesystem::path& path, Random& random);

}  // namespace admin365
