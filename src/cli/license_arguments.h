#pragma once

// Licence arguments shared by `user license` and `group license`: the --disabled-plans
// option and the translation of its plan names to the plan ids assignLicense takes.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "common/result.h"
#include "directory/directory.h"

namespace admin365::cli {

// Help for a --sku option.
inline constexpr const char* kSkuOptionHelp = "A skuPartNumber (ENTERPRISEPACK) or skuId";

// Adds `--disabled-plans` (comma-separated plan names or ids) to `command`, into `plans`.
void AddDisabledPlansOption(CLI::App& command, std::vector<std::string>& plans);

// The plan ids of `plans` (names or ids, case-insensitive) in the tenant's subscription
// to `sku_id` (Directory::ListSubscribedSkus, through manage/tenant_lookup.h). A plan the
// SKU lacks, or any plan of a SKU the tenant has no subscription to, is passed on as
// given, for the directory to refuse with Graph's error.
Result<std::vector<std::string>> PlanIds(Directory& directory, const std::string& sku_id,
                                         const std::vector<std::string>& plans);

}  // namespace admin365::cli
