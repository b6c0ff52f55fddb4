#pragma once

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct PullProductsCommandOptions {
  bool full = false;
};

// Mirrors Zoho items into products. Counts: fetched, inserted, updated,
// unchanged, deactivated, failed, api_calls, list_calls, resumed (when true;
// also on a run the daily budget stopped, which exits 75 after
// checkpointing). Exit 2 when records failed.
core::ExitCode pull_products_command(RunContext& ctx, const PullProductsCommandOptions& options);

}  // namespace tshsync::app
