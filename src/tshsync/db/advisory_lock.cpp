#include <tshsync/db/advisory_lock.hpp>

#include <pqxx/pqxx>

namespace tshsync::db {

LockKey lock_key_for(const std::string& command) {
  uint32_t hash = 2166136261u;
  for (const char c : command) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return LockKey{0x74736873, static_cast<int32_t>(hash & 0x7fffffffu)};
}

AdvisoryLock::AdvisoryLock(pqxx::connection& conn, const std::string& command)
    : conn_(conn), key_(lock_key_for(command)) {}

AdvisoryLock::~AdvisoryLock() {
  if (!held_) return;
  try {
    pqxx::nontransaction tx(conn_);
    tx.exec_params("SELECT pg_advisory_unlock($1, $2)", key_.classid, key_.objid);
  } catch (...) {
    // The connection is going away; PostgreSQL drops the lock with it.
  }
}

bool AdvisoryLock::try_acquire() {
  pqxx::nontransaction tx(conn_);
  held_ = tx.exec_params("SELECT pg_try_advisory_lock($1, $2)", key_.classid, key_.objid)[0][0].as<bool>();
  return held_;
}

bool lock_is_held(pqxx::connection& conn, const std::string& command) {
  const LockKey key = lock_key_for(command);
  pqxx::nontransaction tx(conn);
  return tx
      .exec_params(
          "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
          " AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 2"
          " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
          " AND pid <> pg_backend_pid())",
          key.classid, key.objid)[0][0]
      .as<bool>();
}

}  // namespace tshsync::db
