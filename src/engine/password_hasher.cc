#include "engine/password_hasher.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fmt/format.h>

#include <fstream>
#include <vector>

namespace admin365 {

namespace {

constexpr std::string_view kKeyedPrefix = "$keyed-blake2b$v=1$";
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kDigestSize = 32;

std::string ToBase64(const std::uint8_t* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::array<std::uint8_t, kDigestSize> KeyedDigest(const PasswordKey& key,
                                                  std::string_view salt_b64,
                                                  std::string_view password) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), kDigestSize);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(salt_b64.data()),
                            salt_b64.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(password.data()),
                            password.size());
  std::array<std::uint8_t, kDigestSize> digest;
  crypto_generichash_final(&state, digest.data(), digest.size());
  return digest;
}

}  // namespace

Result<std::string> PasswordHasher::HashChosen(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), parameters_.ops_limit,
                            parameters_.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::Internal("Argon2id hashing failed: out of memory"));
  }
  return std::string(out);
}

std::string PasswordHasher::HashGenerated(std::string_view password) const {
  std::array<std::uint8_t, kSaltSize> salt;
  random_.Fill(salt);
  const std::string salt_b64 = ToBase64(salt.data(), salt.size());
  const auto digest = KeyedDigest(key_, salt_b64, password);
  return fmt::format("{}{}${}", kKeyedPrefix, salt_b64, ToBase64(digest.data(), digest.size()));
}

bool PasswordHasher::Verify(std::string_view stored, std::string_view password) const {
  if (IsArgon2id(stored)) {
    const std::string hash(stored);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  }
  if (IsKeyedHash(stored)) {
    const std::string_view rest = stored.substr(kKeyedPrefix.size());
    const std::size_t dollar = rest.find('$');
    if (dollar == std::string_view::npos) return false;
    const auto digest = KeyedDigest(key_, rest.substr(0, dollar), password);
    const std::string expected = ToBase64(digest.data(), digest.size());
    const std::string_view actual = rest.substr(dollar + 1);
    return actual.size() == expected.size() &&
           sodium_memcmp(actual.data(), expected.data(), expected.size()) == 0;
  }
  return false;
}

bool PasswordHasher::IsArgon2id(std::string_view stored) {
  return stored.starts_with("$argon2id$");
}

bool PasswordHasher::IsKeyedHash(std::string_view stored) {
  return stored.starts_with(kKeyedPrefix);
}

Result<PasswordKey> LoadOrCreatePasswordKey(const std::filesystem::path& path, Random& random) {
  PasswordKey key;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() != key.size()) {
      return Fail(Error::Internal(
          fmt::format("The password key {} is corrupt: {} bytes instead of {}.", path.string(),
                      bytes.size(), key.size())));
    }
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
  }
  random.Fill(key);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Fail(Error::Internal(fmt::format("Cannot create {}: {}", path.string(),
                                            std::strerror(errno))));
  }
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    std::filesystem::remove(path);
    return Fail(Error::Internal(fmt::format("Cannot write {}", path.string())));
  }
  return key;
}

}  // namespace admin365
