// tshsync fix-stuck: fails sync_logs runs left in_progress by a process that is gone.
#include "cli/command_registry.hpp"

#include <tshsync/app/fix_stuck_command.hpp>
#include <tshsync/util/duration.hpp>

namespace tshsync::cli {
namespace {

struct Options {
  std::string older_than = "1h";
  bool dry_run = false;
};

void setup(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand("fix-stuck", "Mark sync_logs runs stuck in_progress, with no running process, as failed");
  auto opts = std::make_shared<Options>();
  cmd->add_option("--older-than", opts->older_than, "Only rows that started longer ago than this")
      ->check(duration_validator())
      ->capture_default_str();
  cmd->add_flag("--dry-run", opts->dry_run, "Report what would be fixed without writing");
  cmd->callback([&shared, opts] {
    app::CommandSpec spec{"fix-stuck", true, false, true, opts->dry_run};
    const app::FixStuckCommandOptions options{util::parse_duration(opts->older_than)};
    shared.exit_code = app::run_command(shared.global, spec,
                                        [options](app::RunContext& ctx) { return app::fix_stuck_command(ctx, options); });
  });
}

const bool registered = register_command(40, setup);

}  // namespace
}  // namespace tshsync::cli
