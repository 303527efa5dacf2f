#pragma once

// Proxy-address bookkeeping (entra-graph-facts.md §3.1): "SMTP:" marks the primary
// address, "smtp:" the secondary ones, and an address appears at most once whatever its
// prefix's case.

#include <string>
#include <string_view>
#include <vector>

namespace admin365::engine {

// Makes `address` the primary: removes any entry for it, demotes the current primary to
// "smtp:", and puts "SMTP:<address>" first.
void SetPrimarySmtpAddress(std::vector<std::string>& proxy_addresses, std::string_view address);

// Adds "smtp:<address>" unless an entry for `address` exists already.
void AddSecondarySmtpAddress(std::vector<std::string>& proxy_addresses, std::string_view address);

// The address part of an entry: "SMTP:a@b" -> "a@b".
std::string_view AddressOf(std::string_view proxy_address);

}  // namespace admin365::engine
