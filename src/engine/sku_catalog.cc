#include "engine/sku_catalog.h"

#include <csv.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "common/ascii.h"
#include "common/random.h"
#include "domain/graph_errors.h"
#include "engine/license_catalog_data.h"

namespace admin365::engine {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::array<std::string_view, 6> kHeader = {
    "Product_Display_Name", "String_Id",       "GUID",
    "Service_Plan_Name",    "Service_Plan_Id", "Service_Plans_Included_Friendly_Names"};

// Strips the spaces and no-break spaces libcsv leaves (it trims ASCII blanks from unquoted
// fields only).
std::string Trim(std::string_view field) {
  for (;;) {
    const std::size_t before = field.size();
    while (!field.empty() && (field.front() == ' ' || field.front() == '\t'))
      field.remove_prefix(1);
    while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
    if (field.starts_with(kNoBreakSpace)) field.remove_prefix(kNoBreakSpace.size());
    if (field.ends_with(kNoBreakSpace)) field.remove_suffix(kNoBreakSpace.size());
    if (field.size() == before) return std::string(field);
  }
}

Error Malformed(long line, std::string_view what) {
  return Error::Internal(fmt::format("Licensing catalogue, line {}: {}", line, what));
}

// Receives libcsv's callbacks and builds the catalogue row by row. libcsv cannot be stopped
// from a callback, so the first error is kept and later rows are ignored.
class CatalogBuilder {
 public:
  static void OnField(void* data, std::size_t size, void* self) {
    static_cast<CatalogBuilder*>(self)->Field(
        std::string_view(static_cast<const char*>(data), size));
  }
  static void OnRowEnd(int terminator, void* self) {
    static_cast<CatalogBuilder*>(self)->RowEnd(terminator);
  }

  // The line at which the record being read started.
  long record_line() const { return line_; }
  bool failed() const { return error_.has_value(); }

  // The SKUs read, or the first error.
  Result<std::vector<Sku>> Finish() {
    if (error_) return Fail(*error_);
    if (!header_seen_) return Fail(Malformed(1, "the file is empty"));
    return std::move(skus_);
  }

 private:
  void Field(std::string_view text) {
    embedded_line_breaks_ += std::count(text.begin(), text.end(), '\n');
    fields_.push_back(Trim(text));
  }

  // CSV_REPALL_NL reports every line break, including the '\n' of a "\r\n" and blank lines,
  // so that line numbers stay exact.
  void RowEnd(int terminator) {
    const bool second_half_of_crlf =
        terminator == '\n' && last_terminator_ == '\r' && fields_.empty();
    last_terminator_ = terminator;
    const long record_line = line_;
    line_ += embedded_line_breaks_ + (terminator >= 0 && !second_half_of_crlf ? 1 : 0);
    embedded_line_breaks_ = 0;
    std::vector<std::string> fields = std::move(fields_);
    fields_.clear();
    if (fields.empty() || error_) return;
    if (auto status = Record(record_line, fields); !status) error_ = status.error();
  }

  Status Record(long line, std::vector<std::string>& fields) {
    if (!header_seen_) {
      header_seen_ = true;
      if (!std::equal(fields.begin(), fields.end(), kHeader.begin(), kHeader.end())) {
        return Fail(
            Malformed(line, fmt::format("expected the header {}", fmt::join(kHeader, ","))));
      }
      return Ok();
    }
    if (fields.size() != kHeader.size()) {
      return Fail(Malformed(
          line, fmt::format("expected {} fields, found {}", kHeader.size(), fields.size())));
    }
    for (std::size_t i = 0; i + 1 < fields.size(); ++i) {
      if (fields[i].empty()) return Fail(Malformed(line, fmt::format("{} is empty", kHeader[i])));
    }
    for (std::size_t i : {2u, 4u}) {
      if (!IsUuid(fields[i])) {
        return Fail(Malformed(line, fmt::format("{} '{}' is not a GUID", kHeader[i], fields[i])));
      }
      fields[i] = AsciiLower(fields[i]);
    }
    const auto [it, added] = index_.try_emplace(fields[2], skus_.size());
    if (added) {
      skus_.push_back(
          Sku{.sku_id = fields[2], .sku_part_number = fields[1], .product_name = fields[0]});
      sku_lines_.push_back(line);
    }
    Sku& sku = skus_[it->second];
    if (sku.sku_part_number != fields[1]) {
      return Fail(
          Malformed(line, fmt::format("SKU {} is {} here but {} on line {}", sku.sku_id, fields[1],
                                      sku.sku_part_number, sku_lines_[it->second])));
    }
    const bool listed =
        std::any_of(sku.service_plans.begin(), sku.service_plans.end(),
                    [&](const ServicePlan& plan) { return plan.service_plan_id == fields[4]; });
    if (!listed) {
      sku.service_plans.push_back(ServicePlan{.service_plan_id = fields[4],
                                              .service_plan_name = fields[3],
                                              .friendly_name = fields[5]});
    }
    return Ok();
  }

