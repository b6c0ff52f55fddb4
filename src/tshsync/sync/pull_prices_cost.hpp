#pragma once

#include <cstdint>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::sync {

// The calls a pull-prices listing made, by kind. The next listing costs the
// same, except that a book priced through GET /items/pricebookrate costs one
// call per 100 active products, however many there are by then.
struct ListingCalls {
  int64_t list = 0;                 // GET /pricebooks pages
  int64_t details = 0;              // GET /pricebooks/{id}
  int64_t books_by_item_rates = 0;  // books whose prices were asked item by item
};

// Kept in tshsync_state as "pull-prices.listing" (a dry run keeps nothing).
void remember_listing_calls(pqxx::connection& conn, const ListingCalls& calls);

// What the next listing is expected to call, for the budget's share check:
// the last listing's list and detail calls plus ceil(active products / 100)
// for each book it priced item by item. Before any listing: the list and one
// detail per active price list.
int64_t estimate_listing_calls(pqxx::transaction_base& tx);

}  // namespace tshsync::sync
