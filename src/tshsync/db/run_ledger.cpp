#include <tshsync/db/run_ledger.hpp>

#include <climits>

#include <unistd.h>

#include <pqxx/pqxx>

namespace tshsync::db {

namespace {
std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}
}  // namespace

RunLedger::RunLedger(pqxx::connection& conn, std::string sync_type) : conn_(conn), sync_type_(std::move(sync_type)) {}

int RunLedger::fail_orphans() {
  pqxx::nontransaction tx(conn_);
  const auto r = tx.exec_params(
      "UPDATE sync_logs SET status = 'failed', finished_at = now(),"
      " error_message = 'orphaned: the run that started it (pid ' || COALESCE(pid::text, '?') || ' on ' ||"
      " COALESCE(hostname, '?') || ') ended without finishing; failed by the next run'"
      " WHERE sync_type = $1 AND status = 'in_progress'",
      sync_type_);
  return static_cast<int>(r.affected_rows());
}

void RunLedger::start() {
  pqxx::nontransaction tx(conn_);
  id_ = tx.exec_params(
              "INSERT INTO sync_logs (sync_type, status, records_synced, created_at, hostname, pid)"
              " VALUES ($1, 'in_progress', 0, now(), $2, $3) RETURNING id",
              sync_type_, host_name(), static_cast<int>(::getpid()))[0][0]
            .as<long long>();
}

void RunLedger::finish(const std::string& status, long long records_synced, const std::string& error_message,
                       const nlohmann::json& details) {
  if (!id_) return;
  pqxx::nontransaction tx(conn_);
  const int records = static_cast<int>(records_synced > INT_MAX ? INT_MAX : records_synced);
  if (error_message.empty()) {
    tx.exec_params(
        "UPDATE sync_logs SET status = $2, records_synced = $3, finished_at = now(), details = $4::jsonb"
        " WHERE id = $1",
        *id_, status, records, details.dump());
  } else {
    tx.exec_params(
        "UPDATE sync_logs SET status = $2, records_synced = $3, finished_at = now(), details = $4::jsonb,"
        " error_message = $5 WHERE id = $1",
        *id_, status, records, details.dump(), error_message);
  }
  id_.reset();
}

}  // namespace tshsync::db
