#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/core/cancel_token.hpp>
#include <tshsync/core/config.hpp>

namespace tshsync::webhooks {

struct ExhaustedEntry {
  std::string id;  // the queue entry
  std::string event_type;
  std::string original_id;  // the webhook_logs row
  std::string last_error;
};

struct ReplayResult {
  long long enqueued = 0;         // webhook_logs errors newly queued
  long long due = 0;              // entries taken up by this run
  long long resolved = 0;         // refetched, deactivated or redelivered
  long long retried = 0;          // failed, next attempt scheduled
  long long exhausted = 0;        // failed for the last allowed time
  long long needs_human = 0;      // newly flagged: nothing safe to do automatically
  long long deferred = 0;         // not tried: Zoho was unreachable earlier in the run
  long long would_refetch = 0;    // --dry-run: entries Zoho would be asked about
  long long would_redeliver = 0;  // --dry-run
  int64_t api_calls = 0;
  std::vector<ExhaustedEntry> newly_exhausted;
};

struct ReplayOptions {
  int max_attempts = 10;  // at most 10: the table's max_retries constraint
  std::optional<long long> limit;
  bool dry_run = false;
  const core::CancelToken* cancel = nullptr;
  // After each entry, with the figures so far (progress, cancellation).
  std::function<void(const ReplayResult&)> after_entry;
};

// Takes failed webhook_logs rows into the dead-letter queue, then replays every
// due entry once: Zoho-side events are re-fetched from Zoho and applied (the
// payload names the record, nothing more), the rest are redelivered, signed,
// to their [replay.targets] receiver. Each entry's outcome is committed on its
// own. Throws core::Error 78 before replaying anything when the entries due
// need a webhook secret, Zoho settings or target URLs that are missing or unsafe.
// --dry-run writes nothing and calls no one.
ReplayResult replay_dead_letters(pqxx::connection& conn, const core::Config& config, const ReplayOptions& options);

}  // namespace tshsync::webhooks
