#include <tshsync/sync/listing_state.hpp>

#include <algorithm>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/listing_checks.hpp>
#include <tshsync/sync/state.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

constexpr std::chrono::hours kCheckpointMaxAge{24};

util::SystemTime database_now(pqxx::transaction_base& tx) {
  return from_epoch_micros(tx.exec("SELECT (extract(epoch FROM now()) * 1000000)::bigint")[0][0].as<int64_t>());
}

// A --full run: its checkpoint when one is usable, else a new listing.
void start_full(pqxx::transaction_base& tx, const ListingOptions& options, ListingStart& start) {
  if (options.dry_run) return;
  const auto checkpoint = read_state(tx, start.name + ".full").value_or(nlohmann::json());
  const nlohmann::json* started_at = zoho::find_field(checkpoint, "started_at_us");
  const nlohmann::json* saved_position = zoho::find_field(checkpoint, "position");
  if (started_at != nullptr && started_at->is_number_integer() && saved_position != nullptr) {
    const auto started = from_epoch_micros(started_at->get<int64_t>());
    const auto position = ListingPosition::from_json(*saved_position);
    if (position && start.run_started - started < kCheckpointMaxAge) {
      start.position = *position;
      start.full_started = started;
      start.resumed = true;
      return;
    }
    core::log_warn("{}: dropping an unusable or day-old --full checkpoint; the listing starts over", start.name);
  }
  start.new_full = true;
}

// An incremental run: from its cursor less the lookback, or from the start.
void start_incremental(pqxx::transaction_base& tx, const ListingOptions& options, ListingStart& start) {
  auto cursor = read_cursor(tx, start.name + ".cursor");
  if (cursor && *cursor > start.run_started && !options.dry_run) {
    // Left by a run that trusted a future timestamp: it would hide every change until then.
    core::log_warn("{}: the cursor {} lies in the future; moved back to now", start.name,
                   util::format_zoho_timestamp(*cursor));
    tx.exec_params("UPDATE tshsync_state SET value = to_jsonb($2::text), updated_at = now() WHERE key = $1",
                   start.name + ".cursor", util::format_zoho_timestamp(start.run_started));
    cursor = start.run_started;
  }
  if (cursor) {
    start.position.since = *cursor - std::max(options.lookback, std::chrono::seconds(1));
  } else {
    start.from_start = true;
  }
}

}  // namespace

ListingStart start_listing(pqxx::transaction_base& tx, const std::string& name, const ListingOptions& options) {
  ListingStart start;
  start.name = name;
  start.run_started = database_now(tx);
  start.full_started = start.run_started;
  const int64_t known_items =
      tx.exec("SELECT count(*) FROM products WHERE zoho_item_id IS NOT NULL")[0][0].as<int64_t>();
  start.page_cap = listing_page_cap(options.max_list_pages, known_items);
  if (options.full) {
    start_full(tx, options, start);
  } else {
    start_incremental(tx, options, start);
  }
  start.known = read_behaviour(tx, name).value_or(ListingBehaviour{});
  if (start.known.sort == false && !start.resumed) start.position.sorted = false;
  if (start.resumed) core::log_info("{}: resuming the --full listing at its checkpoint", name);
  return start;
}

void save_listing_progress(pqxx::transaction_base& tx, const ListingStart& start, const ListingOptions& options,
                           const ListingStep& step) {
  if (options.dry_run) return;
  SavedProgress progress{start.name + ".full", std::nullopt, start.name + ".cursor", std::nullopt};
  if (options.full && !step.last)
    progress.checkpoint = {{"started_at_us", epoch_micros(start.full_started)}, {"position", step.resume_at.to_json()}};
  if (step.complete_before) progress.cursor = std::min(*step.complete_before, start.run_started);
  save_progress(tx, progress);
  if (options.full && step.last) delete_state(tx, start.name + ".full");
}

std::string finish_listing(RunTransactions& txs, const ListingStart& start, const ListingOptions& options,
                           const ItemListing& listing) {
  ListingBehaviour seen = start.known;
  if (listing.filter_honoured()) seen.filter = listing.filter_honoured();
  if (listing.sort_honoured()) seen.sort = listing.sort_honoured();
  if (seen.filter != start.known.filter || seen.sort != start.known.sort) {
    pqxx::work& tx = txs.begin();
    seen.checked_at = util::format_utc_iso8601(database_now(tx));
    save_behaviour(tx, start.name, seen);
    txs.commit();
    if (seen.filter == false)
      core::log_warn(
          "{}: Zoho ignores the last_modified_time filter on /items: every incremental run reads the "
          "whole catalog (strategy full_scan)",
          start.name);
  }
  return strategy_name(seen, options.full, start.from_start);
}

}  // namespace tshsync::sync
