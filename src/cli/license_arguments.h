#pragma once

// Licence arguments shared by `user license` and `group license`: the --disabled-plans
// option and the translation of its plan names to the plan ids assignLicense takes.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace admin365::cli {

// Help for a --sku option.
inline constexpr const char* kSkuOptionHelp = "A skuPartNumber (ENTERPRISEPACK) or skuId";

// Adds `--disabled-plans` (comma-separated plan names or ids) to `command`, into `plans`.
void AddDisabledPlansOption(CLI::App& command, std::vector<std::string>& plans);

// The plan ids of `plans` (names or ids, case-insensitive) in the SKU `sku_id` of the
// built-in catalogue. A plan the SKU lacks, or any plan of an unknown SKU, is passed on as
// given, for the directory to refuse with Graph's error.
std::vector<std::string> PlanIds(const std::string& sku_id, const std::vector<std::string>& plans);

}  // namespace admin365::cli
