#include <tshsync/app/backfill_prices_command.hpp>

#include <tshsync/core/log.hpp>
#include <tshsync/repair/backfill_prices.hpp>

namespace tshsync::app {

namespace {

// A product id for the metrics: a number for integer ids, text for uuids.
nlohmann::json id_value(const std::string& id) {
  if (!id.empty() && id.size() < 19 && id.find_first_not_of("0123456789") == std::string::npos) return std::stoll(id);
  return id;
}

}  // namespace

core::ExitCode backfill_prices_command(RunContext& ctx, const BackfillPricesCommandOptions& options) {
  repair::BackfillPricesOptions backfill;
  backfill.pricelist = options.pricelist.value_or(ctx.config.sync.default_pricelist);
  backfill.currency = options.currency;
  backfill.fallback_currency = ctx.config.sync.default_currency;
  backfill.dry_run = ctx.dry_run;
  backfill.erp = ctx.config.erp;
  const repair::BackfillPricesResult result = repair::backfill_prices(ctx.db, backfill);

  nlohmann::json sample = nlohmann::json::array();
  std::string shown;
  for (const auto& p : result.skipped_sample) {
    sample.push_back({{"id", id_value(p.id)}, {"zoho_item_id", p.zoho_item_id}});
    shown += fmt::format("{}{}{}", shown.empty() ? "" : ", ", p.id,
                         p.zoho_item_id.empty() ? "" : " (" + p.zoho_item_id + ")");
  }
  ctx.report.set("pricelist", backfill.pricelist);
  ctx.report.set("currency", result.currency);
  ctx.report.set("backfilled", result.backfilled);
  ctx.report.set("skipped", result.skipped);
  ctx.report.set("skipped_sample", sample);
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& p : result.failed) failed.push_back({{"id", id_value(p.id)}, {"zoho_item_id", p.zoho_item_id}});
  ctx.report.set("failed", static_cast<long long>(result.failed.size()));
  ctx.report.set("failed_ids", failed);
  ctx.report.records_synced = result.backfilled;

  core::log_info("{} {} product(s) with no price at all to their base price in '{}' ({})",
                 ctx.dry_run ? "would set" : "set", result.backfilled, backfill.pricelist, result.currency);
  if (result.skipped > 0)
    core::log_warn(
        "skipped {} active product(s) with no price and no positive base price; set their price by hand."
        " First {}: {}",
        result.skipped, result.skipped_sample.size(), shown);
  if (!result.failed.empty()) {
    core::log_warn("{} product(s) were not priced: the database refused their row (see above)", result.failed.size());
    return core::ExitCode::partial;
  }
  return core::ExitCode::success;
}

}  // namespace tshsync::app
