#include "common/password_hasher.h"

#include <sodium.h>

#include <fmt/format.h>

#include <fstream>
#include <vector>

#include "common/base64.h"
#include "common/private_file.h"

namespace admin365 {

namespace {

constexpr std::string_view kKeyedPrefix = "$keyed-blake2b$v=1$";
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kDigestSize = 32;

std::string ToBase64(const std::uint8_t* data, std::size_t size) {
  return Base64Encode(std::string_view(reinterpret_cast<const char*>(data), size),
                      Base64::kStandardUnpadded);
}

std::string ToHex(const std::uint8_t* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
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

Result<std::string> PasswordHasher::Fingerprint(std::string_view password,
                                                std::string_view salt_hex) const {
  std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt;
  std::size_t salt_size = 0;
  if (sodium_hex2bin(salt.data(), salt.size(), salt_hex.data(), salt_hex.size(), nullptr,
                     &salt_size, nullptr) != 0 ||
      salt_size != salt.size()) {
    return Fail(Error::Internal("a sign-in fingerprint salt is not 16 bytes of hex"));
  }
  std::array<std::uint8_t, 16> digest;
  if (crypto_pwhash(digest.data(), digest.size(), password.data(), password.size(), salt.data(),
                    parameters_.ops_limit, parameters_.mem_limit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::Internal("Argon2id hashing failed: out of memory"));
  }
  return ToHex(digest.data(), digest.size());
}

std::string PasswordHasher::NewSalt() const {
  std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt;
  random_.Fill(salt);
  return ToHex(salt.data(), salt.size());
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

namespace {

Result<PasswordKey> ReadPasswordKey(const std::filesystem::path& path) {
  PasswordKey key;
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() != key.size()) {
    return Fail(Error::Internal(fmt::format("The password key {} is corrupt: {} bytes instead of {}.",
                                            path.string(), bytes.size(), key.size())));
  }
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

}  // namespace

Result<PasswordKey> LoadOrCreatePasswordKey(const std::filesystem::path& path, Random& random) {
  if (std::filesystem::exists(path)) return ReadPasswordKey(path);
  PasswordKey key;
  random.Fill(key);
  ASSIGN_OR_RETURN(const FileCreation created,
                   CreatePrivateFile(path, std::string_view(reinterpret_cast<const char*>(key.data()),
                                                            key.size())));
  // Another process created the key first: that key wins, and is read complete.
  if (created == FileCreation::kAlreadyExists) return ReadPasswordKey(path);
  return key;
}

}  // namespace admin365
