#include "server/pem.h"

#include <openssl/bio.h>
#include <openssl/pem.h>

#include <memory>

namespace admin365::server {

namespace {

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

// What `write` puts into a memory BIO, or "" if it fails.
template <class Write>
std::string WrittenToMemory(Write write) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
  if (!bio || write(bio.get()) != 1) return {};
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

std::string PrivateKeyPem(EVP_PKEY* key) {
  return WrittenToMemory([key](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  });
}

std::string CertificatePem(X509* certificate) {
  return WrittenToMemory([certificate](BIO* bio) { return PEM_write_bio_X509(bio, certificate); });
}

}  // namespace admin365::server
