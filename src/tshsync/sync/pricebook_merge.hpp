#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <tshsync/core/config.hpp>
#include <tshsync/zoho/client.hpp>
#include <tshsync/zoho/json_elements.hpp>
#include <tshsync/zoho/pricebook.hpp>

namespace tshsync::sync {

struct PriceOptions {
  std::string default_currency = "IQD";  // [sync].default_currency, for books that name none
  core::ErpConfig erp;                    // the pricelists' Zoho id column, product_prices insert defaults
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
  int64_t prices_known = 0;              // rows the book computed for known products (written or not)
  std::vector<std::string> failed_ids;   // items whose price the database refused

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
// Only rows whose price, currency, brackets or source differ are written.
// Throws zoho::RecordError for a book it cannot apply.
PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const zoho::JsonElements& items,
                            const PriceOptions& options);
// The same with the items as a parsed array (or anything else: refused as above).
PriceCounts apply_pricebook(pqxx::transaction_base& tx, const zoho::Pricebook& book, const nlohmann::json& items,
                            const PriceOptions& options);

// For replay-dlq and webhooks: re-reads one pricebook (GET /pricebooks/{id})
// and applies it in a transaction of its own. A book Zoho no longer has marks
// its linked list inactive; purchase books are ignored.
PriceCounts refresh_pricebook(zoho::Client& client, pqxx::connection& conn, const std::string& pricebook_id,
                              const PriceOptions& options);

}  // namespace tshsync::sync
