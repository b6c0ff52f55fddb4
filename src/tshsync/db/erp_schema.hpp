#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>

namespace tshsync::db {

// One column of an ERP table as pg_catalog has it.
struct ColumnInfo {
  std::string name;
  std::string type;  // format_type(), e.g. "character varying(200)", "integer", "uuid"
  bool not_null = false;
  bool has_default = false;  // a default, an identity or a generated column
};

struct TableInfo {
  bool exists = false;
  std::map<std::string, ColumnInfo> columns;
  bool has(const std::string& column) const { return columns.count(column) > 0; }
  const ColumnInfo* find(const std::string& column) const;
};

// The three ERP tables tshsync writes into, read from the current schema.
struct ErpSchema {
  TableInfo products;
  TableInfo pricelists;
  TableInfo product_prices;
};

ErpSchema read_erp_schema(pqxx::transaction_base& tx);

// A value for a column tshsync has none for, with the column's type so the
// text parameter can be cast to it.
struct InsertDefault {
  std::string column;
  std::string value;  // "{zoho_item_id}" is replaced by the item's id (products)
  std::string type;
};

// The [erp] mapping resolved against one database: only columns that exist.
struct ErpMapping {
  std::vector<std::string> price_columns;
  std::vector<std::string> stock_columns;
  std::vector<std::string> image_columns;
  bool has_description = false;          // products.description: Zoho's description goes there
  bool has_discount = false;             // product_prices.discount_percentage: pricebook_discount goes there
  std::string pricelist_zoho_id_column;  // zoho_pricelist_id or zoho_pricebook_id
  std::vector<InsertDefault> product_defaults;
  std::vector<InsertDefault> product_price_defaults;  // without the columns tshsync writes
  std::string product_id_type = "bigint";             // products.id's type (integer, bigint, uuid)
  std::string pricelist_id_type = "bigint";

  const std::string& base_price_column() const { return price_columns.front(); }
  const InsertDefault* product_default(const std::string& column) const;
};

// Resolves the configured mapping against the schema. Configured columns
// that do not exist are left out (migrate --check names them).
ErpMapping resolve_erp_mapping(const ErpSchema& schema, const core::ErpConfig& config);

// read_erp_schema + resolve_erp_mapping (one catalog query).
ErpMapping erp_mapping(pqxx::transaction_base& tx, const core::ErpConfig& config);

// The pricelists column holding Zoho's pricebook id: the configured one, else
// zoho_pricelist_id when the ERP has it (its own webhook handler's key), else
// tshsync's zoho_pricebook_id.
std::string pricelist_zoho_id_column(const ErpSchema& schema, const core::ErpConfig& config);

// "name" -> "\"name\"": an identifier for SQL text (names come from the catalog or config).
std::string quote_ident(const std::string& name);

}  // namespace tshsync::db
