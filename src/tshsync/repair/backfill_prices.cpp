#include <tshsync/repair/backfill_prices.hpp>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/db/erp_schema.hpp>
#include <tshsync/db/record_isolation.hpp>
#include <tshsync/db/text_array.hpp>
#include <tshsync/repair/backfill_sql.hpp>

namespace tshsync::repair {

namespace {

constexpr int kSampleSize = 10;

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
    throw core::data_error("price list '" + name +
                           "' does not exist and there are no price lists: create it or run pull-prices");
  throw core::data_error("price list '" + name + "' does not exist (existing: " + names +
                         "): pass --pricelist NAME or set [sync].default_pricelist");
}

PriceList find_list(pqxx::work& tx, const std::string& name) {
  const auto rows = tx.exec_params("SELECT id::text, COALESCE(currency, '') FROM pricelists WHERE name = $1", name);
  if (rows.empty()) throw_missing_list(tx, name);
  return PriceList{rows[0][0].as<std::string>(), rows[0][1].as<std::string>()};
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
  result.currency = backfill_currency(options.currency, list.currency, options.fallback_currency);

  if (options.dry_run) {
    result.backfilled = tx.exec(std::string("SELECT count(*)") + kPricelessProducts + usable)[0][0].as<long long>();
  } else {
    // ON CONFLICT: a concurrent writer (pull-prices, the ERP) may add the same row meanwhile.
    const std::string insert = backfill_insert_sql(mapping, usable);
    const std::string defaults = insert_defaults_literal(mapping);
    const auto run = [&](const std::optional<std::string>& subset) {
      result.backfilled +=
          static_cast<long long>(tx.exec_params(insert, list.id, result.currency, subset, defaults).affected_rows());
    };
    if (db::try_in_savepoint(tx, [&] { run(std::nullopt); })) {
      std::vector<SkippedProduct> candidates;
      for (const auto& row : tx.exec(std::string("SELECT p.id::text, COALESCE(p.zoho_item_id, '')") +
                                     kPricelessProducts + usable + " ORDER BY p.id"))
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

  result.skipped = tx.exec(std::string("SELECT count(*)") + kPricelessProducts + not_usable)[0][0].as<long long>();
  const auto sample = tx.exec_params(std::string("SELECT p.id::text, COALESCE(p.zoho_item_id, '')") +
                                         kPricelessProducts + not_usable + " ORDER BY p.id LIMIT $1",
                                     kSampleSize);
  for (const auto& row : sample) result.skipped_sample.push_back({row[0].as<std::string>(), row[1].as<std::string>()});

  if (!options.dry_run) tx.commit();
  return result;
}

}  // namespace tshsync::repair
