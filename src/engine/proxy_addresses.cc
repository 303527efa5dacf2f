#include "engine/proxy_addresses.h"

#include <algorithm>

#include "common/ascii.h"

namespace admin365::engine {

std::string_view AddressOf(std::string_view proxy_address) {
  const std::size_t colon = proxy_address.find(':');
  return colon == std::string_view::npos ? proxy_address : proxy_address.substr(colon + 1);
}

namespace {

bool HasAddress(const std::string& entry, std::string_view address) {
  return AsciiIEquals(AddressOf(entry), address);
}

}  // namespace

void SetPrimarySmtpAddress(std::vector<std::string>& proxy_addresses, std::string_view address) {
  std::erase_if(proxy_addresses,
                [&](const std::string& entry) { return HasAddress(entry, address); });
  for (std::string& entry : proxy_addresses) {
    if (entry.starts_with("SMTP:")) entry.replace(0, 5, "smtp:");
  }
  proxy_addresses.insert(proxy_addresses.begin(), "SMTP:" + std::string(address));
}

void AddSecondarySmtpAddress(std::vector<std::string>& proxy_addresses, std::string_view address) {
  if (std::none_of(proxy_addresses.begin(), proxy_addresses.end(),
                   [&](const std::string& entry) { return HasAddress(entry, address); })) {
    proxy_addresses.push_back("smtp:" + std::string(address));
  }
}

}  // namespace admin365::engine
