#pragma once

#include <chrono>
#include <functional>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::repair {

struct ArchiveLogsResult {
  long long archived = 0;          // webhook_logs rows moved out (or that would be, under dry_run)
  long long already_archived = 0;  // of those, rows found already copied (by an older, non-atomic cleanup)
  long long deleted_metrics = 0;   // webhook_health_metrics rows deleted
  long long held_for_replay = 0;   // old failed events kept until replay-dlq queues them
  int batches = 0;                 // webhook_logs batches
  int metrics_batches = 0;         // webhook_health_metrics batches
  double max_batch_seconds = 0;    // the longest single batch of either kind
};

struct ArchiveLogsOptions {
  std::chrono::seconds older_than{std::chrono::hours(24 * 90)};
  std::chrono::seconds metrics_older_than{std::chrono::hours(24 * 30)};
  long long batch_size = 5000;
  bool dry_run = false;
  // Called after every committed batch with the totals so far: progress,
  // cancellation (it may throw; the batches already committed stay done).
  std::function<void(const ArchiveLogsResult&)> after_batch;
};

// Moves old webhook_logs rows into webhook_logs_archive, then deletes old
// health metrics, each in short batches (one statement, one transaction), so a
// crash between batches neither loses nor duplicates a row and no batch holds
// its locks for long.
ArchiveLogsResult archive_logs(pqxx::connection& conn, const ArchiveLogsOptions& options);

}  // namespace tshsync::repair
