#include <tshsync/sync/stock_merge.hpp>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/db/erp_schema.hpp>
#include <tshsync/db/record_isolation.hpp>
#include <tshsync/sync/item_details.hpp>
#include <tshsync/sync/location_stock.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/util/replace_all.hpp>
#include <tshsync/util/time_format.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

// An item listed twice in one batch (modified while the listing ran) keeps
// its newest copy: by last_modified_time, then by listing order. `%SET%` and
// `%DIFFERS%` are the stock columns' assignments and comparison.
const char* const kStockSql = R"SQL(
WITH staged AS (
  SELECT DISTINCT ON (zoho_item_id) zoho_item_id, stock FROM pg_temp.tshsync_stage_stock
  ORDER BY zoho_item_id, modified_at DESC NULLS LAST, seq DESC
), changed AS (
  UPDATE products p SET %SET%, updated_at = now()
  FROM staged s
  WHERE p.zoho_item_id = s.zoho_item_id AND s.stock IS NOT NULL AND (%DIFFERS%)
  RETURNING 1
), cleared AS (
  DELETE FROM pg_temp.tshsync_stage_stock  -- consumed: the next batch starts empty
)
SELECT (SELECT count(*) FROM changed),
       (SELECT count(*) FROM staged s JOIN products p ON p.zoho_item_id = s.zoho_item_id),
       (SELECT count(*) FROM staged)
)SQL";

std::string stock_sql(const db::ErpMapping& mapping) {
  std::string set;
  std::string differs;
  std::vector<std::string> columns = mapping.stock_columns;
  if (columns.empty()) columns.push_back("stock_quantity");
  for (const auto& c : columns) {
    set += (set.empty() ? "" : ", ") + db::quote_ident(c) + " = s.stock";
    differs += (differs.empty() ? "" : " OR ") + std::string("p.") + db::quote_ident(c) + " IS DISTINCT FROM s.stock";
  }
  return util::replace_all(util::replace_all(kStockSql, "%SET%", set), "%DIFFERS%", differs);
}

struct StockRow {
  std::string item_id;
  std::optional<std::string> stock;
  std::optional<std::string> modified_at;
};

// Inserts and updates see the same snapshot as the delete, which removes only
// locations missing from the staged ones: the two never touch the same row.
const char* const kLocationsSql = R"SQL(
WITH staged AS (
  SELECT DISTINCT ON (p.id, s.zoho_location_id) p.id AS product_id, s.zoho_location_id, s.location_name,
         s.is_primary, s.stock_on_hand, s.available_stock, s.actual_available_stock, s.committed_stock,
         s.available_for_sale_stock, s.actual_available_for_sale_stock, s.quantity_in_transit
  FROM pg_temp.tshsync_stage_locations s JOIN products p ON p.zoho_item_id = s.zoho_item_id
  ORDER BY p.id, s.zoho_location_id
), upserted AS (
  INSERT INTO product_stock_locations AS l (product_id, zoho_location_id, location_name, is_primary,
                                            stock_on_hand, available_stock, actual_available_stock, committed_stock,
                                            available_for_sale_stock, actual_available_for_sale_stock,
                                            quantity_in_transit)
  SELECT product_id, zoho_location_id, location_name, is_primary, stock_on_hand, available_stock,
         actual_available_stock, committed_stock, available_for_sale_stock, actual_available_for_sale_stock,
         quantity_in_transit
  FROM staged
  ON CONFLICT (product_id, zoho_location_id) DO UPDATE
    SET location_name = EXCLUDED.location_name, is_primary = EXCLUDED.is_primary,
        stock_on_hand = EXCLUDED.stock_on_hand, available_stock = EXCLUDED.available_stock,
        actual_available_stock = EXCLUDED.actual_available_stock, committed_stock = EXCLUDED.committed_stock,
        available_for_sale_stock = EXCLUDED.available_for_sale_stock,
        actual_available_for_sale_stock = EXCLUDED.actual_available_for_sale_stock,
        quantity_in_transit = EXCLUDED.quantity_in_transit, updated_at = now()
    WHERE (l.location_name, l.is_primary, l.stock_on_hand, l.available_stock, l.actual_available_stock,
           l.committed_stock, l.available_for_sale_stock, l.actual_available_for_sale_stock, l.quantity_in_transit)
          IS DISTINCT FROM
          (EXCLUDED.location_name, EXCLUDED.is_primary, EXCLUDED.stock_on_hand, EXCLUDED.available_stock,
           EXCLUDED.actual_available_stock, EXCLUDED.committed_stock, EXCLUDED.available_for_sale_stock,
           EXCLUDED.actual_available_for_sale_stock, EXCLUDED.quantity_in_transit)
  RETURNING 1
), removed AS (
  DELETE FROM product_stock_locations l
  USING products p, pg_temp.tshsync_stage_location_items i
  WHERE l.product_id = p.id AND p.zoho_item_id = i.zoho_item_id
    AND NOT EXISTS (SELECT 1 FROM pg_temp.tshsync_stage_locations s
                    WHERE s.zoho_item_id = i.zoho_item_id AND s.zoho_location_id = l.zoho_location_id)
  RETURNING 1
), cleared AS (
  DELETE FROM pg_temp.tshsync_stage_locations  -- consumed: the next batch starts empty
), cleared_items AS (
  DELETE FROM pg_temp.tshsync_stage_location_items
)
SELECT (SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed)
)SQL";

