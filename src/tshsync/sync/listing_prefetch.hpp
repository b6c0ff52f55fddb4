#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include <tshsync/core/log.hpp>
#include <tshsync/sync/item_listing.hpp>
#include <tshsync/sync/listing_state.hpp>
#include <tshsync/zoho/client.hpp>

namespace tshsync::sync {

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

// The pages of an ItemListing in batches of up to five, the non-template half
// of ListingPrefetch.
class ListingBatches {
 public:
  struct Batch {
    nlohmann::json items;  // the pages' items in one array
    ListingStep step;
  };

  ListingBatches(ItemListing& listing, std::string name) : listing_(listing), name_(std::move(name)) {}

  // The next batch, on the download thread; none once the listing is complete.
  // While the writer is busy, pages that arrive join the batch it takes next:
  // with a fast Zoho the database writes fewer, larger batches; with a slow
  // one every page is written as soon as it arrives. An error after some
  // pages of a batch waits until they are written (they cost API calls).
  std::optional<Batch> take();
  void writer_waits(bool waiting) { writer_waiting_ = waiting; }

  void log_times() const;
  Stopwatch zoho_time;
  Stopwatch write_time;

 private:
  static constexpr int kMaxPagesPerBatch = 5;  // 1,000 items: the memory bound, and enough to amortize a commit

  ItemListing& listing_;
  std::string name_;
  std::atomic<bool> writer_waiting_{true};
  std::exception_ptr deferred_error_;
};

// A batch of listed items as the pull prepared them, and where the listing
// stands after it.
template <typename Prepared>
struct ListedBatch {
  Prepared prepared;
  ListingStep step;
  int64_t items = 0;  // as listed
};

// Walks an ItemListing a batch at a time. While the pull writes one batch,
// the next downloads and is prepared on a second thread, the only one using
// the Zoho client meanwhile: `prepare` (parsing, item details) must not touch
// what the writer uses. At most two batches are in memory.
template <typename Prepared>
class ListingPrefetch {
 public:
  using Prepare = std::function<Prepared(nlohmann::json&& items)>;

  ListingPrefetch(ItemListing& listing, const std::string& name, Prepare prepare)
      : batches_(listing, name), prepare_(std::move(prepare)) {}

  // The next batch, once the one before is written; none when the listing is
  // complete. A run the daily budget stops says so here, for both pulls.
  std::optional<ListedBatch<Prepared>> next() {
    if (finished_) return std::nullopt;
    if (started_) batches_.write_time.stop();
    std::optional<ListedBatch<Prepared>> batch;
    if (!last_) batch = wait_for_batch();
    if (!batch) {
      finished_ = true;
      batches_.log_times();
      return batch;
    }
    last_ = batch->step.last;
    if (!last_) ahead_ = std::async(std::launch::async, [this] { return fetch(); });
    items_written_ += batch->items;  // by the time next() is called again
    batches_.write_time.start();
    return batch;
  }

 private:
  std::optional<ListedBatch<Prepared>> fetch() {
    auto batch = batches_.take();
    if (!batch) return std::nullopt;
    const auto items = static_cast<int64_t>(batch->items.size());
    return ListedBatch<Prepared>{prepare_(std::move(batch->items)), batch->step, items};
  }

  std::optional<ListedBatch<Prepared>> wait_for_batch() {
    batches_.zoho_time.start();
    std::optional<ListedBatch<Prepared>> batch;
    try {
      batches_.writer_waits(true);
      batch = started_ ? ahead_.get() : fetch();
      batches_.writer_waits(false);
    } catch (const zoho::BudgetExhausted&) {
      core::log_warn("the daily Zoho call budget is spent after {} items; the next run resumes where this one stopped",
                     items_written_);
      throw;
    }
    started_ = true;
    batches_.zoho_time.stop();
    return batch;
  }

  ListingBatches batches_;
  Prepare prepare_;
  std::future<std::optional<ListedBatch<Prepared>>> ahead_;  // destroyed: waits for the download
  int64_t items_written_ = 0;
  bool started_ = false;
  bool last_ = false;
  bool finished_ = false;
};

}  // namespace tshsync::sync
