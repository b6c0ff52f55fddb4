#include <tshsync/repair/backfill_prices.hpp>

#include <tshsync/core/error.hpp>

namespace tshsync::repair {

namespace {

constexpr int kSampleSize = 10;

// Active and without a row in any list. NOT EXISTS, unlike the audit's LEFT
// JOIN + GROUP BY, can neither duplicate a product nor miss one.
constexpr const char* kPriceless =
    " FROM products p WHERE p.is_active"
    " AND NOT EXISTS (SELECT 1 FROM product_prices pp WHERE pp.product_id = p.id)";

constexpr const char* kUsablePrice = " AND p.price > 0";
constexpr const char* kNoUsablePrice = " AND (p.price IS NULL OR p.price <= 0)";

struct PriceList {
  long long id;
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
  const auto rows = tx.exec_params("SELECT id, COALESCE(currency, '') FROM pricelists WHERE name = $1", name);
  if (rows.empty()) throw_missing_list(tx, name);
  return PriceList{rows[0][0].as<long long>(), rows[0][1].as<std::string>()};
}

}  // namespace

BackfillPricesResult backfill_prices(pqxx::connection& conn, const BackfillPricesOptions& options) {
  BackfillPricesResult result;
  pqxx::work tx(conn);
  const PriceList list = find_list(tx, options.pricelist);
  result.currency = options.currency.value_or(list.currency.empty() ? options.fallback_currency : list.currency);

  if (options.dry_run) {
    result.backfilled = tx.exec(std::string("SELECT count(*)") + kPriceless + kUsablePrice)[0][0].as<long long>();
  } else {
    // ON CONFLICT: a concurrent writer (pull-prices, the ERP) may add the same row meanwhile.
    result.backfilled = static_cast<long long>(
        tx.exec_params(std::string("INSERT INTO product_prices (product_id, pricelist_id, price, currency, source)"
                                   " SELECT p.id, $1, p.price, $2, 'backfill'") +
                           kPriceless + kUsablePrice + " ON CONFLICT (product_id, pricelist_id) DO NOTHING",
                       list.id, result.currency)
            .affected_rows());
  }

  result.skipped = tx.exec(std::string("SELECT count(*)") + kPriceless + kNoUsablePrice)[0][0].as<long long>();
  const auto sample = tx.exec_params(
      std::string("SELECT p.id, COALESCE(p.zoho_item_id, '')") + kPriceless + kNoUsablePrice + " ORDER BY p.id LIMIT $1",
      kSampleSize);
  for (const auto& row : sample) result.skipped_sample.push_back({row[0].as<long long>(), row[1].as<std::string>()});

  if (!options.dry_run) tx.commit();
  return result;
}

}  // namespace tshsync::repair
