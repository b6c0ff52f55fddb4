#include <tshsync/core/run_report.hpp>

namespace tshsync::core {

void RunReport::set_health_findings(std::vector<HealthFinding> findings) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : findings)
    list.push_back({{"priority", f.priority}, {"check", f.check}, {"subject", f.subject}, {"message", f.message}});
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

}  // namespace tshsync::core
