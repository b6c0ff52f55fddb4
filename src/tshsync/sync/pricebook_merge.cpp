#include <tshsync/sync/pricebook_merge.hpp>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/price_rounding.hpp>
#include <tshsync/sync/pricelist_link.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

// The upsert both book types share: `computed` (product_id, price, brackets) is
// prepended by each. $1 pricelist id, $2 currency. Rows that would not change
// are left out before ON CONFLICT, which would lock (write) each one it meets.
const char* const kUpsertTail = R"SQL(
, changed AS (
  SELECT c.* FROM computed c
  LEFT JOIN product_prices o ON o.product_id = c.product_id AND o.pricelist_id = $1::bigint
  WHERE o.id IS NULL
     OR (o.price, o.currency, o.price_brackets, o.source) IS DISTINCT FROM (c.price, $2::text, c.brackets, 'zoho')
), merged AS (
  INSERT INTO product_prices AS pp (product_id, pricelist_id, price, currency, price_brackets, source)
  SELECT product_id, $1::bigint, price, $2::text, brackets, 'zoho' FROM changed
  ON CONFLICT (product_id, pricelist_id) DO UPDATE
    SET price = EXCLUDED.price, currency = EXCLUDED.currency, price_brackets = EXCLUDED.price_brackets,
        source = EXCLUDED.source, updated_at = now()
    WHERE (pp.price, pp.currency, pp.price_brackets, pp.source)
          IS DISTINCT FROM (EXCLUDED.price, EXCLUDED.currency, EXCLUDED.price_brackets, EXCLUDED.source)
  RETURNING (xmax = 0) AS inserted
)
SELECT (SELECT count(*) FROM merged WHERE inserted), (SELECT count(*) FROM merged WHERE NOT inserted),
       (SELECT count(*) FROM computed)
)SQL";

// Staged rows without a price are bad records: skipped, but their product's
// row is kept rather than deleted.
const char* const kPerItemComputed = R"SQL(
WITH computed AS (
  SELECT DISTINCT ON (p.id) p.id AS product_id, s.price, s.brackets
  FROM pg_temp.tshsync_stage_prices s JOIN products p ON p.zoho_item_id = s.zoho_item_id
  WHERE s.price IS NOT NULL
  ORDER BY p.id
))SQL";

const char* const kPerItemDelete = R"SQL(
WITH removed AS (
  DELETE FROM product_prices pp
  WHERE pp.pricelist_id = $1 AND pp.source IS DISTINCT FROM 'backfill'
    AND NOT EXISTS (SELECT 1 FROM pg_temp.tshsync_stage_prices s JOIN products p ON p.zoho_item_id = s.zoho_item_id
                    WHERE p.id = pp.product_id)
  RETURNING 1
), cleared AS (
  DELETE FROM pg_temp.tshsync_stage_prices  -- consumed: the next book starts empty
)
SELECT count(*) FROM removed
)SQL";

// $3 percentage, $4 +1 markup / -1 markdown, $5 step, $6 offset. Divisors are
// 100 and the step, so numeric division is exact.
const char* const kFixedComputed = R"SQL(
WITH computed AS (
  SELECT p.id AS product_id,
         round(p.price * (100 + $3::numeric * $4::int) / (100 * $5::numeric)) * $5::numeric + $6::numeric AS price,
         NULL::jsonb AS brackets
  FROM products p
  WHERE p.is_active AND p.price > 0
))SQL";

const char* const kFixedDelete = R"SQL(
DELETE FROM product_prices pp
WHERE pp.pricelist_id = $1 AND pp.source IS DISTINCT FROM 'backfill'
  AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = pp.product_id AND p.is_active AND p.price > 0)
)SQL";

void read_upsert(const pqxx::row& row, PriceCounts& counts) {
  counts.prices_inserted += row[0].as<int64_t>();
  counts.prices_updated += row[1].as<int64_t>();
  counts.prices_unchanged += row[2].as<int64_t>() - row[0].as<int64_t>() - row[1].as<int64_t>();
}

