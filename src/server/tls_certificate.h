#pragma once

// The server's TLS certificate when the admin gives none: a self-signed certificate for
// localhost, 127.0.0.1 and ::1 (ECDSA P-256, valid 825 days), generated with OpenSSL on
// first start into the data directory as tls-cert.pem and tls-key.pem (mode 0600), and
// reused afterwards. Clients trust it explicitly (curl --cacert, NODE_EXTRA_CA_CERTS).

#include <filesystem>

#include "common/result.h"

namespace admin365::server {

struct CertificateFiles {
  std::filesystem::path certificate;  // PEM chain
  std::filesystem::path private_key;  // PEM
};

// Error: Internal if the files cannot be generated or written.
Result<CertificateFiles> EnsureSelfSignedCertificate(const std::filesystem::path& directory);

}  // namespace admin365::server
