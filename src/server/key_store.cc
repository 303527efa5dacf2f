#include "server/key_store.h"

#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/base64.h"
#include "common/private_file.h"
#include "server/pem.h"

namespace admin365::server {

struct SigningKey::Pkey {
  EVP_PKEY* pkey = nullptr;
  ~Pkey() { EVP_PKEY_free(pkey); }
};

namespace {

struct MdContextDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

std::string BigEndianParam(EVP_PKEY* pkey, const char* name) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &number) != 1) return {};
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(number)), '\0');
  BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(number);
  return bytes;
}

// A new 2048-bit RSA key, as PEM. Error: Internal.
Result<std::string> GenerateKeyPem() {
  EVP_PKEY* pkey = EVP_RSA_gen(2048);
  const std::string pem = pkey == nullptr ? "" : PrivateKeyPem(pkey);
  EVP_PKEY_free(pkey);
  if (pem.empty()) return Fail(Error::Internal("Cannot generate an RSA key"));
  return pem;
}

Result<EVP_PKEY*> ReadKey(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "r");
  if (file == nullptr) {
    return Fail(
        Error::Internal(fmt::format("Cannot read {}: {}", path.string(), std::strerror(errno))));
  }
  EVP_PKEY* pkey = PEM_read_PrivateKey(file, nullptr, nullptr, nullptr);
  std::fclose(file);
  if (pkey == nullptr || EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA) {
    EVP_PKEY_free(pkey);
    return Fail(Error::Internal(fmt::format("{} holds no RSA private key", path.string())));
  }
  return pkey;
}

// What identifies a file's version: a rotation replaces files by renames, so the inode
// changes; an edit in place changes the modification time.
struct FileStamp {
  bool exists = false;
  ino_t inode = 0;
  std::int64_t modified_ns = 0;

  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

FileStamp StampOf(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return {};
  return FileStamp{.exists = true,
                   .inode = info.st_ino,
                   .modified_ns = info.st_mtim.tv_sec * 1'000'000'000LL + info.st_mtim.tv_nsec};
}

constexpr std::chrono::seconds kRefreshInterval{1};

}  // namespace

SigningKey::SigningKey(std::unique_ptr<Pkey> pkey) : pkey_(std::move(pkey)) {
  const std::string n = BigEndianParam(pkey_->pkey, OSSL_PKEY_PARAM_RSA_N);
  const std::string e = BigEndianParam(pkey_->pkey, OSSL_PKEY_PARAM_RSA_E);
  modulus_ = Base64UrlEncode(n);
  exponent_ = Base64UrlEncode(e);
  // RFC 7638 thumbprint: SHA-256 of the canonical JWK.
  const std::string canonical =
      fmt::format(R"({{"e":"{}","kty":"RSA","n":"{}"}})", exponent_, modulus_);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  EVP_Digest(canonical.data(), canonical.size(), digest, &digest_size, EVP_sha256(), nullptr);
  key_id_ = Base64UrlEncode(std::string_view(reinterpret_cast<char*>(digest), digest_size));
}

SigningKey::~SigningKey() = default;

std::string SigningKey::Sign(std::string_view data) const {
  std::unique_ptr<EVP_MD_CTX, MdContextDeleter> ctx(EVP_MD_CTX_new());
  std::size_t size = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey_->pkey) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &size, nullptr, 0) != 1) {
    return {};
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    return {};
  }
  signature.resize(size);
  return signature;
}

bool SigningKey::Verify(std::string_view data, std::string_view signature) const {
  std::unique_ptr<EVP_MD_CTX, MdContextDeleter> ctx(EVP_MD_CTX_new());
  return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey_->pkey) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                          data.size()) == 1;
}

struct KeyStore::Snapshot {
  FileStamp current_file;
  FileStamp previous_file;
  std::shared_ptr<const SigningKey> current;
  std::shared_ptr<const SigningKey> previous;  // null when there is none
};

Result<std::shared_ptr<const SigningKey>> KeyStore::ReadSigningKey(
    const std::filesystem::path& path) {
  auto pkey = std::make_unique<SigningKey::Pkey>();
  ASSIGN_OR_RETURN(pkey->pkey, ReadKey(path));
  return std::shared_ptr<const SigningKey>(new SigningKey(std::move(pkey)));
}

