// tshsync archive-logs: moves old webhook logs to the archive, drops old health metrics.
#include "cli/command_registry.hpp"

#include <tshsync/app/archive_logs_command.hpp>
#include <tshsync/util/duration.hpp>

namespace tshsync::cli {
namespace {

struct Options {
  std::string older_than = "90d";
  std::string metrics_older_than = "30d";
  long long batch_size = 5000;
  bool dry_run = false;
};

void setup(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "archive-logs", "Move old webhook_logs rows to webhook_logs_archive and delete old health metrics, in batches");
  auto opts = std::make_shared<Options>();
  cmd->add_option("--older-than", opts->older_than, "Archive webhook logs older than this")
      ->check(duration_validator())
      ->capture_default_str();
  cmd->add_option("--batch-size", opts->batch_size, "Rows per batch (each batch is its own short transaction)")
      ->check(CLI::Range(1LL, 1000000LL))
      ->capture_default_str();
  cmd->add_option("--metrics-older-than", opts->metrics_older_than, "Delete webhook_health_metrics older than this")
      ->check(duration_validator())
      ->capture_default_str();
  cmd->add_flag("--dry-run", opts->dry_run, "Count what would be archived and deleted without writing");
  cmd->callback([&shared, opts] {
    app::CommandSpec spec{"archive-logs", true, true, true, opts->dry_run};
    app::ArchiveLogsCommandOptions options;
    options.older_than = util::parse_duration(opts->older_than);
    options.metrics_older_than = util::parse_duration(opts->metrics_older_than);
    options.batch_size = opts->batch_size;
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::archive_logs_command(ctx, options); });
  });
}

const bool registered = register_command(70, setup);

}  // namespace
}  // namespace tshsync::cli
