#pragma once

// KeyStore: the RSA keys the server signs its tokens with (RS256), kept in the data
// directory: the current key in `token-signing-key.pem` (PKCS#8, mode 0600, created on
// first use) and, after a rotation, the previous one in `token-signing-key.previous.pem`.
// Tokens are signed with the current key; tokens signed with either verify, and both are
// published in the JWKS, so clients that cache the key set keep working through the
// overlap. The overlap lasts until the next rotation; a rotation that drops the previous
// key ends every token it signed at once (for a leaked key).
//
//   ASSIGN_OR_RETURN(auto keys, KeyStore::LoadOrCreate(data_dir / kSigningKeyFile));
//   std::shared_ptr<const SigningKey> key = keys->Current();
//   std::string signature = key->Sign(header_dot_payload);   // header's kid: key->key_id()
//   bool ok = keys->Find(kid) && keys->Find(kid)->Verify(header_dot_payload, signature);
//
// A running server sees a rotation (Rotate, from `admin365 key rotate`) within a second:
// each call rereads the files when they changed, at most once a second, and keeps the
// keys it has while a rotation is half done or a file cannot be read.
//
// Thread-safe.

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace admin365::server {

inline constexpr std::string_view kSigningKeyFile = "token-signing-key.pem";

// One RSA key pair and its JWK parts.
class SigningKey {
 public:
  ~SigningKey();
  // The RSASSA-PKCS1-v1_5 SHA-256 signature of `data` (raw bytes).
  std::string Sign(std::string_view data) const;
  bool Verify(std::string_view data, std::string_view signature) const;

  // Base64url: the key id (RFC 7638 thumbprint of the public key), modulus and exponent.
  const std::string& key_id() const { return key_id_; }
  const std::string& modulus() const { return modulus_; }
  const std::string& exponent() const { return exponent_; }

 private:
  friend class KeyStore;
  struct Pkey;
  explicit SigningKey(std::unique_ptr<Pkey> pkey);

  std::unique_ptr<Pkey> pkey_;
  std::string key_id_;
  std::string modulus_;
  std::string exponent_;
};

class KeyStore {
 public:
  // Reads the current key at `path`, or generates a 2048-bit RSA key there (0600) if
  // absent, and the previous key at PreviousKeyPath(path) if there is one. Errors:
  // Internal if a file cannot be read or written or holds no RSA private key.
  static Result<std::unique_ptr<KeyStore>> LoadOrCreate(const std::filesystem::path& path);

  // "<dir>/token-signing-key.previous.pem" for "<dir>/token-signing-key.pem".
  static std::filesystem::path PreviousKeyPath(const std::filesystem::path& path);

  // Makes a new current key at `path`. The key that was current becomes the previous one
  // (replacing any older previous key), or, with keep_previous false, is deleted together
  // with the previous one. Each file is replaced by a rename, so a reader never sees half a
  // key. Errors: Internal (no current key at `path`, I/O).
  static Status Rotate(const std::filesystem::path& path, bool keep_previous);

  std::shared_ptr<const SigningKey> Current() const;
  // The current or previous key whose key id is `key_id`, or null.
  std::shared_ptr<const SigningKey> Find(std::string_view key_id) const;
  // The keys to publish in the JWKS: the current one, then the previous one.
  std::vector<std::shared_ptr<const SigningKey>> Published() const;

  // Rereads the files now if they changed since they were read.
  void Refresh() const;

 private:
  struct Snapshot;
  explicit KeyStore(std::filesystem::path path);
  static Result<std::shared_ptr<const SigningKey>> ReadSigningKey(
      const std::filesystem::path& path);
  std::shared_ptr<const Snapshot> Keys() const;
  void RefreshLocked() const;

  const std::filesystem::path path_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Snapshot> snapshot_;
  mutable std::chrono::steady_clock::time_point next_check_;
};

}  // namespace admin365::server
