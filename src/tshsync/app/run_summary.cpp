#include <tshsync/app/run_summary.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <tshsync/zoho/item.hpp>

namespace tshsync::app {

namespace {

constexpr size_t kMaxItems = 3;

// Members through find_field and objects through object_t, not json::find or
// items(): GCC 12 at -O3 cannot tell that json's iterators are never null
// (-Wnull-dereference, an error in the release build).
std::string text_of(const nlohmann::json& object, const char* key) {
  const nlohmann::json* it = zoho::find_field(object, key);
  if (it == nullptr) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

void append(std::string& out, const std::string& item) { out += (out.empty() ? "" : "; ") + item; }

// validate: the error rules that failed (what made it exit 1), by name, then
// how many other rules only warn.
std::string failed_rules(const std::vector<core::RuleVerdict>& verdicts) {
  std::vector<const core::RuleVerdict*> by_name;
  by_name.reserve(verdicts.size());
  for (const auto& v : verdicts) by_name.push_back(&v);
  std::sort(by_name.begin(), by_name.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  std::string out;
  size_t shown = 0, failed = 0, warned = 0;
  for (const auto* rule : by_name) {
    if (rule->status == "warn") ++warned;
    if (rule->status != "fail") continue;
    ++failed;
    if (shown++ < kMaxItems) append(out, fmt::format("{} {} ({})", rule->name, rule->count, rule->severity));
  }
  if (failed > kMaxItems) append(out, fmt::format("{} more failing", failed - kMaxItems));
  if (warned > 0 && !out.empty()) append(out, fmt::format("{} rule{} warn", warned, warned == 1 ? "" : "s"));
  return out;
}

// health: its findings, most urgent first.
std::string health_findings(const std::vector<core::HealthFinding>& findings) {
  std::string out;
  for (size_t i = 0; i < findings.size() && i < kMaxItems; ++i)
    append(out,
           fmt::format("{} {}: {}", core::to_string(findings[i].priority), findings[i].check, findings[i].message));
  if (findings.size() > kMaxItems) append(out, fmt::format("{} more", findings.size() - kMaxItems));
  return out;
}

// Any other command: the counts that say what went wrong, then how much ran.
std::string telling_counts(const nlohmann::json& counts) {
  std::string out;
  for (const char* key : {"failed", "errors", "retried", "exhausted", "needs_human", "skipped", "fetched", "applied"}) {
    const nlohmann::json* it = zoho::find_field(counts, key);
    if (it != nullptr && it->is_number() && it->get<double>() != 0)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", it->dump(), key);
  }
  if (const nlohmann::json* overdue = zoho::find_field(counts, "overdue");
      overdue != nullptr && overdue->is_array() && !overdue->empty()) {
    out.clear();
    for (const auto& name : *overdue)
      out += (out.empty() ? "overdue: " : ", ") + (name.is_string() ? name.get<std::string>() : name.dump());
  }
  if (counts.contains("valid") && counts["valid"] == false)
    out = text_of(counts, "encoding") == "missing" ? "signature missing"
                                                   : "signature invalid (" + text_of(counts, "encoding") + ")";
  return out;
}

}  // namespace

std::string run_summary_line(const std::string& command, core::ExitCode exit_code, const core::RunReport& report) {
  const int code = core::to_int(exit_code);
  std::string line = command + (exit_code == core::ExitCode::partial ? " partly failed" : " found problems") +
                     " (exit " + std::to_string(code) + ")";
  const nlohmann::json& counts = report.counts();
  std::string why = failed_rules(report.rule_verdicts());
  if (why.empty()) why = health_findings(report.health_findings());
  if (why.empty()) why = telling_counts(counts);
  return why.empty() ? line : line + ": " + why;
}

}  // namespace tshsync::app
