#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <tshsync/core/config.hpp>
#include <tshsync/core/run_outcome.hpp>

// What [alerts] asks to be told about a run. Nothing here ever throws or
// changes the run's outcome: a failure to deliver is a warning.
namespace tshsync::alerts {

// healthchecks.io style: <url>/start when a run begins, <url>/<exit code> when it
// ends, <url>/log when it was skipped (another run holds the lock). "{command}"
// in the URL becomes the command's name; every ping carries ?rid=<run uuid>.
class HealthchecksPings {
 public:
  explicit HealthchecksPings(std::string url);
  void run_started(const std::string& command);
  void run_finished(const core::RunOutcome& outcome);

 private:
  std::string url_;
  std::string run_id_;
};

// Slack-compatible chat messages for failed runs, health findings and
// exhausted dead letters (alert_rules.hpp), each at most once per cool-down.
class ChatAlerts {
 public:
  ChatAlerts(std::string webhook_url, std::string dsn, std::chrono::seconds cooldown);
  void run_finished(const core::RunOutcome& outcome);

 private:
  std::string webhook_url_;
  std::string dsn_;
  std::chrono::seconds cooldown_;
};

// Both, as the configuration asks for them: no URL, no pings or messages. A
// dry run pings no healthchecks: its exit 0 must not mark a failing check healthy.
class RunAlerts {
 public:
  RunAlerts() = default;
  RunAlerts(const core::Config& config, bool dry_run);
  void run_started(const std::string& command);
  void run_finished(const core::RunOutcome& outcome);

 private:
  std::optional<HealthchecksPings> pings_;
  std::optional<ChatAlerts> chat_;
};

// This machine's name, for "... failed on <host>".
std::string host_name();

}  // namespace tshsync::alerts
