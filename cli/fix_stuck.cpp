// tshsync fix-stuck: fails sync_logs runs left in_progress by a process that is gone.
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/fix_stuck_command.hpp>

namespace tshsync::cli {

void set_fix_stuck_command(CLI::App& app, Shared& shared) {
  auto* cmd =
      app.add_subcommand("fix-stuck", "Mark sync_logs runs stuck in_progress, with no running process, as failed");
  auto options = std::make_shared<repair::FixStuckOptions>();
  add_duration_option(*cmd, "--older-than", options->older_than, "Only rows that started longer ago than this");
  cmd->add_flag("--dry-run", options->dry_run, "Report what would be fixed without writing");
  cmd->callback([&shared, options] {
    shared.exit_code =
        app::run_command(shared.global, app::specs::fix_stuck().dry_run_if(options->dry_run),
                         [options](app::RunContext& ctx) { return app::fix_stuck_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
