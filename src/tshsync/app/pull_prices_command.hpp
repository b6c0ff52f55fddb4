#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

// Mirrors Zoho's sales pricebooks into pricelists and product_prices.
// Counts: pricebooks, prices_inserted, prices_updated, prices_unchanged,
// prices_deleted, failed, skipped_unknown_items, pricelists_created,
// pricelists_linked, api_calls. Exit 2 when a book or a row failed.
core::ExitCode pull_prices_command(RunContext& ctx);

}  // namespace tshsync::app
