#pragma once

#include <chrono>
#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/checks/health_alerts.hpp>
#include <tshsync/checks/health_figures.hpp>
#include <tshsync/checks/priority.hpp>

namespace tshsync::checks {

struct HealthOptions {
  std::chrono::seconds window{std::chrono::hours(1)};
  std::chrono::seconds stale_after{std::chrono::hours(2)};
  std::chrono::seconds stuck_after{std::chrono::hours(1)};
  std::chrono::seconds webhooks_quiet_after{std::chrono::hours(2)};  // [sync].webhooks_quiet_after
};

struct HealthReport {
  HealthFigures figures;
  HealthThresholds thresholds;
  std::vector<Alert> alerts;  // most urgent first
};

// Reads the figures (one read-only snapshot), judges them, then records every
// figure in webhook_health_metrics (a transaction of its own).
HealthReport check_health(pqxx::connection& conn, const HealthOptions& options);

nlohmann::json to_json(const Alert& alert);
// The whole report: figures, sync states, alerts (what `health --json` prints).
nlohmann::json to_json(const HealthReport& report);

}  // namespace tshsync::checks
