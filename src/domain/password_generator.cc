#include "domain/password_generator.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "common/csv_writer.h"

namespace admin365 {

namespace {

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kSymbols = "!#$%*+-=?@^_~";

char Pick(Random& random, std::string_view alphabet) {
  return alphabet[random.Uniform(static_cast<std::uint32_t>(alphabet.size()))];
}

std::vector<std::string_view> Classes(const PasswordShape& shape) {
  std::vector<std::string_view> classes;
  if (shape.lower) classes.push_back(kLower);
  if (shape.upper) classes.push_back(kUpper);
  if (shape.digits) classes.push_back(kDigits);
  if (shape.symbols) classes.push_back(kSymbols);
  return classes;
}

std::string Draw(Random& random, const PasswordShape& shape) {
  const std::vector<std::string_view> classes = Classes(shape);
  std::string all;
  for (std::string_view alphabet : classes) all += alphabet;
  const auto length = static_cast<std::uint32_t>(shape.length);
  std::string password(length, ' ');
  for (char& c : password) c = Pick(random, all);
  // Force one character of each class into distinct random positions.
  std::vector<std::uint32_t> positions;
  for (std::string_view alphabet : classes) {
    if (positions.size() == length) break;
    std::uint32_t at;
    do {
      at = random.Uniform(length);
    } while (std::ranges::find(positions, at) != positions.end());
    positions.push_back(at);
    password[at] = Pick(random, alphabet);
  }
  return password;
}

}  // namespace

std::string GeneratePassword(Random& random, const PasswordContext& context) {
  return GeneratePassword(random, PasswordShape{}, context);
}

std::string GeneratePassword(Random& random, const PasswordShape& shape,
                             const PasswordContext& context) {
  for (;;) {
    std::string password = Draw(random, shape);
    // Passwords files are opened in spreadsheets: a password that reads as a formula
    // there would be neutralised in the file, i.e. changed.
    if (!BeginsLikeFormula(password) && CheckPassword(password, context)) return password;
  }
}

}  // namespace admin365
