#include <tshsync/sync/pricebook_merge.hpp>

#include <cstddef>
#include <optional>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/db/erp_schema.hpp>
#include <tshsync/db/record_isolation.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/price_rounding.hpp>
#include <tshsync/sync/pricebook_rates.hpp>
#include <tshsync/sync/pricelist_link.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/util/replace_all.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

void read_upsert(const pqxx::row& row, PriceCounts& counts);

// The upsert both book types share: `computed` (product_id, price, brackets,
// discount) is prepended by each. $1 pricelist id (text: integer or uuid), $2 currency,
// $3 the [erp.product_prices.insert_defaults] values (text[]), $4 NULL or the
// product ids (text[]) to write when a rejected record is being isolated.
// Rows that would not change are left out before ON CONFLICT, which would
// lock (write) each one it meets. %COLUMNS% / %VALUES%: the insert defaults.
// %D_*%: the ERP's product_prices.discount_percentage, when it has one.
const char* const kUpsertTail = R"SQL(
, list AS (
  SELECT id FROM pricelists WHERE id::text = $1
), defaults AS (
  SELECT $3::text[] AS v  -- named even when no default is used: every parameter needs a type
), picked AS (
  SELECT c.* FROM computed c WHERE $4::text[] IS NULL OR c.product_id::text = ANY ($4::text[])
), changed AS (
  SELECT c.* FROM picked c
  LEFT JOIN product_prices o ON o.product_id = c.product_id AND o.pricelist_id = (SELECT id FROM list)
  WHERE o.product_id IS NULL
     OR (o.price, o.currency, o.price_brackets, o.source%D_OLD%) IS DISTINCT FROM (c.price, $2::text, c.brackets, 'zoho'%D_NEW%)
), merged AS (
  INSERT INTO product_prices AS pp (product_id, pricelist_id, price, currency, price_brackets, source%D_COLUMN%%COLUMNS%)
  SELECT product_id, (SELECT id FROM list), price, $2::text, brackets, 'zoho'%D_VALUE%%VALUES% FROM changed
  ON CONFLICT (product_id, pricelist_id) DO UPDATE
    SET price = EXCLUDED.price, currency = EXCLUDED.currency, price_brackets = EXCLUDED.price_brackets,
        source = EXCLUDED.source, updated_at = now()%D_SET%
    WHERE (pp.price, pp.currency, pp.price_brackets, pp.source%D_PP%)
          IS DISTINCT FROM (EXCLUDED.price, EXCLUDED.currency, EXCLUDED.price_brackets, EXCLUDED.source%D_EXCLUDED%)
  RETURNING (xmax = 0) AS inserted
)
SELECT (SELECT count(*) FROM merged WHERE inserted), (SELECT count(*) FROM merged WHERE NOT inserted),
       (SELECT count(*) FROM picked)
)SQL";

// Staged rows without a price are bad records: skipped, but their product's
// row is kept rather than deleted.
const char* const kPerItemComputed = R"SQL(
WITH computed AS (
  SELECT DISTINCT ON (p.id) p.id AS product_id, s.price, s.brackets, s.discount
  FROM pg_temp.tshsync_stage_prices s JOIN products p ON p.zoho_item_id = s.zoho_item_id
  WHERE s.price IS NOT NULL
  ORDER BY p.id
))SQL";

// What the delete below would remove, and of how many rows: the guard's figures.
const char* const kPerItemDoomed = R"SQL(
SELECT count(*) FILTER (
         WHERE NOT EXISTS (SELECT 1 FROM pg_temp.tshsync_stage_prices s JOIN products p ON p.zoho_item_id = s.zoho_item_id
                           WHERE p.id = pp.product_id)),
       count(*)
FROM product_prices pp
WHERE pp.pricelist_id = (SELECT id FROM pricelists WHERE id::text = $1) AND pp.source IS DISTINCT FROM 'backfill'
)SQL";

