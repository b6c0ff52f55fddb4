#include <tshsync/app/pull_products_command.hpp>

#include <tshsync/app/cancellation.hpp>
#include <tshsync/app/change_feed_run.hpp>
#include <tshsync/app/pull_metrics.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/sync/pull_products.hpp>
#include <tshsync/util/scope_exit.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::app {

namespace {

void publish(core::RunReport& report, const sync::PullProductsCounts& counts, const zoho::Client& client) {
  const sync::MergeCounts& items = counts.items;
  publish_item_counts(report, items, counts.deactivated);
  if (items.future_times > 0) report.set("future_timestamps", items.future_times);
  report.set("not_products", items.not_products);
  report.set("api_calls", client.api_calls());
  report.set("list_calls", counts.list_calls);
  if (!counts.strategy.empty()) report.set("strategy", counts.strategy);
  if (counts.resumed) report.set("resumed", true);
  if (counts.listing_distrusted) report.set("listing_distrusted", true);
  report.records_synced = items.inserted + items.updated + counts.deactivated;
}

}  // namespace

core::ExitCode pull_products_command(RunContext& ctx, const PullProductsCommandOptions& options) {
  zoho::require_zoho_config(ctx.config.zoho);
  zoho::Client client(ctx.config.zoho, ctx.config.database.dsn, &cancel_flag());
  PullPlan plan{"pull-products", webhooks::ChangeKind::items, options.full};
  if (const auto served = begin_pull(ctx, client, plan)) return *served;  // from the change feed, or deferred
  sync::PullProductsOptions pull;
  pull.listing = {options.full, ctx.dry_run, ctx.config.zoho.lookback, ctx.config.zoho.max_list_pages};
  pull.apply = sync::ApplyOptions::from_config(ctx.config.zoho, ctx.config.erp);
  pull.apply.mass_changes = {ctx.config.sync.max_change_share, options.allow_mass_changes};
  sync::PullProductsCounts counts;
  {
    core::Progress progress;
    const util::ScopeExit published([&] {  // on every exit: a stopped run's counts are its partial ones
      progress.finish();
      publish(ctx.report, counts, client);
    });
    sync::pull_products(client, ctx.db, pull, counts, [&] {
      throw_if_cancelled();
      progress.update(fmt::format("pull-products: {} items read, {} inserted, {} updated", counts.items.fetched,
                                  counts.items.inserted, counts.items.updated));
    });
  }
  finish_listing(ctx, plan);
  const sync::MergeCounts& items = counts.items;
  if (counts.from_start) core::log_info("no cursor yet: read every item (nothing is deactivated without --full)");
  core::log_info("{}{} items: {} inserted, {} updated, {} unchanged, {} deactivated, {} failed ({} API calls)",
                 ctx.dry_run ? "dry run, nothing written: " : "", items.fetched, items.inserted, items.updated,
                 items.unchanged, counts.deactivated, items.failed, client.api_calls());
  if (counts.listing_distrusted) return core::ExitCode::partial;  // warned by pull_products
  if (items.failed > 0) {
    core::log_warn(
        "{} item(s) could not be read or were refused by the database, and were skipped (see above); the rest were "
        "applied",
        items.failed);
    return core::ExitCode::partial;
  }
  return core::ExitCode::success;
}

}  // namespace tshsync::app
