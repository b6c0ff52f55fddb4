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
  void add(const std::string& key, int64_t delta = 1) {
    auto& v = counts_[key];
    v = (v.is_number() ? v.get<int64_t>() : 0) + delta;
  }
  int64_t get(const std::string& key) const {
    auto it = counts_.find(key);
    return it != counts_.end() && it->is_number() ? it->get<int64_t>() : 0;
  }
  const nlohmann::json& counts() const { return counts_; }

  // What sync_logs.records_synced shows for this run.
  int64_t records_synced = 0;

 private:
  nlohmann::json counts_ = nlohmann::json::object();
};

}  // namespace tshsync::core
