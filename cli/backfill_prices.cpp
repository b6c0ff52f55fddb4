// tshsync backfill-prices: gives active products with no price at all their base price.
#include "cli/command_registry.hpp"

#include <tshsync/app/backfill_prices_command.hpp>

namespace tshsync::cli {
namespace {

struct Options {
  std::string pricelist;
  std::string currency;
  bool dry_run = false;
};

void setup(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("backfill-prices",
                                 "Give active products that have no price in any list their base price in one list");
  auto opts = std::make_shared<Options>();
  auto* pricelist = cmd->add_option("--pricelist", opts->pricelist,
                                    "Price list to fill (default: [sync].default_pricelist, \"Consumer\")");
  auto* currency = cmd->add_option("--currency", opts->currency,
                                   "Currency of the new rows (default: the list's, else [sync].default_currency, \"IQD\")");
  cmd->add_flag("--dry-run", opts->dry_run, "Count what would be backfilled without writing");
  cmd->callback([&shared, opts, pricelist, currency] {
    app::CommandSpec spec{"backfill-prices", true, true, true, opts->dry_run};
    app::BackfillPricesCommandOptions options;
    if (pricelist->count() > 0) options.pricelist = opts->pricelist;
    if (currency->count() > 0) options.currency = opts->currency;
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::backfill_prices_command(ctx, options); });
  });
}

const bool registered = register_command(50, setup);

}  // namespace
}  // namespace tshsync::cli