// Services and other non-inventory items have no stock figure to miss.
bool tracks_stock(const nlohmann::json& record) {
  const std::string type = zoho::text_field(record, "item_type");
  return type.empty() || type == "inventory";
}

void skip(const nlohmann::json& record, const zoho::RecordError& e, StockCounts& counts) {
  ++counts.failed;
  core::log_warn("skipped item {}: {}", e.has_record_id() ? e.record_id() : zoho::item_id_for_message(record),
                 e.reason());
}

}  // namespace

StockOptions StockOptions::from_config(const core::ZohoConfig& zoho, bool locations, const core::ErpConfig& erp) {
  return {zoho.stock_field, locations, zoho.stock_location, erp};
}

bool StockOptions::from_location() const { return is_location_stock_field(stock_field); }

StockCounts merge_location_stock(pqxx::transaction_base& tx, const nlohmann::json& details,
                                 const StockOptions& options) {
  int64_t missing = 0;
  const nlohmann::json records = stock_at_location(details, options.stock_field, options.stock_location, missing);
  StockOptions figure = options;
  figure.stock_field = "stock";
  StockCounts counts = merge_stock(tx, records, figure);
  counts.missing_location = missing;
  return counts;
}

void StockCounts::add(const StockCounts& other) {
  fetched += other.fetched;
  updated += other.updated;
  unchanged += other.unchanged;
  failed += other.failed;
  unknown_items += other.unknown_items;
  locations_updated += other.locations_updated;
  missing_location += other.missing_location;
  failed_ids.insert(failed_ids.end(), other.failed_ids.begin(), other.failed_ids.end());
}

