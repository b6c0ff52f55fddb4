// tshsync replay-dlq: no failed webhook is lost: queue it, replay it, or flag it.
#include "cli/command_registry.hpp"

#include <tshsync/app/replay_dlq_command.hpp>

namespace tshsync::cli {
namespace {

struct Options {
  int max_attempts = 0;  // 0: [replay].max_attempts
  long long limit = 0;   // 0: all due entries
  bool dry_run = false;
};

void setup(CLI::App& app, Shared& shared) {
  auto* cmd = app.add_subcommand(
      "replay-dlq",
      "Queue failed webhooks in webhook_dead_letter_queue and replay the due ones: item, stock and price list\n"
      "events are re-fetched from Zoho (the payload only names the record), other events are redelivered,\n"
      "signed, to their [replay.targets] receiver; failures are retried later, then exhausted");
  auto opts = std::make_shared<Options>();
  cmd->add_option("--max-attempts", opts->max_attempts,
                  "Attempts before an entry is exhausted (1-10; default [replay].max_attempts, 10)")
      ->check(CLI::Range(1, 10));
  cmd->add_option("--limit", opts->limit, "Replay at most this many due entries, oldest first (default: all)")
      ->check(CLI::Range(1LL, 100000000LL));
  cmd->add_flag("--dry-run", opts->dry_run, "Report what would be queued and replayed; write nothing, call no one");
  cmd->callback([&shared, opts] {
    app::CommandSpec spec{"replay-dlq", true, true, true, opts->dry_run};
    app::ReplayDlqCommandOptions options;
    if (opts->max_attempts > 0) options.max_attempts = opts->max_attempts;
    if (opts->limit > 0) options.limit = opts->limit;
    shared.exit_code = app::run_command(
        shared.global, spec, [options](app::RunContext& ctx) { return app::replay_dlq_command(ctx, options); });
  });
}

const bool registered = register_command(90, setup);

}  // namespace
}  // namespace tshsync::cli
