#pragma once

#include <vector>

#include <nlohmann/json.hpp>
#include <tshsync/db/pqxx_fwd.hpp>

#include <tshsync/checks/health_figures.hpp>
#include <tshsync/checks/priority.hpp>

namespace tshsync::checks {

// The rows one health run records: [{"name", "value", "tags"}], tags null or
// an object ({"event_type": ...}, {"command": ...}). A sync that never
// succeeded has no age row: its alert says so.
nlohmann::json health_metric_rows(const HealthFigures& figures, const std::vector<Alert>& alerts);

// Inserts them into webhook_health_metrics in one statement and transaction.
void record_health_metrics(pqxx::connection& conn, const HealthFigures& figures, const std::vector<Alert>& alerts);

}  // namespace tshsync::checks