const char* const kPerItemDelete = R"SQL(
WITH removed AS (
  DELETE FROM product_prices pp
  WHERE pp.pricelist_id = (SELECT id FROM pricelists WHERE id::text = $1) AND pp.source IS DISTINCT FROM 'backfill'
    AND $2::boolean AND NOT EXISTS (SELECT 1 FROM pg_temp.tshsync_stage_prices s JOIN products p ON p.zoho_item_id = s.zoho_item_id
                    WHERE p.id = pp.product_id)
  RETURNING 1
), cleared AS (
  DELETE FROM pg_temp.tshsync_stage_prices  -- consumed: the next book starts empty
)
SELECT count(*) FROM removed
)SQL";

// $5 percentage, $6 +1 markup / -1 markdown, $7 step, $8 offset, $9 unit of
// the book's last decimal place. Divisors are 100, the step and the unit, so
// numeric division is exact. The floors are price_rounding.hpp's: never below
// zero; a positive price the rounding would zero keeps the book's decimals.
// %BASE%: the base price column.
const char* const kFixedComputed = R"SQL(
WITH raw AS (
  SELECT p.id AS product_id, p.%BASE% * (100 + $5::numeric * $6::int) / 100 AS raw
  FROM products p
  WHERE p.is_active AND p.%BASE% > 0
), rounded AS (
  SELECT product_id, raw, round(raw / $7::numeric) * $7::numeric + $8::numeric AS price FROM raw
), computed AS (
  SELECT product_id,
         CASE WHEN raw <= 0 THEN 0
              WHEN price > 0 THEN price
              ELSE greatest(round(raw / $9::numeric) * $9::numeric, $9::numeric) END AS price,
         NULL::jsonb AS brackets, 0::numeric AS discount
  FROM rounded
))SQL";

const char* const kFixedDoomed = R"SQL(
SELECT count(*) FILTER (
         WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = pp.product_id AND p.is_active AND p.%BASE% > 0)),
       count(*)
FROM product_prices pp
WHERE pp.pricelist_id = (SELECT id FROM pricelists WHERE id::text = $1) AND pp.source IS DISTINCT FROM 'backfill'
)SQL";

const char* const kFixedDelete = R"SQL(
DELETE FROM product_prices pp
WHERE pp.pricelist_id = (SELECT id FROM pricelists WHERE id::text = $1) AND pp.source IS DISTINCT FROM 'backfill'
  AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = pp.product_id AND p.is_active AND p.%BASE% > 0)
)SQL";

// The statements of one book, for this ERP's mapping.
struct BookSql {
  std::string upsert_tail;
  std::string defaults;  // $3
  std::string base;      // the quoted base price column

  explicit BookSql(const db::ErpMapping& mapping) : base(db::quote_ident(mapping.base_price_column())) {
    std::string columns;
    std::string values;
    std::vector<std::string> texts;
    for (const auto& d : mapping.product_price_defaults) {
      texts.push_back(d.value);
      columns += ", " + db::quote_ident(d.column);
      values += ", CAST((SELECT v[" + std::to_string(texts.size()) + "] FROM defaults) AS " + d.type + ")";
    }
    upsert_tail = util::replace_all(util::replace_all(kUpsertTail, "%COLUMNS%", columns), "%VALUES%", values);
    const bool d = mapping.has_discount;
    for (const auto& [key, text] : {std::pair<const char*, const char*>{"%D_OLD%", ", o.discount_percentage"},
                                    {"%D_NEW%", ", c.discount"},
                                    {"%D_COLUMN%", ", discount_percentage"},
                                    {"%D_VALUE%", ", discount"},
                                    {"%D_SET%", ", discount_percentage = EXCLUDED.discount_percentage"},
                                    {"%D_PP%", ", pp.discount_percentage"},
                                    {"%D_EXCLUDED%", ", EXCLUDED.discount_percentage"}})
      upsert_tail = util::replace_all(upsert_tail, key, d ? text : "");
    defaults = text_array_literal(texts);
  }
  std::string with_base(const char* sql) const { return util::replace_all(sql, "%BASE%", base); }
};

