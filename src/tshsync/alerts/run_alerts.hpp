#pragma once

#include <chrono>
#include <string>

#include <tshsync/app/run_observer.hpp>

// The run observers [alerts] configures. Neither ever throws or changes the
// run's outcome: a failure to deliver is a warning.
namespace tshsync::alerts {

// healthchecks.io style: <url>/start when a run begins, <url>/<exit code> when it
// ends, <url>/log when it was skipped (another run holds the lock). "{command}"
// in the URL becomes the command's name; every ping carries ?rid=<run uuid>.
class HealthchecksObserver : public app::RunObserver {
 public:
  explicit HealthchecksObserver(std::string url);
  void run_started(const std::string& command) override;
  void run_finished(const app::RunOutcome& outcome) override;

 private:
  std::string url_;
  std::string run_id_;
};

// Slack-compatible chat messages for failed runs, health alerts and exhausted
// dead letters (alert_rules.hpp), each at most once per cool-down.
class ChatAlertObserver : public app::RunObserver {
 public:
  ChatAlertObserver(std::string webhook_url, std::string dsn, std::chrono::seconds cooldown);
  void run_started(const std::string& command) override;
  void run_finished(const app::RunOutcome& outcome) override;

 private:
  std::string webhook_url_;
  std::string dsn_;
  std::chrono::seconds cooldown_;
};

// This machine's name, for "... failed on <host>".
std::string host_name();

}  // namespace tshsync::alerts
