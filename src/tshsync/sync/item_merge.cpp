#include <tshsync/sync/item_merge.hpp>

#include <chrono>
#include <unordered_map>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

const char* const kStage = "tshsync_stage_items";
const char* const kStageColumns =
    "zoho_item_id text, name text, sku text, price numeric, is_active boolean, image_url text, "
    "modified_at timestamptz, stock numeric";

// Staged ids are unique (prepare_items), so ON CONFLICT meets each row once.
// It finds existing rows through the unique index whatever the statistics say
// (a join to products, still growing during a first pull, was planned as a
// hash over the whole table for every page). (xmax = 0) marks inserted rows.
// Every CTE sees the stage as it was when the statement began, so `cleared`
// empties it for the next batch (under --dry-run one transaction stages many)
// and `seen` ($1: a --full listing's sync type, else NULL) records the page's
// ids, plus $2 (bad records), in the same round trip. A time more than five
// minutes in the future is stored as unknown (NULL): kept, it would block
// every later change. A --full listing applies Zoho's values whatever the
// stored time says.
const char* const kMergeSql = R"SQL(
WITH merged AS (
  INSERT INTO products AS p (zoho_item_id, name, sku, price, is_active, image_url, zoho_last_modified_at,
                             stock_quantity)
  SELECT zoho_item_id, name, sku, price, is_active, image_url, CASE WHEN modified_at <= now() + interval '5 minutes' THEN modified_at END,
         COALESCE(stock, 0)
  FROM pg_temp.tshsync_stage_items
  ON CONFLICT (zoho_item_id) DO UPDATE
    SET name = EXCLUDED.name, sku = EXCLUDED.sku, price = EXCLUDED.price, is_active = EXCLUDED.is_active,
        image_url = EXCLUDED.image_url, zoho_last_modified_at = EXCLUDED.zoho_last_modified_at,
        updated_at = now()
    WHERE (p.name, p.sku, p.price, p.is_active, p.image_url, p.zoho_last_modified_at)
          IS DISTINCT FROM
          (EXCLUDED.name, EXCLUDED.sku, EXCLUDED.price, EXCLUDED.is_active, EXCLUDED.image_url,
           EXCLUDED.zoho_last_modified_at)
      AND ($1::text IS NOT NULL OR p.zoho_last_modified_at IS NULL
           OR p.zoho_last_modified_at <= EXCLUDED.zoho_last_modified_at)
  RETURNING (xmax = 0) AS inserted
), seen AS (
  INSERT INTO tshsync_full_pull_seen (sync_type, zoho_item_ids)
  SELECT $1::text, COALESCE(array_agg(zoho_item_id), '{}') || $2::text[] FROM pg_temp.tshsync_stage_items
  HAVING $1::text IS NOT NULL
), cleared AS (
  DELETE FROM pg_temp.tshsync_stage_items
)
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
)SQL";

std::string image_url_for(const std::string& url_template, const std::string& item_id) {
  std::string url = url_template;
  const std::string placeholder = "{item_id}";
  for (size_t at = url.find(placeholder); at != std::string::npos; at = url.find(placeholder, at + item_id.size()))
    url.replace(at, placeholder.size(), item_id);
  return url;
}

void stage_item(StageWriter& rows, const zoho::Item& item, const ApplyOptions& options) {
  const auto& stock = options.stock_field == "available_stock" ? item.available_stock : item.stock_on_hand;
  rows.row(item.item_id, item.name, item.sku.empty() ? std::nullopt : std::optional<std::string>(item.sku),
           item.rate, item.active && is_product(item, options.products),
           item.has_image ? std::optional<std::string>(image_url_for(options.image_url_template, item.item_id))
                          : std::nullopt,
           util::format_utc_iso8601(item.last_modified), stock);
}

// Items that stop qualifying as products are deactivated like deleted ones,
// under the same guard: too many in one batch stop the run before it writes.
// A --full listing is also judged by the share of the items seen so far, so a
// narrowed [zoho].item_types stops at its first batch, before it writes.
void guard_exclusions(pqxx::transaction_base& tx, size_t batch_items, const std::vector<std::string>& excluded,
                      const ApplyOptions& options) {
  if (options.mass_changes.allowed) return;
  ExclusionTally local;
  ExclusionTally& tally = options.tally ? *options.tally : local;
  if (tally.catalog < 0 || !options.tally) {
    tally.catalog = tx.exec("SELECT count(*) FROM products WHERE is_active")[0][0].as<int64_t>();
  }
  tally.seen += static_cast<int64_t>(batch_items);
  if (excluded.empty()) return;
  tally.excluded += tx.exec_params("SELECT count(*) FROM products WHERE is_active AND zoho_item_id = ANY($1::text[])",
                                   text_array_literal(excluded))[0][0]
                        .as<int64_t>();
  const std::string what =
      "deactivate products whose item type is not in [zoho].item_types, product_types or include_combos";
  check_mass_change(options.mass_changes, tally.excluded, tally.catalog, what);
  if (tally.full) check_mass_change(options.mass_changes, tally.excluded, tally.seen, what + " (items listed so far)");
}

}  // namespace

