#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tshsync::core {

// A problem health found, as the run reports it (one entry of the metrics key
// "alerts"). The priority is the audit's level as text: "P1" .. "P4".
struct HealthFinding {
  std::string priority;
  std::string check;    // "webhook_success_rate"
  std::string subject;  // "item.create", "" when the check has none
  std::string message;  // one line for an operator
};

// A dead letter whose retries this run spent (one entry of the metrics key
// "exhausted_entries").
struct ExhaustedDeadLetter {
  std::string id;
  std::string event_type;
  std::string original_id;
  std::string last_error;
};

// The counts a command reports. They become top-level keys of the run's JSON
// metrics line (next to ts, command, status, exit_code, duration_seconds) and
// the details of its sync_logs row.
//
// What alerts act on is typed: the setters below keep the member and write its
// metrics key in one place, so renaming a key cannot silently turn an alert off.
class RunReport {
 public:
  void set(const std::string& key, nlohmann::json value) { counts_[key] = std::move(value); }
  const nlohmann::json& counts() const { return counts_; }

  // health: every finding, most urgent first (metrics key "alerts").
  void set_health_findings(std::vector<HealthFinding> findings);
  const std::vector<HealthFinding>& health_findings() const { return health_findings_; }

  // replay-dlq: the dead letters that gave up in this run (metrics key
  // "exhausted_entries", present only when there are any).
  void set_exhausted_dead_letters(std::vector<ExhaustedDeadLetter> entries);
  const std::vector<ExhaustedDeadLetter>& exhausted_dead_letters() const { return exhausted_dead_letters_; }

  // What sync_logs.records_synced shows for this run.
  int64_t records_synced = 0;

 private:
  nlohmann::json counts_ = nlohmann::json::object();
  std::vector<HealthFinding> health_findings_;
  std::vector<ExhaustedDeadLetter> exhausted_dead_letters_;
};

}  // namespace tshsync::core
