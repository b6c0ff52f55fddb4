#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct PullPricesCommandOptions {
  bool allow_mass_changes = false;  // --allow-mass-changes
  bool full = false;                // --full: every book, whatever the change feed says
};

// Mirrors Zoho's sales pricebooks into pricelists and product_prices.
// Counts: pricebooks, prices_inserted, prices_updated, prices_unchanged,
// prices_deleted, failed, skipped_unknown_items, pricelists_created,
// pricelists_linked, prices_discounted, pricelists_kept,
// pricebooks_by_item_rates, api_calls. Exit 2 when a book or a row failed,
// 65 when a list would lose more than [sync].max_change_share of its rows.
core::ExitCode pull_prices_command(RunContext& ctx, const PullPricesCommandOptions& options);

}  // namespace tshsync::app
