#include "server/key_store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "server/base64url.h"

namespace admin365::server {

struct KeyStore::Key {
  EVP_PKEY* pkey = nullptr;
  ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
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

// Writes `pem` to a new file at `path` created with mode 0600.
Status WritePrivateFile(const std::filesystem::path& path, const std::string& pem) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Fail(
        Error::Internal(fmt::format("Cannot create {}: {}", path.string(), std::strerror(errno))));
  }
  const bool ok = ::write(fd, pem.data(), pem.size()) == static_cast<ssize_t>(pem.size());
  ::close(fd);
  if (!ok) return Fail(Error::Internal(fmt::format("Cannot write {}", path.string())));
  return Ok();
}

Result<EVP_PKEY*> GenerateKey(const std::filesystem::path& path) {
  EVP_PKEY* pkey = EVP_RSA_gen(2048);
  if (pkey == nullptr) return Fail(Error::Internal("Cannot generate an RSA key"));
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  if (auto written = WritePrivateFile(path, std::string(data, static_cast<std::size_t>(size)));
      !written) {
    EVP_PKEY_free(pkey);
    return Fail(written.error());
  }
  return pkey;
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

}  // namespace

Result<std::unique_ptr<KeyStore>> KeyStore::LoadOrCreate(const std::filesystem::path& path) {
  auto key = std::make_unique<Key>();
  std::error_code ignored;
  if (std::filesystem::exists(path, ignored)) {
    ASSIGN_OR_RETURN(key->pkey, ReadKey(path));
  } else {
    ASSIGN_OR_RETURN(key->pkey, GenerateKey(path));
  }
  return std::unique_ptr<KeyStore>(new KeyStore(std::move(key)));
}

KeyStore::KeyStore(std::unique_ptr<Key> key) : key_(std::move(key)) {
  const std::string n = BigEndianParam(key_->pkey, OSSL_PKEY_PARAM_RSA_N);
  const std::string e = BigEndianParam(key_->pkey, OSSL_PKEY_PARAM_RSA_E);
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

KeyStore::~KeyStore() = default;

std::string KeyStore::Sign(std::string_view data) const {
  std::unique_ptr<EVP_MD_CTX, MdContextDeleter> ctx(EVP_MD_CTX_new());
  std::size_t size = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->pkey) != 1 ||
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

bool KeyStore::Verify(std::string_view data, std::string_view signature) const {
  std::unique_ptr<EVP_MD_CTX, MdContextDeleter> ctx(EVP_MD_CTX_new());
  return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->pkey) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                          data.size()) == 1;
}

}  // namespace admin365::server
