#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/config.hpp>
#include <tshsync/sync/mass_change_guard.hpp>
#include <tshsync/zoho/client.hpp>
#include <tshsync/zoho/json_elements.hpp>
#include <tshsync/zoho/pricebook.hpp>

namespace tshsync::sync {

struct PriceOptions {
  std::string default_currency = core::kDefaultCurrency;  // for books that name none
  MassChangeLimit mass_changes;                           // deletes beyond it stop the run (exit 65)
  core::ErpConfig erp;  // the pricelists' Zoho id column, product_prices insert defaults
};

struct PriceCounts {
  int64_t pricebooks = 0;  // sales books applied (inactive ones included)
  int64_t prices_inserted = 0;
  int64_t prices_updated = 0;
  int64_t prices_unchanged = 0;
  int64_t prices_deleted = 0;
  int64_t failed = 0;                 // bad books and bad pricebook rows, skipped and logged
  int64_t skipped_unknown_items = 0;  // per_item rows for items with no product
  int64_t pricelists_created = 0;
  int64_t pricelists_linked = 0;
  int64_t pricelists_deactivated = 0;
  int64_t discounted = 0;               // per_item rows whose price is the rate less pricebook_discount
  int64_t lists_kept = 0;               // books whose detail had no items: their list kept as it was
  int64_t books_by_item_rates = 0;      // books priced through GET /items/pricebookrate instead
  int64_t item_rate_calls = 0;          // those requests
  int64_t books_from_list = 0;          // per_item books priced from their GET /pricebooks row, no detail read
  int64_t removals_unconfirmed = 0;     // rows the items did not list, kept: the items were not known complete
  int64_t prices_known = 0;             // rows the book computed for known products (written or not)
  std::vector<std::string> failed_ids;  // items whose price the database refused

  void add(const PriceCounts& other);
};

// Applies one sales pricebook in the caller's transaction: links (or
// creates) its pricelist, then
//   inactive book:    the list is marked inactive, its prices left as they are;
//   per_item:         `items` (the detail's pricebook_items) are COPYed to a
//                     staging table, merged in one statement (volume pricing:
//                     the first bracket's rate, all brackets in price_brackets),
//                     and the list's rows for products the book no longer
//                     lists are deleted, except source = 'backfill' rows (the
//                     integrity trigger would only add them back);
//   fixed_percentage: every active product with a positive price gets
//                     price * (1 ± percentage/100) rounded as the book says
//                     (PriceRounding), computed in one INSERT ... SELECT; the
//                     list's rows for other products are deleted (same
//                     exception).
// Only rows whose price, currency, brackets, source (or discount_percentage,
// when the ERP has that column) differ are written. A per_item row's price is
// its rate less pricebook_discount, rounded (price_rounding.hpp).
// With `items_complete` false (the items came from GET /items/pricebookrate or
// a list row, not the book's detail) nothing is deleted; the rows a complete
// list would have deleted are counted in removals_unconfirmed. Deletes beyond
// options.mass_changes throw core::Error (exit 65) before anything is kept.
// Throws zoho::RecordError for a book it cannot apply.
PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const zoho::JsonElements& items,
                            const PriceOptions& options, bool items_complete = true);
// The same with the items as a parsed array (or anything else: refused as above).
PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const nlohmann::json& items,
                            const PriceOptions& options, bool items_complete = true);

// For replay-dlq and webhooks: re-reads one pricebook (GET /pricebooks/{id})
// and applies it in a transaction of its own. A book Zoho no longer has marks
// its linked list inactive; purchase books are ignored.
PriceCounts refresh_pricebook(zoho::Client& client, pqxx::connection& conn, const std::string& pricebook_id,
                              const PriceOptions& options);

}  // namespace tshsync::sync
