// tshsync health: judges webhooks, syncs, stuck jobs, dead letters and prices
// against the audit's P1-P4 escalation table; records the figures.
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/health_command.hpp>
#include <tshsync/util/duration.hpp>

namespace tshsync::cli {

void set_health_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "health",
      "Check webhook success rates, scheduled syncs, stuck jobs, dead letters and unpriced products; alert P1-P4");
  auto options = std::make_shared<app::HealthOptions>();
  cmd->add_option_function<std::string>(
         "--window", [options](const std::string& value) { options->window = util::parse_duration(value); },
         "How far back to judge webhook events (default: [health].window, 1h)")
      ->check(duration_validator());
  cmd->add_flag("--json", options->json,
                "Print the full report as one JSON document on stdout, before the metrics line");
  cmd->footer(
      std::string("Checks and priorities (the audit's escalation table):\n"
                  "  webhook success rate per event type, ignored events counted as failures, more than 5 events:\n"
                  "      below 50% P1, below 90% P2; only types with errors (all-ignored types are not rated)\n"
                  "  events without a known event type (unknown, none) that failed: one P3\n"
                  "  signature failures (signature_missing/signature_invalid errors, errors naming the signature):\n"
                  "      more than 50 P1, any P2\n"
                  "  sync jobs in_progress longer than [health].stuck_after: P2\n"
                  "  pull-products, pull-stock, pull-prices, replay-dlq: no success within [health].stale_after P2;\n"
                  "      never run at all P3 (not scheduled yet); all of those that ran failing for over 1h P1\n"
                  "  dead letters: retries exhausted P2 (up to 5 named), waiting for a human P3\n"
                  "  active products without any price: more than 100 P2, any P3\n"
                  "Every figure is recorded in webhook_health_metrics. Exit 1 when any alert fires.\n\n") +
      cmd->get_footer());
  cmd->callback([&shared, options] {
    shared.exit_code = app::run_command(shared.global, app::specs::health(),
                                        [options](app::RunContext& ctx) { return app::health_command(ctx, *options); });
  });
}
}  // namespace tshsync::cli
