#include "server/tls_certificate.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "common/private_file.h"
#include "server/pem.h"

namespace admin365::server {

namespace {

struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct X509Deleter {
  void operator()(X509* cert) const { X509_free(cert); }
};

constexpr long kValidity = 825L * 24 * 60 * 60;

Status AddExtension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (extension == nullptr || X509_add_ext(cert, extension, -1) != 1) {
    X509_EXTENSION_free(extension);
    return Fail(Error::Internal(fmt::format("Cannot add the certificate extension {}", value)));
  }
  X509_EXTENSION_free(extension);
  return Ok();
}

}  // namespace

Result<CertificateFiles> EnsureSelfSignedCertificate(const std::filesystem::path& directory) {
  CertificateFiles files{.certificate = directory / "tls-cert.pem",
                         .private_key = directory / "tls-key.pem"};
  std::error_code ignored;
  if (std::filesystem::exists(files.certificate, ignored) &&
      std::filesystem::exists(files.private_key, ignored)) {
    return files;
  }
  std::unique_ptr<EVP_PKEY, PkeyDeleter> key(EVP_EC_gen("P-256"));
  std::unique_ptr<X509, X509Deleter> cert(X509_new());
  if (!key || !cert) return Fail(Error::Internal("Cannot generate a TLS key"));
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7f;
  BIGNUM* serial_number = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(serial_number, X509_get_serialNumber(cert.get()));
  BN_free(serial_number);
  X509_set_version(cert.get(), X509_VERSION_3);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValidity);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("admin365"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  RETURN_IF_ERROR(
      AddExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"));
  RETURN_IF_ERROR(AddExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE"));
  RETURN_IF_ERROR(AddExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign"));
  RETURN_IF_ERROR(AddExtension(cert.get(), NID_ext_key_usage, "serverAuth"));
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    return Fail(Error::Internal("Cannot sign the TLS certificate"));
  }

  const std::string key_pem = PrivateKeyPem(key.get());
  const std::string cert_pem = CertificatePem(cert.get());
  if (key_pem.empty() || cert_pem.empty()) {
    return Fail(Error::Internal("Cannot encode the TLS certificate or key"));
  }
  // The key first: the certificate's presence says both are complete.
  RETURN_IF_ERROR(ReplacePrivateFile(files.private_key, key_pem));
  RETURN_IF_ERROR(ReplacePrivateFile(files.certificate, cert_pem));
  return files;
}

}  // namespace admin365::server
