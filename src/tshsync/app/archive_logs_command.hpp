#pragma once

#include <chrono>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct ArchiveLogsCommandOptions {
  std::chrono::seconds older_than{std::chrono::hours(24 * 90)};
  std::chrono::seconds metrics_older_than{std::chrono::hours(24 * 30)};
  long long batch_size = 5000;
};

// Moves old webhook_logs rows to webhook_logs_archive and deletes old health
// metrics, in batches. Counts: archived, already_archived, held_for_replay,
// deleted_metrics, batches, metrics_batches, max_batch_seconds.
core::ExitCode archive_logs_command(RunContext& ctx, const ArchiveLogsCommandOptions& options);

}  // namespace tshsync::app
