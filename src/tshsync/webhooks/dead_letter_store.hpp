#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <tshsync/db/pqxx_fwd.hpp>

// webhook_dead_letter_queue: intake from webhook_logs and the state changes of
// one entry. Every change is one short transaction of its own, guarded by
// "still unresolved", so a crash between entries loses nothing and an entry
// resolved once is never touched again.
namespace tshsync::webhooks {

struct DeadLetter {
  std::string id;
  std::string event_type;
  std::string event_id;
  std::string original_id;                  // the webhook_logs row, "" when none
  std::optional<std::string> payload_text;  // payload::text; empty when NULL
  int retry_count = 0;
  std::string failure_reason;  // why the original delivery failed, "" when not recorded
};

// Enqueues every webhook_logs row with status 'error' not queued yet (once:
// the unique original_webhook_log_id), with its error_message as the failure
// reason. Returns how many were added. Runs in the caller's transaction.
long long enqueue_failed_webhooks(pqxx::transaction_base& tx);

// Unresolved entries that are neither exhausted nor waiting for a human and
// whose next attempt is due, oldest event first.
std::vector<DeadLetter> due_dead_letters(pqxx::transaction_base& tx, std::optional<long long> limit);

// Each returns false when the entry was resolved meanwhile (nothing changed).
bool mark_resolved(pqxx::connection& conn, const std::string& id, const std::string& resolution);
bool mark_needs_human(pqxx::connection& conn, const std::string& id, const std::string& reason);

// Counts a failed attempt: retry_count + 1, last_error, and either the next
// attempt after `delay` or, when `exhausted`, exhausted_at = now().
bool record_failed_attempt(pqxx::connection& conn, const std::string& id, const std::string& error,
                           std::chrono::seconds delay, bool exhausted);

}  // namespace tshsync::webhooks
