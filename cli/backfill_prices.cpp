// tshsync backfill-prices: gives active products with no price at all their base price.
#include "cli/commands.hpp"

#include <tshsync/app/backfill_prices_command.hpp>
#include <tshsync/app/command_specs.hpp>
#include <tshsync/core/config.hpp>

namespace tshsync::cli {

void set_backfill_prices_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("backfill-prices",
                                 "Give active products that have no price in any list their base price in one list");
  auto options = std::make_shared<app::BackfillPricesCommandOptions>();
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_option("--pricelist", options->pricelist,
                  "Price list to fill (default: [sync].default_pricelist, \"Consumer\")");
  cmd->add_option("--currency", options->currency,
                  std::string("Currency of the new rows (default: the list's, else [sync].default_currency, \"") +
                      core::kDefaultCurrency + "\")");
  cmd->add_flag("--dry-run", *dry_run, "Count what would be backfilled without writing");
  cmd->callback([&shared, options, dry_run] {
    shared.exit_code =
        app::run_command(shared.global, app::specs::backfill_prices().dry_run_if(*dry_run),
                         [options](app::RunContext& ctx) { return app::backfill_prices_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
