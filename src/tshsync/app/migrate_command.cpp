#include <tshsync/app/migrate_command.hpp>

#include <algorithm>
#include <iterator>
#include <set>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/db/erp_adoption.hpp>
#include <tshsync/db/erp_check.hpp>
#include <tshsync/db/migrations.hpp>
#include <tshsync/db/record_isolation.hpp>

namespace tshsync::app {

namespace {

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// The table an object of db::schema_objects belongs to ("" for a function).
std::string table_of(const std::string& object) {
  if (object.rfind("table ", 0) == 0) return object.substr(6);
  if (object.rfind("column ", 0) == 0) return object.substr(7, object.find('.') - 7);
  const size_t on = object.rfind(" on ");
  return on == std::string::npos ? "" : object.substr(on + 4);
}

// What a new table brings (its columns, indexes...) is said by "table X" alone.
std::vector<std::string> collapse_new_tables(const std::vector<std::string>& added) {
  std::set<std::string> new_tables;
  for (const auto& object : added)
    if (object.rfind("table ", 0) == 0) new_tables.insert(object.substr(6));
  std::vector<std::string> out;
  for (const auto& object : added)
    if (object.rfind("table ", 0) == 0 || !new_tables.count(table_of(object))) out.push_back(object);
  return out;
}

void apply_all(pqxx::transaction_base& tx, const db::MigrationPlan& plan, const core::Config& config) {
  db::apply_migrations(tx, plan);
  db::adopt_erp(tx, config.erp);
}

// Runs the whole migrate and reports what it changed in the catalog; a
// failure becomes one more problem. The caller rolls back.
void report_changes(RunContext& ctx, pqxx::transaction_base& tx, const db::MigrationPlan& plan,
                    std::vector<std::string>& problems) {
  std::vector<std::string> before = db::schema_objects(tx);
  std::sort(before.begin(), before.end());
  try {
    apply_all(tx, plan, ctx.config);
  } catch (const pqxx::sql_error& e) {
    // libpqxx has aborted the transaction: nothing was changed, and the
    // caller only reports now.
    problems.push_back("migrate fails on this database: " + db::rejection_reason(e));
    return;
  }
  std::vector<std::string> after = db::schema_objects(tx);
  std::sort(after.begin(), after.end());
  const auto added = collapse_new_tables(minus(after, before));
  const auto removed = minus(before, after);
  for (const auto& object : added) core::log_info("would add {}", object);
  for (const auto& object : removed) core::log_info("would remove {}", object);
  ctx.report.set("would_add", added);
  ctx.report.set("would_remove", removed);
}

}  // namespace

core::ExitCode migrate_command(RunContext& ctx, const MigrateCommandOptions& options) {
  const db::MigrationPlan plan = db::plan_migrations(ctx.db);
  const int latest = db::latest_schema_version();
  if (plan.current_version > latest)
    throw core::config_error("the database schema (version " + std::to_string(plan.current_version) +
                             ") is newer than this tshsync knows (" + std::to_string(latest) + "): upgrade tshsync");
  ctx.report.set("from_version", plan.current_version);
  nlohmann::json names = nlohmann::json::array();
  for (const auto* m : plan.pending) names.push_back(m->name);

  pqxx::work tx(ctx.db);
  std::vector<std::string> problems = db::erp_incompatibilities(tx, ctx.config.erp);
  if (options.check) report_changes(ctx, tx, plan, problems);
  for (const auto& problem : problems) core::log_error("incompatible: {}", problem);
  ctx.report.set("incompatibilities", static_cast<long long>(problems.size()));
  if (!problems.empty())
    throw core::config_error(std::to_string(problems.size()) + " incompatibilit" +
                             (problems.size() == 1 ? "y" : "ies") +
                             " with this database (listed above); nothing was changed: set the [erp] mapping and run "
                             "'tshsync migrate --check' again");
  if (options.check) {
    core::log_info("no incompatibilities: migrate would apply {} migration(s); nothing was changed",
                   plan.pending.size());
    ctx.report.set("to_version", plan.current_version);
    ctx.report.set("pending", names);
    return core::ExitCode::success;
  }
  if (ctx.dry_run) {
    for (const auto* m : plan.pending) core::log_info("would apply {}", m->name);
    ctx.report.set("to_version", plan.current_version);
    ctx.report.set("pending", names);
    return core::ExitCode::success;
  }
  for (const auto* m : plan.pending) core::log_info("applying {}", m->name);
  try {
    apply_all(tx, plan, ctx.config);
    tx.commit();
  } catch (const pqxx::sql_error& e) {
    throw core::config_error("migrate failed and changed nothing: " + db::rejection_reason(e) +
                             "; 'tshsync migrate --check' lists what it would do");
  }
  ctx.report.set("to_version", latest);
  ctx.report.set("applied", names);
  if (plan.pending.empty()) {
    core::log_info("schema is up to date (version {}); the [erp] mapping is applied", latest);
  } else {
    core::log_info("schema is at version {}", latest);
  }
  return core::ExitCode::success;
}

}  // namespace tshsync::app
