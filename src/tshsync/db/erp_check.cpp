#include <tshsync/db/erp_check.hpp>

#include <set>

#include <pqxx/pqxx>

#include <tshsync/db/erp_schema.hpp>

namespace tshsync::db {

namespace {

constexpr const char* kProductDefaults = "[erp.products.insert_defaults]";
constexpr const char* kPriceDefaults = "[erp.product_prices.insert_defaults]";

// Columns tshsync's insert into products always gives a value; sku,
// description and the image columns may be NULL (Zoho has none).
std::set<std::string> always_written_product_columns(const core::ErpConfig& config) {
  std::set<std::string> columns{"zoho_item_id", "name", "is_active", "zoho_last_modified_at"};
  columns.insert(config.price_columns.begin(), config.price_columns.end());
  columns.insert(config.stock_columns.begin(), config.stock_columns.end());
  return columns;
}

void not_null_without_value(const std::string& table, const TableInfo& info, const std::set<std::string>& written,
                            const std::map<std::string, std::string>& defaults, const char* section,
                            std::vector<std::string>& problems) {
  for (const auto& [name, column] : info.columns) {
    if (!column.not_null || column.has_default || written.count(name) || defaults.count(name)) continue;
    if (name == "id") {
      problems.push_back(table + ".id has no default: give it an identity, a sequence or gen_random_uuid()");
      continue;
    }
    std::string fix = "set it under " + std::string(section);
    if (table == "products" && name == "sku") {
      fix += " (e.g. sku = \"ZOHO-{zoho_item_id}\": Zoho items may have no SKU)";
    } else if (table == "products") {
      fix += " or list it in [erp.products] price_columns / stock_columns";
    }
    problems.push_back(table + "." + name + " is NOT NULL without a default: " + fix);
  }
}

void missing_columns(const std::string& table, const TableInfo& info, const std::vector<std::string>& columns,
                     const std::string& migrate_adds, const std::string& key, std::vector<std::string>& problems) {
  if (!info.exists) return;
  for (const auto& c : columns)
    if (c != migrate_adds && !info.has(c))
      problems.push_back(table + "." + c + " does not exist: correct " + key + " or add the column");
}

void id_type(const std::string& table, const TableInfo& info, std::vector<std::string>& problems) {
  const ColumnInfo* id = info.find("id");
  if (!info.exists) return;
  if (!id) {
    problems.push_back(table + " has no id column: tshsync needs an integer, bigint or uuid primary key named id");
    return;
  }
  static const std::set<std::string> usable{"integer", "bigint", "smallint", "uuid"};
  if (!usable.count(id->type))
    problems.push_back(table + ".id is " + id->type + ": tshsync works with integer, bigint or uuid ids; convert it");
}

}  // namespace

std::vector<std::string> erp_incompatibilities(pqxx::transaction_base& tx, const core::ErpConfig& config) {
  return erp_incompatibilities(read_erp_schema(tx), config);
}

std::vector<std::string> erp_incompatibilities(const ErpSchema& schema, const core::ErpConfig& config) {
  std::vector<std::string> problems;
  id_type("products", schema.products, problems);
  id_type("pricelists", schema.pricelists, problems);
  id_type("product_prices", schema.product_prices, problems);
  missing_columns("products", schema.products, config.price_columns, "price", "[erp.products] price_columns", problems);
  missing_columns("products", schema.products, config.stock_columns, "stock_quantity", "[erp.products] stock_columns",
                  problems);
  missing_columns("products", schema.products, config.image_columns, "image_url", "[erp.products] image_columns",
                  problems);
  for (const auto& [column, value] : config.product_insert_defaults)
    if (schema.products.exists && !schema.products.has(column))
      problems.push_back("products." + column + " does not exist: remove it from " + kProductDefaults);
  for (const auto& [column, value] : config.product_price_insert_defaults)
    if (schema.product_prices.exists && !schema.product_prices.has(column))
      problems.push_back("product_prices." + column + " does not exist: remove it from " + kPriceDefaults);
  if (!config.pricelist_zoho_id_column.empty() && config.pricelist_zoho_id_column != "zoho_pricebook_id" &&
      schema.pricelists.exists && !schema.pricelists.has(config.pricelist_zoho_id_column))
    problems.push_back("pricelists." + config.pricelist_zoho_id_column +
                       " does not exist: correct [erp.pricelists] zoho_id_column");
  not_null_without_value("products", schema.products, always_written_product_columns(config),
                         config.product_insert_defaults, kProductDefaults, problems);
  not_null_without_value("product_prices", schema.product_prices,
                         {"product_id", "pricelist_id", "price", "currency", "source"},
                         config.product_price_insert_defaults, kPriceDefaults, problems);
  return problems;
}

std::vector<std::string> schema_objects(pqxx::transaction_base& tx) {
  std::vector<std::string> objects;
  const auto rows = tx.exec(R"SQL(
SELECT 'table ' || c.relname FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'column ' || c.relname || '.' || a.attname FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'index ' || i.relname || ' on ' || t.relname FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE t.relnamespace = current_schema()::regnamespace
UNION ALL
SELECT 'constraint ' || n.conname || ' on ' || t.relname FROM pg_constraint n JOIN pg_class t ON t.oid = n.conrelid
WHERE t.relnamespace = current_schema()::regnamespace AND n.contype <> 't'  -- constraint triggers: listed as triggers
UNION ALL
SELECT 'trigger ' || g.tgname || ' on ' || t.relname FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
WHERE NOT g.tgisinternal AND t.relnamespace = current_schema()::regnamespace
UNION ALL
SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
ORDER BY 1
)SQL");
  for (const auto& row : rows) objects.push_back(row[0].as<std::string>());
  return objects;
}

}  // namespace tshsync::db
