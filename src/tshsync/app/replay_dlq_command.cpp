#include <tshsync/app/replay_dlq_command.hpp>

#include <tshsync/app/cancellation.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/webhooks/replay.hpp>

namespace tshsync::app {

namespace {

void report_counts(core::RunReport& report, const webhooks::ReplayResult& r, bool dry_run) {
  report.set("enqueued", r.enqueued);
  report.set("due", r.due);
  report.set("resolved", r.resolved);
  report.set("retried", r.retried);
  report.set("exhausted", r.exhausted);
  report.set("needs_human", r.needs_human);
  report.set("deferred", r.deferred);
  report.set("api_calls", r.api_calls);
  if (dry_run) {
    report.set("would_refetch", r.would_refetch);
    report.set("would_redeliver", r.would_redeliver);
  }
  // Chat alerts send one message per entry that gave up in this run.
  std::vector<core::ExhaustedDeadLetter> exhausted;
  for (const auto& e : r.newly_exhausted) exhausted.push_back({e.id, e.event_type, e.original_id, e.last_error});
  report.set_exhausted_dead_letters(std::move(exhausted));
  report.records_synced = r.resolved;
}

}  // namespace

core::ExitCode replay_dlq_command(RunContext& ctx, const ReplayDlqCommandOptions& options) {
  core::Progress progress;
  webhooks::ReplayOptions replay;
  replay.max_attempts = options.max_attempts.value_or(ctx.config.replay.max_attempts);
  replay.limit = options.limit;
  replay.dry_run = ctx.dry_run;
  replay.cancel = &cancel_flag();
  // Counts stay current, so an interrupted run still reports what it committed.
  replay.after_entry = [&](const webhooks::ReplayResult& so_far) {
    report_counts(ctx.report, so_far, ctx.dry_run);
    progress.update(fmt::format(
        "replayed {} of {} dead letter(s)",
        so_far.resolved + so_far.retried + so_far.exhausted + so_far.needs_human + so_far.deferred, so_far.due));
    throw_if_cancelled();
  };
  const webhooks::ReplayResult r = webhooks::replay_dead_letters(ctx.db, ctx.config, replay);
  progress.finish();
  report_counts(ctx.report, r, ctx.dry_run);

  if (ctx.dry_run) {
    core::log_info(
        "would enqueue {} failed webhook(s); {} due: {} to re-fetch from Zoho, {} to redeliver, "
        "{} for a human",
        r.enqueued, r.due, r.would_refetch, r.would_redeliver, r.needs_human);
    return core::ExitCode::success;
  }
  core::log_info(
      "enqueued {} failed webhook(s); {} due: {} resolved, {} retry later, {} exhausted, "
      "{} for a human{}",
      r.enqueued, r.due, r.resolved, r.retried, r.exhausted, r.needs_human,
      r.deferred > 0 ? fmt::format(", {} deferred (Zoho unreachable)", r.deferred) : std::string());
  return r.retried + r.exhausted > 0 ? core::ExitCode::partial : core::ExitCode::success;
}

}  // namespace tshsync::app
