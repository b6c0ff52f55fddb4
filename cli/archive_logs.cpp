// tshsync archive-logs: moves old webhook logs to the archive, drops old health metrics.
#include "cli/commands.hpp"

#include <tshsync/app/archive_logs_command.hpp>
#include <tshsync/app/command_specs.hpp>

namespace tshsync::cli {

void set_archive_logs_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "archive-logs", "Move old webhook_logs rows to webhook_logs_archive and delete old health metrics, in batches");
  auto options = std::make_shared<repair::ArchiveLogsOptions>();
  add_duration_option(*cmd, "--older-than", options->older_than, "Archive webhook logs older than this");
  cmd->add_option("--batch-size", options->batch_size, "Rows per batch (each batch is its own short transaction)")
      ->check(CLI::Range(1LL, 1000000LL))
      ->capture_default_str();
  add_duration_option(*cmd, "--metrics-older-than", options->metrics_older_than,
                      "Delete webhook_health_metrics older than this");
  cmd->add_flag("--dry-run", options->dry_run, "Count what would be archived and deleted without writing");
  cmd->callback([&shared, options] {
    shared.exit_code =
        app::run_command(shared.global, app::specs::archive_logs().dry_run_if(options->dry_run),
                         [options](app::RunContext& ctx) { return app::archive_logs_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
