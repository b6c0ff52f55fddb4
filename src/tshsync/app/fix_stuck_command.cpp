#include <tshsync/app/fix_stuck_command.hpp>

#include <tshsync/core/log.hpp>
#include <tshsync/util/duration.hpp>

namespace tshsync::app {

core::ExitCode fix_stuck_command(RunContext& ctx, repair::FixStuckOptions options) {
  options.dry_run = ctx.dry_run;
  const repair::FixStuckResult result = repair::fix_stuck(ctx.db, options);

  nlohmann::json by_type = nlohmann::json::object();
  std::string breakdown;
  for (const auto& [type, n] : result.by_type) {
    by_type[type] = n;
    breakdown += fmt::format("{}{}: {}", breakdown.empty() ? "" : ", ", type, n);
  }
  ctx.report.set("fixed", result.fixed);
  ctx.report.set("by_type", by_type);
  ctx.report.set("left_running", result.left_running);

  const std::string age = util::format_duration(options.older_than);
  if (result.fixed == 0)
    core::log_info("no sync_logs row stuck in_progress for more than {}", age);
  else
    core::log_info("{} {} sync_logs row(s) stuck in_progress for more than {} ({})",
                   ctx.dry_run ? "would fail" : "failed", result.fixed, age, breakdown);
  if (result.left_running > 0)
    core::log_info("left {} old in_progress row(s) alone: their command is running now", result.left_running);
  return core::ExitCode::success;
}

}  // namespace tshsync::app