void apply_per_item(pqxx::transaction_base& tx, const zoho::Pricebook& book, const zoho::JsonElements& items,
                    int64_t list_id, const std::string& currency, PriceCounts& counts) {
  prepare_stage(tx, "tshsync_stage_prices", "zoho_item_id text, price numeric, brackets jsonb");
  StageWriter rows(tx, "tshsync_stage_prices", {"zoho_item_id", "price", "brackets"});
  items.for_each([&](const nlohmann::json& record) {
    try {
      const zoho::PricebookItem row = zoho::parse_pricebook_item(record);
      rows.row(row.item_id, row.rate, row.brackets);
    } catch (const zoho::RecordError& e) {
      ++counts.failed;
      const std::string id = zoho::item_id_for_message(record);
      core::log_warn("pricebook {} ({}): skipped item {}: {}", book.name, book.pricebook_id, id, e.reason());
      if (id.front() != '(') rows.row(id, std::nullopt, std::nullopt);
    }
  });
  rows.complete();
  const auto result = tx.exec_params(std::string(kPerItemComputed) + kUpsertTail, list_id, currency)[0];
  read_upsert(result, counts);
  const int64_t known = result[2].as<int64_t>();
  const int64_t staged = tx.exec(
      "SELECT count(DISTINCT zoho_item_id) FROM pg_temp.tshsync_stage_prices WHERE price IS NOT NULL")[0][0]
                             .as<int64_t>();
  if (staged > known) {
    counts.skipped_unknown_items += staged - known;
    core::log_warn("pricebook {} ({}): {} item(s) have no product; run pull-products first", book.name,
                   book.pricebook_id, staged - known);
  }
  counts.prices_deleted += tx.exec_params(kPerItemDelete, list_id)[0][0].as<int64_t>();
}

void apply_fixed(pqxx::transaction_base& tx, const zoho::Pricebook& book, const PriceRounding& rounding,
                 int64_t list_id, const std::string& currency, PriceCounts& counts) {
  const auto result = tx.exec_params(std::string(kFixedComputed) + kUpsertTail, list_id, currency, book.percentage,
                                     book.is_increase ? 1 : -1, rounding.step, rounding.offset)[0];
  read_upsert(result, counts);
  counts.prices_deleted += static_cast<int64_t>(tx.exec_params(kFixedDelete, list_id).affected_rows());
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
  pricelists_created += other.pricelists_created;
  pricelists_linked += other.pricelists_linked;
  pricelists_deactivated += other.pricelists_deactivated;
}

PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const nlohmann::json& items,
                            const PriceOptions& options) {
  return apply_pricebook(tx, book, zoho::JsonElements(items), options);
}

PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const zoho::JsonElements& items,
                            const PriceOptions& options) {
  PriceCounts counts;
  // Everything that can refuse the book is checked before anything is written.
  std::optional<PriceRounding> rounding;
  if (book.active) {
    if (book.type == zoho::PricebookType::unknown)
      throw zoho::RecordError(book.pricebook_id, "unknown pricebook_type \"" + book.type_name + "\"");
    if (book.type == zoho::PricebookType::fixed_percentage) {
      if (book.percentage.empty()) throw zoho::RecordError(book.pricebook_id, "fixed_percentage book without percentage");
      rounding = price_rounding(book.rounding_type, book.decimal_place);
      if (!rounding) throw zoho::RecordError(book.pricebook_id, "unknown rounding_type \"" + book.rounding_type + "\"");
    }
    // Without the list every row of the list would look gone: refuse instead.
    if (book.type == zoho::PricebookType::per_item && !items.is_array())
      throw zoho::RecordError(book.pricebook_id, "the pricebook detail has no pricebook_items");
  }
  const std::string currency = book.currency_code.empty() ? options.default_currency : book.currency_code;
  const auto link = link_pricelist(tx, book, currency);
  counts.pricebooks = 1;
  if (!link) return counts;  // an inactive book the ERP never had
  counts.pricelists_created = link->created ? 1 : 0;
  counts.pricelists_linked = link->newly_linked ? 1 : 0;
  if (!book.active) {
    counts.pricelists_deactivated = link->updated ? 1 : 0;
    return counts;
  }
  if (book.type == zoho::PricebookType::per_item) {
    apply_per_item(tx, book, items, link->pricelist_id, currency, counts);
  } else {
    apply_fixed(tx, book, *rounding, link->pricelist_id, currency, counts);
  }
  return counts;
}

PriceCounts refresh_pricebook(zoho::Client& client, pqxx::connection& conn, const std::string& pricebook_id,
                              const PriceOptions& options) {
  auto answer = client.get_large_if_exists("/pricebooks/" + pricebook_id, zoho::kPricebookItemsPath);
  pqxx::work tx(conn);
  PriceCounts counts;
  if (!answer || !answer->envelope["pricebook"].is_object()) {
    counts.pricelists_deactivated = static_cast<int64_t>(
        tx.exec_params("UPDATE pricelists SET is_active = false, updated_at = now() "
                       "WHERE zoho_pricebook_id = $1 AND is_active",
                       pricebook_id)
            .affected_rows());
    tx.commit();
    return counts;
  }
  const nlohmann::json& detail = answer->envelope["pricebook"];
  const zoho::Pricebook book = zoho::parse_pricebook(detail);
  if (!book.sales) return counts;
  counts = apply_pricebook(tx, book, zoho::JsonElements(answer->text, answer->envelope, zoho::kPricebookItemsPath),
                           options);
  tx.commit();
  return counts;
}

}  // namespace tshsync::sync
