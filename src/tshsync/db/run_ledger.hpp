#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::db {

// A command's row in sync_logs: in_progress while it runs, then success,
// partial or failed on every way out. Writes are autocommitted, so the row is
// visible to fix-stuck and health while the run's own transactions are open.
class RunLedger {
 public:
  RunLedger(pqxx::connection& conn, std::string sync_type);

  // Called while holding the command's lock: any in_progress row of this type
  // belongs to a run that died without finishing (kill -9, power loss).
  int fail_orphans();

  void start();
  void finish(const std::string& status, long long records_synced, const std::string& error_message,
              const nlohmann::json& details);

 private:
  pqxx::connection& conn_;
  std::string sync_type_;
  std::optional<long long> id_;
};

}  // namespace tshsync::db
