#include <tshsync/app/backfill_prices_command.hpp>

#include <tshsync/core/log.hpp>
#include <tshsync/repair/backfill_prices.hpp>

namespace tshsync::app {

core::ExitCode backfill_prices_command(RunContext& ctx, const BackfillPricesCommandOptions& options) {
  repair::BackfillPricesOptions backfill;
  backfill.pricelist = options.pricelist.value_or(ctx.config.sync.default_pricelist);
  backfill.currency = options.currency;
  backfill.fallback_currency = ctx.config.sync.default_currency;
  backfill.dry_run = ctx.dry_run;
  const repair::BackfillPricesResult result = repair::backfill_prices(ctx.db, backfill);

  nlohmann::json sample = nlohmann::json::array();
  std::string shown;
  for (const auto& p : result.skipped_sample) {
    sample.push_back({{"id", p.id}, {"zoho_item_id", p.zoho_item_id}});
    shown += fmt::format("{}{}{}", shown.empty() ? "" : ", ", p.id,
                         p.zoho_item_id.empty() ? "" : " (" + p.zoho_item_id + ")");
  }
  ctx.report.set("pricelist", backfill.pricelist);
  ctx.report.set("currency", result.currency);
  ctx.report.set("backfilled", result.backfilled);
  ctx.report.set("skipped", result.skipped);
  ctx.report.set("skipped_sample", sample);
  ctx.report.records_synced = result.backfilled;

  core::log_info("{} {} product(s) with no price at all to their base price in '{}' ({})",
                 ctx.dry_run ? "would set" : "set", result.backfilled, backfill.pricelist, result.currency);
  if (result.skipped > 0)
    core::log_warn("skipped {} active product(s) with no price and no positive base price; set their price by hand."
                   " First {}: {}",
                   result.skipped, result.skipped_sample.size(), shown);
  return core::ExitCode::success;
}

}  // namespace tshsync::app
