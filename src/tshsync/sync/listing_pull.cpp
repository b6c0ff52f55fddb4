#include <tshsync/sync/listing_pull.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <utility>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/listing_strategy.hpp>
#include <tshsync/sync/run_transactions.hpp>
#include <tshsync/sync/state.hpp>
#include <tshsync/zoho/item.hpp>

namespace tshsync::sync {

namespace {

constexpr std::chrono::hours kCheckpointMaxAge{24};
constexpr int kMaxPagesPerBatch = 5;  // 1,000 items: the memory bound, and enough to amortize a commit

// Where a pull's time goes, for --verbose.
class Stopwatch {
 public:
  void start() { started_ = std::chrono::steady_clock::now(); }
  void stop() { total_ += std::chrono::steady_clock::now() - started_; }
  double seconds() const { return std::chrono::duration<double>(total_).count(); }

 private:
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::duration total_{};
};

// One downloaded, prepared page and where the listing stands after it.
struct FetchedPage {
  bool present = false;
  bool last = false;
  PageWriter write;
  ListingPosition resume_at;
  std::optional<util::SystemTime> complete_before;
};

struct Start {
  ListingPosition position;
  int64_t known_items = 0;  // products from Zoho the ERP holds, for the page cap
  util::SystemTime run_started;   // this run, by the database clock
  util::SystemTime full_started;  // the --full listing (earlier when resumed)
  bool resumed = false;
  bool from_start = false;
};

util::SystemTime database_now(pqxx::transaction_base& tx) {
  return from_epoch_micros(tx.exec("SELECT (extract(epoch FROM now()) * 1000000)::bigint")[0][0].as<int64_t>());
}

Start plan_start(pqxx::transaction_base& tx, const ListingPullSpec& spec, const ListingPullHooks& hooks) {
  Start start;
  start.run_started = database_now(tx);
  start.full_started = start.run_started;
  start.known_items = tx.exec("SELECT count(*) FROM products WHERE zoho_item_id IS NOT NULL")[0][0].as<int64_t>();
  // A dry run neither resumes nor keeps a real run's checkpoint (nor locks its rows).
  if (spec.full && spec.dry_run) return start;
  if (spec.full) {
    const auto checkpoint = read_state(tx, spec.name + ".full").value_or(nlohmann::json());
    const nlohmann::json* started_at = zoho::find_field(checkpoint, "started_at_us");
    const nlohmann::json* saved_position = zoho::find_field(checkpoint, "position");
    if (started_at != nullptr && started_at->is_number_integer() && saved_position != nullptr) {
      const auto started = from_epoch_micros(started_at->get<int64_t>());
      const auto position = ListingPosition::from_json(*saved_position);
      if (position && start.run_started - started < kCheckpointMaxAge) {
        start.position = *position;
        start.full_started = started;
        start.resumed = true;
        return start;
      }
      core::log_warn("{}: dropping an unusable or day-old --full checkpoint; the listing starts over", spec.name);
    }
    if (hooks.begin_full) hooks.begin_full(tx);
    return start;
  }
  auto cursor = read_cursor(tx, spec.name + ".cursor");
  if (cursor && *cursor > start.run_started && !spec.dry_run) {
    // Left by a run that trusted a future timestamp: it would hide every change until then.
    core::log_warn("{}: the cursor {} lies in the future; moved back to now", spec.name,
                   util::format_zoho_timestamp(*cursor));
    tx.exec_params("UPDATE tshsync_state SET value = to_jsonb($2::text), updated_at = now() WHERE key = $1",
                   spec.name + ".cursor", util::format_zoho_timestamp(start.run_started));
    cursor = start.run_started;
  }
  if (cursor) {
    start.position.since = *cursor - std::max(spec.lookback, std::chrono::seconds(1));
  } else {
    start.from_start = true;
  }
  return start;
}

// Keeps what this walk learnt about the server in tshsync_state, only when it changed.
ListingBehaviour remember_behaviour(RunTransactions& txs, const std::string& name, const ListingBehaviour& known,
                                    const ItemListing& listing) {
  ListingBehaviour seen = known;
  if (listing.filter_honoured()) seen.filter = listing.filter_honoured();
  if (listing.sort_honoured()) seen.sort = listing.sort_honoured();
  if (seen.filter == known.filter && seen.sort == known.sort) return seen;
  pqxx::work& tx = txs.begin();
  seen.checked_at = util::format_utc_iso8601(database_now(tx));
  save_behaviour(tx, name, seen);
  txs.commit();
  if (seen.filter == false)
    core::log_warn("{}: Zoho ignores the last_modified_time filter on /items: every incremental run reads the whole "
                   "catalog (strategy full_scan)",
                   name);
  return seen;
}

}  // namespace

ListingPullResult run_listing_pull(zoho::Client& client, pqxx::connection& conn, const ListingPullSpec& spec,
                                   const ListingPullHooks& hooks) {
  RunTransactions txs(conn, spec.dry_run);
  Start start = plan_start(txs.begin(), spec, hooks);
  // What earlier runs learnt: a server known to refuse the sort is walked by page number at once.
  const ListingBehaviour known = read_behaviour(txs.begin(), spec.name).value_or(ListingBehaviour{});
  if (known.sort == false && !start.resumed) start.position.sorted = false;
  txs.commit();
  if (start.resumed) core::log_info("{}: resuming the --full listing at its checkpoint", spec.name);
  const std::string cursor_key = spec.name + ".cursor";
  const auto clamp = [&](util::SystemTime t) { return std::min(t, start.run_started); };

  ItemListing listing(client, start.position, listing_page_cap(spec.max_list_pages, start.known_items));
  std::optional<std::string> distrust;
  // While the writer is busy, pages that arrive join the batch it will take
  // next (up to kMaxPagesPerBatch): with a fast Zoho the database writes
  // fewer, larger batches; with a slow one every page is written as soon as
  // it arrives. An error after some pages of a batch waits until they are
  // written (they cost API calls).
  std::atomic<bool> writer_waiting{true};
  std::exception_ptr deferred_error;
  const auto fetch = [&] {
    if (deferred_error) std::rethrow_exception(std::exchange(deferred_error, nullptr));
    FetchedPage page;
    nlohmann::json batch = nlohmann::json::array();
    for (int pages = 0; pages < kMaxPagesPerBatch; ++pages) {
      nlohmann::json items;
      try {
        if (!listing.next(items)) break;
      } catch (...) {
        if (!page.present) throw;
        deferred_error = std::current_exception();
        break;
      }
      page.present = true;
      for (auto& item : items) batch.push_back(std::move(item));
      if (listing.complete() || writer_waiting.load()) break;
    }
    if (!page.present) return page;
    page.write = hooks.prepare_page(std::move(batch));
    page.resume_at = listing.resume_at();
    page.complete_before = listing.complete_before();
    page.last = listing.complete();
    return page;
  };
  Stopwatch zoho_time;
  Stopwatch write_time;
  zoho_time.start();
  FetchedPage page = fetch();
  writer_waiting = false;
  zoho_time.stop();
  while (page.present) {
    std::future<FetchedPage> ahead;
    if (!page.last) ahead = std::async(std::launch::async, fetch);
    write_time.start();
    pqxx::work& tx = txs.begin();
    page.write(tx);
    SavedProgress progress{spec.name + ".full", std::nullopt, cursor_key, std::nullopt};
    if (spec.full && !page.last)
      progress.checkpoint = {{"started_at_us", epoch_micros(start.full_started)}, {"position", page.resume_at.to_json()}};
    if (page.complete_before) progress.cursor = clamp(*page.complete_before);
    if (!spec.dry_run) save_progress(tx, progress);
    page.write = nullptr;  // frees the page
    if (page.last && spec.full) {
      distrust = listing.distrust();
      if (hooks.finish_full) hooks.finish_full(tx, start.full_started, distrust);
      if (!spec.dry_run) delete_state(tx, spec.name + ".full");
    }
    txs.commit();
    write_time.stop();
    if (hooks.after_page) hooks.after_page();
    if (!ahead.valid()) break;
    zoho_time.start();
    writer_waiting = true;
    page = ahead.get();
    writer_waiting = false;
    zoho_time.stop();
  }
  core::log_verbose("{}: {:.1f} s waiting for Zoho, {:.1f} s writing to PostgreSQL", spec.name, zoho_time.seconds(),
                    write_time.seconds());
  const ListingBehaviour seen = remember_behaviour(txs, spec.name, known, listing);
  return {start.resumed, start.from_start, listing.list_calls(), distrust,
          strategy_name(seen, spec.full, start.from_start)};
}

}  // namespace tshsync::sync
