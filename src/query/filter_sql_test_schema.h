#pragma once

// Test helper: a FilterSchema shaped like the engine's users table, shared by the SQL
// translation tests (exact strings) and the SQLite tests (real rows).

#include "query/filter_schema.h"

namespace admin365::query::testing_util {

inline FilterSchema UserSchema() {
  FilterSchema schema;
  schema.entity_type = "microsoft.graph.user";
  schema.row_key = "u.id";
  schema.properties = {
      {"id", {.column = "u.id", .type = ColumnType::kString}},
      {"displayName", {.column = "u.display_name", .type = ColumnType::kString}},
      {"mail", {.column = "u.mail", .type = ColumnType::kString}},
      {"userType", {.column = "u.user_type", .type = ColumnType::kString}},
      {"department", {.column = "u.department", .type = ColumnType::kString}},
      {"accountEnabled", {.column = "u.account_enabled", .type = ColumnType::kBool}},
      {"createdDateTime", {.column = "u.created_at", .type = ColumnType::kDateTime}},
      {"onPremisesExtensionAttributes/extensionAttribute1",
       {.column = "u.ext1", .type = ColumnType::kString}},
      {"securityIdentifier", {.column = "u.sid", .type = ColumnType::kString, .filterable = false}},
      {"employeeNumber", {.column = "u.employee_number", .type = ColumnType::kInt64}},
      {"sponsorId", {.column = "u.sponsor_id", .type = ColumnType::kGuid}},
  };
  schema.collections = {
      {"proxyAddresses",
       {.table = "user_proxy_addresses",
        .owner_column = "user_id",
        .value_column = "address",
        .element_type = "Edm.String"}},
      {"otherMails",
       {.table = "user_other_mails",
        .owner_column = "user_id",
        .value_column = "mail",
        .element_type = "Edm.String"}},
      {"assignedLicenses",
       {.table = "user_licenses",
        .owner_column = "user_id",
        .object_fields = {{"skuId", {.column = "sku_id", .type = ColumnType::kGuid}},
                          {"notes", {.column = "notes", .filterable = false}}},
        .element_type = "microsoft.graph.assignedLicense"}},
      {"identities",
       {.table = "user_identities",
        .owner_column = "user_id",
        .object_fields = {{"issuer", {.column = "issuer"}}},
        .element_type = "microsoft.graph.objectIdentity",
        .filterable = false}},
  };
  return schema;
}

}  // namespace admin365::query::testing_util
