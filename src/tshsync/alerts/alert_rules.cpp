#include <tshsync/alerts/alert_rules.hpp>

#include <algorithm>
#include <optional>

namespace tshsync::alerts {

namespace {

using checks::Priority;

std::string text_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Priority parse_priority(const std::string& text) {
  if (text == "P1") return Priority::p1;
  if (text == "P3") return Priority::p3;
  if (text == "P4") return Priority::p4;
  return Priority::p2;
}

std::optional<Alert> exit_alert(const std::string& command, int exit_code, const std::string& error) {
  Alert a;
  a.command = command;
  a.subject = std::to_string(exit_code);
  const std::string code = "exit " + std::to_string(exit_code);
  a.detail = error.empty() ? code : error + " (" + code + ")";
  if (exit_code == 0 || exit_code == 1 || exit_code == 75) return std::nullopt;
  if (exit_code == 2) {
    a.priority = Priority::p3;
    a.kind = "partial";
    a.summary = "partly failed";
  } else if (exit_code == 130 || exit_code == 143) {
    a.priority = Priority::p3;
    a.kind = "interrupted";
    a.summary = "was interrupted";
  } else {
    a.kind = "failed";
    a.summary = "failed";
  }
  return a;
}

// All of health's alerts in one message, most urgent first (as health lists them).
std::optional<Alert> health_alert(const nlohmann::json& list) {
  if (!list.is_array() || list.empty()) return std::nullopt;
  Alert a;
  a.command = "health";
  a.kind = "health";
  a.priority = Priority::p4;
  std::string messages;
  for (const auto& item : list) {
    const std::string message = item.is_string() ? item.get<std::string>() : text_of(item, "message");
    if (item.is_object())
      a.priority = std::min(a.priority, parse_priority(text_of(item, "priority")),
                            [](Priority x, Priority y) { return static_cast<int>(x) < static_cast<int>(y); });
    messages += (messages.empty() ? "" : "; ") + message;
  }
  a.subject = checks::to_string(a.priority);  // an escalation gets through the cool-down
  a.summary = list.size() == 1 ? "found 1 problem" : "found " + std::to_string(list.size()) + " problems";
  a.detail = messages;
  return a;
}

std::vector<Alert> exhausted_alerts(const std::string& command, const nlohmann::json& list) {
  std::vector<Alert> out;
  if (!list.is_array()) return out;
  for (const auto& entry : list) {
    if (out.size() == kMaxExhaustedAlerts) break;
    Alert a;
    a.command = command;
    a.kind = "dead_letter_exhausted";
    a.subject = text_of(entry, "id");
    a.summary = "gave up on a webhook";
    const std::string original = text_of(entry, "original_id");
    a.detail = text_of(entry, "event_type") + " " + (original.empty() ? a.subject : original) +
               " exhausted its retries: " + text_of(entry, "last_error");
    out.push_back(std::move(a));
  }
  if (list.size() > kMaxExhaustedAlerts) {
    Alert a;
    a.command = command;
    a.kind = "dead_letter_exhausted";
    a.subject = "more";
    a.summary = "gave up on more webhooks";
    a.detail = std::to_string(list.size() - kMaxExhaustedAlerts) +
               " more dead letters exhausted their retries (tshsync health lists them)";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::vector<Alert> alerts_for_run(const std::string& command, int exit_code, const std::string& error,
                                  const nlohmann::json& counts) {
  std::vector<Alert> out;
  if (auto a = exit_alert(command, exit_code, error)) out.push_back(std::move(*a));
  if (!counts.is_object()) return out;
  if (command == "health" && exit_code == 1) {
    if (auto a = health_alert(counts.value("alerts", nlohmann::json()))) out.push_back(std::move(*a));
  }
  for (auto& a : exhausted_alerts(command, counts.value("exhausted_entries", nlohmann::json())))
    out.push_back(std::move(a));
  return out;
}

}  // namespace tshsync::alerts
