#include "domain/password_generator.h"

#include <string_view>

namespace admin365 {

namespace {

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kSymbols = "!#$%*+-=?@^_~";

char Pick(Random& random, std::string_view alphabet) {
  return alphabet[random.Uniform(static_cast<std::uint32_t>(alphabet.size()))];
}

std::string Draw(Random& random) {
  static const std::string kAll =
      std::string(kLower) + std::string(kUpper) + std::string(kDigits) + std::string(kSymbols);
  std::string password(kGeneratedPasswordLength, ' ');
  for (char& c : password) c = Pick(random, kAll);
  // Force one character of each class into four distinct random positions.
  std::string positions;
  for (std::string_view alphabet : {kLower, kUpper, kDigits, kSymbols}) {
    std::size_t at;
    do {
      at = random.Uniform(kGeneratedPasswordLength);
    } while (positions.find(static_cast<char>(at)) != std::string::npos);
    positions += static_cast<char>(at);
    password[at] = Pick(random, alphabet);
  }
  return password;
}

}  // namespace

std::string GeneratePassword(Random& random, const PasswordContext& context) {
  for (;;) {
    std::string password = Draw(random);
    if (CheckPassword(password, context)) return password;
  }
}

}  // namespace admin365
