#include <tshsync/sync/listing_prefetch.hpp>

namespace tshsync::sync {

std::optional<ListingBatches::Batch> ListingBatches::take() {
  if (deferred_error_) std::rethrow_exception(std::exchange(deferred_error_, nullptr));
  std::optional<Batch> batch;
  for (int pages = 0; pages < kMaxPagesPerBatch; ++pages) {
    nlohmann::json items;
    try {
      if (!listing_.next(items)) break;
    } catch (...) {
      if (!batch) throw;
      deferred_error_ = std::current_exception();
      break;
    }
    if (!batch) batch = Batch{nlohmann::json::array(), {}};
    for (auto& item : items) batch->items.push_back(std::move(item));
    if (listing_.complete() || writer_waiting_.load()) break;
  }
  if (!batch) return batch;
  batch->step = {listing_.resume_at(), listing_.complete_before(), listing_.complete()};
  return batch;
}

void ListingBatches::log_times() const {
  core::log_verbose("{}: {:.1f} s waiting for Zoho, {:.1f} s writing to PostgreSQL", name_, zoho_time.seconds(),
                    write_time.seconds());
}

}  // namespace tshsync::sync
