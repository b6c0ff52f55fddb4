#include <tshsync/app/run_observer.hpp>

#include <tshsync/alerts/run_alerts.hpp>

namespace tshsync::app {

std::vector<std::unique_ptr<RunObserver>> make_run_observers(const core::Config& config, bool dry_run) {
  std::vector<std::unique_ptr<RunObserver>> observers;
  const core::AlertsConfig& settings = config.alerts;
  if (!settings.healthchecks_url.empty() && !dry_run)
    observers.push_back(std::make_unique<alerts::HealthchecksObserver>(settings.healthchecks_url));
  if (!settings.slack_webhook_url.empty())
    observers.push_back(
        std::make_unique<alerts::ChatAlertObserver>(settings.slack_webhook_url, config.database.dsn, settings.cooldown));
  return observers;
}

}  // namespace tshsync::app
