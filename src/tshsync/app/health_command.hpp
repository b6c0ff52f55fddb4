#pragma once

#include <chrono>
#include <optional>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct HealthOptions {
  std::optional<std::chrono::seconds> window;  // --window; default [health].window
  bool json = false;                           // --json: the full report on stdout
};

// Judges webhooks, scheduled syncs, stuck jobs, the dead-letter queue and
// unpriced products against the audit's P1-P4 table, and records every figure
// in webhook_health_metrics. Exit 1 when any alert fires.
// Counts: alerts, highest_priority, webhook_rates, webhook_events,
// signature_failures, stuck_jobs, sync_last_success_age_seconds, dlq_depth,
// dlq_exhausted, dlq_needs_human, products_without_prices, window_seconds.
core::ExitCode health_command(RunContext& ctx, const HealthOptions& options);

}  // namespace tshsync::app
