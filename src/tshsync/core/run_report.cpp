#include <tshsync/core/run_report.hpp>

#include <algorithm>

namespace tshsync::core {

int64_t rules_with_findings(const std::vector<RuleVerdict>& verdicts, const std::string& severity) {
  return std::count_if(verdicts.begin(), verdicts.end(),
                       [&](const RuleVerdict& v) { return v.status != "pass" && v.severity == severity; });
}

void RunReport::set_health_findings(std::vector<HealthFinding> findings) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : findings)
    list.push_back(
        {{"priority", to_string(f.priority)}, {"check", f.check}, {"subject", f.subject}, {"message", f.message}});
  counts_["alerts"] = std::move(list);
  health_findings_ = std::move(findings);
}

void RunReport::set_exhausted_dead_letters(std::vector<ExhaustedDeadLetter> entries) {
  if (entries.empty()) {
    counts_.erase("exhausted_entries");
  } else {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : entries)
      list.push_back(
          {{"id", e.id}, {"event_type", e.event_type}, {"original_id", e.original_id}, {"last_error", e.last_error}});
    counts_["exhausted_entries"] = std::move(list);
  }
  exhausted_dead_letters_ = std::move(entries);
}

void RunReport::set_rule_verdicts(std::vector<RuleVerdict> verdicts) {
  nlohmann::json rules = nlohmann::json::object();
  for (const auto& v : verdicts)
    rules[v.name] = {{"severity", v.severity}, {"count", v.count}, {"status", v.status}, {"samples", v.samples}};
  counts_["rules"] = std::move(rules);
  counts_["errors"] = rules_with_findings(verdicts, "error");
  counts_["warnings"] = rules_with_findings(verdicts, "warning");
  rule_verdicts_ = std::move(verdicts);
}

}  // namespace tshsync::core
