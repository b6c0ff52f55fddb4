#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct PullProductsCommandOptions {
  bool full = false;
  bool allow_mass_changes = false;  // --allow-mass-changes
};

// Mirrors Zoho items into products. Counts: fetched, inserted, updated,
// unchanged, deactivated, failed, api_calls, list_calls, resumed (when true;
// also on a run the daily budget stopped, which exits 75 after
// checkpointing), not_products. Exit 2 when records failed, 65 when the run
// would deactivate more than [sync].max_change_share of the active catalog.
core::ExitCode pull_products_command(RunContext& ctx, const PullProductsCommandOptions& options);

}  // namespace tshsync::app
