#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct PullStockCommandOptions {
  bool full = false;
  bool locations = false;
};

// Mirrors Zoho stock into products.stock_quantity (and per location with
// --locations). Counts: fetched, updated, unchanged, failed, api_calls,
// list_calls, skipped_unknown_items, resumed (when true; + locations_updated,
// detail_calls with --locations). Exit 2 when records failed.
core::ExitCode pull_stock_command(RunContext& ctx, const PullStockCommandOptions& options);

}  // namespace tshsync::app
