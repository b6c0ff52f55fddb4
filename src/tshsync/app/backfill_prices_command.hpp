#pragma once

#include <optional>
#include <string>

#include <tshsync/app/command_runner.hpp>

namespace tshsync::app {

struct BackfillPricesCommandOptions {
  std::optional<std::string> pricelist;  // default: [sync].default_pricelist
  std::optional<std::string> currency;   // default: the list's currency, else [sync].default_currency
};

// Gives priceless active products their base price in one list.
// Counts: pricelist, currency, backfilled, skipped, skipped_sample.
core::ExitCode backfill_prices_command(RunContext& ctx, const BackfillPricesCommandOptions& options);

}  // namespace tshsync::app
