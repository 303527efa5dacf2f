#pragma once

// Random: the source of unpredictable bytes (object ids, generated passwords, salts).
//
// The default draws from libsodium's CSPRNG. Tests inject a deterministic source so
// generated values can be asserted exactly. Implementations must be thread-safe.

#include <cstdint>
#include <span>
#include <string>

namespace admin365 {

class Random {
 public:
  virtual ~Random() = default;
  virtual void Fill(std::span<std::uint8_t> out) = 0;

  // A uniformly distributed integer in [0, upper_bound), without modulo bias.
  std::uint32_t Uniform(std::uint32_t upper_bound);
};

// libsodium's randombytes_buf. sodium_init() must have succeeded (see InitCrypto).
class CryptoRandom final : public Random {
 public:
  void Fill(std::span<std::uint8_t> out) override;
};

// A deterministic, NOT secure, generator for tests (splitmix64).
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  void Fill(std::span<std::uint8_t> out) override;

 private:
  std::uint64_t state_;
};

// Initialises libsodium once; returns false if the library cannot be used.
bool InitCrypto();

// A random RFC 4122 version-4 UUID in lower-case canonical form.
std::string NewUuid(Random& random);

// True if `text` is a canonical UUID (8-4-4-4-12 hex digits, any case).
bool IsUuid(std::string_view text);

}  // namespace admin365
