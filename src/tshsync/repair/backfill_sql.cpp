#include <tshsync/repair/backfill_sql.hpp>

#include <vector>

#include <tshsync/db/text_array.hpp>

namespace tshsync::repair {

const char* const kPricelessProducts =
    " FROM products p WHERE p.is_active"
    " AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id)";

std::string backfill_insert_sql(const db::ErpMapping& mapping, const std::string& usable) {
  std::string columns;
  std::string values;
  int index = 0;
  for (const auto& d : mapping.product_price_defaults) {
    columns += ", " + db::quote_ident(d.column);
    values += ", CAST((SELECT v[" + std::to_string(++index) + "] FROM defaults) AS " + d.type + ")";
  }
  // The CTE names $4 even when no default is used: every parameter needs a type.
  return "WITH defaults AS (SELECT $4::text[] AS v)"
         " INSERT INTO product_prices (product_id, pricelist_id, price, currency, source" +
         columns + ") SELECT p.id, (SELECT id FROM pricelists WHERE id::text = $1), p." +
         db::quote_ident(mapping.base_price_column()) + ", $2, 'backfill'" + values + kPricelessProducts + usable +
         " AND ($3::text[] IS NULL OR p.id::text = ANY ($3::text[]))"
         " ON CONFLICT (product_id, pricelist_id) DO NOTHING";
}

std::string insert_defaults_literal(const db::ErpMapping& mapping) {
  std::vector<std::string> texts;
  for (const auto& d : mapping.product_price_defaults) texts.push_back(d.value);
  return db::text_array_literal(texts);
}

std::string backfill_currency(const std::optional<std::string>& requested, const std::string& list_currency,
                              const std::string& fallback) {
  return requested.value_or(list_currency.empty() ? fallback : list_currency);
}

}  // namespace tshsync::repair
