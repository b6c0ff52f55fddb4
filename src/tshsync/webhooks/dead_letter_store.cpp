#include <tshsync/webhooks/dead_letter_store.hpp>

#include <limits>

#include <pqxx/pqxx>

namespace tshsync::webhooks {

namespace {

// The NOT EXISTS keeps intake cheap on a large webhook_logs; ON CONFLICT
// settles a race with another writer.
constexpr const char* kEnqueue = R"(
INSERT INTO webhook_dead_letter_queue (original_webhook_log_id, event_id, event_type, payload, failure_reason)
SELECT w.id, w.event_id, COALESCE(NULLIF(w.event_type, ''), 'unknown'), w.payload, w.error_message
FROM webhook_logs w
WHERE w.status = 'error'
  AND NOT EXISTS (SELECT 1 FROM webhook_dead_letter_queue q WHERE q.original_webhook_log_id = w.id)
ORDER BY w.created_at, w.id
ON CONFLICT (original_webhook_log_id) DO NOTHING)";

constexpr const char* kDue = R"(
SELECT q.id::text, q.event_type, COALESCE(q.event_id, ''), COALESCE(q.original_webhook_log_id::text, ''),
       q.payload::text, q.retry_count, COALESCE(q.failure_reason, w.error_message, '')
FROM webhook_dead_letter_queue q
LEFT JOIN webhook_logs w ON w.id = q.original_webhook_log_id
WHERE q.resolved_at IS NULL AND NOT q.needs_human AND q.exhausted_at IS NULL AND q.next_attempt_at <= now()
ORDER BY COALESCE(w.created_at, q.created_at), q.id
LIMIT $1)";

// $1 takes the id column's own type (uuid, or an ERP's integer).
constexpr const char* kUnresolved = " WHERE id = $1 AND resolved_at IS NULL";

bool update_one(pqxx::connection& conn, const std::string& sql, const std::string& id, const std::string& text) {
  pqxx::work tx(conn);
  const pqxx::result r = tx.exec_params(sql, id, text);
  tx.commit();
  return r.affected_rows() == 1;
}

}  // namespace

long long enqueue_failed_webhooks(pqxx::transaction_base& tx) {
  return static_cast<long long>(tx.exec(kEnqueue).affected_rows());
}

std::vector<DeadLetter> due_dead_letters(pqxx::transaction_base& tx, std::optional<long long> limit) {
  const pqxx::result rows = tx.exec_params(kDue, limit.value_or(std::numeric_limits<long long>::max()));
  std::vector<DeadLetter> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    DeadLetter d;
    d.id = row[0].as<std::string>();
    d.event_type = row[1].as<std::string>();
    d.event_id = row[2].as<std::string>();
    d.original_id = row[3].as<std::string>();
    if (!row[4].is_null()) d.payload_text = row[4].as<std::string>();
    d.retry_count = row[5].as<int>();
    d.failure_reason = row[6].as<std::string>();
    out.push_back(std::move(d));
  }
  return out;
}

bool mark_resolved(pqxx::connection& conn, const std::string& id, const std::string& resolution) {
  return update_one(
      conn, std::string("UPDATE webhook_dead_letter_queue SET resolved_at = now(), resolution = $2") + kUnresolved, id,
      resolution);
}

bool mark_needs_human(pqxx::connection& conn, const std::string& id, const std::string& reason) {
  return update_one(
      conn, std::string("UPDATE webhook_dead_letter_queue SET needs_human = true, last_error = $2") + kUnresolved, id,
      reason);
}

bool record_failed_attempt(pqxx::connection& conn, const std::string& id, const std::string& error,
                           std::chrono::seconds delay, bool exhausted) {
  pqxx::work tx(conn);
  // LEAST: the table's max_retries constraint caps retry_count at 10.
  const pqxx::result r =
      tx.exec_params(std::string("UPDATE webhook_dead_letter_queue SET retry_count = LEAST(retry_count + 1, 10), "
                                 "last_retry_at = now(), "
                                 "last_error = $2, next_attempt_at = now() + make_interval(secs => $3), "
                                 "exhausted_at = CASE WHEN $4 THEN now() END") +
                         kUnresolved,
                     id, error, static_cast<double>(delay.count()), exhausted);
  tx.commit();
  return r.affected_rows() == 1;
}

}  // namespace tshsync::webhooks
