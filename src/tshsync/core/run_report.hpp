#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tshsync/core/priority.hpp>

namespace tshsync::core {

// A problem health found, as the run reports it (one entry of the metrics key
// "alerts").
struct HealthFinding {
  Priority priority = Priority::p2;
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

// One validate rule's result, as the run reports it (one member of the
// metrics key "rules", named by the rule).
struct RuleVerdict {
  std::string name;      // "products_without_prices"
  std::string severity;  // error | warning | info
  int64_t count = 0;
  std::string status;                   // pass | fail | warn
  std::vector<nlohmann::json> samples;  // product ids: numbers, or strings for uuid keys
};

// How many of the rules of `severity` found something (did not pass).
int64_t rules_with_findings(const std::vector<RuleVerdict>& verdicts, const std::string& severity);

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

  // validate: every rule's verdict (metrics key "rules", an object by rule
  // name) and how many error and warning rules found something (metrics keys
  // "errors" and "warnings"; info rules are not counted).
  void set_rule_verdicts(std::vector<RuleVerdict> verdicts);
  const std::vector<RuleVerdict>& rule_verdicts() const { return rule_verdicts_; }

  // What sync_logs.records_synced shows for this run.
  int64_t records_synced = 0;

 private:
  nlohmann::json counts_ = nlohmann::json::object();
  std::vector<HealthFinding> health_findings_;
  std::vector<ExhaustedDeadLetter> exhausted_dead_letters_;
  std::vector<RuleVerdict> rule_verdicts_;
};

}  // namespace tshsync::core
