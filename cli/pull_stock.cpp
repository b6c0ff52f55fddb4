// tshsync pull-stock: Zoho stock into products.stock_quantity (incremental by default).
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/pull_stock_command.hpp>

namespace tshsync::cli {

void set_pull_stock_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "pull-stock",
      "Mirror Zoho stock into products.stock_quantity: items changed since the last run, or all with --full");
  auto options = std::make_shared<app::PullStockCommandOptions>();
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--full", options->full, "Read the stock of every item, not only of items changed since the last run");
  cmd->add_flag("--locations", options->locations,
                "Also keep stock per location (or warehouse) in product_stock_locations (item details, 100 a call)");
  cmd->add_flag("--dry-run", *dry_run, "Fetch and count what would change without writing (cursor included)");
  cmd->callback([&shared, options, dry_run] {
    const auto spec = app::specs::pull_stock().dry_run_if(*dry_run);
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::pull_stock_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
