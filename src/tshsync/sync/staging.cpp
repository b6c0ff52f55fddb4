#include <tshsync/sync/staging.hpp>

#include <pqxx/pqxx>

namespace tshsync::sync {

namespace {

// Consumed rows stay behind as dead tuples (temporary tables are never
// vacuumed), and every merge scans them: past this size the stage is
// truncated. Truncating at every commit (ON COMMIT DELETE ROWS) cost more
// than the merge it served; once a megabyte, about every 25 pages, is noise.
constexpr int64_t kStageBytesBeforeTruncate = 1 << 20;

}  // namespace

void prepare_stage(pqxx::transaction_base& tx, const std::string& name, const std::string& columns_sql,
                   StageJoins joins) {
  // One round trip; the notice "already exists, skipping" is not wanted.
  std::string sql = "SET LOCAL client_min_messages = warning; ";
  if (joins == StageJoins::index_lookups) sql += "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; ";
  sql += "CREATE TEMP TABLE IF NOT EXISTS " + name + " (" + columns_sql + "); ";
  sql += "SELECT pg_relation_size('pg_temp." + name + "')";
  if (tx.exec(sql)[0][0].as<int64_t>() > kStageBytesBeforeTruncate) tx.exec("TRUNCATE pg_temp." + name);
}

}  // namespace tshsync::sync