Result<std::unique_ptr<KeyStore>> KeyStore::LoadOrCreate(const std::filesystem::path& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    ASSIGN_OR_RETURN(const std::string pem, GenerateKeyPem());
    // kAlreadyExists: another process made the key meanwhile; read that one.
    RETURN_IF_ERROR(CreatePrivateFile(path, pem));
  }
  std::unique_ptr<KeyStore> store(new KeyStore(path));
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->current_file = StampOf(path);
  ASSIGN_OR_RETURN(snapshot->current, ReadSigningKey(path));
  const std::filesystem::path previous = PreviousKeyPath(path);
  snapshot->previous_file = StampOf(previous);
  if (snapshot->previous_file.exists) {
    ASSIGN_OR_RETURN(snapshot->previous, ReadSigningKey(previous));
  }
  store->snapshot_ = std::move(snapshot);
  return store;
}

std::filesystem::path KeyStore::PreviousKeyPath(const std::filesystem::path& path) {
  std::filesystem::path previous = path;
  previous.replace_extension(".previous" + path.extension().string());
  return previous;
}

Status KeyStore::Rotate(const std::filesystem::path& path, bool keep_previous) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Fail(Error::Internal(fmt::format("There is no signing key at {}", path.string())));
  }
  ASSIGN_OR_RETURN(const std::string pem, GenerateKeyPem());
  const std::filesystem::path previous = PreviousKeyPath(path);
  if (keep_previous) {
    std::filesystem::rename(path, previous, error);
    if (error) {
      return Fail(Error::Internal(
          fmt::format("Cannot rotate the signing key {}: {}", path.string(), error.message())));
    }
  }
  RETURN_IF_ERROR(ReplacePrivateFile(path, pem));
  if (!keep_previous) std::filesystem::remove(previous, error);
  return Ok();
}

KeyStore::KeyStore(std::filesystem::path path)
    : path_(std::move(path)), next_check_(std::chrono::steady_clock::now() + kRefreshInterval) {}

std::shared_ptr<const KeyStore::Snapshot> KeyStore::Keys() const {
  std::lock_guard lock(mutex_);
  if (std::chrono::steady_clock::now() >= next_check_) RefreshLocked();
  return snapshot_;
}

void KeyStore::Refresh() const {
  std::lock_guard lock(mutex_);
  RefreshLocked();
}

void KeyStore::RefreshLocked() const {
  next_check_ = std::chrono::steady_clock::now() + kRefreshInterval;
  const std::filesystem::path previous_path = PreviousKeyPath(path_);
  const FileStamp current_file = StampOf(path_);
  const FileStamp previous_file = StampOf(previous_path);
  // Unchanged, or a rotation between its two renames (no current key): keep what we have.
  if (!current_file.exists ||
      (current_file == snapshot_->current_file && previous_file == snapshot_->previous_file)) {
    return;
  }
  auto next = std::make_shared<Snapshot>(
      Snapshot{.current_file = current_file, .previous_file = previous_file});
  auto current = ReadSigningKey(path_);
  if (!current) return;
  next->current = std::move(*current);
  if (previous_file.exists) {
    auto previous = ReadSigningKey(previous_path);
    if (!previous) return;
    next->previous = std::move(*previous);
  }
  snapshot_ = std::move(next);
}

std::shared_ptr<const SigningKey> KeyStore::Current() const { return Keys()->current; }

std::shared_ptr<const SigningKey> KeyStore::Find(std::string_view key_id) const {
  const auto keys = Keys();
  if (keys->current->key_id() == key_id) return keys->current;
  if (keys->previous && keys->previous->key_id() == key_id) return keys->previous;
  return nullptr;
}

std::vector<std::shared_ptr<const SigningKey>> KeyStore::Published() const {
  const auto keys = Keys();
  std::vector<std::shared_ptr<const SigningKey>> published = {keys->current};
  if (keys->previous) published.push_back(keys->previous);
  return published;
}

}  // namespace admin365::server
