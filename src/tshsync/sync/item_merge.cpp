#include <tshsync/sync/item_merge.hpp>

#include <chrono>
#include <unordered_map>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/db/erp_schema.hpp>
#include <tshsync/db/record_isolation.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/product_merge_sql.hpp>
#include <tshsync/sync/staging.hpp>
#include <tshsync/util/replace_all.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

const char* const kStage = "tshsync_stage_items";
const char* const kStageColumns =
    "zoho_item_id text, name text, sku text, price numeric, is_active boolean, image_url text, "
    "modified_at timestamptz, stock numeric, description text";

// The merge statement (sync/product_merge_sql) runs once per batch. Staged ids
// are unique (prepare_items), so ON CONFLICT meets each row once; (xmax = 0)
// marks inserted rows; `cleared` empties the stage for the next batch and
// `seen` records the page's ids for a --full listing in the same round trip.

std::string image_url_for(const std::string& url_template, const std::string& item_id) {
  return util::replace_all(url_template, "{item_id}", item_id);
}

void stage_item(StageWriter& rows, const zoho::Item& item, const ApplyOptions& options) {
  const auto& stock = options.stock_field == "available_stock" ? item.available_stock : item.stock_on_hand;
  rows.row(item.item_id, item.name, item.sku.empty() ? std::nullopt : std::optional<std::string>(item.sku), item.rate,
           item.active && is_product(item, options.products),
           item.has_image ? std::optional<std::string>(image_url_for(options.image_url_template, item.item_id))
                          : std::nullopt,
           util::format_utc_iso8601(item.last_modified), stock, item.description);
}

// Why the database refused an item, with the lengths a column limit may have met.
std::string rejection_note(const zoho::Item& item, const std::string& reason) {
  return fmt::format("{} (name {} characters, sku {} characters)", reason, item.name.size(), item.sku.size());
}

// Items that stop qualifying as products are deactivated like deleted ones,
// under the same guard: too many in one batch stop the run before it writes.
// A --full listing is also judged by the share of the items seen so far, so a
// narrowed [zoho].item_types stops at its first batch, before it writes.
void guard_exclusions(pqxx::transaction_base& tx, size_t batch_items, const std::vector<std::string>& excluded,
                      const ApplyOptions& options, ExclusionTally& tally) {
  if (options.mass_changes.allowed) return;
  if (tally.catalog < 0) tally.catalog = tx.exec("SELECT count(*) FROM products WHERE is_active")[0][0].as<int64_t>();
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

ApplyOptions ApplyOptions::from_config(const core::ZohoConfig& zoho, const core::ErpConfig& erp) {
  ApplyOptions options;
  options.image_url_template = zoho.image_url_template;
  options.stock_field = zoho.stock_field;
  options.products = ProductFilter::from_config(zoho);
  options.erp = erp;
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
        core::log_warn("item {}: last_modified_time {} lies in the future; not kept as the product's time",
                       item.item_id, util::format_utc_iso8601(item.last_modified));
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
                           ExclusionTally& tally, const char* seen_by) {
  MergeCounts counts = prepared.counts;
  std::vector<std::string> excluded;
  for (const zoho::Item& item : prepared.items)
    if (item.active && !is_product(item, options.products)) excluded.push_back(item.item_id);
  counts.not_products = static_cast<int64_t>(excluded.size());
  guard_exclusions(tx, prepared.items.size(), excluded, options, tally);
  const ProductMergeSql merge = product_merge_sql(db::erp_mapping(tx, options.erp));
  // Prepared once per connection: a full pull runs it hundreds of times.
  tx.conn().prepare("tshsync_merge_items", merge.sql);
  std::vector<std::string> rejected;
  bool whole = true;
  db::isolate_records(
      tx, prepared.items.size(),
      [&](size_t begin, size_t end) {
        prepare_stage(tx, kStage, kStageColumns);
        StageWriter rows(
            tx, kStage,
            {"zoho_item_id", "name", "sku", "price", "is_active", "image_url", "modified_at", "stock", "description"});
        for (size_t i = begin; i < end; ++i) stage_item(rows, prepared.items[i], options);
        rows.complete();
        // The bad records' ids join the first attempt; a split batch records them at the end.
        const std::string extra_seen = text_array_literal(whole ? counts.failed_ids : std::vector<std::string>{});
        whole = false;
        const auto row = tx.exec_prepared("tshsync_merge_items", seen_by, extra_seen,
                                          pqxx::prepare::make_dynamic_params(merge.parameters))[0];
        counts.inserted += row[0].as<int64_t>();
        counts.updated += row[1].as<int64_t>();
      },
      [&](size_t index, const std::string& reason) {
        const zoho::Item& item = prepared.items[index];
        core::log_warn("skipped item {}: the database refused it: {}", item.item_id, rejection_note(item, reason));
        rejected.push_back(item.item_id);
      });
  if (!rejected.empty()) {
    counts.failed += static_cast<int64_t>(rejected.size());
    counts.failed_ids.insert(counts.failed_ids.end(), rejected.begin(), rejected.end());
    // Seen, though not written: a --full listing must not deactivate them.
    if (seen_by != nullptr)
      tx.exec_params("INSERT INTO tshsync_full_pull_seen (sync_type, zoho_item_ids) VALUES ($1, $2::text[])", seen_by,
                     text_array_literal(counts.failed_ids));
  }
  counts.unchanged = static_cast<int64_t>(prepared.items.size() - rejected.size()) - counts.inserted - counts.updated;
  return counts;
}

MergeCounts merge_items(pqxx::transaction_base& tx, const nlohmann::json& items, const ApplyOptions& options) {
  ExclusionTally tally;
  return merge_prepared(tx, prepare_items(items), options, tally);
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
