#include <tshsync/app/pull_stock_command.hpp>

#include <tshsync/app/cancellation.hpp>
#include <tshsync/app/change_feed_run.hpp>
#include <tshsync/app/pull_metrics.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/sync/pull_stock.hpp>
#include <tshsync/util/scope_exit.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::app {

namespace {

void publish(core::RunReport& report, const sync::PullStockCounts& counts, bool locations, const zoho::Client& client) {
  const sync::StockCounts& stock = counts.stock;
  publish_stock_counts(report, stock);
  report.set("api_calls", client.api_calls());
  report.set("list_calls", counts.list_calls);
  if (!counts.strategy.empty()) report.set("strategy", counts.strategy);
  if (locations) {
    report.set("locations_updated", stock.locations_updated);
    report.set("detail_calls", counts.detail_calls);
  }
  if (counts.from_location) {
    report.set("missing_location", stock.missing_location);
    if (!locations) report.set("detail_calls", counts.detail_calls);
  }
  if (counts.resumed) report.set("resumed", true);
  report.records_synced = stock.updated + stock.locations_updated;
}

}  // namespace

core::ExitCode pull_stock_command(RunContext& ctx, const PullStockCommandOptions& options) {
  zoho::require_zoho_config(ctx.config.zoho);
  zoho::Client client(ctx.config.zoho, ctx.config.database.dsn, &cancel_flag());
  PullPlan plan{"pull-stock", webhooks::ChangeKind::stock, options.full,
                options.locations || sync::StockOptions::from_config(ctx.config.zoho, false).from_location()};
  if (const auto served = begin_pull(ctx, client, plan)) return *served;  // from the change feed, or deferred
  sync::PullStockOptions pull;
  pull.listing.full = options.full;
  pull.listing.dry_run = ctx.dry_run;
  pull.listing.lookback = ctx.config.zoho.lookback;
  pull.listing.max_list_pages = ctx.config.zoho.max_list_pages;
  pull.stock = sync::StockOptions::from_config(ctx.config.zoho, options.locations, ctx.config.erp);
  sync::PullStockCounts counts;
  {
    core::Progress progress;
    const util::ScopeExit published([&] {  // on every exit: a stopped run's counts are its partial ones
      progress.finish();
      publish(ctx.report, counts, options.locations, client);
    });
    sync::pull_stock(client, ctx.db, pull, counts, [&] {
      throw_if_cancelled();
      progress.update(fmt::format("pull-stock: {} items read, {} updated", counts.stock.fetched, counts.stock.updated));
    });
  }
  finish_listing(ctx, plan);
  const sync::StockCounts& stock = counts.stock;
  if (counts.details_fell_back)
    core::log_warn("item details were fetched one item at a time ({} calls): this Zoho has no /itemdetails",
                   counts.detail_calls);
  if (stock.missing_location > 0)
    core::log_warn("{} item(s) have no stock at location \"{}\": their stock is 0", stock.missing_location,
                   ctx.config.zoho.stock_location);
  if (stock.unknown_items > 0)
    core::log_warn("{} item(s) have no product yet and were skipped: run pull-products first", stock.unknown_items);
  core::log_info(
      "{}{} items: stock of {} updated, {} unchanged, {} failed{} ({} API calls)",
      ctx.dry_run ? "dry run, nothing written: " : "", stock.fetched, stock.updated, stock.unchanged, stock.failed,
      options.locations ? fmt::format(", {} location rows written", stock.locations_updated) : "", client.api_calls());
  if (stock.failed > 0) {
    core::log_warn(
        "{} item(s) could not be read or were refused by the database, and were skipped (see above); the rest were "
        "applied",
        stock.failed);
    return core::ExitCode::partial;
  }
  return core::ExitCode::success;
}

}  // namespace tshsync::app
