#include <tshsync/sync/pull_stock.hpp>

#include <memory>

#include <pqxx/pqxx>

#include <tshsync/sync/item_details.hpp>
#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/listing_prefetch.hpp>
#include <tshsync/sync/run_transactions.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

const char* const kPullStock = "pull-stock";

// A batch of listed items and, when the stock needs them, their details.
struct StockBatch {
  nlohmann::json items;
  nlohmann::json details;
};

std::vector<std::string> readable_ids(const nlohmann::json& items) {
  std::vector<std::string> ids;
  for (const auto& record : items) {
    if (!record.is_object()) continue;
    try {
      ids.push_back(zoho::id_field(record, "item_id", ""));
    } catch (const zoho::RecordError&) {
      // counted as failed by merge_stock
    }
  }
  return ids;
}

}  // namespace

void pull_stock(zoho::Client& client, pqxx::connection& conn, const PullStockOptions& options, PullStockCounts& counts,
                const AfterBatch& after_batch) {
  const StockOptions& stock = options.stock;
  RunTransactions txs(conn, options.listing.dry_run);

  // Where the listing starts: the cursor, or a --full listing's checkpoint.
  const ListingStart start = start_listing(txs.begin(), kPullStock, options.listing);
  txs.commit();

  // Pages of GET /items. Lists carry no per-location figures: --locations and a
  // location_* stock field need the items' details, fetched on the download
  // thread with their batch.
  ItemListing listing(client, start.position, start.page_cap);
  ItemDetailsFetcher details_fetcher(client);
  const bool need_details = stock.locations || stock.from_location();
  ListingPrefetch<StockBatch> pages(listing, kPullStock, [&](nlohmann::json&& items) {
    nlohmann::json details = need_details ? details_fetcher.fetch(readable_ids(items)) : nlohmann::json();
    return StockBatch{std::move(items), std::move(details)};
  });
  while (auto batch = pages.next()) {
    pqxx::work& tx = txs.begin();
    // COPY and one UPDATE of the figures that differ; then the locations' rows.
    StockCounts written = stock.from_location() ? merge_location_stock(tx, batch->prepared.details, stock)
                                                : merge_stock(tx, batch->prepared.items, stock);
    if (stock.locations) merge_locations(tx, batch->prepared.details, written);
    counts.stock.add(written);
    save_listing_progress(tx, start, options.listing, batch->step);
    txs.commit();
    after_batch();
  }

  // What the walk showed of the server, for the next runs.
  counts.strategy = finish_listing(txs, start, options.listing, listing);
  counts.detail_calls = details_fetcher.calls();
  counts.details_fell_back = details_fetcher.fell_back();
  counts.from_location = stock.from_location();
  counts.resumed = start.resumed;
  counts.list_calls = listing.list_calls();
}

}  // namespace tshsync::sync