  std::vector<Sku> skus_;
  std::vector<long> sku_lines_;                         // where each SKU first appears
  std::unordered_map<std::string, std::size_t> index_;  // skuId -> position in skus_
  std::vector<std::string> fields_;                     // of the record being read
  long line_ = 1;
  long embedded_line_breaks_ = 0;
  int last_terminator_ = -1;
  bool header_seen_ = false;
  std::optional<Error> error_;
};

}  // namespace

Result<SkuCatalog> SkuCatalog::Parse(std::string_view csv) {
  if (csv.starts_with(kByteOrderMark)) csv.remove_prefix(kByteOrderMark.size());
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    return Fail(Error::Internal("libcsv could not be initialised"));
  }
  CatalogBuilder builder;
  const std::size_t parsed = csv_parse(&parser, csv.data(), csv.size(), CatalogBuilder::OnField,
                                       CatalogBuilder::OnRowEnd, &builder);
  std::optional<long> bad_line;
  if (parsed != csv.size()) {
    // Strict mode stopped at byte `parsed`: a quote inside an unquoted field.
    bad_line = 1 + std::count(csv.begin(), csv.begin() + parsed, '\n');
  } else if (csv_fini(&parser, CatalogBuilder::OnField, CatalogBuilder::OnRowEnd, &builder) != 0) {
    bad_line = builder.record_line();  // a quoted field never closed
  }
  const int csv_status = csv_error(&parser);
  csv_free(&parser);
  if (bad_line && !builder.failed()) {
    return Fail(Malformed(*bad_line, fmt::format("malformed CSV ({})", csv_strerror(csv_status))));
  }

  SkuCatalog catalog;
  ASSIGN_OR_RETURN(catalog.skus_, builder.Finish());
  for (std::size_t i = 0; i < catalog.skus_.size(); ++i) {
    catalog.by_id_.emplace(catalog.skus_[i].sku_id, i);
    catalog.by_part_number_[AsciiLower(catalog.skus_[i].sku_part_number)].push_back(i);
  }
  return catalog;
}

Result<const SkuCatalog*> SkuCatalog::BuiltIn() {
  static const Result<SkuCatalog> catalog = Parse(EmbeddedLicensingCatalog());
  if (!catalog) return Fail(catalog.error());
  return &*catalog;
}

const Sku* SkuCatalog::FindById(std::string_view sku_id) const {
  const auto it = by_id_.find(AsciiLower(sku_id));
  return it == by_id_.end() ? nullptr : &skus_[it->second];
}

std::vector<const Sku*> SkuCatalog::FindByPartNumber(std::string_view sku_part_number) const {
  std::vector<const Sku*> found;
  if (const auto it = by_part_number_.find(AsciiLower(sku_part_number));
      it != by_part_number_.end()) {
    for (std::size_t index : it->second) found.push_back(&skus_[index]);
  }
  return found;
}

Result<const Sku*> SkuCatalog::Resolve(std::string_view sku_id_or_part_number) const {
  if (const Sku* sku = FindById(sku_id_or_part_number)) return sku;
  const std::vector<const Sku*> named = FindByPartNumber(sku_id_or_part_number);
  if (named.empty()) return Fail(errors::UnknownProduct(sku_id_or_part_number));
  if (named.size() > 1) {
    std::vector<std::string> ids;
    for (const Sku* sku : named) ids.push_back(sku->sku_id);
    return Fail(errors::AmbiguousProduct(sku_id_or_part_number, ids));
  }
  return named.front();
}

const ServicePlan* FindServicePlan(const Sku& sku, std::string_view id_or_name) {
  for (const ServicePlan& plan : sku.service_plans) {
    if (AsciiIEquals(plan.service_plan_id, id_or_name) ||
        AsciiIEquals(plan.service_plan_name, id_or_name)) {
      return &plan;
    }
  }
  return nullptr;
}

}  // namespace admin365::engine
