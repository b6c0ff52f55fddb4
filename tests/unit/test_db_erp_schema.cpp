#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <tshsync/core/config.hpp>
#include <tshsync/db/erp_check.hpp>
#include <tshsync/db/erp_schema.hpp>

namespace db = tshsync::db;
using tshsync::core::ErpConfig;

TEST_SUITE_BEGIN("db");

namespace {

void add(db::TableInfo& table, const std::string& name, const std::string& type, bool not_null = false,
         bool has_default = false) {
  table.exists = true;
  table.columns[name] = db::ColumnInfo{name, type, not_null, has_default};
}

// The ERP's tables as tshsync's migrations leave them (a bigint identity id everywhere).
db::ErpSchema migrated_schema() {
  db::ErpSchema schema;
  add(schema.products, "id", "bigint", true, true);
  for (const char* c : {"zoho_item_id", "name", "sku", "description", "image_url", "zoho_last_modified_at"})
    add(schema.products, c, "text");
  add(schema.products, "is_active", "boolean");
  add(schema.products, "price", "numeric");
  add(schema.products, "stock_quantity", "numeric");
  add(schema.pricelists, "id", "bigint", true, true);
  add(schema.pricelists, "name", "text", true);
  add(schema.pricelists, "zoho_pricebook_id", "text");
  add(schema.product_prices, "id", "bigint", true, true);
  for (const char* c : {"product_id", "pricelist_id"}) add(schema.product_prices, c, "bigint", true);
  add(schema.product_prices, "price", "numeric", true);
  for (const char* c : {"currency", "source"}) add(schema.product_prices, c, "text");
  return schema;
}

}  // namespace

TEST_CASE("erp mapping: only configured columns that exist, with the migrate-added price as the fallback") {
  db::ErpSchema schema = migrated_schema();
  add(schema.products, "wholesale_price", "numeric");
  ErpConfig config;
  config.price_columns = {"wholesale_price", "price", "retail_price"};
  config.stock_columns = {"qty_on_hand"};
  const db::ErpMapping mapping = db::resolve_erp_mapping(schema, config);
  CHECK(mapping.price_columns == std::vector<std::string>{"wholesale_price", "price"});
  CHECK(mapping.base_price_column() == "wholesale_price");
  CHECK(mapping.stock_columns.empty());
  CHECK(mapping.image_columns == std::vector<std::string>{"image_url"});
  CHECK(mapping.has_description);
  CHECK_FALSE(mapping.has_discount);
  CHECK(mapping.product_id_type == "bigint");

  config.price_columns = {"retail_price"};
  CHECK(db::resolve_erp_mapping(schema, config).price_columns == std::vector<std::string>{"price"});
}

TEST_CASE("erp mapping: the pricelists column for Zoho's pricebook id") {
  db::ErpSchema schema = migrated_schema();
  ErpConfig config;
  CHECK(db::pricelist_zoho_id_column(schema, config) == "zoho_pricebook_id");
  add(schema.pricelists, "zoho_pricelist_id", "text");
  CHECK(db::pricelist_zoho_id_column(schema, config) == "zoho_pricelist_id");  // the ERP's own handler's key
  config.pricelist_zoho_id_column = "external_id";
  CHECK(db::pricelist_zoho_id_column(schema, config) == "external_id");
}

TEST_CASE("erp mapping: insert defaults for columns that exist, never for the ones tshsync writes") {
  db::ErpSchema schema = migrated_schema();
  add(schema.products, "category_id", "integer", true);
  add(schema.product_prices, "created_by", "uuid", true);
  add(schema.product_prices, "discount_percentage", "numeric");
  ErpConfig config;
  config.product_insert_defaults = {{"category_id", "1"}, {"no_such_column", "x"}};
  config.product_price_insert_defaults = {
      {"created_by", "00000000-0000-0000-0000-000000000000"}, {"currency", "USD"}, {"discount_percentage", "0"}};
  const db::ErpMapping mapping = db::resolve_erp_mapping(schema, config);
  REQUIRE(mapping.product_defaults.size() == 1);
  CHECK(mapping.product_defaults[0].type == "integer");
  REQUIRE(mapping.product_default("category_id") != nullptr);
  CHECK(mapping.product_default("category_id")->value == "1");
  CHECK(mapping.product_default("no_such_column") == nullptr);
  REQUIRE(mapping.product_price_defaults.size() == 1);
  CHECK(mapping.product_price_defaults[0].column == "created_by");
  CHECK(mapping.has_discount);
}

TEST_CASE("quote_ident doubles quotes") {
  CHECK(db::quote_ident("price") == "\"price\"");
  CHECK(db::quote_ident("odd\"name") == "\"odd\"\"name\"");
}

TEST_CASE("erp check: a migrated schema with the default mapping works") {
  CHECK(db::erp_incompatibilities(migrated_schema(), ErpConfig{}).empty());
}

TEST_CASE("erp check: each incompatibility is one line with its fix") {
  db::ErpSchema schema = migrated_schema();
  add(schema.pricelists, "id", "text", true, true);
  add(schema.products, "category_id", "integer", true);
  add(schema.products, "sku", "text", true);
  add(schema.product_prices, "created_by", "uuid", true);
  ErpConfig config;
  config.price_columns = {"price", "retail_price"};
  config.product_insert_defaults = {{"warehouse", "main"}};
  config.pricelist_zoho_id_column = "external_id";
  const std::vector<std::string> problems = db::erp_incompatibilities(schema, config);
  const auto has = [&](const std::string& line) {
    for (const auto& p : problems)
      if (p == line) return true;
    return false;
  };
  CHECK(has("pricelists.id is text: tshsync works with integer, bigint or uuid ids; convert it"));
  CHECK(has("products.retail_price does not exist: correct [erp.products] price_columns or add the column"));
  CHECK(has("products.warehouse does not exist: remove it from [erp.products.insert_defaults]"));
  CHECK(has("pricelists.external_id does not exist: correct [erp.pricelists] zoho_id_column"));
  CHECK(
      has("products.category_id is NOT NULL without a default: set it under [erp.products.insert_defaults] or "
          "list it in [erp.products] price_columns / stock_columns"));
  CHECK(
      has("products.sku is NOT NULL without a default: set it under [erp.products.insert_defaults] (e.g. sku = "
          "\"ZOHO-{zoho_item_id}\": Zoho items may have no SKU)"));
  CHECK(
      has("product_prices.created_by is NOT NULL without a default: set it under "
          "[erp.product_prices.insert_defaults]"));
  CHECK(problems.size() == 7);
}

TEST_CASE("erp check: tables the ERP does not have yet are migrate's to create") {
  db::ErpSchema empty;
  ErpConfig config;
  config.price_columns = {"retail_price"};
  CHECK(db::erp_incompatibilities(empty, config).empty());
}

TEST_SUITE_END();
