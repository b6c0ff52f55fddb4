#include <tshsync/alerts/run_alerts.hpp>

#include <unistd.h>

#include <array>

#include <tshsync/alerts/alert_delivery.hpp>
#include <tshsync/alerts/alert_rules.hpp>
#include <tshsync/alerts/cooldown.hpp>
#include <tshsync/alerts/healthchecks_url.hpp>
#include <tshsync/core/log.hpp>
#include <tshsync/util/redact.hpp>

namespace tshsync::alerts {

std::string host_name() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0) return "unknown host";
  return std::string(name.data());
}

HealthchecksPings::HealthchecksPings(std::string url) : url_(std::move(url)), run_id_(new_run_id()) {}

void HealthchecksPings::run_started(const std::string& command) {
  try {
    AlertSender().ping(check_url_for(url_, command), "start?rid=" + run_id_,
                       "tshsync " + command + " started on " + host_name());
  } catch (const std::exception& e) {
    core::log_warn("healthchecks ping failed: {}", e.what());
  }
}

void HealthchecksPings::run_finished(const core::RunOutcome& outcome) {
  try {
    std::string body = "tshsync " + outcome.command + " " + core::to_string(outcome.status) + " on " + host_name();
    if (!outcome.error.empty()) body += ": " + outcome.error;
    // A run skipped because another holds the lock did not fail: the other
    // run reports. Logged, so a check that only ever skips still goes late.
    const std::string suffix =
        outcome.status == core::RunStatus::skipped ? "log" : std::to_string(core::to_int(outcome.exit_code));
    AlertSender().ping(check_url_for(url_, outcome.command), suffix + "?rid=" + run_id_, util::redact(body));
  } catch (const std::exception& e) {
    core::log_warn("healthchecks ping failed: {}", e.what());
  }
}

ChatAlerts::ChatAlerts(std::string webhook_url, std::string dsn, std::chrono::seconds cooldown)
    : webhook_url_(std::move(webhook_url)), dsn_(std::move(dsn)), cooldown_(cooldown) {}

void ChatAlerts::run_finished(const core::RunOutcome& outcome) {
  try {
    const auto alerts = alerts_for_run(outcome);
    if (alerts.empty()) return;
    const std::string host = host_name();
    CooldownLedger cooldowns(dsn_, cooldown_);
    AlertSender sender;
    for (const auto& alert : alerts) {
      const std::string key = cooldown_key(alert);
      const std::string text = alert_text(alert, host);
      if (!cooldowns.claim(key, text)) {
        core::log_verbose("alert not repeated within the cool-down: {}", text);
        continue;
      }
      if (!sender.post_chat_message(webhook_url_, text)) cooldowns.release(key);
    }
  } catch (const std::exception& e) {
    core::log_warn("could not send the run's alerts: {}", e.what());
  }
}

RunAlerts::RunAlerts(const core::Config& config, bool dry_run) {
  const core::AlertsConfig& settings = config.alerts;
  if (!settings.healthchecks_url.empty() && !dry_run) pings_.emplace(settings.healthchecks_url);
  if (!settings.slack_webhook_url.empty())
    chat_.emplace(settings.slack_webhook_url, config.database.dsn, settings.cooldown);
}

void RunAlerts::run_started(const std::string& command) {
  if (pings_) pings_->run_started(command);
}

void RunAlerts::run_finished(const core::RunOutcome& outcome) {
  if (pings_) pings_->run_finished(outcome);
  if (chat_) chat_->run_finished(outcome);
}

}  // namespace tshsync::alerts
