#include <tshsync/repair/backfill_prices.hpp>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/db/erp_schema.hpp>
#include <tshsync/db/record_isolation.hpp>
#include <tshsync/db/text_array.hpp>

namespace tshsync::repair {

namespace {

constexpr int kSampleSize = 10;

// Active and without a row in any list. NOT EXISTS, unlike the audit's LEFT
// JOIN + GROUP BY, can neither duplicate a product nor miss one.
constexpr const char* kPriceless =
    " FROM products p WHERE p.is_active"
    " AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id)";

struct PriceList {
  std::string id;
  std::string currency;  // "" when the list has none
};

[[noreturn]] void throw_missing_list(pqxx::work& tx, const std::string& name) {
  std::string names;
  const auto rows = tx.exec_params("SELECT name FROM pricelists ORDER BY name LIMIT $1", kSampleSize + 1);
  for (pqxx::result::size_type i = 0; i < rows.size() && i < kSampleSize; ++i)
    names += (names.empty() ? "" : ", ") + rows[i][0].as<std::string>();
  if (rows.size() > kSampleSize) names += ", ...";
  if (names.empty())
    throw core::data_error("price list '" + name + "' does not exist and there are no price lists: create it or run pull-prices");
  throw core::data_error("price list '" + name + "' does not exist (existing: " + names +
                         "): pass --pricelist NAME or set [sync].default_pricelist");
}

PriceList find_list(pqxx::work& tx, const std::string& name) {
  const auto rows = tx.exec_params("SELECT id::text, COALESCE(currency, '') FROM pricelists WHERE name = $1", name);
  if (rows.empty()) throw_missing_list(tx, name);
  return PriceList{rows[0][0].as<std::string>(), rows[0][1].as<std::string>()};
}

// The INSERT of base prices for this ERP: $1 list id, $2 currency, $3 NULL or
// the product ids (text[]) being isolated, $4 the insert defaults (text[]).
std::string insert_sql(const db::ErpMapping& mapping, const std::string& usable) {
  std::string columns;
  std::string values;
  int index = 0;
  for (const auto& d : mapping.product_price_defaults) {
    columns += ", " + db::quote_ident(d.column);
    values += ", CAST((SELECT v[" + std::to_string(++index) + "] FROM defaults) AS " + d.type + ")";
  }
  // The CTE names $4 even when no default is used: every parameter needs a type.
  return "WITH defaults AS (SELECT $4::text[] AS v)"
         " INSERT INTO product_prices (product_id, pricelist_id, price, currency, source" + columns +
         ") SELECT p.id, (SELECT id FROM pricelists WHERE id::text = $1), p." +
         db::quote_ident(mapping.base_price_column()) + ", $2, 'backfill'" + values + kPriceless + usable +
         " AND ($3::text[] IS NULL OR p.id::text = ANY ($3::text[]))"
         " ON CONFLICT (product_id, pricelist_id) DO NOTHING";
}

std::string defaults_literal(const db::ErpMapping& mapping) {
  std::vector<std::string> texts;
  for (const auto& d : mapping.product_price_defaults) texts.push_back(d.value);
  return db::text_array_literal(texts);
}

}  // namespace

BackfillPricesResult backfill_prices(pqxx::connection& conn, const BackfillPricesOptions& options) {
  BackfillPricesResult result;
  pqxx::work tx(conn);
  const db::ErpMapping mapping = db::erp_mapping(tx, options.erp);
  const std::string base = "p." + db::quote_ident(mapping.base_price_column());
  const std::string usable = " AND " + base + " > 0";
  const std::string not_usable = " AND (" + base + " IS NULL OR " + base + " <= 0)";
  const PriceList list = find_list(tx, options.pricelist);
  result.currency = options.currency.value_or(list.currency.empty() ? options.fallback_currency : list.currency);

  if (options.dry_run) {
    result.backfilled = tx.exec(std::string("SELECT count(*)") + kPriceless + usable)[0][0].as<long long>();
  } else {
    // ON CONFLICT: a concurrent writer (pull-prices, the ERP) may add the same row meanwhile.
    const std::string insert = insert_sql(mapping, usable);
    const std::string defaults = defaults_literal(mapping);
    const auto run = [&](const std::optional<std::string>& subset) {
      result.backfilled += static_cast<long long>(
          tx.exec_params(insert, list.id, result.currency, subset, defaults).affected_rows());
    };
    if (db::try_in_savepoint(tx, [&] { run(std::nullopt); })) {
      std::vector<SkippedProduct> candidates;
      for (const auto& row : tx.exec(std::string("SELECT p.id::text, COALESCE(p.zoho_item_id, '')") + kPriceless +
                                     usable + " ORDER BY p.id"))
        candidates.push_back({row[0].as<std::string>(), row[1].as<std::string>()});
      db::isolate_records(
          tx, candidates.size(),
          [&](size_t begin, size_t end) {
            std::vector<std::string> ids;
            for (size_t i = begin; i < end; ++i) ids.push_back(candidates[i].id);
            run(db::text_array_literal(ids));
          },
          [&](size_t index, const std::string& reason) {
            core::log_warn("product {} ({}): the database refused its base price row: {}", candidates[index].id,
                           candidates[index].zoho_item_id, reason);
            result.failed.push_back(candidates[index]);
          });
    }
  }

  result.skipped = tx.exec(std::string("SELECT count(*)") + kPriceless + not_usable)[0][0].as<long long>();
  const auto sample = tx.exec_params(std::string("SELECT p.id::text, COALESCE(p.zoho_item_id, '')") + kPriceless +
                                         not_usable + " ORDER BY p.id LIMIT $1",
                                     kSampleSize);
  for (const auto& row : sample)
    result.skipped_sample.push_back({row[0].as<std::string>(), row[1].as<std::string>()});

  if (!options.dry_run) tx.commit();
  return result;
}

}  // namespace tshsync::repair
