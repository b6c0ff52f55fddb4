#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/checks/validation_rules.hpp>

namespace tshsync::checks {

struct ValidateOptions {
  std::vector<std::string> rules;  // empty: every rule; names must exist (find_rule)
  int samples = 10;                // sample ids kept per rule
};

struct RuleResult {
  const ValidationRule* rule = nullptr;
  long long count = 0;
  std::string status;                   // pass | fail | warn
  std::vector<nlohmann::json> samples;  // product ids: numbers, or strings for uuid keys
};

struct ValidationRun {
  std::string run_id;  // one uuid shared by the run's result rows
  std::vector<RuleResult> results;
};

// Runs the rules (one aggregate statement each) and records the rule names
// and one product_validation_results row per rule, all in one transaction.
ValidationRun run_validation(pqxx::connection& conn, const ValidateOptions& options);

}  // namespace tshsync::checks