// Runs an upsert over all computed rows; when the database refuses some, the
// offending products are found (record_isolation), logged and skipped.
// `candidates`: the product ids and item ids the upsert would write (no parameters).
template <typename Run>
void upsert_isolated(pqxx::transaction_base& tx, const zoho::Pricebook& book, const std::string& candidates,
                     PriceCounts& counts, Run run) {
  if (!db::try_in_savepoint(tx, [&] { read_upsert(run(std::nullopt), counts); })) return;
  // The book was refused: list its products and find the offenders.
  std::vector<std::string> ids;
  std::vector<std::string> item_ids;
  for (const auto& row : tx.exec(candidates)) {
    ids.push_back(row[0].as<std::string>());
    item_ids.push_back(row[1].is_null() ? "" : row[1].as<std::string>());
  }
  if (ids.empty()) return;
  db::isolate_records(
      tx, ids.size(),
      [&](size_t begin, size_t end) {
        const std::vector<std::string> subset(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                              ids.begin() + static_cast<std::ptrdiff_t>(end));
        read_upsert(run(text_array_literal(subset)), counts);
      },
      [&](size_t index, const std::string& reason) {
        ++counts.failed;
        counts.failed_ids.push_back(item_ids[index]);
        core::log_warn("pricebook {} ({}): skipped item {} (product {}): the database refused its price: {}", book.name,
                       book.pricebook_id, item_ids[index], ids[index], reason);
      });
}

// Stops (exit 65) before a delete that would remove too much of the list.
void guard_deletes(pqxx::transaction_base& tx, const std::string& doomed_sql, const zoho::Pricebook& book,
                   const std::string& list_id, const PriceOptions& options) {
  const auto figures = tx.exec_params(doomed_sql, list_id)[0];
  check_mass_change(options.mass_changes, figures[0].as<int64_t>(), figures[1].as<int64_t>(),
                    "delete prices of list " + book.name + " (pricebook " + book.pricebook_id + ")");
}

void read_upsert(const pqxx::row& row, PriceCounts& counts) {
  counts.prices_inserted += row[0].as<int64_t>();
  counts.prices_updated += row[1].as<int64_t>();
  counts.prices_unchanged += row[2].as<int64_t>() - row[0].as<int64_t>() - row[1].as<int64_t>();
  counts.prices_known += row[2].as<int64_t>();
}

