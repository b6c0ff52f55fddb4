#include <tshsync/app/archive_logs_command.hpp>

#include <cmath>

#include <tshsync/app/cancellation.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/util/duration.hpp>

namespace tshsync::app {

namespace {

void report_counts(core::RunReport& report, const repair::ArchiveLogsResult& r) {
  report.set("archived", r.archived);
  report.set("already_archived", r.already_archived);
  report.set("held_for_replay", r.held_for_replay);
  report.set("deleted_metrics", r.deleted_metrics);
  report.set("batches", r.batches);
  report.set("metrics_batches", r.metrics_batches);
  report.set("max_batch_seconds", std::round(r.max_batch_seconds * 1000.0) / 1000.0);
  report.records_synced = r.archived;
}

}  // namespace

core::ExitCode archive_logs_command(RunContext& ctx, repair::ArchiveLogsOptions options) {
  core::Progress progress;
  options.dry_run = ctx.dry_run;
  // Counts are kept current so an interrupted run still reports what it committed.
  options.after_batch = [&](const repair::ArchiveLogsResult& so_far) {
    report_counts(ctx.report, so_far);
    progress.update(
        fmt::format("archived {} webhook log(s), deleted {} metric(s)", so_far.archived, so_far.deleted_metrics));
    throw_if_cancelled();
  };
  const repair::ArchiveLogsResult result = repair::archive_logs(ctx.db, options);
  progress.finish();
  report_counts(ctx.report, result);

  const std::string logs_age = util::format_duration(options.older_than);
  const std::string metrics_age = util::format_duration(options.metrics_older_than);
  if (ctx.dry_run)
    core::log_info("would archive {} webhook log(s) older than {} and delete {} health metric(s) older than {}",
                   result.archived, logs_age, result.deleted_metrics, metrics_age);
  else
    core::log_info(
        "archived {} webhook log(s) older than {} in {} batch(es), deleted {} health metric(s) older than {}",
        result.archived, logs_age, result.batches, result.deleted_metrics, metrics_age);
  if (result.held_for_replay > 0)
    core::log_info("kept {} old failed webhook events until replay-dlq has queued them", result.held_for_replay);
  if (result.already_archived > 0)
    core::log_info("{} of them were already in the archive and were not copied twice", result.already_archived);
  return core::ExitCode::success;
}

}  // namespace tshsync::app
