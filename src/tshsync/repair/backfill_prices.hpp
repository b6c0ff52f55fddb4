#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>

namespace tshsync::repair {

struct BackfillPricesOptions {
  std::string pricelist;                // the list the base prices go into
  std::optional<std::string> currency;  // empty: the list's own currency, else fallback_currency
  std::string fallback_currency = core::kDefaultCurrency;
  bool dry_run = false;
  core::ErpConfig erp;  // the base price column, product_prices insert defaults
};

// A product left without a price because it has no usable base price.
struct SkippedProduct {
  std::string id;            // integer or uuid, as text
  std::string zoho_item_id;  // "" when the ERP never linked it to Zoho
};

struct BackfillPricesResult {
  std::string currency;  // the currency the rows were written in
  long long backfilled = 0;
  long long skipped = 0;
  std::vector<SkippedProduct> skipped_sample;  // the first few, by id
  std::vector<SkippedProduct> failed;          // the database refused their row (logged with the reason)
};

// Gives every active product that has no price in any list its base price in
// `pricelist`. Products without a positive base price are counted as skipped
// and left for a human. Products whose row the database refuses (a
// constraint of the ERP's) are isolated, logged and listed in `failed`; the
// rest are written. One transaction; idempotent. A missing price list is
// core::data_error naming the lists that exist.
BackfillPricesResult backfill_prices(pqxx::connection& conn, const BackfillPricesOptions& options);

}  // namespace tshsync::repair