void apply_per_item(pqxx::transaction_base& tx, const zoho::Pricebook& book, const PriceRounding& rounding,
                    const zoho::JsonElements& items, const BookSql& sql, const std::string& list_id,
                    const std::string& currency, const PriceOptions& options, bool items_complete,
                    PriceCounts& counts) {
  prepare_stage(tx, "tshsync_stage_prices", "zoho_item_id text, price numeric, brackets jsonb, discount numeric");
  StageWriter rows(tx, "tshsync_stage_prices", {"zoho_item_id", "price", "brackets", "discount"});
  items.for_each([&](const nlohmann::json& record) {
    try {
      const zoho::PricebookItem row = zoho::parse_pricebook_item(record);
      const auto net = discounted_price(row.rate, row.discount, rounding);
      if (!net) throw zoho::RecordError(row.item_id, "unusable pricebook_rate " + row.rate);
      if (row.discount != "0") ++counts.discounted;
      rows.row(row.item_id, *net, row.brackets, row.discount);
    } catch (const zoho::RecordError& e) {
      ++counts.failed;
      const std::string id = zoho::item_id_for_message(record);
      core::log_warn("pricebook {} ({}): skipped item {}: {}", book.name, book.pricebook_id, id, e.reason());
      if (id.front() != '(') rows.row(id, std::nullopt, std::nullopt, std::nullopt);
    }
  });
  rows.complete();
  const int64_t known_before = counts.prices_known + counts.failed;
  const std::string candidates = std::string(kPerItemComputed) +
                                 " SELECT c.product_id::text, p.zoho_item_id FROM computed c"
                                 " JOIN products p ON p.id = c.product_id ORDER BY 1";
  upsert_isolated(tx, book, candidates, counts, [&](const std::optional<std::string>& subset) {
    return tx.exec_params(std::string(kPerItemComputed) + sql.upsert_tail, list_id, currency, sql.defaults, subset)[0];
  });
  const int64_t known = counts.prices_known + counts.failed - known_before;  // refused rows had products too
  const int64_t staged =
      tx.exec("SELECT count(DISTINCT zoho_item_id) FROM pg_temp.tshsync_stage_prices WHERE price IS NOT NULL")[0][0]
          .as<int64_t>();
  if (staged > known) {
    counts.skipped_unknown_items += staged - known;
    core::log_warn("pricebook {} ({}): {} item(s) have no product; run pull-products first", book.name,
                   book.pricebook_id, staged - known);
  }
  if (items_complete) {
    guard_deletes(tx, kPerItemDoomed, book, list_id, options);
  } else {
    counts.removals_unconfirmed += tx.exec_params(kPerItemDoomed, list_id)[0][0].as<int64_t>();
  }
  counts.prices_deleted += tx.exec_params(kPerItemDelete, list_id, items_complete)[0][0].as<int64_t>();
}

void apply_fixed(pqxx::transaction_base& tx, const zoho::Pricebook& book, const PriceRounding& rounding,
                 const BookSql& sql, const std::string& list_id, const std::string& currency,
                 const PriceOptions& options, PriceCounts& counts) {
  const std::string computed = sql.with_base(kFixedComputed);
  const std::string candidates =
      sql.with_base("SELECT p.id::text, p.zoho_item_id FROM products p WHERE p.is_active AND p.%BASE% > 0 ORDER BY 1");
  upsert_isolated(tx, book, candidates, counts, [&](const std::optional<std::string>& subset) {
    return tx.exec_params(computed + sql.upsert_tail, list_id, currency, sql.defaults, subset, book.percentage,
                          book.is_increase ? 1 : -1, rounding.step, rounding.offset, rounding.unit)[0];
  });
  guard_deletes(tx, sql.with_base(kFixedDoomed), book, list_id, options);
  counts.prices_deleted += static_cast<int64_t>(tx.exec_params(sql.with_base(kFixedDelete), list_id).affected_rows());
}

}  // namespace

void PriceCounts::add(const PriceCounts& other) {
  pricebooks += other.pricebooks;
  prices_inserted += other.prices_inserted;
  prices_updated += other.prices_updated;
  prices_unchanged += other.prices_unchanged;
  prices_deleted += other.prices_deleted;
  failed += other.failed;
  skipped_unknown_items += other.skipped_unknown_items;
  prices_known += other.prices_known;
  failed_ids.insert(failed_ids.end(), other.failed_ids.begin(), other.failed_ids.end());
  pricelists_created += other.pricelists_created;
  pricelists_linked += other.pricelists_linked;
  pricelists_deactivated += other.pricelists_deactivated;
  discounted += other.discounted;
  lists_kept += other.lists_kept;
  books_by_item_rates += other.books_by_item_rates;
  item_rate_calls += other.item_rate_calls;
  books_from_list += other.books_from_list;
  removals_unconfirmed += other.removals_unconfirmed;
}

PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const nlohmann::json& items,
                            const PriceOptions& options, bool items_complete) {
  return apply_pricebook(tx, book, zoho::JsonElements(items), options, items_complete);
}

PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const zoho::JsonElements& items,
                            const PriceOptions& options, bool items_complete) {
  PriceCounts counts;
  // Everything that can refuse the book is checked before anything is written.
  std::optional<PriceRounding> rounding;
  if (book.active) {
    if (book.type == zoho::PricebookType::unknown)
      throw zoho::RecordError(book.pricebook_id, "unknown pricebook_type \"" + book.type_name + "\"");
    if (book.type == zoho::PricebookType::fixed_percentage && book.percentage.empty())
      throw zoho::RecordError(book.pricebook_id, "fixed_percentage book without percentage");
    // per_item books round the rows that carry a pricebook_discount.
    rounding = price_rounding(book.rounding_type, book.decimal_place);
    if (!rounding) throw zoho::RecordError(book.pricebook_id, "unknown rounding_type \"" + book.rounding_type + "\"");
    // Without the list every row of the list would look gone: refuse instead.
    if (book.type == zoho::PricebookType::per_item && !items.is_array())
      throw zoho::RecordError(book.pricebook_id, "the pricebook detail has no pricebook_items");
  }
  const std::string currency = book.currency_code.empty() ? options.default_currency : book.currency_code;
  const db::ErpMapping mapping = db::erp_mapping(tx, options.erp);
  const auto link = link_pricelist(tx, book, currency, mapping.pricelist_zoho_id_column);
  counts.pricebooks = 1;
  if (!link) return counts;  // an inactive book the ERP never had
  counts.pricelists_created = link->created ? 1 : 0;
  counts.pricelists_linked = link->newly_linked ? 1 : 0;
  if (!book.active) {
    counts.pricelists_deactivated = link->updated ? 1 : 0;
    return counts;
  }
  if (book.type == zoho::PricebookType::per_item) {
    apply_per_item(tx, book, *rounding, items, BookSql(mapping), link->pricelist_id, currency, options, items_complete,
                   counts);
  } else {
    apply_fixed(tx, book, *rounding, BookSql(mapping), link->pricelist_id, currency, options, counts);
  }
  return counts;
}

PriceCounts refresh_pricebook(zoho::Client& client, pqxx::connection& conn, const std::string& pricebook_id,
                              const PriceOptions& options) {
  auto answer = client.get_large_if_exists("/pricebooks/" + pricebook_id, zoho::kPricebookItemsPath);
  pqxx::work tx(conn);
  PriceCounts counts;
  if (!answer || !answer->envelope["pricebook"].is_object()) {
    const std::string column = db::quote_ident(db::erp_mapping(tx, options.erp).pricelist_zoho_id_column);
    counts.pricelists_deactivated =
        static_cast<int64_t>(tx.exec_params("UPDATE pricelists SET is_active = false, updated_at = now() "
                                            "WHERE " +
                                                column + " = $1 AND is_active",
                                            pricebook_id)
                                 .affected_rows());
    tx.commit();
    return counts;
  }
  const nlohmann::json& detail = answer->envelope["pricebook"];
  const zoho::Pricebook book = zoho::parse_pricebook(detail);
  if (!book.sales) return counts;
  const zoho::JsonElements items(answer->text, answer->envelope, zoho::kPricebookItemsPath);
  if (book.active && book.type == zoho::PricebookType::per_item && !has_pricebook_items(items)) {
    // No proof the book is empty (see has_pricebook_items): ask Zoho per item, as pull-prices does.
    int64_t rate_calls = 0;
    const auto rates = fetch_pricebook_rates(client, tx, pricebook_id, rate_calls);
    if (!rates) {
      core::log_warn("pricebook {} ({}): the detail lists no items; its list is kept as it is", book.name,
                     book.pricebook_id);
      counts.lists_kept = 1;
      return counts;
    }
    counts = apply_pricebook(tx, book, zoho::JsonElements(*rates), options, false);
    counts.books_by_item_rates = 1;
    counts.item_rate_calls = rate_calls;
    tx.commit();
    return counts;
  }
  counts = apply_pricebook(tx, book, items, options);
  tx.commit();
  return counts;
}

}  // namespace tshsync::sync
