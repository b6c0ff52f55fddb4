#include <tshsync/sync/pull_stock.hpp>

#include <memory>

#include <tshsync/sync/item_details.hpp>
#include <tshsync/sync/listing_pull.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

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

void pull_stock(zoho::Client& client, pqxx::connection& conn, const PullStockOptions& options,
                PullStockCounts& counts) {
  ItemDetailsFetcher details_fetcher(client);
  ListingPullSpec spec{"pull-stock", options.full, options.dry_run, options.lookback};
  ListingPullHooks hooks;
  hooks.prepare_page = [&](nlohmann::json&& items) -> PageWriter {
    // Lists carry no per-location figures: a location_* stock field needs details.
    const bool need_details = options.stock.locations || options.stock.from_location();
    auto details = std::make_shared<const nlohmann::json>(need_details ? details_fetcher.fetch(readable_ids(items))
                                                                       : nlohmann::json());
    auto page_items = std::make_shared<const nlohmann::json>(std::move(items));
    return [&, details, page_items](pqxx::transaction_base& tx) {
      StockCounts page = options.stock.from_location() ? merge_location_stock(tx, *details, options.stock)
                                                       : merge_stock(tx, *page_items, options.stock);
      if (options.stock.locations) merge_locations(tx, *details, page);
      counts.stock.add(page);
    };
  };
  hooks.after_page = options.after_page;
  const ListingPullResult result = run_listing_pull(client, conn, spec, hooks);
  counts.detail_calls = details_fetcher.calls();
  counts.details_fell_back = details_fetcher.fell_back();
  counts.from_location = options.stock.from_location();
  counts.resumed = result.resumed;
  counts.from_start = result.from_start;
  counts.list_calls = result.list_calls;
  counts.strategy = result.strategy;
}

}  // namespace tshsync::sync
