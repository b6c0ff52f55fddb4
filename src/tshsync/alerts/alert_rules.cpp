#include <tshsync/alerts/alert_rules.hpp>

#include <algorithm>
#include <optional>

namespace tshsync::alerts {

namespace {

using core::ExitCode;
using core::Priority;

// SIGTERM's exit code (128 + 15); SIGINT's is ExitCode::interrupted.
constexpr int kTerminated = 143;

std::optional<ChatAlert> exit_alert(const std::string& command, ExitCode exit_code, const std::string& error) {
  if (exit_code == ExitCode::success || exit_code == ExitCode::problems || exit_code == ExitCode::temp_fail)
    return std::nullopt;
  ChatAlert a;
  a.command = command;
  a.subject = std::to_string(core::to_int(exit_code));
  const std::string code = "exit " + a.subject;
  a.detail = error.empty() ? code : error + " (" + code + ")";
  if (exit_code == ExitCode::partial) {
    a.priority = Priority::p3;
    a.kind = "partial";
    a.summary = "partly failed";
  } else if (exit_code == ExitCode::interrupted || core::to_int(exit_code) == kTerminated) {
    a.priority = Priority::p3;
    a.kind = "interrupted";
    a.summary = "was interrupted";
  } else {
    a.kind = "failed";
    a.summary = "failed";
  }
  return a;
}

// All of health's findings in one message, most urgent first (as health lists them).
std::optional<ChatAlert> health_alert(const std::vector<core::HealthFinding>& findings) {
  if (findings.empty()) return std::nullopt;
  ChatAlert a;
  a.command = "health";
  a.kind = "health";
  a.priority = Priority::p4;
  std::string messages;
  for (const auto& finding : findings) {
    a.priority = std::min(a.priority, finding.priority,
                          [](Priority x, Priority y) { return static_cast<int>(x) < static_cast<int>(y); });
    messages += (messages.empty() ? "" : "; ") + finding.message;
  }
  a.subject = core::to_string(a.priority);  // an escalation gets through the cool-down
  a.summary = findings.size() == 1 ? "found 1 problem" : "found " + std::to_string(findings.size()) + " problems";
  a.detail = messages;
  return a;
}

std::vector<ChatAlert> exhausted_alerts(const std::string& command,
                                        const std::vector<core::ExhaustedDeadLetter>& entries) {
  std::vector<ChatAlert> out;
  for (const auto& entry : entries) {
    if (out.size() == kMaxExhaustedAlerts) break;
    ChatAlert a;
    a.command = command;
    a.kind = "dead_letter_exhausted";
    a.subject = entry.id;
    a.summary = "gave up on a webhook";
    a.detail = entry.event_type + " " + (entry.original_id.empty() ? entry.id : entry.original_id) +
               " exhausted its retries: " + entry.last_error;
    out.push_back(std::move(a));
  }
  if (entries.size() > kMaxExhaustedAlerts) {
    ChatAlert a;
    a.command = command;
    a.kind = "dead_letter_exhausted";
    a.subject = "more";
    a.summary = "gave up on more webhooks";
    a.detail = std::to_string(entries.size() - kMaxExhaustedAlerts) +
               " more dead letters exhausted their retries (tshsync health lists them)";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::vector<ChatAlert> alerts_for_run(const core::RunOutcome& outcome) {
  std::vector<ChatAlert> out;
  if (auto a = exit_alert(outcome.command, outcome.exit_code, outcome.error)) out.push_back(std::move(*a));
  if (outcome.command == "health" && outcome.exit_code == ExitCode::problems) {
    if (auto a = health_alert(outcome.report.health_findings())) out.push_back(std::move(*a));
  }
  for (auto& a : exhausted_alerts(outcome.command, outcome.report.exhausted_dead_letters()))
    out.push_back(std::move(a));
  return out;
}

}  // namespace tshsync::alerts
