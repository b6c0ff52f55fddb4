#include <tshsync/app/command_specs.hpp>

namespace tshsync::app::specs {

// Every command writes (health records its figures, validate its results), so
// every one takes its lock. Those whose runs status and health report on keep
// a sync_logs row.
CommandSpec migrate() { return CommandSpec::named("migrate").takes_lock().before_schema(); }
CommandSpec pull_products() { return CommandSpec::named("pull-products").takes_lock().keeps_ledger(); }
CommandSpec pull_stock() { return CommandSpec::named("pull-stock").takes_lock().keeps_ledger(); }
CommandSpec pull_prices() { return CommandSpec::named("pull-prices").takes_lock().keeps_ledger(); }
CommandSpec fix_stuck() { return CommandSpec::named("fix-stuck").takes_lock(); }
CommandSpec backfill_prices() { return CommandSpec::named("backfill-prices").takes_lock().keeps_ledger(); }
CommandSpec validate() { return CommandSpec::named("validate").takes_lock(); }
CommandSpec archive_logs() { return CommandSpec::named("archive-logs").takes_lock().keeps_ledger(); }
CommandSpec health() { return CommandSpec::named("health").takes_lock(); }
CommandSpec replay_dlq() { return CommandSpec::named("replay-dlq").takes_lock().keeps_ledger(); }

std::vector<CommandSpec> all() {
  return {migrate(),         pull_products(), pull_stock(),   pull_prices(), fix_stuck(),
          backfill_prices(), validate(),      archive_logs(), health(),      replay_dlq()};
}

}  // namespace tshsync::app::specs
