#pragma once

// PEM text of OpenSSL objects, to be written with common/private_file.h.

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>

namespace admin365::server {

// PKCS#8, unencrypted; empty if OpenSSL fails.
std::string PrivateKeyPem(EVP_PKEY* key);
// Empty if OpenSSL fails.
std::string CertificatePem(X509* certificate);

}  // namespace admin365::server
