#include <tshsync/app/run_summary.hpp>

#include <fmt/format.h>

namespace tshsync::app {

namespace {

constexpr size_t kMaxItems = 3;

std::string text_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

void append(std::string& out, const std::string& item) { out += (out.empty() ? "" : "; ") + item; }

// validate: the error rules that failed (what made it exit 1), then how many
// other rules only warn.
std::string failed_rules(const nlohmann::json& rules) {
  std::string out;
  size_t shown = 0, failed = 0, warned = 0;
  for (const auto& [name, rule] : rules.items()) {
    if (!rule.is_object()) continue;
    const std::string status = text_of(rule, "status");
    if (status == "warn") ++warned;
    if (status != "fail") continue;
    ++failed;
    if (shown++ < kMaxItems)
      append(out, fmt::format("{} {} ({})", name, text_of(rule, "count"), text_of(rule, "severity")));
  }
  if (failed > kMaxItems) append(out, fmt::format("{} more failing", failed - kMaxItems));
  if (warned > 0 && !out.empty()) append(out, fmt::format("{} rule{} warn", warned, warned == 1 ? "" : "s"));
  return out;
}

// health: its alerts, most urgent first.
std::string health_alerts(const nlohmann::json& alerts) {
  std::string out;
  for (size_t i = 0; i < alerts.size() && i < kMaxItems; ++i) {
    const auto& a = alerts[i];
    append(out, a.is_object() ? fmt::format("{} {}: {}", text_of(a, "priority"), text_of(a, "check"),
                                            text_of(a, "message"))
                              : (a.is_string() ? a.get<std::string>() : a.dump()));
  }
  if (alerts.size() > kMaxItems) append(out, fmt::format("{} more", alerts.size() - kMaxItems));
  return out;
}

// Any other command: the counts that say what went wrong, then how much ran.
std::string telling_counts(const nlohmann::json& counts) {
  std::string out;
  for (const char* key : {"failed", "errors", "retried", "exhausted", "needs_human", "skipped", "fetched", "applied"}) {
    const auto it = counts.find(key);
    if (it != counts.end() && it->is_number() && it->get<double>() != 0)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", it->dump(), key);
  }
  if (const auto overdue = counts.find("overdue"); overdue != counts.end() && overdue->is_array() && !overdue->empty()) {
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

std::string run_summary_line(const std::string& command, int exit_code, const nlohmann::json& counts) {
  std::string line = command + (exit_code == 2 ? " partly failed" : " found problems") + " (exit " +
                     std::to_string(exit_code) + ")";
  if (!counts.is_object()) return line;
  std::string why;
  if (const auto rules = counts.find("rules"); rules != counts.end() && rules->is_object()) why = failed_rules(*rules);
  if (const auto alerts = counts.find("alerts"); why.empty() && alerts != counts.end() && alerts->is_array())
    why = health_alerts(*alerts);
  if (why.empty()) why = telling_counts(counts);
  return why.empty() ? line : line + ": " + why;
}

}  // namespace tshsync::app
