// tshsync pull-products: Zoho items into products (incremental by default).
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/pull_products_command.hpp>

namespace tshsync::cli {

void set_pull_products_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "pull-products", "Mirror Zoho items into products: items changed since the last run, or all with --full");
  auto options = std::make_shared<app::PullProductsCommandOptions>();
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--full", options->full,
                "Read every item (resuming a --full run that was stopped) and mark products Zoho no longer has as "
                "inactive once the listing is complete");
  cmd->add_flag("--dry-run", *dry_run, "Fetch and count what would change without writing (cursor included)");
  cmd->add_flag("--allow-mass-changes", options->allow_mass_changes,
                "Deactivate products even when more than [sync].max_change_share of the active catalog would go");
  cmd->callback([&shared, options, dry_run] {
    const auto spec = app::specs::pull_products().dry_run_if(*dry_run);
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::pull_products_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
