// SkuCatalog: the embedded catalogue as Microsoft publishes it, and the parser's handling of
// the CSV's quirks and faults.

#include "engine/sku_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "engine/license_catalog_data.h"
#include "testutil/error_matchers.h"
#include "testutil/expected_errors.h"

namespace admin365::engine {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::SizeIs;

constexpr std::string_view kHeader =
    "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
    "Service_Plans_Included_Friendly_Names\r\n";
constexpr std::string_view kE3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
constexpr std::string_view kExchangePlan2 = "efb87545-963c-4e0d-99df-69c6916d9eb0";

const SkuCatalog& BuiltIn() {
  auto catalog = SkuCatalog::BuiltIn();
  EXPECT_THAT(catalog, Succeeds());
  return **catalog;
}

TEST(EmbeddedCatalogTest, IsTheDataFileByteForByte) {
  const std::string_view csv = EmbeddedLicensingCatalog();
  EXPECT_EQ(csv.size(), 1030499u);
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFProduct_Display_Name,String_Id,GUID,"));
  EXPECT_TRUE(csv.ends_with("\r\n"));
}

TEST(BuiltInCatalogTest, HoldsEverySkuOnceWithItsPlans) {
  const SkuCatalog& catalog = BuiltIn();
  EXPECT_THAT(catalog.skus(), SizeIs(569));
  EXPECT_EQ(catalog.skus().front().sku_part_number, "CDSAICAPACITY");
  // Parsed once: the same object every time.
  EXPECT_EQ(*SkuCatalog::BuiltIn(), &catalog);
}

TEST(BuiltInCatalogTest, FindsOffice365E3ByPartNumberOrSkuIdInAnyCase) {
  const SkuCatalog& catalog = BuiltIn();
  const Sku* e3 = catalog.FindById("6FD2C87F-B296-42F0-B197-1E91E994B900");
  ASSERT_NE(e3, nullptr);
  EXPECT_EQ(e3->sku_id, kE3);
  EXPECT_EQ(e3->sku_part_number, "ENTERPRISEPACK");
  EXPECT_EQ(e3->product_name, "Office 365 E3");
  EXPECT_THAT(e3->service_plans, SizeIs(36));
  EXPECT_THAT(e3->service_plans,
              Contains(ServicePlan{.service_plan_id = std::string(kExchangePlan2),
                                   .service_plan_name = "EXCHANGE_S_ENTERPRISE",
                                   .friendly_name = "Exchange Online (Plan 2)"}));
  EXPECT_THAT(catalog.FindByPartNumber("enterprisepack"), ElementsAre(e3));
  auto resolved = catalog.Resolve("EnterprisePack");
  ASSERT_THAT(resolved, Succeeds());
  EXPECT_EQ(*resolved, e3);
  EXPECT_EQ(FindServicePlan(*e3, "exchange_s_enterprise"), FindServicePlan(*e3, kExchangePlan2));
  EXPECT_EQ(FindServicePlan(*e3, "EXCHANGE_S_STANDARD"), nullptr);
}

TEST(BuiltInCatalogTest, KeepsQuotedCommasAndTrimsStrayNoBreakSpaces) {
  const SkuCatalog& catalog = BuiltIn();
  const Sku* routing = catalog.FindById("977464c4-bfaf-4b67-b761-a9bb735a2196");
  ASSERT_NE(routing, nullptr);
  EXPECT_EQ(routing->product_name,
            "Dynamics 365 Field Service, Enterprise Edition - Resource Scheduling Optimization");
  // The file has "MCOCAP_FACULTY\u00a0" and a GUID followed by a no-break space.
  const Sku* faculty = catalog.FindById("420c7602-7f70-4895-9394-d3d679ea36fb");
  ASSERT_NE(faculty, nullptr);
  EXPECT_EQ(faculty->sku_part_number, "MCOCAP_FACULTY");
  // ... and "AAD_PREMIUM_USGOV_GCCHIGH " with a trailing space.
  EXPECT_THAT(catalog.FindByPartNumber("AAD_PREMIUM_USGOV_GCCHIGH"), SizeIs(1));
}

TEST(BuiltInCatalogTest, GathersASkusScatteredRowsAndDropsRepeatedPlans) {
  // Project Plan 5 for faculty lists 13 rows for 8 distinct plans.
  const Sku* project = BuiltIn().FindById("930cc132-4d6b-4d8c-8818-587d17c50d56");
  ASSERT_NE(project, nullptr);
  EXPECT_THAT(project->service_plans, SizeIs(8));
}

TEST(BuiltInCatalogTest, APartNumberOfTwoSkusNeedsTheSkuId) {
  const SkuCatalog& catalog = BuiltIn();
  EXPECT_THAT(catalog.FindByPartNumber("MCOPSTN5"), SizeIs(2));
  EXPECT_THAT(catalog.Resolve("MCOPSTN5"),
              FailsWith(expected::AmbiguousProduct(
                  "MCOPSTN5",
                  "d43177b5-475b-4880-92d4-d54c27b5efbd, 54a152dc-90de-4996-93d2-bc47e670fc06")));
  EXPECT_THAT(catalog.Resolve("54a152dc-90de-4996-93d2-bc47e670fc06"), Succeeds());
  EXPECT_THAT(catalog.Resolve("NOT_A_PRODUCT"),
              FailsWith(expected::UnknownProduct("NOT_A_PRODUCT")));
  EXPECT_THAT(catalog.Resolve("00000000-0000-0000-0000-000000000000"),
              FailsWith(expected::UnknownProduct("00000000-0000-0000-0000-000000000000")));
}

// --- Parsing ---

Result<SkuCatalog> ParseRows(std::string_view rows) {
  return SkuCatalog::Parse(std::string(kHeader) + std::string(rows));
}

TEST(SkuCatalogParseTest, ReadsLfOrCrLfWithOrWithoutByteOrderMark) {
  const std::string rows =
      "Product A,SKU_A,AAAAAAAA-0000-0000-0000-000000000001,PLAN_1,"
      "00000000-0000-0000-0000-0000000000a1,\"Plan one, first\"\n"
      "Product A,SKU_A,aaaaaaaa-0000-0000-0000-000000000001,PLAN_2,"
      "00000000-0000-0000-0000-0000000000a2,\n";
  auto plain = ParseRows(rows);
  ASSERT_THAT(plain, Succeeds());
  auto with_bom = SkuCatalog::Parse("\xEF\xBB\xBF" + std::string(kHeader) + rows);
  ASSERT_THAT(with_bom, Succeeds());
  EXPECT_EQ(plain->skus(), with_bom->skus());
  ASSERT_THAT(plain->skus(), SizeIs(1));
  EXPECT_EQ(plain->skus()[0].sku_id, "aaaaaaaa-0000-0000-0000-000000000001");
  EXPECT_THAT(
      plain->skus()[0].service_plans,
      ElementsAre(ServicePlan{"00000000-0000-0000-0000-0000000000a1", "PLAN_1", "Plan one, first"},
                  ServicePlan{"00000000-0000-0000-0000-0000000000a2", "PLAN_2", ""}));
}

TEST(SkuCatalogParseTest, NamesTheLineOfARowWithTheWrongFieldCount) {
  // Line 2 is fine, line 3 blank, line 4 short.
  EXPECT_THAT(ParseRows("A,SKU_A,00000000-0000-0000-0000-000000000001,P,"
                        "00000000-0000-0000-0000-000000000002,F\r\n"
                        "\r\n"
                        "B,SKU_B,00000000-0000-0000-0000-000000000003,P\r\n"),
              FailsWith(expected::CatalogueLine(4, "expected 6 fields, found 4")));
}

TEST(SkuCatalogParseTest, CountsLineBreaksInsideQuotedFields) {
  EXPECT_THAT(ParseRows("\"Two\nlines\",SKU_A,00000000-0000-0000-0000-000000000001,P,"
                        "00000000-0000-0000-0000-000000000002,F\n"
                        "B,SKU_B,not-a-guid,P,00000000-0000-0000-0000-000000000002,F\n"),
              FailsWith(expected::CatalogueLine(4, "GUID 'not-a-guid' is not a GUID")));
}

TEST(SkuCatalogParseTest, RefusesEmptyFieldsButTheFriendlyName) {
  EXPECT_THAT(ParseRows("A,,00000000-0000-0000-0000-000000000001,P,"
                        "00000000-0000-0000-0000-000000000002,F\n"),
              FailsWith(expected::CatalogueLine(2, "String_Id is empty")));
  EXPECT_THAT(ParseRows("A,SKU_A,00000000-0000-0000-0000-000000000001,P,"
                        "00000000-0000-0000-0000-00000000000g,F\n"),
              FailsWith(expected::CatalogueLine(
                  2, "Service_Plan_Id '00000000-0000-0000-0000-00000000000g' is not a GUID")));
}

TEST(SkuCatalogParseTest, RefusesASkuIdUnderTwoPartNumbers) {
  EXPECT_THAT(
      ParseRows("A,SKU_A,00000000-0000-0000-0000-000000000001,P,"
                "00000000-0000-0000-0000-000000000002,F\n"
                "A,SKU_B,00000000-0000-0000-0000-000000000001,Q,"
                "00000000-0000-0000-0000-000000000003,F\n"),
      FailsWith(expected::CatalogueLine(
          3, "SKU 00000000-0000-0000-0000-000000000001 is SKU_B here but SKU_A on line 2")));
}

TEST(SkuCatalogParseTest, RefusesMalformedQuoting) {
  // A quote inside an unquoted field, on line 3.
  EXPECT_THAT(ParseRows("A,SKU_A,00000000-0000-0000-0000-000000000001,P,"
                        "00000000-0000-0000-0000-000000000002,F\n"
                        "A,SK\"U,00000000-0000-0000-0000-000000000001,P,"
                        "00000000-0000-0000-0000-000000000002,F\n"),
              FailsWith(expected::CatalogueLine(3,
                                                "malformed CSV (error parsing data while strict "
                                                "checking enabled)")));
  // A quoted field never closed, from line 2.
  EXPECT_THAT(ParseRows("\"A,SKU_A,00000000-0000-0000-0000-000000000001,P\n"),
              FailsWith(expected::CatalogueLine(2,
                                                "malformed CSV (error parsing data while strict "
                                                "checking enabled)")));
}

TEST(SkuCatalogParseTest, RefusesAWrongHeaderOrAnEmptyFile) {
  EXPECT_THAT(SkuCatalog::Parse("Name,Id\n"),
              FailsWith(expected::CatalogueLine(
                  1,
                  "expected the header Product_Display_Name,String_Id,GUID,Service_Plan_Name,"
                  "Service_Plan_Id,Service_Plans_Included_Friendly_Names")));
  EXPECT_THAT(SkuCatalog::Parse(""), FailsWith(expected::CatalogueLine(1, "the file is empty")));
}

}  // namespace
}  // namespace admin365::engine
