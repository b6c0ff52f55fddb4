#pragma once

#include <optional>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct ReplayDlqCommandOptions {
  std::optional<int> max_attempts;  // default [replay].max_attempts
  std::optional<long long> limit;
};

// Queues failed webhooks and replays the due dead letters (webhooks/replay.hpp).
// Exit 0 when every due entry was resolved or flagged for a human, 2 when
// some attempt failed (retry scheduled, or retries exhausted).
// Counts: enqueued, due, resolved, retried, exhausted, needs_human, deferred,
// api_calls; exhausted_entries (when any); --dry-run: would_refetch, would_redeliver.
core::ExitCode replay_dlq_command(RunContext& ctx, const ReplayDlqCommandOptions& options);

}  // namespace tshsync::app
