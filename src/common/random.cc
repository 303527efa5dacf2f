#include "common/random.h"

#include <array>
#include <cctype>
#include <mutex>

#include <fmt/format.h>
#include <sodium.h>

namespace admin365 {

std::uint32_t Random::Uniform(std::uint32_t upper_bound) {
  if (upper_bound < 2) return 0;
  // Reject the low values that would bias the modulo (as arc4random_uniform does).
  const std::uint32_t min = -upper_bound % upper_bound;
  for (;;) {
    std::array<std::uint8_t, 4> bytes;
    Fill(bytes);
    std::uint32_t value = std::uint32_t{bytes[0]} | std::uint32_t{bytes[1]} << 8 |
                          std::uint32_t{bytes[2]} << 16 | std::uint32_t{bytes[3]} << 24;
    if (value >= min) return value % upper_bound;
  }
}

void CryptoRandom::Fill(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

void SeededRandom::Fill(std::span<std::uint8_t> out) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  for (std::uint8_t& byte : out) {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    byte = static_cast<std::uint8_t>(z ^ (z >> 31));
  }
}

bool InitCrypto() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string NewUuid(Random& random) {
  std::array<std::uint8_t, 16> b;
  random.Fill(b);
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  return fmt::format(
      "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-"
      "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
      b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
      b[14], b[15]);
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace admin365
