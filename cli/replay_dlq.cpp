// tshsync replay-dlq: no failed webhook is lost: queue it, replay it, or flag it.
#include "cli/commands.hpp"

#include <tshsync/app/command_specs.hpp>
#include <tshsync/app/replay_dlq_command.hpp>

namespace tshsync::cli {
void set_replay_dlq_command(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "replay-dlq",
      "Queue failed webhooks in webhook_dead_letter_queue and replay the due ones: item, stock and price list\n"
      "events are re-fetched from Zoho (the payload only names the record), other events are redelivered,\n"
      "signed, to their [replay.targets] receiver; failures are retried later, then exhausted");
  auto options = std::make_shared<app::ReplayDlqCommandOptions>();
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_option("--max-attempts", options->max_attempts,
                  "Attempts before an entry is exhausted (1-10; default [replay].max_attempts, 10)")
      ->check(CLI::Range(1, 10));
  cmd->add_option("--limit", options->limit, "Replay at most this many due entries, oldest first (default: all)")
      ->check(CLI::Range(1LL, 100000000LL));
  cmd->add_flag("--dry-run", *dry_run, "Report what would be queued and replayed; write nothing, call no one");
  cmd->callback([&shared, options, dry_run] {
    shared.exit_code =
        app::run_command(shared.global, app::specs::replay_dlq().dry_run_if(*dry_run),
                         [options](app::RunContext& ctx) { return app::replay_dlq_command(ctx, *options); });
  });
}

}  // namespace tshsync::cli
