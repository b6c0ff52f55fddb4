// tshsync pull-prices: Zoho's sales pricebooks into pricelists and product_prices.
#include "cli/command_registry.hpp"

#include <tshsync/app/pull_prices_command.hpp>

namespace tshsync::cli {
namespace {

void setup(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("pull-prices",
                                 "Mirror Zoho's sales pricebooks into pricelists and product_prices");
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--dry-run", *dry_run, "Fetch and count what would change without writing");
  cmd->callback([&shared, dry_run] {
    app::CommandSpec spec{"pull-prices", true, true, true, *dry_run};
    shared.exit_code = app::run_command(shared.global, spec, app::pull_prices_command);
  });
}

const bool registered = register_command(30, setup);

}  // namespace
}  // namespace tshsync::cli
