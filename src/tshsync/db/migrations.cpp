#include <tshsync/db/migrations.hpp>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>

namespace tshsync::db {

namespace {

constexpr const char* kCreateLedger = R"(
CREATE TABLE IF NOT EXISTS tshsync_schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
))";

}  // namespace

int latest_schema_version() {
  const auto& all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

int applied_schema_version(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  const auto exists = tx.exec("SELECT to_regclass('tshsync_schema_migrations') IS NOT NULL");
  if (!exists[0][0].as<bool>()) return 0;
  return tx.exec("SELECT COALESCE(max(version), 0) FROM tshsync_schema_migrations")[0][0].as<int>();
}

MigrationPlan plan_migrations(pqxx::connection& conn) {
  MigrationPlan plan;
  plan.current_version = applied_schema_version(conn);
  for (const auto& m : embedded_migrations())
    if (m.version > plan.current_version) plan.pending.push_back(&m);
  return plan;
}

std::vector<int> apply_migrations(pqxx::transaction_base& tx, const MigrationPlan& plan) {
  std::vector<int> applied;
  if (plan.pending.empty()) return applied;
  tx.exec(kCreateLedger);
  for (const Migration* m : plan.pending) {
    // A second migrate that raced past the advisory lock would fail here on the
    // primary key rather than apply a migration twice.
    tx.exec(m->sql);
    tx.exec_params("INSERT INTO tshsync_schema_migrations (version, name) VALUES ($1, $2)", m->version, m->name);
    applied.push_back(m->version);
  }
  return applied;
}

void require_current_schema(pqxx::connection& conn) {
  const int applied = applied_schema_version(conn);
  const int latest = latest_schema_version();
  if (applied < latest)
    throw core::config_error("the database schema is at version " + std::to_string(applied) +
                             " and this tshsync needs " + std::to_string(latest) + ": run 'tshsync migrate' first");
  if (applied > latest)
    throw core::config_error("the database schema (version " + std::to_string(applied) +
                             ") is newer than this tshsync knows (" + std::to_string(latest) + "): upgrade tshsync");
}

}  // namespace tshsync::db