StockCounts merge_stock(pqxx::transaction_base& tx, const nlohmann::json& items, const StockOptions& options) {
  StockCounts counts;
  if (!items.is_array()) return counts;
  std::vector<StockRow> parsed;
  for (const auto& record : items) {
    ++counts.fetched;
    try {
      if (!record.is_object()) throw zoho::RecordError::without_id("(not an object)", "the item is not a JSON object");
      const std::string id = zoho::id_field(record, "item_id");
      const auto modified = util::parse_zoho_timestamp(zoho::text_field(record, "last_modified_time"));
      const auto stock = zoho::decimal_field(record, options.stock_field.c_str(), id);
      // A stock item without its figure keeps the ERP's (one rule with rate and pricebook_rate).
      if (!stock && tracks_stock(record))
        throw zoho::RecordError(id, options.stock_field + " is missing or null; the product keeps its stock");
      parsed.push_back(
          {id, stock, modified ? std::optional<std::string>(util::format_utc_iso8601(*modified)) : std::nullopt});
    } catch (const zoho::RecordError& e) {
      skip(record, e, counts);
    }
  }
  if (parsed.empty()) return counts;
  const std::string sql = stock_sql(db::erp_mapping(tx, options.erp));
  db::isolate_records(
      tx, parsed.size(),
      [&](size_t begin, size_t end) {
        prepare_stage(tx, "tshsync_stage_stock", "zoho_item_id text, stock numeric, modified_at timestamptz, seq int",
                      StageJoins::index_lookups);
        StageWriter rows(tx, "tshsync_stage_stock", {"zoho_item_id", "stock", "modified_at", "seq"});
        for (size_t i = begin; i < end; ++i)
          rows.row(parsed[i].item_id, parsed[i].stock, parsed[i].modified_at, std::to_string(i));
        rows.complete();
        const auto result = tx.exec_params(sql)[0];  // exec() would abort the transaction on a refusal
        const int64_t updated = result[0].as<int64_t>();
        const int64_t matched = result[1].as<int64_t>();
        counts.updated += updated;
        counts.unchanged += matched - updated;
        counts.unknown_items += result[2].as<int64_t>() - matched;
      },
      [&](size_t index, const std::string& reason) {
        ++counts.failed;
        counts.failed_ids.push_back(parsed[index].item_id);
        core::log_warn("skipped item {}: the database refused its stock {}: {}", parsed[index].item_id,
                       parsed[index].stock.value_or("(none)"), reason);
      });
  return counts;
}

void merge_locations(pqxx::transaction_base& tx, const nlohmann::json& details, StockCounts& counts) {
  prepare_stage(tx, "tshsync_stage_locations",
                "zoho_item_id text, zoho_location_id text, location_name text, is_primary boolean, "
                "stock_on_hand numeric, available_stock numeric, actual_available_stock numeric, "
                "committed_stock numeric, available_for_sale_stock numeric, "
                "actual_available_for_sale_stock numeric, quantity_in_transit numeric",
                StageJoins::index_lookups);
  prepare_stage(tx, "tshsync_stage_location_items", "zoho_item_id text");
  if (!details.is_array()) return;
  std::vector<std::string> item_ids;
  {
    StageWriter rows(tx, "tshsync_stage_locations",
                     {"zoho_item_id", "zoho_location_id", "location_name", "is_primary", "stock_on_hand",
                      "available_stock", "actual_available_stock", "committed_stock", "available_for_sale_stock",
                      "actual_available_for_sale_stock", "quantity_in_transit"});
    for (const auto& record : details) {
      if (!zoho::has_location_stock(record)) continue;
      try {
        const std::string id = zoho::id_field(record, "item_id");
        const auto locations = zoho::parse_item_locations(record, id);  // whole, before any row is written
        for (const auto& location : locations)
          rows.row(id, location.location_id, location.name, location.is_primary, location.stock_on_hand,
                   location.available_stock, location.actual_available_stock, location.committed_stock,
                   location.available_for_sale_stock, location.actual_available_for_sale_stock,
                   location.quantity_in_transit);
        item_ids.push_back(id);
      } catch (const zoho::RecordError& e) {
        skip(record, e, counts);
      }
    }
    rows.complete();
  }
  StageWriter items(tx, "tshsync_stage_location_items", {"zoho_item_id"});
  for (const auto& id : item_ids) items.row(id);
  items.complete();
  if (item_ids.empty()) return;
  counts.locations_updated += tx.exec(kLocationsSql)[0][0].as<int64_t>();
}

StockCounts refresh_stock(zoho::Client& client, pqxx::connection& conn, const std::vector<std::string>& item_ids,
                          const StockOptions& options, bool batched) {
  ItemDetailsFetcher fetcher(client, batched);
  const nlohmann::json details = fetcher.fetch(item_ids);
  pqxx::work tx(conn);
  StockCounts counts =
      options.from_location() ? merge_location_stock(tx, details, options) : merge_stock(tx, details, options);
  if (options.locations) merge_locations(tx, details, counts);
  tx.commit();
  return counts;
}

}  // namespace tshsync::sync
