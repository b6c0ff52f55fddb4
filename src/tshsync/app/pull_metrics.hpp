#pragma once

#include <cstdint>

#include <tshsync/core/run_report.hpp>
#include <tshsync/sync/item_merge.hpp>
#include <tshsync/sync/pricebook_merge.hpp>
#include <tshsync/sync/stock_merge.hpp>

namespace tshsync::app {

// The metrics keys the listing pulls and the change-feed runs share, written
// in one place so a renamed key cannot drift between the two kinds of run.
// Each caller adds its own keys and records_synced.
void publish_item_counts(core::RunReport& report, const sync::MergeCounts& items, int64_t deactivated);
void publish_stock_counts(core::RunReport& report, const sync::StockCounts& stock);
void publish_price_counts(core::RunReport& report, const sync::PriceCounts& prices);

}  // namespace tshsync::app
