#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include <tshsync/core/config.hpp>
#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/listing_strategy.hpp>
#include <tshsync/sync/run_transactions.hpp>
#include <tshsync/util/time_format.hpp>

namespace tshsync::sync {

// How a pull walks GET /items. Defaults are [zoho]'s (core/config.hpp).
struct ListingOptions {
  bool full = false;
  bool dry_run = false;
  std::chrono::seconds lookback = core::ZohoConfig{}.lookback;
  int64_t max_list_pages = core::ZohoConfig{}.max_list_pages;  // the page cap's floor (listing_page_cap)
};

// What tshsync_state says about a pull's listing when it starts. The keys are
// "<name>.cursor", "<name>.full" (a --full listing's checkpoint) and
// "strategy.<name>" (listing_strategy.hpp).
struct ListingStart {
  std::string name;  // "pull-products"
  ListingPosition position;
  int64_t page_cap = 0;           // listing_page_cap of the catalog the ERP holds
  util::SystemTime run_started;   // this run, by the database clock
  util::SystemTime full_started;  // the --full listing (earlier when resumed)
  bool resumed = false;           // a --full listing goes on from its checkpoint
  bool from_start = false;        // no cursor yet: the incremental run reads everything
  bool new_full = false;          // a real --full listing begins here: the caller resets what it tracks
  ListingBehaviour known;         // what earlier runs learnt of the server
};

// Incremental: items modified since the cursor minus the lookback; no cursor
// yet means everything is read (without deactivating anything). A cursor in
// the future is moved back to now. --full: every item, from the checkpoint
// when one younger than a day exists (a listing stopped by the daily budget,
// an error or a kill). A dry run neither resumes nor keeps a real run's
// checkpoint. A server known to refuse the sort is walked by page number.
ListingStart start_listing(pqxx::transaction_base& tx, const std::string& name, const ListingOptions& options);

// Where the listing stands after a batch of pages.
struct ListingStep {
  ListingPosition resume_at;
  std::optional<util::SystemTime> complete_before;  // ItemListing::complete_before
  bool last = false;
};

// In the transaction that wrote the batch: a --full listing's checkpoint (gone
// once it is complete), and the cursor, moved to the newest time before which
// every item was applied, never past this run's start. Nothing under --dry-run.
void save_listing_progress(pqxx::transaction_base& tx, const ListingStart& start, const ListingOptions& options,
                           const ListingStep& step);

// Keeps what this walk learnt about the server (only when it changed) and
// returns the run's strategy (listing_strategy.hpp).
std::string finish_listing(RunTransactions& txs, const ListingStart& start, const ListingOptions& options,
                           const ItemListing& listing);

}  // namespace tshsync::sync
