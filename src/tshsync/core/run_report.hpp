#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace tshsync::core {

// The counts a command reports. They become top-level keys of the run's JSON
// metrics line (next to ts, command, status, exit_code, duration_seconds) and
// the details of its sync_logs row.
class RunReport {
 public:
  void set(const std::string& key, nlohmann::json value) { counts_[key] = std::move(value); }
  const nlohmann::json& counts() const { return counts_; }

  // What sync_logs.records_synced shows for this run.
  int64_t records_synced = 0;

 private:
  nlohmann::json counts_ = nlohmann::json::object();
};

}  // namespace tshsync::core
