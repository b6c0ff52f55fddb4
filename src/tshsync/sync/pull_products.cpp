#include <tshsync/sync/pull_products.hpp>

#include <memory>

#include <pqxx/pqxx>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/listing_prefetch.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/sync/run_transactions.hpp>
#include <tshsync/sync/state.hpp>

namespace tshsync::sync {

namespace {

const char* const kPullProducts = "pull-products";

// A dry run records what it saw under its own name: the real run's rows are never touched.
const char* const kDryRunSeen = "pull-products:dry-run";

void forget_seen(pqxx::transaction_base& tx, const char* seen_type) {
  tx.exec_params("DELETE FROM tshsync_full_pull_seen WHERE sync_type = $1", seen_type);
}

// Products created after the listing began may not be in it: they are left alone.
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
                   PullProductsCounts& counts, const AfterBatch& after_batch) {
  const ListingOptions& listing_options = options.listing;
  const bool full = listing_options.full;
  const char* const seen_type = listing_options.dry_run ? kDryRunSeen : kPullProducts;
  RunTransactions txs(conn, listing_options.dry_run);

  // Where the listing starts: the cursor, or a --full listing's checkpoint.
  const ListingStart start = start_listing(txs.begin(), kPullProducts, listing_options);
  if (start.new_full) forget_seen(txs.begin(), seen_type);
  txs.commit();

  // Pages of GET /items, parsed on the download thread while the batch before is written.
  ItemListing listing(client, start.position, start.page_cap);
  ListingPrefetch<PreparedItems> pages(listing, kPullProducts,
                                       [](nlohmann::json&& items) { return prepare_items(items); });
  ExclusionTally tally;  // items that stopped qualifying as products, across the run
  tally.full = full;
  std::optional<std::string> distrust;  // why the complete listing cannot prove an item gone
  while (auto batch = pages.next()) {
    pqxx::work& tx = txs.begin();
    // COPY and one merge; under --full, bad records still exist in Zoho: they are recorded as seen too.
    counts.items.add(merge_prepared(tx, batch->prepared, options.apply, tally, full ? seen_type : nullptr));
    save_listing_progress(tx, start, listing_options, batch->step);
    if (full && batch->step.last) {
      // The listing is complete: what it did not see is gone, if the listing can prove it.
      distrust = listing.distrust();
      if (distrust) {
        core::log_warn("{}: deactivated nothing: the listing cannot prove any item gone ({})", kPullProducts,
                       *distrust);
      } else {
        counts.deactivated = deactivate_unseen(tx, seen_type, start.full_started, options.apply.mass_changes);
      }
      forget_seen(tx, seen_type);
    }
    txs.commit();
    after_batch();
  }

  // What the walk showed of the server, for the next runs.
  counts.strategy = finish_listing(txs, start, listing_options, listing);
  counts.listing_distrusted = distrust.has_value();
  counts.resumed = start.resumed;
  counts.from_start = start.from_start;
  counts.list_calls = listing.list_calls();
}

}  // namespace tshsync::sync
