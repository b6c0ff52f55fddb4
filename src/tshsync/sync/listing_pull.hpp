#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <tshsync/util/time_format.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

// What pull-products and pull-stock share: walking Zoho's items page by page
// and moving the cursor and checkpoint with each committed page.
struct ListingPullSpec {
  std::string name;  // "pull-products": state keys "<name>.cursor" and "<name>.full"
  bool full = false;
  bool dry_run = false;
  std::chrono::seconds lookback{600};
  int64_t max_list_pages = 1000;  // the page cap's floor (listing_page_cap)
};

// Writes one prepared batch (one page, or up to five) in its transaction.
using PageWriter = std::function<void(pqxx::transaction_base& tx)>;

struct ListingPullHooks {
  // Runs on the download thread as soon as a batch of pages is ready (their
  // items in one array): parses it and makes any further API calls it needs
  // (item details), then returns what writes it. It must not touch what the
  // writer thread uses.
  std::function<PageWriter(nlohmann::json&& items)> prepare_page;
  // A --full listing that does not resume a checkpoint starts here.
  std::function<void(pqxx::transaction_base& tx)> begin_full;
  // A --full listing that reached its end; `started_at` is when it began
  // (earlier than this run when it resumed a checkpoint); `distrust` says why
  // the listing cannot prove an item gone (then nothing may be deactivated).
  std::function<void(pqxx::transaction_base& tx, util::SystemTime started_at,
                     const std::optional<std::string>& distrust)>
      finish_full;
  // After each committed batch of pages (progress, cancellation).
  std::function<void()> after_page;
};

struct ListingPullResult {
  bool resumed = false;   // a --full listing went on from its checkpoint
  bool from_start = false;  // no cursor yet: the incremental run read everything
  int64_t list_calls = 0;
  std::optional<std::string> distrust;  // a complete --full listing that proves nothing gone
  std::string strategy;   // listing_strategy.hpp: keyed, filtered_pages, full_scan, full, from_start
};

// Incremental (default): items modified since the cursor minus the lookback;
// no cursor yet means everything is read (without deactivating anything).
// --full: every item; a listing stopped by the daily budget, an error or a
// kill resumes at its checkpoint on the next --full run (checkpoints older
// than a day are dropped and the listing starts over).
// The cursor moves after each committed page to the newest time before which
// every item was applied, never past this run's start.
// The next page downloads and is prepared (on a second thread, the only one
// using `client`) while the current one is written; pages that arrive while
// the writer is busy join its next batch, up to five pages (1,000 items) in a
// transaction. At most two batches are in memory.
ListingPullResult run_listing_pull(zoho::Client& client, pqxx::connection& conn, const ListingPullSpec& spec,
                                   const ListingPullHooks& hooks);

}  // namespace tshsync::sync
