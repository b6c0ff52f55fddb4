#include <tshsync/repair/fix_stuck.hpp>

#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <tshsync/db/advisory_lock.hpp>
#include <tshsync/db/cutoff.hpp>

namespace tshsync::repair {

namespace {

// Rows older than the cutoff, minus the types whose command is running ($2: JSON array).
constexpr const char* kStuckCondition =
    " WHERE status = 'in_progress' AND created_at < $1::timestamptz"
    " AND sync_type NOT IN (SELECT jsonb_array_elements_text($2::jsonb))";

constexpr const char* kFailStuck =
    "UPDATE sync_logs SET status = 'failed', finished_at = now(),"
    " error_message = 'stuck in_progress since '"
    " || to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    " || ' with no running process; failed by tshsync fix-stuck'";

std::vector<std::string> old_in_progress_types(pqxx::connection& conn, const std::string& cutoff) {
  pqxx::nontransaction tx(conn);
  std::vector<std::string> types;
  const std::string sql = std::string("SELECT DISTINCT sync_type FROM sync_logs") + kStuckCondition;
  for (const auto& row : tx.exec_params(sql, cutoff, "[]")) types.push_back(row[0].as<std::string>());
  return types;
}

}  // namespace

FixStuckResult fix_stuck(pqxx::connection& conn, const FixStuckOptions& options) {
  // The cutoff is fixed before the locks are checked: a run that starts after
  // that moment writes a younger row, so it cannot be failed by mistake.
  const std::string cutoff = db::cutoff_before_now(conn, options.older_than);
  nlohmann::json running = nlohmann::json::array();
  for (const auto& type : old_in_progress_types(conn, cutoff))
    if (db::lock_is_held(conn, type)) running.push_back(type);

  FixStuckResult result;
  pqxx::work tx(conn);
  if (!running.empty())
    result.left_running = static_cast<int>(
        tx.exec_params("SELECT count(*) FROM sync_logs WHERE status = 'in_progress' AND created_at < $1::timestamptz"
                       " AND sync_type IN (SELECT jsonb_array_elements_text($2::jsonb))",
                       cutoff, running.dump())[0][0]
            .as<long long>());
  const std::string sql = options.dry_run ? std::string("SELECT sync_type FROM sync_logs") + kStuckCondition
                                          : std::string(kFailStuck) + kStuckCondition + " RETURNING sync_type";
  for (const auto& row : tx.exec_params(sql, cutoff, running.dump())) {
    ++result.by_type[row[0].as<std::string>()];
    ++result.fixed;
  }
  if (!options.dry_run) tx.commit();
  return result;
}

}  // namespace tshsync::repair
