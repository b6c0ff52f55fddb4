#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::checks {

// The tshsync commands whose runs health watches, by their sync_logs type.
const std::vector<std::string>& scheduled_sync_commands();

struct WebhookTypeFigures {
  std::string event_type;  // "(none)" for rows without one
  long long total = 0;     // success + error + ignored: ignored events count against the rate
  long long successes = 0;
  long long errors = 0;
  long long ignored = 0;
};

struct SyncFigures {
  std::string command;
  std::optional<std::chrono::seconds> last_success_age;  // empty: never succeeded
  std::optional<std::chrono::seconds> first_run_age;     // only looked up when it never succeeded
  bool has_run = false;
};

struct DeadLetterRef {
  std::string event_type;
  std::string original_id;  // the webhook_logs id, else the queue entry's own id
};

// Every figure health judges, read in one snapshot.
struct HealthFigures {
  std::chrono::seconds window{0};
  std::vector<WebhookTypeFigures> webhook_types;  // busiest first
  long long webhook_events = 0;
  long long webhook_successes = 0;
  long long signature_failures = 0;
  long long stuck_jobs = 0;
  std::vector<SyncFigures> syncs;                   // in scheduled_sync_commands() order
  long long dlq_depth = 0;                          // unresolved entries
  long long dlq_exhausted = 0;                      // retries spent, unresolved
  long long dlq_needs_human = 0;                    // flagged for a person, unresolved
  std::vector<DeadLetterRef> dlq_exhausted_sample;  // the oldest 5 exhausted
  long long products_without_prices = 0;
  // Since the ERP last logged a webhook it processed; empty: it never did.
  std::optional<std::chrono::seconds> newest_webhook_age;
};

struct HealthQuery {
  std::chrono::seconds window{std::chrono::hours(1)};
  std::chrono::seconds stuck_after{std::chrono::hours(1)};
};

// Three statements (webhooks, syncs, backlog), each one aggregate the indexes
// of 001 serve, in one read-only repeatable-read transaction.
HealthFigures collect_health_figures(pqxx::connection& conn, const HealthQuery& query);

}  // namespace tshsync::checks
