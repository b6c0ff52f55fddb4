#include <tshsync/app/pull_prices_command.hpp>

#include <tshsync/app/cancellation.hpp>
#include <tshsync/app/change_feed_run.hpp>
#include <tshsync/app/pull_metrics.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/sync/pull_prices.hpp>
#include <tshsync/util/scope_exit.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::app {

namespace {

void publish(core::RunReport& report, const sync::PriceCounts& counts, const zoho::Client& client) {
  publish_price_counts(report, counts);
  report.set("skipped_unknown_items", counts.skipped_unknown_items);
  report.set("pricelists_created", counts.pricelists_created);
  report.set("pricelists_linked", counts.pricelists_linked);
  report.set("prices_discounted", counts.discounted);
  report.set("pricelists_kept", counts.lists_kept);
  report.set("pricebooks_by_item_rates", counts.books_by_item_rates);
  report.set("pricebooks_from_list", counts.books_from_list);
  report.set("api_calls", client.api_calls());
  report.records_synced = counts.prices_inserted + counts.prices_updated + counts.prices_deleted;
}

}  // namespace

core::ExitCode pull_prices_command(RunContext& ctx, const PullPricesCommandOptions& options) {
  zoho::require_zoho_config(ctx.config.zoho);
  zoho::Client client(ctx.config.zoho, ctx.config.database.dsn, &cancel_flag());
  PullPlan plan{"pull-prices", webhooks::ChangeKind::prices, options.full};
  if (const auto served = begin_pull(ctx, client, plan)) return *served;  // from the change feed, or deferred
  sync::PullPricesOptions pull;
  pull.dry_run = ctx.dry_run;
  pull.prices.default_currency = ctx.config.sync.default_currency;
  pull.prices.mass_changes = {ctx.config.sync.max_change_share, options.allow_mass_changes};
  pull.prices.erp = ctx.config.erp;
  sync::PriceCounts counts;
  {
    core::Progress progress;
    const util::ScopeExit published([&] {  // on every exit: a stopped run's counts are its partial ones
      progress.finish();
      publish(ctx.report, counts, client);
    });
    sync::pull_prices(client, ctx.db, pull, counts, [&] {
      throw_if_cancelled();
      progress.update(fmt::format("pull-prices: {} pricebooks applied", counts.pricebooks));
    });
  }
  finish_listing(ctx, plan);
  core::log_info("{}{} pricebooks: {} prices inserted, {} updated, {} unchanged, {} deleted, {} failed ({} API calls)",
                 ctx.dry_run ? "dry run, nothing written: " : "", counts.pricebooks, counts.prices_inserted,
                 counts.prices_updated, counts.prices_unchanged, counts.prices_deleted, counts.failed,
                 client.api_calls());
  if (counts.failed > 0) {
    core::log_warn("{} pricebook(s) or row(s) could not be applied and were skipped (see above)", counts.failed);
    return core::ExitCode::partial;
  }
  return core::ExitCode::success;
}

}  // namespace tshsync::app
