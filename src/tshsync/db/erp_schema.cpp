#include <tshsync/db/erp_schema.hpp>

#include <pqxx/pqxx>

namespace tshsync::db {

namespace {

constexpr const char* kColumnsSql = R"SQL(
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
  AND c.relname IN ('products', 'pricelists', 'product_prices')
)SQL";

std::vector<InsertDefault> defaults_for(const TableInfo& table, const std::map<std::string, std::string>& values) {
  std::vector<InsertDefault> out;
  for (const auto& [column, value] : values) {
    if (const ColumnInfo* info = table.find(column)) out.push_back({column, value, info->type});
  }
  return out;
}

std::vector<std::string> existing(const TableInfo& table, const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  for (const auto& column : columns)
    if (table.has(column)) out.push_back(column);
  return out;
}

std::string id_type(const TableInfo& table) {
  const ColumnInfo* id = table.find("id");
  return id ? id->type : "bigint";
}

}  // namespace

const ColumnInfo* TableInfo::find(const std::string& column) const {
  const auto it = columns.find(column);
  return it == columns.end() ? nullptr : &it->second;
}

ErpSchema read_erp_schema(pqxx::transaction_base& tx) {
  ErpSchema schema;
  for (const auto& row : tx.exec(kColumnsSql)) {
    const std::string table = row[0].as<std::string>();
    TableInfo& info = table == "products"     ? schema.products
                      : table == "pricelists" ? schema.pricelists
                                              : schema.product_prices;
    info.exists = true;
    ColumnInfo column{row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<bool>(), row[4].as<bool>()};
    info.columns.emplace(column.name, std::move(column));
  }
  return schema;
}

const InsertDefault* ErpMapping::product_default(const std::string& column) const {
  for (const auto& d : product_defaults)
    if (d.column == column) return &d;
  return nullptr;
}

std::string pricelist_zoho_id_column(const ErpSchema& schema, const core::ErpConfig& config) {
  if (!config.pricelist_zoho_id_column.empty()) return config.pricelist_zoho_id_column;
  return schema.pricelists.has("zoho_pricelist_id") ? "zoho_pricelist_id" : "zoho_pricebook_id";
}

ErpMapping resolve_erp_mapping(const ErpSchema& schema, const core::ErpConfig& config) {
  ErpMapping mapping;
  mapping.price_columns = existing(schema.products, config.price_columns);
  if (mapping.price_columns.empty()) mapping.price_columns.push_back("price");  // migrate adds it
  mapping.stock_columns = existing(schema.products, config.stock_columns);
  mapping.image_columns = existing(schema.products, config.image_columns);
  mapping.has_description = schema.products.has("description");
  mapping.has_discount = schema.product_prices.has("discount_percentage");
  mapping.pricelist_zoho_id_column = pricelist_zoho_id_column(schema, config);
  mapping.product_defaults = defaults_for(schema.products, config.product_insert_defaults);
  // tshsync writes these product_prices columns itself; a default there has no use.
  for (auto& d : defaults_for(schema.product_prices, config.product_price_insert_defaults))
    if (d.column != "product_id" && d.column != "pricelist_id" && d.column != "price" && d.column != "currency" &&
        d.column != "price_brackets" && d.column != "source" &&
        !(mapping.has_discount && d.column == "discount_percentage"))
      mapping.product_price_defaults.push_back(std::move(d));
  mapping.product_id_type = id_type(schema.products);
  mapping.pricelist_id_type = id_type(schema.pricelists);
  return mapping;
}

ErpMapping erp_mapping(pqxx::transaction_base& tx, const core::ErpConfig& config) {
  return resolve_erp_mapping(read_erp_schema(tx), config);
}

std::string quote_ident(const std::string& name) {
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace tshsync::db
