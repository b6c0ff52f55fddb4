#pragma once

#include <functional>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/sync/pricebook_merge.hpp>
#include <tshsync/sync/pull_progress.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

struct PullPricesOptions {
  bool dry_run = false;
  PriceOptions prices;
};

// Every sales pricebook into pricelists and product_prices: GET /pricebooks
// (the one list call), then GET /pricebooks/{id} for each active book (its
// items; inactive books need none). Active books go first, so a
// currency match links an ERP list to a live book, never to a retired one.
// One transaction per book; a book that cannot be applied is skipped,
// counted as failed and logged.
void pull_prices(zoho::Client& client, pqxx::connection& conn, const PullPricesOptions& options, PriceCounts& counts,
                 const AfterBatch& after_book);

}  // namespace tshsync::sync
