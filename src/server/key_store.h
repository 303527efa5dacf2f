#pragma once

// KeyStore: the RSA key the server signs its tokens with (RS256), kept in the data
// directory as `token-signing-key.pem` (PKCS#8, mode 0600) and created on first use.
//
//   ASSIGN_OR_RETURN(auto keys, KeyStore::LoadOrCreate(data_dir / "token-signing-key.pem"));
//   std::string signature = keys->Sign(header_dot_payload);
//   bool ok = keys->Verify(header_dot_payload, signature);
//
// Thread-safe: every call works on its own OpenSSL context.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace admin365::server {

class KeyStore {
 public:
  // Reads the key at `path`, or generates a 2048-bit RSA key there (0600) if absent.
  // Errors: Internal if the file cannot be read or written or holds no RSA private key.
  static Result<std::unique_ptr<KeyStore>> LoadOrCreate(const std::filesystem::path& path);
  ~KeyStore();

  // The RSASSA-PKCS1-v1_5 SHA-256 signature of `data` (raw bytes).
  std::string Sign(std::string_view data) const;
  bool Verify(std::string_view data, std::string_view signature) const;

  // The JWK's parts, base64url: the key id (a thumbprint of the public key), the modulus
  // and the exponent.
  const std::string& key_id() const { return key_id_; }
  const std::string& modulus() const { return modulus_; }
  const std::string& exponent() const { return exponent_; }

 private:
  struct Key;
  explicit KeyStore(std::unique_ptr<Key> key);

  std::unique_ptr<Key> key_;
  std::string key_id_;
  std::string modulus_;
  std::string exponent_;
};

}  // namespace admin365::server
