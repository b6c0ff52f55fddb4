// tshsync migrate: brings the database schema up to date (idempotent).
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/migrate_command.hpp>

namespace tshsync::cli {

void set_migrate_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("migrate", "Create or adopt the schema: apply pending migrations in order");
  auto dry_run = std::make_shared<bool>(false);
  auto options = std::make_shared<app::MigrateCommandOptions>();
  cmd->add_flag("--dry-run", *dry_run, "List the pending migrations without applying them");
  cmd->add_flag("--check", options->check,
                "Read the ERP's schema, print what migrate would add and every incompatibility with its fix; "
                "exit 78 on any, change nothing");
  cmd->callback([&shared, dry_run, options] {
    const auto spec = app::specs::migrate().dry_run_if(*dry_run || options->check);
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::migrate_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
