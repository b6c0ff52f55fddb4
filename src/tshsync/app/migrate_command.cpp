#include <tshsync/app/migrate_command.hpp>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/db/migrations.hpp>

namespace tshsync::app {

core::ExitCode migrate_command(RunContext& ctx) {
  const db::MigrationPlan plan = db::plan_migrations(ctx.db);
  const int latest = db::latest_schema_version();
  if (plan.current_version > latest)
    throw core::config_error("the database schema (version " + std::to_string(plan.current_version) +
                             ") is newer than this tshsync knows (" + std::to_string(latest) + "): upgrade tshsync");
  ctx.report.set("from_version", plan.current_version);
  nlohmann::json names = nlohmann::json::array();
  for (const auto* m : plan.pending) names.push_back(m->name);
  if (plan.pending.empty()) {
    core::log_info("schema is up to date (version {})", plan.current_version);
    ctx.report.set("to_version", plan.current_version);
    ctx.report.set("applied", names);
    return core::ExitCode::success;
  }
  if (ctx.dry_run) {
    for (const auto* m : plan.pending) core::log_info("would apply {}", m->name);
    ctx.report.set("to_version", plan.current_version);
    ctx.report.set("pending", names);
    return core::ExitCode::success;
  }
  for (const auto* m : plan.pending) core::log_info("applying {}", m->name);
  db::apply_migrations(ctx.db, plan);
  ctx.report.set("to_version", latest);
  ctx.report.set("applied", names);
  core::log_info("schema is at version {}", latest);
  return core::ExitCode::success;
}

}  // namespace tshsync::app
