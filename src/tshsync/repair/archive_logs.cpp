#include <tshsync/repair/archive_logs.hpp>

#include <algorithm>
#include <string>

#include <pqxx/pqxx>
#include <tshsync/db/cutoff.hpp>

namespace tshsync::repair {

namespace {

// Which old rows may move: a failed event stays until replay-dlq has taken it
// into the dead-letter queue, or retention would lose it before intake saw it.
// Queued entries keep their own copy of the event type and payload (no foreign
// key), so archiving their log row is safe.
const std::string kReleased =
    " (status IS DISTINCT FROM 'error' OR EXISTS"
    " (SELECT 1 FROM webhook_dead_letter_queue q WHERE q.original_webhook_log_id = webhook_logs.id))";
const std::string kArchivable = " created_at < $1::timestamptz AND" + kReleased;
const std::string kHeldForReplay = " created_at < $1::timestamptz AND NOT" + kReleased;

// One batch, one statement: the delete and the insert commit together. A row
// already in the archive (an earlier copy) is removed from webhook_logs and
// not duplicated. The batch's rows are deleted by their physical address
// (ctid, a TID scan) rather than looked up again by id: a fifth less time
// over a million rows. A row updated meanwhile has a new address and simply
// waits for the next run; only one archive-logs runs at a time (advisory lock).
const std::string kMoveBatch =
    "WITH moved AS ("
    "  DELETE FROM webhook_logs WHERE ctid = ANY(ARRAY("
    "    SELECT ctid FROM webhook_logs WHERE" +
    kArchivable +
    " AND created_at >= $3::timestamptz"
    "    ORDER BY created_at LIMIT $2))"
    "  RETURNING id, event_id, event_type, status, payload, error_message, created_at),"
    " archived AS ("
    "  INSERT INTO webhook_logs_archive (id, event_id, event_type, status, payload, error_message, created_at)"
    "  SELECT id, event_id, event_type, status, payload, error_message, created_at FROM moved"
    "  ON CONFLICT (id) DO NOTHING RETURNING 1)"
    " SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM archived), (SELECT max(created_at)::text FROM moved)";

constexpr const char* kDeleteMetricsBatch =
    "DELETE FROM webhook_health_metrics WHERE id IN ("
    "  SELECT id FROM webhook_health_metrics WHERE recorded_at < $1::timestamptz"
    "  ORDER BY recorded_at LIMIT $2 FOR UPDATE SKIP LOCKED)";

long long count_older(pqxx::connection& conn, const std::string& sql, const std::string& cutoff) {
  pqxx::nontransaction tx(conn);
  return tx.exec_params(sql, cutoff)[0][0].as<long long>();
}

// Runs `batch` in its own transaction until it affects fewer than batch_size
// rows. A batch that fails to commit ends the run with an exception, so the
// totals it added are never reported.
template <typename Batch>
void run_batches(pqxx::connection& conn, const ArchiveLogsOptions& options, ArchiveLogsResult& result, int& batches,
                 Batch batch) {
  for (;;) {
    const auto t0 = std::chrono::steady_clock::now();
    pqxx::work tx(conn);
    const long long affected = batch(tx);
    tx.commit();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result.max_batch_seconds = std::max(result.max_batch_seconds, seconds);
    ++batches;
    if (options.after_batch) options.after_batch(result);
    if (affected < options.batch_size) return;
  }
}

}  // namespace

ArchiveLogsResult archive_logs(pqxx::connection& conn, const ArchiveLogsOptions& options) {
  // Fixed once per run, so rows that age past the threshold while the run goes
  // on do not keep it going.
  const std::string logs_cutoff = db::cutoff_before_now(conn, options.older_than);
  const std::string metrics_cutoff = db::cutoff_before_now(conn, options.metrics_older_than);
  ArchiveLogsResult result;
  if (options.dry_run) {
    result.archived = count_older(conn, "SELECT count(*) FROM webhook_logs WHERE" + kArchivable, logs_cutoff);
    result.deleted_metrics = count_older(
        conn, "SELECT count(*) FROM webhook_health_metrics WHERE recorded_at < $1::timestamptz", metrics_cutoff);
    return result;
  }

  // Each batch starts where the previous one ended, so rows held back for
  // replay (older, skipped) are not scanned again by every batch.
  std::string resume_from = "-infinity";
  run_batches(conn, options, result, result.batches, [&](pqxx::work& tx) {
    const auto row = tx.exec_params(kMoveBatch, logs_cutoff, options.batch_size, resume_from)[0];
    if (!row[2].is_null()) resume_from = row[2].as<std::string>();
    const long long moved = row[0].as<long long>();
    result.archived += moved;
    result.already_archived += moved - row[1].as<long long>();
    return moved;
  });
  result.held_for_replay = count_older(conn, "SELECT count(*) FROM webhook_logs WHERE" + kHeldForReplay, logs_cutoff);
  run_batches(conn, options, result, result.metrics_batches, [&](pqxx::work& tx) {
    const auto deleted =
        static_cast<long long>(tx.exec_params(kDeleteMetricsBatch, metrics_cutoff, options.batch_size).affected_rows());
    result.deleted_metrics += deleted;
    return deleted;
  });
  return result;
}

}  // namespace tshsync::repair
