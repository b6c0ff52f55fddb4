// tshsync pull-prices: Zoho's sales pricebooks into pricelists and product_prices.
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/pull_prices_command.hpp>

namespace tshsync::cli {

void set_pull_prices_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("pull-prices", "Mirror Zoho's sales pricebooks into pricelists and product_prices");
  auto dry_run = std::make_shared<bool>(false);
  auto options = std::make_shared<app::PullPricesCommandOptions>();
  cmd->add_flag("--full", options->full,
                "Read every book, not only those the change feed names (the nightly backstop)");
  cmd->add_flag("--dry-run", *dry_run, "Fetch and count what would change without writing");
  cmd->add_flag("--allow-mass-changes", options->allow_mass_changes,
                "Apply a book even when it deletes more than [sync].max_change_share of its list");
  cmd->callback([&shared, options, dry_run] {
    const auto spec = app::specs::pull_prices().dry_run_if(*dry_run);
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::pull_prices_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
