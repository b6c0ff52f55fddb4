#include <tshsync/app/change_feed_run.hpp>

#include <set>
#include <vector>

#include <tshsync/app/pull_metrics.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/sync/pull_prices_cost.hpp>
#include <tshsync/sync/state.hpp>
#include <tshsync/webhooks/change_feed.hpp>
#include <tshsync/zoho/call_shares.hpp>

namespace tshsync::app {

namespace {

using webhooks::ChangeKind;

int64_t pages(int64_t records, int64_t per_call) { return records <= 0 ? 1 : (records + per_call - 1) / per_call; }

// /itemdetails is Inventory's: Books documents only GET /items/{id}.
bool batched_details(const core::Config& config) { return config.zoho.product == "inventory"; }

int64_t detail_calls(int64_t ids, bool batched) { return batched ? (ids == 0 ? 0 : pages(ids, 100)) : ids; }

void publish_items(core::RunReport& report, const sync::MergeCounts& c, int64_t deactivated) {
  publish_item_counts(report, c, deactivated);
  report.records_synced = c.inserted + c.updated + deactivated;
}

void publish_stock(core::RunReport& report, const sync::StockCounts& c) {
  publish_stock_counts(report, c);
  report.records_synced = c.updated;
}

void publish_prices(core::RunReport& report, const sync::PriceCounts& c) {
  publish_price_counts(report, c);
  report.records_synced = c.prices_inserted + c.prices_updated + c.prices_deleted;
}

// Re-fetches what the feed named and applies it; returns the failures.
int64_t apply_feed(RunContext& ctx, zoho::Client& client, const PullPlan& plan, const std::vector<std::string>& ids,
                   int64_t& detail_calls_made) {
  const core::Config& config = ctx.config;
  const bool batched = batched_details(config);
  if (plan.kind == ChangeKind::items) {
    int64_t deactivated = 0;
    const sync::MergeCounts counts =
        webhooks::refetch_items(client, ctx.db, ids, batched, sync::ApplyOptions::from_config(config.zoho, config.erp),
                                deactivated, detail_calls_made);
    publish_items(ctx.report, counts, deactivated);
    return counts.failed;
  }
  if (plan.kind == ChangeKind::stock) {
    const sync::StockCounts counts =
        ids.empty() ? sync::StockCounts{}
                    : sync::refresh_stock(client, ctx.db, ids,
                                          sync::StockOptions::from_config(config.zoho, false, config.erp), batched);
    detail_calls_made += detail_calls(static_cast<int64_t>(ids.size()), batched);
    publish_stock(ctx.report, counts);
    return counts.failed;
  }
  sync::PriceOptions options;
  options.default_currency = config.sync.default_currency;
  options.mass_changes.max_share = config.sync.max_change_share;  // the feed never allows mass changes
  options.erp = config.erp;
  const sync::PriceCounts counts = webhooks::refetch_pricebooks(client, ctx.db, ids, options);
  detail_calls_made += static_cast<int64_t>(ids.size());
  publish_prices(ctx.report, counts);
  return counts.failed;
}

}  // namespace

ListingCost estimate_listing(pqxx::connection& conn, const PullPlan& plan, bool batched) {
  pqxx::read_transaction tx(conn);
  if (plan.kind == ChangeKind::prices) return {sync::estimate_listing_calls(tx), true};
  const int64_t items = tx.exec("SELECT count(*) FROM products WHERE zoho_item_id IS NOT NULL")[0][0].as<int64_t>();
  const auto strategy = sync::read_state(tx, "strategy." + plan.command);
  const bool keyed = !plan.full && strategy && strategy->is_string() &&
                     (strategy->get<std::string>() == "keyed" || strategy->get<std::string>() == "filtered_pages");
  int64_t calls = keyed ? 1 : pages(items, 200);
  if (plan.item_details) calls += detail_calls(keyed ? 0 : items, batched);
  return {calls, !keyed};
}

std::optional<core::ExitCode> begin_pull(RunContext& ctx, zoho::Client& client, PullPlan& plan) {
  const core::Config& config = ctx.config;
  client.count_calls_as(zoho::call_share(config.zoho, plan.command, std::chrono::system_clock::now()));
  const bool batched = batched_details(config);
  const auto list_instead = [&](const char* why) -> std::optional<core::ExitCode> {
    const int64_t estimated = estimate_listing(ctx.db, plan, batched).calls;
    ctx.report.set("calls_estimated", estimated);
    zoho::defer_if_over_share(ctx.db, config.zoho, plan.command, estimated, ctx.report);
    if (why != nullptr) core::log_verbose("{}: listing ({})", plan.command, why);
    return std::nullopt;
  };
  if (ctx.dry_run) return list_instead(nullptr);
  const webhooks::FeedStatus status = webhooks::feed_status(ctx.db, plan.command, config.sync.webhooks_quiet_after);
  if (plan.full) {
    // A first --full starts the feed. Later ones leave it alone: a resumed
    // --full began before its pages were read, so the feed keeps what it names.
    if (!status.has_cursor) plan.feed_mark = webhooks::feed_mark(ctx.db);
    return list_instead(nullptr);
  }
  ctx.report.set("feed", webhooks::to_string(status.state));
  if (status.state != webhooks::FeedState::live) {
    plan.feed_mark = webhooks::feed_mark(ctx.db);
    if (status.state == webhooks::FeedState::quiet) ctx.report.set("webhooks_quiet", true);
    return list_instead(status.state == webhooks::FeedState::quiet
                            ? "the ERP has logged no webhook within [sync].webhooks_quiet_after"
                            : "the change feed starts after this first listing");
  }

  webhooks::FeedRead read = webhooks::read_feed(ctx.db, plan.command, plan.kind);
  const auto& changes = read.changes;
  const auto id_count = static_cast<int64_t>(changes.ids.size());
  const int64_t estimate = plan.kind == ChangeKind::prices
                               ? id_count
                               : detail_calls(id_count, batched) + static_cast<int64_t>(changes.adjustments.size());
  const ListingCost listing = estimate_listing(ctx.db, plan, batched);
  if (estimate > listing.calls && (listing.complete || plan.kind == ChangeKind::items)) {
    plan.feed_mark = read.next;
    return list_instead("more changes in the feed than a listing costs");
  }
  zoho::defer_if_over_share(ctx.db, config.zoho, plan.command, estimate, ctx.report);

  ctx.report.set("strategy", "change_feed");
  ctx.report.set("feed_events", changes.events);
  if (changes.unusable > 0) ctx.report.set("feed_unusable", changes.unusable);
  if (changes.unknown_types > 0) ctx.report.set("feed_unknown_types", changes.unknown_types);
  if (changes.unusable + changes.unknown_types > 0)
    core::log_warn("{}: skipped {} change event(s) naming no record and {} of a type the feed does not know",
                   plan.command, changes.unusable, changes.unknown_types);
  std::set<std::string> unique_ids = changes.ids;
  int64_t calls = 0;
  for (const auto& adjustment : changes.adjustments) {
    ++calls;
    for (auto& id : webhooks::adjustment_item_ids(client, adjustment)) unique_ids.insert(std::move(id));
  }
  const std::vector<std::string> ids(unique_ids.begin(), unique_ids.end());
  int64_t failed = 0;
  try {
    failed = apply_feed(ctx, client, plan, ids, calls);
  } catch (...) {
    ctx.report.set("api_calls", client.api_calls());
    throw;
  }
  ctx.report.set("api_calls", client.api_calls());
  ctx.report.set("list_calls", 0);
  ctx.report.set("detail_calls", calls);
  webhooks::save_feed_cursor(ctx.db, plan.command, read.next);
  core::log_info("{}: {} change event(s), {} record(s) re-fetched ({} API calls)", plan.command, changes.events,
                 ids.size(), client.api_calls());
  if (failed > 0) {
    core::log_warn("{} record(s) from the change feed could not be applied and were skipped (see above)", failed);
    return core::ExitCode::partial;
  }
  return core::ExitCode::success;
}

void finish_listing(RunContext& ctx, const PullPlan& plan) {
  if (plan.feed_mark && !ctx.dry_run) webhooks::save_feed_cursor(ctx.db, plan.command, *plan.feed_mark);
}

}  // namespace tshsync::app
