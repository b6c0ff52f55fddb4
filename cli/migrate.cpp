// tshsync migrate: brings the database schema up to date (idempotent).
#include "cli/command_registry.hpp"

#include <tshsync/app/migrate_command.hpp>

namespace tshsync::cli {
namespace {

void setup(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("migrate", "Create or adopt the schema: apply pending migrations in order");
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--dry-run", *dry_run, "List the pending migrations without applying them");
  cmd->callback([&shared, dry_run] {
    app::CommandSpec spec{"migrate", true, false, false, *dry_run};
    shared.exit_code = app::run_command(shared.global, spec, app::migrate_command);
  });
}

const bool registered = register_command(10, setup);

}  // namespace
}  // namespace tshsync::cli
