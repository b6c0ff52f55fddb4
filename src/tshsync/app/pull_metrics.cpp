#include <tshsync/app/pull_metrics.hpp>

namespace tshsync::app {

void publish_item_counts(core::RunReport& report, const sync::MergeCounts& items, int64_t deactivated) {
  report.set("fetched", items.fetched);
  report.set("inserted", items.inserted);
  report.set("updated", items.updated);
  report.set("unchanged", items.unchanged);
  report.set("deactivated", deactivated);
  report.set("failed", items.failed);
  report.set("failed_ids", items.failed_ids);
}

void publish_stock_counts(core::RunReport& report, const sync::StockCounts& stock) {
  report.set("fetched", stock.fetched);
  report.set("updated", stock.updated);
  report.set("unchanged", stock.unchanged);
  report.set("failed", stock.failed);
  report.set("failed_ids", stock.failed_ids);
  report.set("skipped_unknown_items", stock.unknown_items);
}

void publish_price_counts(core::RunReport& report, const sync::PriceCounts& prices) {
  report.set("pricebooks", prices.pricebooks);
  report.set("prices_inserted", prices.prices_inserted);
  report.set("prices_updated", prices.prices_updated);
  report.set("prices_unchanged", prices.prices_unchanged);
  report.set("prices_deleted", prices.prices_deleted);
  report.set("failed", prices.failed);
  report.set("failed_ids", prices.failed_ids);
}

}  // namespace tshsync::app
