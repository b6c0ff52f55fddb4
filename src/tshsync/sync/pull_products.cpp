#include <tshsync/sync/pull_products.hpp>

#include <memory>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/listing_pull.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/state.hpp>

namespace tshsync::sync {

namespace {

const char* const kName = "pull-products";

// Products created after the listing began may not be in it: they are left alone.
// A dry run records what it saw under its own name: the real run's rows are never touched.
const char* const kDryRunSeen = "pull-products:dry-run";

// More than the mass-change share of the active catalog stops the run first.
int64_t deactivate_unseen(pqxx::transaction_base& tx, const char* seen_type, util::SystemTime listing_started,
                          const MassChangeLimit& limit) {
  const auto rows = tx.exec_params(
      "WITH seen AS (SELECT DISTINCT unnest(zoho_item_ids) AS zoho_item_id "
      "              FROM tshsync_full_pull_seen WHERE sync_type = $1) "
      "UPDATE products p SET is_active = false, updated_at = now() "
      "WHERE p.is_active AND p.zoho_item_id IS NOT NULL "
      "  AND (p.created_at IS NULL OR p.created_at < to_timestamp($2::bigint / 1000000.0)) "
      "  AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.zoho_item_id = p.zoho_item_id) "
      "  AND EXISTS (SELECT 1 FROM seen)",  // an empty listing deactivates nothing
      seen_type, epoch_micros(listing_started));
  const auto deactivated = static_cast<int64_t>(rows.affected_rows());
  if (deactivated > 0 && !limit.allowed) {
    // The UPDATE is not committed yet: the guard's throw rolls it back.
    const int64_t active_before =
        tx.exec("SELECT count(*) FROM products WHERE is_active AND zoho_item_id IS NOT NULL")[0][0].as<int64_t>() +
        deactivated;
    check_mass_change(limit, deactivated, active_before,
                      "deactivate products a --full listing did not see (missing from Zoho's list)");
  }
  return deactivated;
}

}  // namespace

void pull_products(zoho::Client& client, pqxx::connection& conn, const PullProductsOptions& options,
                   PullProductsCounts& counts) {
  ListingPullSpec spec{kName, options.full, options.dry_run, options.lookback, options.max_list_pages};
  const char* const seen_type = options.dry_run ? kDryRunSeen : kName;
  ListingPullHooks hooks;
  hooks.prepare_page = [&](nlohmann::json&& items) -> PageWriter {
    auto prepared = std::make_shared<const PreparedItems>(prepare_items(items));
    return [&, prepared](pqxx::transaction_base& tx) {
      // Bad records still exist in Zoho: the merge records them as seen too.
      counts.items.add(merge_prepared(tx, *prepared, options.apply, options.full ? seen_type : nullptr));
    };
  };
  hooks.begin_full = [seen_type](pqxx::transaction_base& tx) {
    tx.exec_params("DELETE FROM tshsync_full_pull_seen WHERE sync_type = $1", seen_type);
  };
  hooks.finish_full = [&](pqxx::transaction_base& tx, util::SystemTime started_at,
                          const std::optional<std::string>& distrust) {
    if (distrust) {
      core::log_warn("{}: deactivated nothing: the listing cannot prove any item gone ({})", kName, *distrust);
    } else {
      counts.deactivated = deactivate_unseen(tx, seen_type, started_at, options.apply.mass_changes);
    }
    tx.exec_params("DELETE FROM tshsync_full_pull_seen WHERE sync_type = $1", seen_type);
  };
  hooks.after_page = options.after_page;
  const ListingPullResult result = run_listing_pull(client, conn, spec, hooks);
  counts.resumed = result.resumed;
  counts.from_start = result.from_start;
  counts.list_calls = result.list_calls;
  counts.listing_distrusted = result.distrust.has_value();
  counts.strategy = result.strategy;
}

}  // namespace tshsync::sync