ApplyOptions ApplyOptions::from_config(const core::ZohoConfig& zoho) {
  ApplyOptions options;
  options.image_url_template = zoho.image_url_template;
  options.stock_field = zoho.stock_field;
  options.products = ProductFilter::from_config(zoho);
  return options;
}

void MergeCounts::add(const MergeCounts& other) {
  fetched += other.fetched;
  inserted += other.inserted;
  updated += other.updated;
  unchanged += other.unchanged;
  failed += other.failed;
  future_times += other.future_times;
  not_products += other.not_products;
  failed_ids.insert(failed_ids.end(), other.failed_ids.begin(), other.failed_ids.end());
}

PreparedItems prepare_items(const nlohmann::json& items) {
  PreparedItems prepared;
  MergeCounts& counts = prepared.counts;
  if (!items.is_array()) return prepared;
  std::unordered_map<std::string, size_t> slot_of;
  for (const auto& record : items) {
    ++counts.fetched;
    try {
      zoho::Item item = zoho::parse_item(record);
      if (item.last_modified > std::chrono::system_clock::now() + std::chrono::minutes(5)) {
        ++counts.future_times;
        core::log_warn("item {}: last_modified_time {} lies in the future; not kept as the product's time", item.item_id,
                       util::format_utc_iso8601(item.last_modified));
      }
      const auto [slot, fresh] = slot_of.emplace(item.item_id, prepared.items.size());
      if (fresh) {
        prepared.items.push_back(std::move(item));
      } else if (prepared.items[slot->second].last_modified <= item.last_modified) {
        prepared.items[slot->second] = std::move(item);
      }
    } catch (const zoho::RecordError& e) {
      ++counts.failed;
      const std::string id = zoho::item_id_for_message(record);
      if (!id.empty() && id.front() != '(') counts.failed_ids.push_back(id);
      core::log_warn("skipped item {}: {}", e.record_id(), e.reason());
    }
  }
  return prepared;
}

MergeCounts merge_prepared(pqxx::transaction_base& tx, const PreparedItems& prepared, const ApplyOptions& options,
                           const char* seen_by) {
  MergeCounts counts = prepared.counts;
  prepare_stage(tx, kStage, kStageColumns);
  StageWriter rows(tx, kStage,
                   {"zoho_item_id", "name", "sku", "price", "is_active", "image_url", "modified_at", "stock"});
  std::vector<std::string> excluded;
  for (const zoho::Item& item : prepared.items) {
    if (item.active && !is_product(item, options.products)) excluded.push_back(item.item_id);
    stage_item(rows, item, options);
  }
  rows.complete();
  counts.not_products = static_cast<int64_t>(excluded.size());
  guard_exclusions(tx, prepared.items.size(), excluded, options);
  // Prepared once per connection: a full pull runs it hundreds of times.
  tx.conn().prepare("tshsync_merge_items", kMergeSql);
  const auto row = tx.exec_prepared("tshsync_merge_items", seen_by, text_array_literal(counts.failed_ids))[0];
  counts.inserted = row[0].as<int64_t>();
  counts.updated = row[1].as<int64_t>();
  counts.unchanged = static_cast<int64_t>(prepared.items.size()) - counts.inserted - counts.updated;
  return counts;
}

MergeCounts merge_items(pqxx::transaction_base& tx, const nlohmann::json& items, const ApplyOptions& options) {
  return merge_prepared(tx, prepare_items(items), options);
}

MergeCounts apply_items(pqxx::connection& conn, const nlohmann::json& items, const ApplyOptions& options) {
  pqxx::work tx(conn);
  MergeCounts counts = merge_items(tx, items, options);
  tx.commit();
  return counts;
}

bool deactivate_item(pqxx::connection& conn, const std::string& zoho_item_id) {
  pqxx::work tx(conn);
  const auto rows = tx.exec_params(
      "UPDATE products SET is_active = false, updated_at = now() "
      "WHERE zoho_item_id = $1 AND is_active RETURNING id",
      zoho_item_id);
  tx.commit();
  return !rows.empty();
}

}  // namespace tshsync::sync
