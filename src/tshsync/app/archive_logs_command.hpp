#pragma once

#include <tshsync/app/command_runner.hpp>
#include <tshsync/repair/archive_logs.hpp>

namespace tshsync::app {

// Moves old webhook_logs rows to webhook_logs_archive and deletes old health
// metrics, in batches; the options come straight from the command line, the
// dry run from the run. Counts: archived, already_archived, held_for_replay,
// deleted_metrics, batches, metrics_batches, max_batch_seconds.
core::ExitCode archive_logs_command(RunContext& ctx, repair::ArchiveLogsOptions options);

}  // namespace tshsync::app
