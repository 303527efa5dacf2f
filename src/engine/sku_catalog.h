#pragma once

// SkuCatalog: Microsoft's product catalogue ("Product names and service plan identifiers
// for licensing", data/m365-licensing-catalog.csv): every SKU with its service plans. The
// embedded tenant sells only what it lists.
//
//   ASSIGN_OR_RETURN(const engine::SkuCatalog* catalog, engine::SkuCatalog::BuiltIn());
//   ASSIGN_OR_RETURN(const Sku* e3, catalog->Resolve("enterprisepack"));
//
// The CSV, read with libcsv: a header row
//   Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,
//   Service_Plans_Included_Friendly_Names
// then one row per (SKU, service plan); UTF-8 with an optional byte-order mark, fields
// quoted where they hold commas. Parsing trims spaces and no-break spaces around fields
// (the published file has stray ones), lower-cases GUIDs, gathers a SKU's rows wherever they
// are in the file, and keeps the first of a plan listed twice in one SKU.
//
// A parsed catalogue is immutable, so it may be shared between threads.

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "domain/licensing.h"

namespace admin365::engine {

class SkuCatalog {
 public:
  // Parses the catalogue CSV. Errors: Internal "Licensing catalogue, line N: ..." for
  // malformed CSV, a wrong header, a row without exactly 6 fields, an empty field (only the
  // friendly name may be empty), a GUID that is not one, or a skuId listed under two part
  // numbers.
  static Result<SkuCatalog> Parse(std::string_view csv);

  // The catalogue compiled into admin365, parsed on first use (once, thread-safe).
  // Errors: the Parse error, should the embedded file be malformed.
  static Result<const SkuCatalog*> BuiltIn();

  // Every SKU, in order of first appearance in the file.
  const std::vector<Sku>& skus() const { return skus_; }

  // The SKU with this skuId (case-insensitive), or nullptr.
  const Sku* FindById(std::string_view sku_id) const;

  // The SKUs with this skuPartNumber (case-insensitive): usually one, none for an unknown
  // name, and several where Microsoft sells products under one part number (MCOPSTN5).
  std::vector<const Sku*> FindByPartNumber(std::string_view sku_part_number) const;

  // The SKU named by a skuId or a skuPartNumber. Errors: UnknownProduct, AmbiguousProduct
  // (a part number of several SKUs: give the skuId).
  Result<const Sku*> Resolve(std::string_view sku_id_or_part_number) const;

 private:
  std::vector<Sku> skus_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::map<std::string, std::vector<std::size_t>> by_part_number_;  // lower-case key
};

// The plan of `sku` named by a service plan id or a service plan name (both
// case-insensitive), or nullptr.
const ServicePlan* FindServicePlan(const Sku& sku, std::string_view id_or_name);

}  // namespace admin365::engine
